"""Reading the referral log for the screens: the paged, filtered and sorted list (all in SQL, without
sorting or counting more than needed), stale detection, and small lookups for the dialogs. The referral table
is read through light.REFERRAL (no mapped class): the start screen's stale referrals need no referral models."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import NamedTuple

from sqlalchemy import and_, false, func, literal, or_, select, tuple_
from sqlalchemy.orm import Session, aliased

from regisseur_app.domain.core.codelists import REFERRAL_TYPE, CodeItem
from regisseur_app.domain.core.common import escape_like
from regisseur_app.domain.core.municipalities import Municipality
from regisseur_app.domain.core.organisations import Organisation
from regisseur_app.domain.referrals.light import REFERRAL
from regisseur_app.domain.referrals.settings import expected_days
from regisseur_app.domain.referrals.vocabulary import CLOSED, STATUS_LABELS, STATUSES, allowed_next
from regisseur_app.storage.dialect import folded

SORT_COLUMNS = ("code", "municipality", "referral_date", "type", "status", "status_date")
KEYSET_SORTS = ("code", "referral_date", "status_date")
_CODE_PREFIX = re.compile(r"^[A-Z]{2,4}(-\d{0,4}(-\d{0,4})?)?$")


class ReferralRow(NamedTuple):
    id: int
    code: str
    municipality: str
    referral_date: date
    type_label: str
    status: str
    status_label: str
    status_date: date
    days_in_status: int
    stale: bool


@dataclass
class ReferralFilter:
    nis_code: str | None = None
    type_id: int | None = None
    status: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    stale_only: bool = False
    code: str = ""
    today: date | None = None
    expected_days: dict[str, int] = field(default_factory=dict)


def stale_condition(today: date, expected_days: dict[str, int]):  # noqa: ANN201
    """SQL: the referral has been in its status longer than expected (never for 'afgesloten'). On the light
    table (light.REFERRAL), like every statement here: combine it with those, not with models.Referral."""
    parts = [and_(REFERRAL.c.status == status, REFERRAL.c.status_date < today - timedelta(days=days))
             for status, days in expected_days.items() if status != CLOSED]
    return or_(*parts) if parts else false()


def _filtered(session: Session, filt: ReferralFilter):  # noqa: ANN202
    today = filt.today or date.today()
    expected = filt.expected_days or expected_days(session)
    conditions = []
    if filt.nis_code:
        conditions.append(REFERRAL.c.nis_code == filt.nis_code)
    if filt.type_id:
        conditions.append(REFERRAL.c.type_id == filt.type_id)
    if filt.status:
        conditions.append(REFERRAL.c.status == filt.status)
    if filt.date_from:
        conditions.append(REFERRAL.c.referral_date >= filt.date_from)
    if filt.date_to:
        conditions.append(REFERRAL.c.referral_date <= filt.date_to)
    if filt.stale_only:
        conditions.append(stale_condition(today, expected))
    text = filt.code.strip().upper()
    if text and _CODE_PREFIX.match(text):  # the start of a code: a range on the unique index
        conditions += [REFERRAL.c.code >= text, REFERRAL.c.code < text + "\uffff"]
    elif text:
        conditions.append(REFERRAL.c.code.like(f"%{escape_like(text)}%", escape="\\"))
    return conditions, today, expected


def count_referrals(session: Session, filt: ReferralFilter | None = None) -> int:
    filt = filt or ReferralFilter()
    if filt.stale_only:
        # one range count per status on the (status, status_date) index, added up: the statuses are
        # disjoint, so this avoids the de-duplication of a multi-index OR over tens of thousands of rows
        plain = ReferralFilter(**{**filt.__dict__, "stale_only": False})
        conditions, today, expected = _filtered(session, plain)
        total = 0
        for status, days in expected.items():
            if status == CLOSED:
                continue
            total += session.scalar(select(func.count()).select_from(REFERRAL).where(
                *conditions, REFERRAL.c.status == status, REFERRAL.c.status_date < today - timedelta(days=days))) or 0
        return total
    conditions, _today, _expected = _filtered(session, filt)
    return session.scalar(select(func.count()).select_from(REFERRAL).where(*conditions)) or 0


def list_referrals(session: Session, filt: ReferralFilter | None = None, offset: int = 0, limit: int = 200,
                   sort: str = "referral_date", descending: bool = True,
                   after: ReferralRow | None = None) -> list[ReferralRow]:
    """One page of the list, filtered and sorted in SQL, without sorting the whole table:

    - code, referral date, status date: an index in that order; with `after` (the last row of the
      previous page) the next page is found by keyset - WHERE (key, id) < (last key, last id) - so
      page 500 costs what page 1 costs;
    - municipality, type, status: by partition - the municipalities (by name), types (by label) or
      statuses (in flow order) one after the other, each read through its composite index
      (nis_code/type_id/status + date) until the page is full.
    OFFSET is only used when a caller asks for a later page without `after`.
    """
    filt = filt or ReferralFilter()
    conditions, today, expected = _filtered(session, filt)
    if sort in PARTITIONED and (after is not None or offset == 0):
        found = _partitioned(session, conditions, limit, sort, descending, after)
    else:
        query = _base_query(conditions)
        key = {"code": REFERRAL.c.code, "referral_date": REFERRAL.c.referral_date, "status_date": REFERRAL.c.status_date,
               "municipality": Municipality.name, "type": _TYPE.label, "status": REFERRAL.c.status}[sort]
        query = query.order_by(key.desc() if descending else key.asc(),
                               REFERRAL.c.id.desc() if descending else REFERRAL.c.id.asc())
        if after is not None and sort in KEYSET_SORTS:
            query = query.where(_after(key, after, getattr(after, sort), descending))
        else:
            query = query.offset(offset)
        found = list(session.execute(query.limit(limit)))
    rows = []
    for rid, code, municipality, referral_date, type_label, status, status_date in found:
        days = (today - status_date).days
        limit_days = expected.get(status)
        rows.append(ReferralRow(rid, code, municipality, referral_date, type_label, status, STATUS_LABELS[status],
                                status_date, days, limit_days is not None and days > limit_days))
    return rows


_TYPE = aliased(CodeItem)
PARTITIONED = {"municipality": (REFERRAL.c.nis_code, REFERRAL.c.referral_date, "referral_date"),
               "type": (REFERRAL.c.type_id, REFERRAL.c.referral_date, "referral_date"),
               "status": (REFERRAL.c.status, REFERRAL.c.status_date, "status_date")}


def _base_query(conditions: list):  # noqa: ANN202
    return (select(REFERRAL.c.id, REFERRAL.c.code, Municipality.name, REFERRAL.c.referral_date, _TYPE.label,
                   REFERRAL.c.status, REFERRAL.c.status_date)
            .join(Municipality, Municipality.nis_code == REFERRAL.c.nis_code)
            .join(_TYPE, _TYPE.id == REFERRAL.c.type_id)
            .where(*conditions))


def _after(key, after: ReferralRow, value: object, descending: bool):  # noqa: ANN001, ANN202
    pair = tuple_(key, REFERRAL.c.id)
    last = tuple_(literal(value, type_=key.type), literal(after.id))
    return pair < last if descending else pair > last


def _partitions(session: Session, sort: str) -> list[tuple[object, str]]:
    """(value, label) of every partition in display order (ascending)."""
    if sort == "municipality":
        return [(nis, name) for nis, name in session.execute(
            select(Municipality.nis_code, Municipality.name)
            .where(Municipality.nis_code.in_(select(REFERRAL.c.nis_code).distinct()))
            .order_by(folded(Municipality.name)))]
    if sort == "type":
        return [(i, label) for i, label in session.execute(
            select(CodeItem.id, CodeItem.label).where(CodeItem.list_name == REFERRAL_TYPE)
            .order_by(folded(CodeItem.label)))]
    return [(status, STATUS_LABELS[status]) for status in STATUSES]


def _partitioned(session: Session, conditions: list, limit: int, sort: str, descending: bool,
                 after: ReferralRow | None) -> list:
    column, within, within_name = PARTITIONED[sort]
    partitions = _partitions(session, sort)
    if descending:
        partitions.reverse()
    start = 0
    if after is not None:
        current = {"municipality": after.municipality, "type": after.type_label, "status": after.status}[sort]
        labels = [value if sort == "status" else label for value, label in partitions]
        start = labels.index(current) if current in labels else len(labels)
    found: list = []
    for index in range(start, len(partitions)):
        value = partitions[index][0]
        query = _base_query([*conditions, column == value]).order_by(
            within.desc() if descending else within.asc(), REFERRAL.c.id.desc() if descending else REFERRAL.c.id.asc())
        if after is not None and index == start:
            query = query.where(_after(within, after, getattr(after, within_name), descending))
        found += session.execute(query.limit(limit - len(found))).all()
        if len(found) >= limit:
            break
    return found


def referral_years(session: Session) -> list[int]:
    """The years that have referrals (for the period choosers), plus the current year."""
    first = session.scalar(select(func.min(REFERRAL.c.referral_date)))
    this_year = date.today().year
    return list(range(first.year if first else this_year, this_year + 1))


def organisation_choices(session: Session) -> list[tuple[int, str]]:
    """Organisations of the inventory where work can start (not archived), by name."""
    return [(oid, name) for oid, name in session.execute(
        select(Organisation.id, Organisation.name).where(Organisation.archived.is_(False))
        .order_by(folded(Organisation.name)))]


def next_statuses_for(session: Session, referral_ids: list[int]) -> tuple[list[str], list[str]]:
    """(codes of the referrals, the next statuses allowed for all of them, in flow order)."""
    rows = session.execute(select(REFERRAL.c.code, REFERRAL.c.status).where(REFERRAL.c.id.in_(referral_ids))
                           .order_by(REFERRAL.c.code)).all()
    common: set[str] | None = None
    for _code, status in rows:
        allowed = set(allowed_next(status))
        common = allowed if common is None else common & allowed
    return [code for code, _status in rows], [s for s in STATUSES if s in (common or set())]
