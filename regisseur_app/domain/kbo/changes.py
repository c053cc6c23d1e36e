"""The changes found by the last import (for the dialog after an import and the page header)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from regisseur_app.domain.core.validation import format_kbo
from regisseur_app.domain.kbo.models import CHANGE_LABELS, KboChange

ORDER = {"new": 0, "stopped": 1, "moved": 2, "left": 3}


@dataclass(frozen=True)
class ChangeRow:
    id: int
    kbo_number: str
    kind: str
    kind_label: str
    name: str
    detail: str


def last_changes(session: Session) -> list[ChangeRow]:
    rows = [ChangeRow(c.id, format_kbo(c.enterprise_number), c.kind, CHANGE_LABELS.get(c.kind, c.kind), c.name,
                      c.detail) for c in session.scalars(select(KboChange))]
    return sorted(rows, key=lambda r: (ORDER.get(r.kind, 9), r.name.casefold()))
