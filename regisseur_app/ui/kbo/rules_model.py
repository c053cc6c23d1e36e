"""Table model of the SE candidate rules (the rule editor)."""

from __future__ import annotations

from dataclasses import dataclass

from regisseur_app.domain.kbo.rules import KIND_LABELS, Rule
from regisseur_app.ui.table_base import Column, RowTableModel


@dataclass(frozen=True)
class RuleRow:
    id: int
    rule: Rule
    category: str      # the service category's label ('' none)


class RuleTableModel(RowTableModel):
    COLUMNS = (
        Column("Regel", lambda r: r.rule.title),
        Column("Omschrijving", lambda r: r.rule.label),
        Column("Soort", lambda r: KIND_LABELS.get(r.rule.kind, r.rule.kind)),
        Column("Dienstencategorie", lambda r: r.category),
        Column("Actief", lambda r: "ja" if r.rule.active else "nee"),
    )
