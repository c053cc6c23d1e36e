"""The indicator framework as a table: pillar, indicator, value type, unit, range, references, formula."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from regisseur_app.domain.mvo.indicators import IndicatorData
from regisseur_app.ui.table_base import Column, RowTableModel

RETIRED = QColor("#888888")


class IndicatorTableModel(RowTableModel):
    COLUMNS = (
        Column("Pijler", lambda r: r.pillar, sort_key=lambda r: r.pillar_order * 100_000 + r.sort_order),
        Column("Indicator", lambda r: r.label),
        Column("Soort", lambda r: "Berekend" if r.is_computed else r.type_label),
        Column("Eenheid", lambda r: r.unit),
        Column("Toegelaten", lambda r: r.range_text),
        Column("GRI / VSME", lambda r: r.reference_text),
        Column("Formule", lambda r: r.formula_text),
        Column("In gebruik", lambda r: "ja" if r.active else "nee (geschiedenis bewaard)"),
    )

    def extra_data(self, row: IndicatorData, role: int):  # noqa: ANN201
        if role == Qt.ItemDataRole.ForegroundRole and not row.active:
            return RETIRED
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.definition
        return None
