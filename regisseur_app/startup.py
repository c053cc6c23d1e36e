"""Open a database the safe way: refuse newer schemas, back up, migrate, seed reference data."""

from __future__ import annotations

import logging
from pathlib import Path

from regisseur_app import features
from regisseur_app.context import AppContext, AppPaths
from regisseur_app.domain.core.settings import DATA_GENERATION, set_setting
from regisseur_app.domain.core.setup import ensure_reference_data
from regisseur_app.storage import backup, migrations
from regisseur_app.storage.errors import DAMAGE_REASONS, storage_error, storage_reason, unreadable_database_errors
from regisseur_app.storage.integrity import quick_check

log = logging.getLogger(__name__)


class DatabaseDamagedError(RuntimeError):
    """The database fails its check or cannot be opened: the UI shows the recovery window."""

    def __init__(self, message: str, problems: list[str] | None = None):
        super().__init__(message)
        self.problems = problems or []


def open_context(paths: AppPaths, demo: bool = False) -> AppContext:
    """Return a ready AppContext. Raises NewerDatabaseError, DatabaseDamagedError, BackupError or StorageError.

    Before anything writes to an existing file it is checked read-only (`quick_check`, schema revision),
    so a refused file stays byte-identical. `ctx.start_problems` lists damage found later at this start
    (a backup whose check failed): the start goes on and the window offers the repair."""
    existed = paths.db_path.exists() and paths.db_path.stat().st_size > 0
    if existed:
        backup.remove_stale_temp_files(paths.backup_dir)
        if not quick_check(paths.db_path):
            raise DatabaseDamagedError(f"De database {paths.db_path} is beschadigd of kan niet geopend worden.")
        migrations.check_file_not_newer(paths.db_path)
    ctx = AppContext(paths, demo=demo)
    try:
        if existed and migrations.needs_upgrade(ctx.engine):
            log.info("backup before migration of %s", paths.db_path)
            try:
                backup.make_backup(paths.db_path, paths.backup_dir)
            except backup.SourceDamagedError as exc:
                raise DatabaseDamagedError(str(exc), exc.problems) from exc
        migrations.upgrade_to_head(ctx.engine)
        with ctx.transaction() as session:
            ensure_reference_data(session)
        features.run_on_open(ctx)
        if existed and backup.needs_backup(paths.db_path, paths.backup_dir):
            try:
                backup.make_backup(paths.db_path, paths.backup_dir)
            except backup.SourceDamagedError as exc:  # e.g. index damage quick_check does not see
                log.error("start-up backup refused: %s", exc)
                ctx.start_problems = exc.problems
    except Exception as exc:
        ctx.close()
        if storage_reason(exc) in DAMAGE_REASONS:  # damage that surfaced while migrating or seeding
            raise DatabaseDamagedError(f"De database {paths.db_path} is beschadigd: {exc}") from exc
        translated = storage_error(exc, "Het openen van de database", paths.db_path)
        if translated is not exc:
            raise translated from exc
        raise
    return ctx


def backup_on_close(ctx: AppContext) -> Path | None:
    """When the window closes: back up the data if they changed since the newest backup (a verified copy,
    the same one the next start would make). The next start then finds the newest backup current and
    opens without copying a large file first (≈ 1-2 s on a 57 MB region), while its own check still makes
    the backup when this one did not happen (killed, power cut, a failure here). A failure is logged,
    never shown: the data are intact and the next start tries again."""
    paths = ctx.paths
    try:
        if paths.db_path.exists() and backup.needs_backup(paths.db_path, paths.backup_dir):
            return backup.make_backup(paths.db_path, paths.backup_dir)
    except Exception as exc:  # noqa: BLE001 - at close: logged; the next start backs up instead
        log.warning("backup at close not made: %s", exc)
    return None


def open_after_file_restore(paths: AppPaths, safety: Path | None, demo: bool = False) -> AppContext:
    """Open a database that `storage.recovery.restore_file` has just put in place, and run what follows
    a restore: a new data generation (the next start backs it up) and the features' after-restore hooks
    with the damaged file's copy (read where it can still be read)."""
    ctx = open_context(paths, demo=demo)
    try:
        with ctx.transaction() as session:
            set_setting(session, DATA_GENERATION, str(backup.highest_generation(paths.backup_dir) + 1))
        try:
            features.run_after_restore(ctx, safety)
        except unreadable_database_errors() as exc:  # the damaged copy cannot be read: hooks without it
            log.warning("after-restore hooks could not read %s: %s", safety, exc)
            features.run_after_restore(ctx, None)
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
