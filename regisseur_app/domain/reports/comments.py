"""The regisseur's comment per section, kept per municipality (or the region) and period."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from regisseur_app.domain.core.base import ValidationError
from regisseur_app.domain.core.validation import check_no_national_number
from regisseur_app.domain.reports.models import REGION_KEY, ReportComment
from regisseur_app.reports.content import Scope

MAX_COMMENT = 4000


def scope_key(scope: Scope) -> str:
    return scope.nis_code or REGION_KEY


def get_comments(session: Session, scope: Scope) -> dict[str, str]:
    """section key -> comment text for this municipality (or region) and exactly this period."""
    rows = session.execute(select(ReportComment.section_key, ReportComment.text).where(
        ReportComment.scope_key == scope_key(scope), ReportComment.period_start == scope.start,
        ReportComment.period_end == scope.end))
    return {key: text for key, text in rows if text}


def set_comment(session: Session, scope: Scope, section_key: str, text: str) -> str:
    """Store (empty text: remove) the comment. Returns the previous text (for undo). Raises ValidationError."""
    text = (text or "").strip()
    errors: dict[str, str] = {}
    if len(text) > MAX_COMMENT:
        errors["comment"] = f"De commentaar is te lang ({len(text)} tekens, maximaal {MAX_COMMENT})."
    check_no_national_number({"comment": text}, errors)
    if errors:
        raise ValidationError(errors)
    row = session.scalar(select(ReportComment).where(
        ReportComment.scope_key == scope_key(scope), ReportComment.period_start == scope.start,
        ReportComment.period_end == scope.end, ReportComment.section_key == section_key))
    previous = row.text if row is not None else ""
    if not text:
        if row is not None:
            session.delete(row)
    elif row is None:
        session.add(ReportComment(scope_key=scope_key(scope), period_start=scope.start, period_end=scope.end,
                                  section_key=section_key, text=text))
    else:
        row.text = text
    session.flush()
    return previous
