"""Open a database the safe way: refuse newer schemas, back up, migrate, seed reference data."""

from __future__ import annotations

import logging
from pathlib import Path

from regisseur_app import features
from regisseur_app.context import AppContext, AppPaths
from regisseur_app.domain.core.settings import DATA_GENERATION, set_setting
from regisseur_app.domain.core.setup import ensure_reference_data
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
        features.run_on_open(ctx)
        if existed and backup.needs_backup(paths.db_path, paths.backup_dir):
            backup.make_backup(paths.db_path, paths.backup_dir)
    except Exception:
        ctx.close()
        raise
    return ctx


class RestoreIncompleteError(RuntimeError):
    """The backup was put in place, but bringing it up to date failed afterwards."""


def restore_backup(ctx: AppContext, backup_path: Path) -> None:
    """Back up the current state, copy `backup_path` into the database, and migrate it."""
    if not backup_path.exists():
        raise backup.BackupError(f"Back-up {backup_path.name} bestaat niet meer (verwijderd of verplaatst).")
    migrations.check_file_not_newer(backup_path)
    problems = backup.integrity_errors(backup_path)
    if problems:
        raise backup.BackupError(f"Back-up {backup_path.name} is beschadigd: " + "; ".join(problems[:5]))
    # no rotation yet: it could delete the very backup that is about to be restored
    safety = backup.make_backup(ctx.db_path, ctx.paths.backup_dir, rotate_after=False)
    with ctx.engine.connect() as conn:
        backup.restore_into(conn.connection.driver_connection, backup_path)
    try:
        migrations.upgrade_to_head(ctx.engine)
        with ctx.transaction() as session:
            ensure_reference_data(session)
            # the restored data are new compared to every backup: make the next start back them up
            set_setting(session, DATA_GENERATION, str(backup.highest_generation(ctx.paths.backup_dir) + 1))
    except Exception as exc:
        raise RestoreIncompleteError(
            f"De back-up is teruggezet, maar bijwerken naar deze versie van Regisseur mislukte: {exc}. "
            "Zet zo nodig de back-up van vlak voor het terugzetten terug.") from exc
    backup.rotate(ctx.paths.backup_dir)
    # e.g. referrals: an erased referral stays erased (register outside the database file), and no code
    # issued before the restore (found in the safety backup) is handed out again
    features.run_after_restore(ctx, safety)
