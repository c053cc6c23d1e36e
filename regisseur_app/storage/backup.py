"""Verified backups with the SQLite backup API, rotation, listing and restore.

A backup is written to a temporary file, checked with `PRAGMA integrity_check`, then renamed into
place atomically, so a backup folder never holds a half-written file.
"""

from __future__ import annotations

import logging
import os
import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from regisseur_app.storage.errors import storage_error

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

log = logging.getLogger(__name__)

NAME_PATTERN = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6}-\d{6})\.sqlite$")
STAMP_FORMAT = "%Y%m%d-%H%M%S-%f"

KEEP_RECENT_DAYS = 2
KEEP_DAILY = 12
KEEP_WEEKLY = 10
KEEP_MONTHLY = 9
TEMP_SUFFIX = ".tmp"
STALE_TEMP_AGE = timedelta(minutes=10)  # older than any backup in progress


class BackupError(RuntimeError):
    pass


class Counted(Protocol):
    """A count to show with a backup (features.spec.CountSpec): storage knows no table of its own."""

    label: str
    table: str


class SourceDamagedError(BackupError):
    """The database itself fails the integrity check, so no good copy can be made of it."""

    def __init__(self, message: str, problems: list[str]):
        super().__init__(message)
        self.problems = problems


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: datetime
    size: int
    generation: int | None
    counts: dict[str, int] = field(default_factory=dict)


def _connect_readonly(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)


def integrity_errors(path: Path) -> list[str]:
    """Messages of `PRAGMA integrity_check` and `foreign_key_check`; empty when all is well."""
    try:
        conn = _connect_readonly(path)
    except sqlite3.Error as exc:
        return [f"kan niet geopend worden: {exc}"]
    try:
        rows = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
        problems = [] if rows == ["ok"] else rows
        fk = conn.execute("PRAGMA foreign_key_check").fetchall()
        problems += [f"verwijzing in tabel {r[0]} (rij {r[1]}) naar {r[2]} ontbreekt" for r in fk]
        return problems
    except sqlite3.DatabaseError as exc:
        return [f"geen geldige database: {exc}"]
    finally:
        conn.close()


