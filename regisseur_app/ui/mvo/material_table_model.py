"""Materials with their emission factor, source and year."""

from __future__ import annotations

from PySide6.QtCore import Qt

from regisseur_app.domain.mvo.materials import MaterialData
from regisseur_app.formatting import format_number
from regisseur_app.ui.table_base import Column, RowTableModel


class MaterialTableModel(RowTableModel):
    COLUMNS = (
        Column("Materiaal", lambda r: r.label),
        Column("Factor (t CO₂-eq per t)", lambda r: "geen" if r.emission_factor is None
               else format_number(r.emission_factor, 2), sort_key=lambda r: r.emission_factor, align_right=True),
        Column("Jaar", lambda r: str(r.factor_year or ""), sort_key=lambda r: r.factor_year),
        Column("In gebruik", lambda r: "ja" if r.active else "nee"),
        Column("Bron", lambda r: r.factor_source),
    )

    def extra_data(self, row: MaterialData, role: int):  # noqa: ANN201
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.factor_source
        return None
