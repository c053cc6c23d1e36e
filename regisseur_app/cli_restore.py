"""`regisseur-app restore`: list the backups, or restore one, without a window (no Qt here except the lock)."""

from __future__ import annotations

import sys
from pathlib import Path

from regisseur_app.formatting import format_bytes, format_datetime, format_number
from regisseur_app.storage.backup import BackupError, integrity_errors, list_backups


def run_restore(paths, choice: str | None, yes: bool) -> int:  # noqa: ANN001 - AppPaths
    """List the backups (no `choice`), or restore `choice`: a number from the list, 'nieuwste', or a path."""
    from regisseur_app import features

    backups = list_backups(paths.backup_dir, counts=features.backup_counts())
    if choice is None:
        if not backups:
            print(f"Er zijn geen back-ups in {paths.backup_dir}.")
            return 0
        print(f"Back-ups van {paths.db_path} (nieuwste eerst):")
        for number, info in enumerate(backups, start=1):
            counts = ", ".join(f"{format_number(n)} {label}" for label, n in info.counts.items())
            state = "in orde" if not integrity_errors(info.path) else "BESCHADIGD"
            print(f"  {number:>3}  {format_datetime(info.created)}  {format_bytes(info.size):>10}  {state:<10} {counts}")
        print("Terugzetten: regisseur-app restore NUMMER (of 'nieuwste', of het pad naar een back-up).")
        return 0
    chosen = _choose(backups, choice)
    if chosen is None:
        print(f"Geen back-up '{choice}'. Toon de lijst met: regisseur-app restore", file=sys.stderr)
        return 2
    if not yes:
        answer = input(f"De database {paths.db_path} wordt vervangen door {chosen.name}; eerst wordt een kopie van "
                       "de huidige toestand bewaard. Doorgaan? [j/N] ")
        if answer.strip().lower() not in ("j", "ja", "y", "yes"):
            print("Niets gewijzigd.")
            return 1
    from regisseur_app.ui.instance_lock import InstanceLock

    lock = InstanceLock(paths.db_path)
    if not lock.acquire():
        print(lock.message()[1], file=sys.stderr)
        return 3
    try:
        return _restore(paths, chosen)
    finally:
        lock.release()


def _choose(backups, choice: str) -> Path | None:  # noqa: ANN001
    if choice.lower() in ("nieuwste", "newest", "laatste"):
        return backups[0].path if backups else None
    if choice.isdigit():
        index = int(choice) - 1
        return backups[index].path if 0 <= index < len(backups) else None
    path = Path(choice).expanduser()
    return path if path.is_file() else None


def _restore(paths, chosen: Path) -> int:  # noqa: ANN001
    from regisseur_app.startup import DatabaseDamagedError, open_after_file_restore, open_context, restore_backup
    from regisseur_app.storage import recovery
    from regisseur_app.storage.errors import StorageError
    from regisseur_app.storage.migrations import NewerDatabaseError

    try:
        if paths.db_path.exists() and paths.db_path.stat().st_size and recovery.diagnose(paths.db_path).ok:
            ctx = open_context(paths)
            try:
                restore_backup(ctx, chosen)
            finally:
                ctx.close()
            print(f"Teruggezet: {chosen.name}. Er is eerst een back-up van de vorige toestand gemaakt.")
            return 0
        safety = recovery.restore_file(paths.db_path, chosen, paths.backup_dir)
        open_after_file_restore(paths, safety).close()
        print(f"Teruggezet: {chosen.name}. De beschadigde database is bewaard als {safety}.")
        return 0
    except (BackupError, StorageError, NewerDatabaseError, DatabaseDamagedError, RuntimeError) as exc:
        print(f"Terugzetten mislukt: {exc}", file=sys.stderr)
        return 1
