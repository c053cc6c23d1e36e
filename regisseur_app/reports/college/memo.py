"""Figures that are the same for every municipality of one region and period (the referral statistics, the
offer map, the key-figure comparisons, the event counts) are computed once per session: the batch builds all
reports in one reading session, so five municipality reports and the regional one share them."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TypeVar

from sqlalchemy.orm import Session

T = TypeVar("T")
_KEY = "college_report_memo"


def memo(session: Session, key: Hashable, compute: Callable[[], T]) -> T:
    store = session.info.setdefault(_KEY, {})
    if key not in store:
        store[key] = compute()
    return store[key]
