"""The append-only audit log of the referral log: every create, change, step, erasure and export.

Rows are only ever inserted; SQLite triggers (migration 0004_referrals) abort any UPDATE or DELETE.
The log holds the pseudonymous code, the field and old -> new values as labels; it never copies
the text of a note or an internal reference (only that it changed), so erasing a referral leaves no
free text behind in the log.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from regisseur_app.domain.core.common import escape_like
from regisseur_app.domain.referrals.models import ReferralAudit

CREATED = "aangemaakt"
IMPORTED = "geïmporteerd"
CHANGED = "gewijzigd"
STEP = "status"
STEP_UNDONE = "stap teruggedraaid"
ERASED_REQUEST = "gewist op verzoek"
ERASED_RETENTION = "gewist (bewaartermijn)"
REAPPLIED = "opnieuw gewist na terugzetten"
ACCESS_EXPORT = "inzage-export"
ACTIONS = (CREATED, IMPORTED, CHANGED, STEP, STEP_UNDONE, ERASED_REQUEST, ERASED_RETENTION, REAPPLIED,
           ACCESS_EXPORT)


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: datetime
    action: str
    code: str
    field: str
    old_value: str
    new_value: str


@dataclass
class AuditFilter:
    code: str = ""
    action: str | None = None
    date_from: date | None = None
    date_to: date | None = None


def log(session: Session, action: str, code: str, field: str = "", old: object = "", new: object = "",
        at: datetime | None = None) -> None:
    session.add(ReferralAudit(at=at or datetime.now().replace(microsecond=0), action=action, code=code,
                              field=field, old_value=_text(old), new_value=_text(new)))


def log_many(session: Session, rows: list[dict]) -> None:
    """Bulk insert (imports, erasures): dicts with action, code and optionally field/old/new/at."""
    now = datetime.now().replace(microsecond=0)
    session.add_all([ReferralAudit(at=r.get("at", now), action=r["action"], code=r["code"], field=r.get("field", ""),
                                   old_value=_text(r.get("old", "")), new_value=_text(r.get("new", "")))
                     for r in rows])


def _text(value: object) -> str:
    return "" if value is None else str(value)[:200]


def _query(filt: AuditFilter):  # noqa: ANN202
    query = select(ReferralAudit)
    if filt.code.strip():
        query = query.where(ReferralAudit.code.like(f"%{escape_like(filt.code.strip().upper())}%", escape="\\"))
    if filt.action:
        query = query.where(ReferralAudit.action == filt.action)
    if filt.date_from:
        query = query.where(ReferralAudit.at >= datetime.combine(filt.date_from, datetime.min.time()))
    if filt.date_to:
        query = query.where(ReferralAudit.at < datetime.combine(filt.date_to + timedelta(days=1), datetime.min.time()))
    return query


def count_audit(session: Session, filt: AuditFilter | None = None) -> int:
    query = _query(filt or AuditFilter())
    return session.scalar(select(func.count()).select_from(query.subquery())) or 0


def list_audit(session: Session, filt: AuditFilter | None = None, offset: int = 0, limit: int = 200,
               newest_first: bool = True, after_id: int | None = None) -> list[AuditRow]:
    """A page, newest first; with `after_id` (the last id of the previous page) by keyset, else OFFSET."""
    order = (ReferralAudit.id.desc(),) if newest_first else (ReferralAudit.id.asc(),)
    query = _query(filt or AuditFilter()).order_by(*order)
    if after_id is not None:
        query = query.where(ReferralAudit.id < after_id if newest_first else ReferralAudit.id > after_id)
    else:
        query = query.offset(offset)
    query = query.limit(limit)
    return [AuditRow(a.id, a.at, a.action, a.code, a.field, a.old_value, a.new_value) for a in session.scalars(query)]


def audit_for_code(session: Session, code: str) -> list[AuditRow]:
    query = select(ReferralAudit).where(ReferralAudit.code == code).order_by(ReferralAudit.id)
    return [AuditRow(a.id, a.at, a.action, a.code, a.field, a.old_value, a.new_value) for a in session.scalars(query)]
