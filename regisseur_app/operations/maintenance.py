"""Backups, the database check and restore: user actions of Bestand › Back-up…, also used by the CLI.

Storage knows no table of ours: the counts shown with a backup come from the registry
(`features.backup_counts()`), and what a feature must do after a restore is its `after_restore` hook
(startup.restore_backup runs them).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from regisseur_app import features
from regisseur_app.storage import backup, recovery
from regisseur_app.storage.integrity import IntegrityReport, check_database

if TYPE_CHECKING:
    from regisseur_app.context import AppContext


def make_backup(ctx: AppContext) -> Path:
    """A verified backup now (Ctrl+Shift+B)."""
    return backup.make_backup(ctx.db_path, ctx.paths.backup_dir)


def list_backups(ctx: AppContext) -> list[backup.BackupInfo]:
    """The backups, newest first, with the counts the features register."""
    return backup.list_backups(ctx.paths.backup_dir, counts=features.backup_counts())


def check(db_path: Path) -> IntegrityReport:
    """'Database controleren' (also `regisseur-app check` without an open context): storage, and each
    feature's own checks (e.g. the audit chain of the referrals)."""
    return check_database(db_path, features.backup_counts(), features.checks())


def repair_indexes(ctx: AppContext) -> recovery.Diagnosis:
    """Rebuild damaged indexes from the rows (a copy of the damaged file kept first); see storage.recovery."""
    after = recovery.repair_indexes(ctx.db_path, ctx.paths.backup_dir)
    if after.ok:
        ctx.start_problems = []
        ctx.announce({"restored"})
    return after


def restore(ctx: AppContext, backup_path: Path) -> None:
    """Put a backup back (a safety backup of the current state first); then every feature's restore hook."""
    from regisseur_app.startup import restore_backup

    restore_backup(ctx, backup_path)
    ctx.announce({"restored"})
