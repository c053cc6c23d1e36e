"""Open a database the safe way: refuse newer schemas, back up, migrate, seed reference data."""

from __future__ import annotations

import logging

from regisseur_app.context import AppContext, AppPaths
from regisseur_app.domain.setup import ensure_reference_data
from regisseur_app.storage import backup, migrations
from regisseur_app.storage.integrity import quick_check

log = logging.getLogger(__name__)


class DatabaseDamagedError(RuntimeError):
    pass


def open_context(paths: AppPaths, demo: bool = False) -> AppContext:
    """Return a ready AppContext. Raises NewerDatabaseError, DatabaseDamagedError or BackupError."""
    existed = paths.db_path.exists() and paths.db_path.stat().st_size > 0
    ctx = AppContext(paths, demo=demo)
    try:
        if existed:
            if not quick_check(paths.db_path):
                raise DatabaseDamagedError(
                    f"De database {paths.db_path} is beschadigd (quick_check faalt). "
                    "Zet een back-up terug via 'Bestand › Back-up terugzetten…' of vraag hulp."
                )
            migrations.check_not_newer(ctx.engine)
            if migrations.needs_upgrade(ctx.engine):
                log.info("backup before migration of %s", paths.db_path)
                backup.make_backup(paths.db_path, paths.backup_dir)
        migrations.upgrade_to_head(ctx.engine)
        with ctx.transaction() as session:
            ensure_reference_data(session)
        if existed and backup.needs_backup(paths.db_path, paths.backup_dir):
            backup.make_backup(paths.db_path, paths.backup_dir)
    except Exception:
        ctx.close()
        raise
    return ctx


def restore_backup(ctx: AppContext, backup_path) -> None:  # noqa: ANN001
    """Back up the current state, put `backup_path` in place, and migrate it to the current schema."""
    migrations.check_file_not_newer(backup_path)
    problems = backup.integrity_errors(backup_path)
    if problems:
        raise backup.BackupError(f"Back-up {backup_path.name} is beschadigd: " + "; ".join(problems[:5]))
    backup.make_backup(ctx.db_path, ctx.paths.backup_dir)
    ctx.release()
    backup.restore_file(backup_path, ctx.db_path)
    migrations.check_not_newer(ctx.engine)
    migrations.upgrade_to_head(ctx.engine)
    with ctx.transaction() as session:
        ensure_reference_data(session)
