"""The data generation: a number in the database that counts up with every transaction that changes data.

Backups carry it too: the start-up compares the live number with the newest backup's to know whether
the data changed since then (storage/backup.py `needs_backup`). It lives in the settings table
(`app_setting`, key `data_generation`), which storage reads and writes by name like the backup code does;
the bump is one portable UPSERT (SQLite 3.24+ and PostgreSQL), in the same transaction as the change.
"""

from __future__ import annotations

from sqlalchemy import event, text
from sqlalchemy.orm import Session, sessionmaker

SETTINGS_TABLE = "app_setting"
GENERATION_KEY = "data_generation"

_BUMP = text(f"INSERT INTO {SETTINGS_TABLE} (key, value) VALUES ('{GENERATION_KEY}', '1') "  # noqa: S608
             f"ON CONFLICT (key) DO UPDATE SET value = CAST(CAST({SETTINGS_TABLE}.value AS INTEGER) + 1 AS TEXT)")


def _is_generation_row(obj: object) -> bool:
    return getattr(obj, "__tablename__", None) == SETTINGS_TABLE and getattr(obj, "key", None) == GENERATION_KEY


def _bump_generation(session: Session, _flush_context, _instances) -> None:  # noqa: ANN001
    """Every flush that changes data also counts up the generation (once per transaction)."""
    touched = [*session.new, *session.dirty, *session.deleted]
    if not touched or all(_is_generation_row(obj) for obj in touched):
        return
    if session.info.get("_generation_bumped"):
        return
    session.info["_generation_bumped"] = True
    session.connection().execute(_BUMP)


def _reset_bump(session: Session, *_args) -> None:  # noqa: ANN001
    session.info.pop("_generation_bumped", None)


def install_generation_counter(session_factory: sessionmaker) -> None:
    event.listen(session_factory, "before_flush", _bump_generation)
    event.listen(session_factory, "after_commit", _reset_bump)
    event.listen(session_factory, "after_rollback", _reset_bump)
