"""The verified backup before a risky operation (@operation(backup=True)): made when the data changed since
the newest backup, and not copied again when the newest backup already holds this very data."""

import sqlite3

from regisseur_app.domain.core import codelists, organisation_service
from regisseur_app.domain.core.organisation_service import OrganisationInput
from regisseur_app.operations.base import Op, operation
from regisseur_app.storage import backup


@operation(changes={"organisations"}, backup=True)
def _risky_add(op: Op, name: str) -> int:
    type_id = codelists.list_items(op.session, codelists.ORGANISATION_TYPE)[0].id
    return organisation_service.save_organisation(op.session, OrganisationInput(name, type_id))


def _backups(ctx):
    return backup.list_backups(ctx.paths.backup_dir, with_counts=False)


def _count_in(path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT count(*) FROM organisation").fetchone()[0]
    finally:
        conn.close()


def test_backup_before_the_operation_only_when_the_newest_does_not_hold_the_data(app_ctx):
    _risky_add(app_ctx, "Een")  # no backup yet: one is made first, of the state before
    [first] = _backups(app_ctx)
    assert _count_in(first.path) == 0

    newest = backup.make_backup(app_ctx.db_path, app_ctx.paths.backup_dir)  # as the window's close makes it
    assert _count_in(newest) == 1
    _risky_add(app_ctx, "Twee")  # the newest backup holds this very data: not copied again
    assert [b.path for b in _backups(app_ctx)][0] == newest and len(_backups(app_ctx)) == 2

    _risky_add(app_ctx, "Drie")  # "Twee" came after the newest backup: a new one first, holding it
    assert len(_backups(app_ctx)) == 3
    assert _count_in(_backups(app_ctx)[0].path) == 2
