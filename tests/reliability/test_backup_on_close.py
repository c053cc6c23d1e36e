"""The backup the start makes when the data changed since the newest backup is made when the window
closes instead; the next start then opens without copying the file first, and still backs up itself when
the close did not (killed, power cut)."""

from __future__ import annotations

import pytest

from regisseur_app.domain.core.settings import set_setting
from regisseur_app.startup import backup_on_close, open_context
from regisseur_app.storage import backup
from tests.reliability.helpers import set_up_db


@pytest.fixture
def db(tmp_path):
    paths = set_up_db(tmp_path)
    open_context(paths).close()  # the start backs up the set-up data
    return paths


def _backups(paths):
    return backup.list_backups(paths.backup_dir, with_counts=False)


def test_changed_data_are_backed_up_at_close_and_not_again_at_the_next_start(db):
    ctx = open_context(db)
    before = len(_backups(db))
    assert backup_on_close(ctx) is None, "nothing changed: no backup"
    with ctx.transaction() as session:
        set_setting(session, "association_name", "IGO nieuw")
    made = backup_on_close(ctx)
    ctx.close()
    assert made is not None and len(_backups(db)) == before + 1
    assert backup.read_generation(made) == backup.read_generation(db.db_path)
    assert not backup.needs_backup(db.db_path, db.backup_dir)
    open_context(db).close()
    assert len(_backups(db)) == before + 1, "the next start found the newest backup current"


def test_without_the_close_backup_the_next_start_still_makes_it(db):
    ctx = open_context(db)
    before = len(_backups(db))
    with ctx.transaction() as session:
        set_setting(session, "association_name", "IGO nieuw")
    ctx.close()  # as if the process was killed before the window closed
    open_context(db).close()
    assert len(_backups(db)) == before + 1
    assert not backup.needs_backup(db.db_path, db.backup_dir)