def _copy_verified(source: Path, target: Path) -> None:
    """Copy `source` to `target` via the backup API and a temporary file; verify; rename atomically.

    Whatever fails (disk full, a kill, damage found by the check), no temporary file is left behind
    by this call; one left by a killed process is removed by `remove_stale_temp_files`."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}{TEMP_SUFFIX}")
    tmp.unlink(missing_ok=True)
    try:
        src = sqlite3.connect(source)
        try:
            dst = sqlite3.connect(tmp)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode = DELETE")
            finally:
                dst.close()
        finally:
            src.close()
        problems = integrity_errors(tmp)
        if problems:
            raise SourceDamagedError(
                "De database zelf is beschadigd, dus er kan geen goede back-up van gemaakt worden: "
                + "; ".join(problems[:5]) + ". Kies 'Bestand › Database controleren' om ze te herstellen.",
                problems)
        with open(tmp, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, target)
        _fsync_dir(target.parent)
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
        if isinstance(exc, (sqlite3.Error, OSError)):
            raise storage_error(exc, "De back-up", target.parent) from exc
        raise


def remove_stale_temp_files(folder: Path, older_than: timedelta = STALE_TEMP_AGE) -> list[Path]:
    """Delete temporary backup files a killed or failed backup left behind (they may hold personal data)."""
    removed: list[Path] = []
    if not folder.is_dir():
        return removed
    limit = datetime.now().timestamp() - older_than.total_seconds()
    for path in folder.iterdir():
        if path.name.startswith(".") and path.name.endswith(TEMP_SUFFIX):
            try:
                if path.stat().st_mtime <= limit:
                    path.unlink()
                    removed.append(path)
            except OSError:
                continue
    return removed


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def make_backup(db_path: Path, backup_dir: Path, now: datetime | None = None, rotate_after: bool = True) -> Path:
    if not db_path.exists():
        raise BackupError(f"Database {db_path} bestaat niet.")
    now = now or datetime.now()
    target = backup_dir / f"{db_path.stem}-{now.strftime(STAMP_FORMAT)}.sqlite"
    _copy_verified(db_path, target)
    if rotate_after:
        rotate(backup_dir, now)
    return target


def read_generation(path: Path) -> int | None:
    try:
        conn = _connect_readonly(path)
        try:
            row = conn.execute("SELECT value FROM app_setting WHERE key = 'data_generation'").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    return int(row[0]) if row and str(row[0]).isdigit() else 0


_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def _quoted(table: str) -> str:
    if not _IDENTIFIER.match(table):
        raise ValueError(f"not a table name: {table!r}")
    return f'"{table}"'


def read_counts(path: Path, counted: Iterable[Counted]) -> dict[str, int]:
    """label -> number of rows of its table in the database file `path` (0 for a table it lacks)."""
    counts: dict[str, int] = {}
    try:
        conn = _connect_readonly(path)
        try:
            for spec in counted:
                try:
                    counts[spec.label] = conn.execute(f"SELECT count(*) FROM {_quoted(spec.table)}").fetchone()[0]  # noqa: S608
                except sqlite3.OperationalError:
                    counts[spec.label] = 0
        finally:
            conn.close()
    except sqlite3.Error:
        pass
    return counts


def read_rows(path: Path, table: str, columns: Iterable[str], distinct: bool = False) -> Iterator[tuple[Any, ...]]:
    """The rows (only `columns`) of `table` in a database file such as a backup, read-only. A file
    without that table yields nothing (a backup made before the feature existed)."""
    names = ", ".join(_quoted(c) for c in columns)
    conn = _connect_readonly(path)
    try:
        try:
            cursor = conn.execute(f"SELECT {'DISTINCT ' if distinct else ''}{names} FROM {_quoted(table)}")  # noqa: S608
        except sqlite3.OperationalError:
            return
        yield from cursor
    finally:
        conn.close()


def list_backups(backup_dir: Path, with_counts: bool = True, counts: Iterable[Counted] = ()) -> list[BackupInfo]:
    """Backups in the folder, newest first; with the data generation and the `counts` (features.backup_counts())."""
    counted = list(counts)
    if not backup_dir.is_dir():
        return []
    found = []
    for path in backup_dir.iterdir():
        match = NAME_PATTERN.match(path.name)
        if not match:
            continue
        created = datetime.strptime(match["stamp"], STAMP_FORMAT)
        found.append(BackupInfo(path=path, created=created, size=path.stat().st_size,
                                generation=read_generation(path) if with_counts else None,
                                counts=read_counts(path, counted) if with_counts else {}))
    return sorted(found, key=lambda b: b.created, reverse=True)


def backups_to_keep(created: Iterable[datetime], now: datetime) -> set[datetime]:
    """Anki-like rotation: everything of the last 2 days; of older backups the newest of each of up to
    12 days, then of up to 10 further weeks, then of up to 9 further months."""
    keep: set[datetime] = set()
    days: set = set()
    weeks: set = set()
    months: set = set()
    weekly = monthly = 0
    for stamp in sorted(created, reverse=True):
        if now - stamp <= timedelta(days=KEEP_RECENT_DAYS):
            keep.add(stamp)
            continue
        day, week, month = stamp.date(), tuple(stamp.isocalendar())[:2], (stamp.year, stamp.month)
        if day in days:
            continue
        if len(days) < KEEP_DAILY:
            days.add(day)
            weeks.add(week)
            months.add(month)
            keep.add(stamp)
            continue
        if week in weeks:
            continue
        if weekly < KEEP_WEEKLY:
            weekly += 1
            weeks.add(week)
            months.add(month)
            keep.add(stamp)
            continue
        if month not in months and monthly < KEEP_MONTHLY:
            monthly += 1
            months.add(month)
            keep.add(stamp)
    return keep


def rotate(backup_dir: Path, now: datetime | None = None) -> list[Path]:
    """Delete the backups the rotation scheme does not keep. Returns the deleted paths."""
    now = now or datetime.now()
    remove_stale_temp_files(backup_dir)
    backups = list_backups(backup_dir, with_counts=False)
    keep = backups_to_keep([b.created for b in backups], now)
    removed = []
    for backup in backups:
        if backup.created not in keep:
            backup.path.unlink(missing_ok=True)
            removed.append(backup.path)
    return removed


def needs_backup(db_path: Path, backup_dir: Path) -> bool:
    """True when the data changed since the newest backup (or there is none)."""
    backups = list_backups(backup_dir, with_counts=False)
    if not backups:
        return True
    return read_generation(db_path) != read_generation(backups[0].path)


def highest_generation(backup_dir: Path) -> int:
    return max((read_generation(b.path) or 0 for b in list_backups(backup_dir, with_counts=False)), default=0)


def restore_into(live: sqlite3.Connection, backup_path: Path) -> None:
    """Copy a verified backup into the open database through `live` with the SQLite backup API.

    The file is never replaced underneath the application: every other connection simply sees the
    restored content at its next transaction, and the copy is itself one atomic step.
    """
    if not backup_path.exists():
        raise BackupError(f"Back-up {backup_path.name} bestaat niet meer (verwijderd of verplaatst).")
    problems = integrity_errors(backup_path)
    if problems:
        raise BackupError(f"Back-up {backup_path.name} is beschadigd: " + "; ".join(problems[:5]))
    source = _connect_readonly(backup_path)
    try:
        source.backup(live)
    finally:
        source.close()


def rewrite_backups(backup_dir: Path, change: Callable[[Session], int]) -> list[Path]:
    """Apply `change(session) -> rows changed` to every kept backup, each in one transaction.

    Used to carry an erasure into the backups. A backup is a rollback-journal (DELETE mode) file, so
    each change is atomic: a kill leaves a hot journal that SQLite rolls back at the next open.
    `secure_delete` overwrites the deleted content with zeros, so it is gone from the file, not only
    unlinked. A backup that cannot be changed (damaged, read-only) is skipped and logged; the next call
    tries it again. Returns the backups that changed (each checked again afterwards)."""
    from sqlalchemy import create_engine, event
    from sqlalchemy.orm import Session

    changed: list[Path] = []
    for info in list_backups(backup_dir, with_counts=False):
        engine = create_engine(f"sqlite:///{info.path}")

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn, _record):  # noqa: ANN001
            dbapi_conn.execute("PRAGMA foreign_keys = ON")
            dbapi_conn.execute("PRAGMA secure_delete = ON")

        try:
            with Session(engine) as session, session.begin():
                count = change(session)  # a change that finds nothing writes nothing
        except Exception as exc:  # noqa: BLE001 - one bad backup must not stop the others (or the start)
            log.error("backup %s not updated: %s", info.path.name, storage_error(exc, "Het bijwerken", info.path))
            continue
        finally:
            engine.dispose()
        if not count:
            continue
        changed.append(info.path)
        problems = integrity_errors(info.path)
        if problems:
            log.error("backup %s not in order after the update: %s", info.path.name, "; ".join(problems[:3]))
    return changed
