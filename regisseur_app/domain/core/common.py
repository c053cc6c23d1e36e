"""Small query helpers shared by the services."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from regisseur_app.domain.core.municipalities import Municipality


def escape_like(text: str) -> str:
    """Escape LIKE wildcards; use with `escape='\\\\'`."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def unknown_municipalities(session: Session, codes: list[str]) -> list[str]:
    if not codes:
        return []
    known = set(session.scalars(select(Municipality.nis_code).where(Municipality.nis_code.in_(codes))))
    return [c for c in codes if c not in known]
