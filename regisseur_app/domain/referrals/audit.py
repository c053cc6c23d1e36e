"""The append-only audit log of the referral log: every create, change, step, erasure and export.

Rows are only ever inserted; SQLite triggers (migration 0004_referrals) abort any UPDATE or DELETE.
Because anyone with sqlite3 can drop a trigger, the rows also form a hash chain (migration
0009_audit_chain): each row's `row_hash` is sha256 over its id, content and the previous row's hash,
and ids are handed out consecutively here, so `check_chain` finds a changed, inserted or deleted row
and says where the chain breaks. (Removing the newest rows cannot be seen from the file alone.)
The log holds the pseudonymous code, the field and old -> new values as labels; it never copies
the text of a note or an internal reference (only that it changed), so erasing a referral leaves no
free text behind in the log.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from regisseur_app.domain.core.common import escape_like
from regisseur_app.domain.referrals.models import ReferralAudit
from regisseur_app.formatting import format_datetime, format_number

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
    log_many(session, [{"action": action, "code": code, "field": field, "old": old, "new": new,
                        "at": at or datetime.now().replace(microsecond=0)}])


def log_many(session: Session, rows: list[dict]) -> None:
    """Insert rows (dicts with action, code and optionally field/old/new/at), chained to the last one."""
    if not rows:
        return
    now = datetime.now().replace(microsecond=0)
    last = session.execute(select(ReferralAudit.id, ReferralAudit.row_hash)
                           .order_by(ReferralAudit.id.desc()).limit(1)).first()
    next_id, previous = (last[0] + 1, last[1]) if last else (1, "")
    entries = []
    for r in rows:
        entry = ReferralAudit(id=next_id, at=r.get("at") or now, action=r["action"], code=r["code"],
                              field=r.get("field", ""), old_value=_text(r.get("old", "")),
                              new_value=_text(r.get("new", "")))
        entry.row_hash = previous = row_hash(entry, previous)
        entries.append(entry)
        next_id += 1
    session.add_all(entries)
    session.flush()


def row_hash(row, previous: str) -> str:  # noqa: ANN001 - a ReferralAudit or a result row
    """sha256 over the row's id and content and the previous row's hash (canonical JSON)."""
    content = json.dumps([row.id, row.at.isoformat(sep=" ", timespec="microseconds"), row.action, row.code,
                          row.field, row.old_value, row.new_value, previous], ensure_ascii=False)
    return hashlib.sha256(content.encode("utf-8")).hexdigest()


def check_chain(session: Session) -> list[str]:
    """Verify the hash chain of the whole audit log. Returns Dutch problems (empty: intact), at most the
    first break: everything after it cannot be trusted to be complete either."""
    previous, expected_id, position = "", None, 0
    query = (select(ReferralAudit.id, ReferralAudit.at, ReferralAudit.action, ReferralAudit.code,
                    ReferralAudit.field, ReferralAudit.old_value, ReferralAudit.new_value, ReferralAudit.row_hash)
             .order_by(ReferralAudit.id).execution_options(yield_per=5000))
    for row in session.execute(query):
        position += 1
        where = (f"rij {format_number(position)} (nummer {row.id}, {format_datetime(row.at)}, {row.action}, "
                 f"{row.code})")
        if expected_id is not None and row.id != expected_id:
            return [f"Auditlog doorverwijzingen: vóór {where} ontbreken rijen (nummers {expected_id} tot "
                    f"{row.id - 1}). De auditlog is buiten Regisseur gewijzigd."]
        if row_hash(row, previous) != row.row_hash:
            return [f"Auditlog doorverwijzingen: de keten breekt bij {where}: deze rij of de rij ervoor is "
                    "buiten Regisseur gewijzigd, verwijderd of toegevoegd."]
        previous, expected_id = row.row_hash, row.id + 1
    return []


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
