"""Recovery of a damaged database file, before any application connection is open (no Qt here).

- `diagnose`: the full `PRAGMA integrity_check`, classified: in order, only index damage (safe to
  repair by rebuilding the indexes from the table data), damage in the data itself, or a file that
  cannot be opened at all.
- `repair_indexes`: a safety copy of the damaged file first, then `REINDEX` and a new full check.
- `restore_file`: a safety copy of the damaged file first, then a verified backup copied into place
  through a temporary file and an atomic rename.

The safety copies go to `<backup folder>/beschadigd/` (not listed as backups); the newest
`KEEP_DAMAGED` are kept.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from regisseur_app.storage import backup
from regisseur_app.storage.errors import DAMAGE_REASONS, storage_error, storage_reason

log = logging.getLogger(__name__)

OK, INDEX_ONLY, DATA, UNREADABLE = "in_orde", "indexen", "gegevens", "onleesbaar"
DAMAGED_FOLDER = "beschadigd"
KEEP_DAMAGED = 3
_INDEX_MESSAGES = (
    re.compile(r"^row \d+ missing from index (?P<name>\S+)"),
    re.compile(r"^wrong # of entries in index (?P<name>\S+)"),
    re.compile(r"^non-unique entry in index (?P<name>\S+)"),
    re.compile(r"^NULL value in (?P<name>\S+)"),
)
_PAGE_MESSAGE = re.compile(r"(?:on tree page|tree|page) (?P<page>\d+)", re.IGNORECASE)


@dataclass(frozen=True)
class Diagnosis:
    kind: str
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.kind == OK

    def summary(self) -> str:
        """One Dutch sentence for the user."""
        if self.kind == OK:
            return "De database is in orde."
        if self.kind == INDEX_ONLY:
            return ("Alleen de zoekindexen van de database zijn beschadigd; de gegevens zelf zijn in orde. "
                    "Herstellen bouwt de indexen opnieuw op uit de gegevens.")
        if self.kind == DATA:
            return ("De gegevens in de database zijn beschadigd. Zet een back-up terug: de beschadigde database "
                    "wordt eerst apart bewaard.")
        return ("De database kan niet geopend worden"
                + (f" ({self.problems[0]})" if self.problems else "") + ". Zet een back-up terug.")


def diagnose(db_path: Path) -> Diagnosis:
    """The full integrity check, read-only (the file is not changed), classified.

    Index-only means: every table reads completely, and every problem names an index or lies on a page
    that belongs to no table. (A changed value in a row that an index covers looks the same as a damaged
    index entry; the repair then keeps the row as it reads now. The damaged file is kept aside.)"""
    try:
        conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        return Diagnosis(UNREADABLE, [_reason(exc)])
    try:
        conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()
    except sqlite3.DatabaseError as exc:
        conn.close()
        return Diagnosis(UNREADABLE, [_reason(exc)])
    try:
        try:
            rows = [r[0] for r in conn.execute("PRAGMA integrity_check(200)").fetchall()]
        except sqlite3.DatabaseError:  # the full check stops on some damage; quick_check still reports it
            rows = [r[0] for r in conn.execute("PRAGMA quick_check(200)").fetchall()]
        if rows == ["ok"]:
            fk = conn.execute("PRAGMA foreign_key_check").fetchall()
            if not fk:
                return Diagnosis(OK)
            return Diagnosis(DATA, [f"verwijzing in tabel {r[0]} (rij {r[1]}) naar {r[2]} ontbreekt" for r in fk])
        table_pages = _readable_table_pages(conn)
        if table_pages is not None and all(_is_index_problem(r, table_pages) for r in rows):
            return Diagnosis(INDEX_ONLY, rows)
        return Diagnosis(DATA, rows)
    except sqlite3.DatabaseError as exc:  # the checks themselves stop on the damage
        return Diagnosis(DATA, [f"{_reason(exc)}: de controle stopt op een beschadigde pagina (SQLite: {exc})"])
    finally:
        conn.close()


def _reason(exc: BaseException) -> str:
    return storage_reason(exc) or str(exc)


def _readable_table_pages(conn: sqlite3.Connection) -> set[int] | None:
    """Every page of every table when all tables read completely; None when one does not."""
    pages: set[int] = set()
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_schema WHERE type = 'table' AND rootpage > 0")]
        tables.append("sqlite_schema")
        for table in tables:
            quoted = '"' + table.replace('"', '""') + '"'
            for _row in conn.execute(f"SELECT * FROM {quoted}"):  # noqa: S608 - names from the schema
                pass
            pages.update(r[0] for r in conn.execute("SELECT pageno FROM dbstat WHERE name = ?", (table,)))
    except sqlite3.DatabaseError:
        return None
    return pages


def _is_index_problem(message: str, table_pages: set[int]) -> bool:
    text = message.strip()
    if any(p.match(text) for p in _INDEX_MESSAGES):
        return True
    page = _PAGE_MESSAGE.search(text)
    return bool(page and int(page["page"]) not in table_pages)


def damaged_folder(backup_dir: Path) -> Path:
    return backup_dir / DAMAGED_FOLDER


def keep_damaged_copy(db_path: Path, backup_dir: Path, now: datetime | None = None) -> Path:
    """Copy the damaged file (with its -wal) byte for byte aside, before anything changes it."""
    folder = damaged_folder(backup_dir)
    stamp = (now or datetime.now()).strftime(backup.STAMP_FORMAT)
    target = folder / f"{db_path.stem}-{stamp}.sqlite"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(db_path, target)
        for suffix in ("-wal", "-shm"):
            extra = Path(f"{db_path}{suffix}")
            if extra.exists():
                shutil.copyfile(extra, Path(f"{target}{suffix}"))
    except OSError as exc:
        for leftover in (target, Path(f"{target}-wal"), Path(f"{target}-shm")):
            leftover.unlink(missing_ok=True)
        raise storage_error(exc, "Het apart bewaren van de beschadigde database", folder) from exc
    _prune_damaged(folder)
    return target


def _prune_damaged(folder: Path) -> None:
    copies = sorted(folder.glob("*.sqlite"), key=lambda p: p.name, reverse=True)
    for old in copies[KEEP_DAMAGED:]:
        for path in (old, Path(f"{old}-wal"), Path(f"{old}-shm")):
            path.unlink(missing_ok=True)


def repair_indexes(db_path: Path, backup_dir: Path) -> Diagnosis:
    """Safety copy, then rebuild: a new file gets the tables, their rows copied one table at a time, then
    every index created again from those rows (no damaged index page is read, unlike VACUUM which copies
    index pages as they are), triggers and views; it is checked and copied into the database with the
    backup API (safe with other connections open). Only call this when `diagnose` said INDEX_ONLY.
    Returns the diagnosis after the repair."""
    keep_damaged_copy(db_path, backup_dir)
    rebuilt = db_path.with_name(f".{db_path.name}.herbouw{backup.TEMP_SUFFIX}")
    rebuilt.unlink(missing_ok=True)
    try:
        _rebuild(db_path, rebuilt)
        problems = backup.integrity_errors(rebuilt)
        if problems:
            return Diagnosis(DATA, problems)
        new = sqlite3.connect(rebuilt)
        try:
            live = sqlite3.connect(db_path)
            try:
                new.backup(live)
            finally:
                live.close()
        finally:
            new.close()
    except sqlite3.Error as exc:
        if storage_reason(exc) in DAMAGE_REASONS:
            return Diagnosis(DATA, [_reason(exc)])
        raise storage_error(exc, "Het herstellen van de indexen", db_path) from exc
    except OSError as exc:
        raise storage_error(exc, "Het herstellen van de indexen", db_path) from exc
    finally:
        rebuilt.unlink(missing_ok=True)
    return diagnose(db_path)


def _rebuild(source: Path, target: Path) -> None:
    conn = sqlite3.connect(target, uri=True, isolation_level=None)
    try:
        conn.execute("ATTACH DATABASE ? AS old", (f"file:{source}?mode=ro",))
        schema = conn.execute("SELECT type, name, sql FROM old.sqlite_schema WHERE sql IS NOT NULL "
                              "AND name NOT LIKE 'sqlite_%' ORDER BY rowid").fetchall()
        user_version = conn.execute("PRAGMA old.user_version").fetchone()[0]
        conn.execute("BEGIN")
        for kind, _name, sql in schema:
            if kind == "table":
                conn.execute(sql)
        for kind, name, _sql in schema:
            if kind == "table":
                quoted = '"' + name.replace('"', '""') + '"'
                # WHERE 1 turns off SQLite's transfer optimisation, which would copy the (damaged) pages
                # of the UNIQUE indexes of the old table instead of building them from the rows
                conn.execute(f"INSERT INTO main.{quoted} SELECT * FROM old.{quoted} WHERE 1")  # noqa: S608
        if conn.execute("SELECT 1 FROM old.sqlite_schema WHERE name = 'sqlite_sequence'").fetchone():
            conn.execute("DELETE FROM main.sqlite_sequence")
            conn.execute("INSERT INTO main.sqlite_sequence SELECT * FROM old.sqlite_sequence")
        for kind, _name, sql in schema:
            if kind in ("index", "trigger", "view"):
                conn.execute(sql)
        conn.execute(f"PRAGMA main.user_version = {int(user_version)}")
        conn.execute("COMMIT")
        conn.execute("DETACH DATABASE old")
    finally:
        conn.close()


def restore_file(db_path: Path, backup_path: Path, backup_dir: Path) -> Path:
    """Replace a damaged (closed) database file by a verified backup. Returns the safety copy's path.

    No connection to `db_path` may be open. The backup is checked, the damaged file copied aside, the
    backup written next to the database as a temporary file, then renamed over it atomically, and the
    stale -wal/-shm of the damaged file removed (they belong to the old file)."""
    if not backup_path.exists():
        raise backup.BackupError(f"Back-up {backup_path.name} bestaat niet meer (verwijderd of verplaatst).")
    problems = backup.integrity_errors(backup_path)
    if problems:
        raise backup.BackupError(f"Back-up {backup_path.name} is beschadigd: " + "; ".join(problems[:5]))
    safety = keep_damaged_copy(db_path, backup_dir) if db_path.exists() else None
    tmp = db_path.with_name(f".{db_path.name}.herstel{backup.TEMP_SUFFIX}")
    tmp.unlink(missing_ok=True)
    try:
        source = sqlite3.connect(f"file:{backup_path}?mode=ro", uri=True)
        try:
            target = sqlite3.connect(tmp)
            try:
                source.backup(target)
                target.execute("PRAGMA journal_mode = DELETE")
            finally:
                target.close()
        finally:
            source.close()
        with open(tmp, "rb") as handle:
            os.fsync(handle.fileno())
        for suffix in ("-wal", "-shm", "-journal"):
            Path(f"{db_path}{suffix}").unlink(missing_ok=True)
        os.replace(tmp, db_path)
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
        if isinstance(exc, (sqlite3.Error, OSError)):
            raise storage_error(exc, "Het terugzetten", db_path) from exc
        raise
    return safety or backup_path
