"""What readers load over and over within one session is loaded once per session and shared: the whole plan
and a municipality's collaborations (the college report's plan section, the subsidy check, the roll-ups, the
KPI sources and the start screen all ask for them in the same reading session), the survey datasets, the MVO
indicators and figures.

A remembered value is forgotten as soon as the session writes anything (a flush, a DML statement, the end of
its transaction, commit or rollback), and nothing is remembered or read while the session holds changes it
has not flushed: a reader always sees what a fresh query would show. The values are immutable (frozen
dataclasses in tuples), so sharing them is safe.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TypeVar

from sqlalchemy import event
from sqlalchemy.orm import ORMExecuteState, Session

T = TypeVar("T")
_KEY = "session_memo"


def remembered(session: Session, key: Hashable, compute: Callable[[], T]) -> T:
    """compute(), once per session and key while the session does not write."""
    if session.new or session.dirty or session.deleted:
        return compute()
    store = session.info.setdefault(_KEY, {})
    if key not in store:
        value = compute()
        if session.new or session.dirty or session.deleted:  # compute() itself changed the session
            return value
        store = session.info.setdefault(_KEY, {})  # compute() may have flushed, which forgets the store
        store[key] = value
    return store[key]


def store(session: Session) -> dict | None:
    """The session's remembered values, for a reader that keeps several keys at once (keys are tuples that
    start with the reader's name); None while the session holds changes it has not flushed."""
    if session.new or session.dirty or session.deleted:
        return None
    return session.info.setdefault(_KEY, {})


def kept(session: Session, *readers: str) -> dict:
    """What the session remembers for these readers (the keys that are, or start with, their names), for `bring`
    into a later session over the same data: a tab that reads again while the data generation did not change (its
    caller checks that) need not compute it again. Only for values without ties to the session (no ORM objects)."""
    found = session.info.get(_KEY, {})
    return {key: value for key, value in found.items()
            if (key[0] if isinstance(key, tuple) and key else key) in readers}


def bring(session: Session, values: dict) -> None:
    """Remember `values` (from `kept`) in this session, besides what it computed itself; nothing while it holds
    changes it has not flushed."""
    memo = store(session)
    if memo is not None:
        for key, value in values.items():
            memo.setdefault(key, value)


def forget(session: Session) -> None:
    session.info.pop(_KEY, None)


@event.listens_for(Session, "after_flush")
def _after_flush(session: Session, _context: object) -> None:
    forget(session)


@event.listens_for(Session, "after_transaction_end")
def _after_transaction(session: Session, _transaction: object) -> None:
    forget(session)


@event.listens_for(Session, "do_orm_execute")
def _on_execute(state: ORMExecuteState) -> None:
    if not state.is_select:
        forget(state.session)
