"""Retention and erasure of referrals, and the erasure register that survives a restore.

- Retention: closed referrals whose closing date is older than the retention period (setting, default
  24 months) are listed in a preview; erasing them first makes a verified backup, then deletes them
  in one transaction with an audit entry per code.
- Erasure on request (right to erasure): the same, for codes the user names.
- The erasure register is a JSON-lines file NEXT TO the database (not inside it, so a restore of an
  older backup cannot bring it back). It holds only pseudonymous codes, the erasure date and the kind
  of erasure. It is rewritten atomically (temporary file, fsync, rename, fsync of the folder) BEFORE
  the transaction that deletes commits: if the write fails nothing is erased; if the commit fails
  the register names a code the user had decided to erase, which the next re-application erases.
- After a restore, `reapply_after_restore` (run by operations.referrals, a registered restore hook) erases every code of the register that came back and
  raises the code counters so an erased code is never issued again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import delete, inspect, select
from sqlalchemy.orm import Session

from regisseur_app.domain.core.base import ValidationError
from regisseur_app.domain.core.municipalities import Municipality
from regisseur_app.domain.referrals import audit
from regisseur_app.domain.referrals.erasure_register import ErasureRegister, register_path
from regisseur_app.domain.referrals.models import CLOSED, Referral, ReferralAudit
from regisseur_app.domain.referrals.settings import load_settings, raise_counter
from regisseur_app.formatting import format_date
from regisseur_app.storage.backup import read_rows

CODE_PATTERN = re.compile(r"^(?P<prefix>[A-Z0-9]{2,4})-(?P<year>\d{4})-(?P<number>\d{4,})$")
REASON_RETENTION = "bewaartermijn"
REASON_REQUEST = "verzoek"


@dataclass(frozen=True)
class RetentionCandidate:
    id: int
    code: str
    municipality: str
    closed_date: date


def cutoff_date(today: date, months: int) -> date:
    """The date `months` before today (the end of a shorter month is clamped: 31/03 - 1 month = 28/02)."""
    year, month = divmod(today.year * 12 + today.month - 1 - months, 12)
    month += 1
    for day in (today.day, 30, 29, 28):
        try:
            return date(year, month, day)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def retention_preview(session: Session, today: date | None = None) -> list[RetentionCandidate]:
    """Closed referrals whose closing date lies before today minus the retention period."""
    today = today or date.today()
    cutoff = cutoff_date(today, load_settings(session).retention_months)
    rows = session.execute(
        select(Referral.id, Referral.code, Municipality.name, Referral.closed_date)
        .join(Municipality, Municipality.nis_code == Referral.nis_code)
        .where(Referral.status == CLOSED, Referral.closed_date < cutoff)
        .order_by(Referral.closed_date, Referral.code))
    return [RetentionCandidate(*row) for row in rows]


def erase(session: Session, codes: list[str], register: ErasureRegister, reason: str,
          today: date | None = None) -> int:
    """Delete these referrals with their history, write the register, log each code. Returns how many."""
    today = today or date.today()
    wanted = sorted({c.strip().upper() for c in codes if c.strip()})
    found = list(session.scalars(select(Referral.code).where(Referral.code.in_(wanted))))
    missing = sorted(set(wanted) - set(found))
    if missing:
        raise ValidationError({"code": f"Onbekende code(s): {', '.join(missing[:10])}. Er is niets gewist."})
    action = audit.ERASED_RETENTION if reason == REASON_RETENTION else audit.ERASED_REQUEST
    _delete(session, found)
    audit.log_many(session, [{"action": action, "code": code, "new": f"gewist op {format_date(today)}"}
                             for code in found])
    session.flush()
    register.add(found, today, reason)
    return len(found)


def _delete(session: Session, codes: list[str]) -> None:
    for start in range(0, len(codes), 500):
        chunk = codes[start:start + 500]
        # the steps go with their referral (ON DELETE CASCADE, foreign keys are on)
        session.execute(delete(Referral).where(Referral.code.in_(chunk)).execution_options(synchronize_session=False))
    session.expire_all()


def reapply(session: Session, register: ErasureRegister, today: date | None = None) -> list[str]:
    """Erase again every registered code present in the database (after a restore or a file copied over
    it); raise the counters. Returns the codes erased again."""
    today = today or date.today()
    registered = register.codes()
    if not registered:
        return []
    _raise_counters(session, registered)
    present = _present(session, registered)
    if present:
        _delete(session, present)
        audit.log_many(session, [{"action": audit.REAPPLIED, "code": code,
                                  "new": f"opnieuw gewist op {format_date(today)} na het terugzetten van een back-up"}
                                 for code in sorted(present)])
    return sorted(present)


def _raise_counters(session: Session, codes: set[str]) -> None:
    highest: dict[tuple[str, int], int] = {}
    for code in codes:
        match = CODE_PATTERN.match(code)
        if match:
            key = (match["prefix"], int(match["year"]))
            highest[key] = max(highest.get(key, 0), int(match["number"]))
    for (prefix, year), number in highest.items():
        raise_counter(session, prefix, year, number)


def _present(session: Session, codes: set[str]) -> list[str]:
    present: list[str] = []
    ordered = sorted(codes)
    for start in range(0, len(ordered), 500):
        present += session.scalars(select(Referral.code).where(Referral.code.in_(ordered[start:start + 500])))
    return present


def erase_in_backups(backup_dir: Path, codes: set[str]) -> list[Path]:
    """Carry the erasure into every kept backup (each one atomically, content overwritten): an erased
    referral does not survive in a backup. Returns the backups that held one."""
    from regisseur_app.storage.backup import rewrite_backups

    if not codes:
        return []

    def change(session: Session) -> int:
        if not inspect(session.connection()).has_table(Referral.__tablename__):
            return 0  # a backup from before the referral module
        present = _present(session, codes)
        if present:
            _delete(session, present)
        return len(present)

    return rewrite_backups(backup_dir, change)


def reapply_after_restore(session: Session, db_path: Path, previous: Path | None = None) -> list[str]:
    """After a restore: raise the code counters past every code of `previous` (the safety backup of the
    state before), then erase again what the register beside `db_path` names. Returns the codes erased again."""
    for code in codes_in_file(previous) if previous else []:
        match = CODE_PATTERN.match(code)
        if match:
            raise_counter(session, match["prefix"], int(match["year"]), int(match["number"]))
    return reapply(session, ErasureRegister(register_path(db_path)))


def codes_in_file(path: Path) -> set[str]:
    """Every referral code a database file knows: present referrals and the audit log (also erased ones)."""
    codes: set[str] = set()
    for table in (Referral.__tablename__, ReferralAudit.__tablename__):
        codes.update(row[0] for row in read_rows(path, table, ["code"], distinct=True))
    return codes
