"""The data generation: a number in the database that counts up with every transaction that changes data.

Backups carry it too: the start-up compares the live number with the newest backup's to know whether
the data changed since then (storage/backup.py `needs_backup`), and the start screen keeps what it showed
last together with the generation it was computed at (domain/core/home_snapshot.py), so it can show that
again without recomputing while the number is unchanged. It lives in the settings table (`app_setting`,
key `data_generation`), which storage reads and writes by name like the backup code does; the bump is one
portable UPSERT (SQLite 3.24+ and PostgreSQL), in the same transaction as the change.

Counted: every flush of changed ORM objects, and every INSERT, UPDATE or DELETE statement run through the
session (bulk writes such as `session.execute(update(...))`, which bypass the flush). Not counted: the
bookkeeping rows of BOOKKEEPING_KEYS (the generation itself, and caches derived from the data).
"""

from __future__ import annotations

from sqlalchemy import event, text
from sqlalchemy.orm import ORMExecuteState, Session, sessionmaker

SETTINGS_TABLE = "app_setting"
GENERATION_KEY = "data_generation"
SNAPSHOT_KEY = "home_snapshot"  # what the start screen showed, with its generation (a cache, not data)
BOOKKEEPING_KEYS = frozenset({GENERATION_KEY, SNAPSHOT_KEY})

_BUMP = text(f"INSERT INTO {SETTINGS_TABLE} (key, value) VALUES ('{GENERATION_KEY}', '1') "  # noqa: S608
             f"ON CONFLICT (key) DO UPDATE SET value = CAST(CAST({SETTINGS_TABLE}.value AS INTEGER) + 1 AS TEXT)")


def _is_bookkeeping_row(obj: object) -> bool:
    return getattr(obj, "__tablename__", None) == SETTINGS_TABLE and getattr(obj, "key", None) in BOOKKEEPING_KEYS


def _bump(session: Session) -> None:
    if session.info.get("_generation_bumped"):
        return
    session.info["_generation_bumped"] = True
    session.connection().execute(_BUMP)


def _bump_generation(session: Session, _flush_context, _instances) -> None:  # noqa: ANN001
    """Every flush that changes data also counts up the generation (once per transaction)."""
    touched = [*session.new, *session.dirty, *session.deleted]
    if not touched or all(_is_bookkeeping_row(obj) for obj in touched):
        return
    _bump(session)


def _bump_on_statement(state: ORMExecuteState) -> None:
    """A bulk INSERT/UPDATE/DELETE run through the session changes data without a flush: count it too."""
    if state.is_insert or state.is_update or state.is_delete:
        _bump(state.session)


def _reset_bump(session: Session, *_args) -> None:  # noqa: ANN001
    session.info.pop("_generation_bumped", None)


def install_generation_counter(session_factory: sessionmaker) -> None:
    event.listen(session_factory, "before_flush", _bump_generation)
    event.listen(session_factory, "do_orm_execute", _bump_on_statement)
    event.listen(session_factory, "after_commit", _reset_bump)
    event.listen(session_factory, "after_rollback", _reset_bump)


def count_change(session: Session) -> None:
    """Count a change written past the session's statements (the DB-API executemany of storage.bulk)."""
    _bump(session)


def has_changed(session: Session) -> bool:
    """True when the session's transaction has changed data (flushed): its generation is then its own, not yet
    committed, and a later change in the same transaction does not count again."""
    return bool(session.info.get("_generation_bumped"))
