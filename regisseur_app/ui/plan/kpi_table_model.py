"""Table of the KPIs of a year and scope: value, target, % of target and state."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush

from regisseur_app.domain.plan.kpis import KpiProgress
from regisseur_app.formatting import format_number
from regisseur_app.ui.plan.common import KPI_COLOURS, colour
from regisseur_app.ui.plan.kpi_format import kpi_number, kpi_value_text
from regisseur_app.ui.table_base import Column, RowTableModel


def _percent(p: KpiProgress) -> str:
    return "" if p.ratio is None else f"{format_number(p.ratio * 100)} %"


class KpiTableModel(RowTableModel):
    COLUMNS = (
        Column("Doel", lambda p: p.objective_number, lambda p: f"{p.objective_number.zfill(4)}-{p.kpi_id:07d}"),
        Column("KPI", lambda p: p.title),
        Column("Bron", lambda p: p.source_title),
        Column("Waarde", lambda p: kpi_value_text(p.value, p.unit, p.computed), lambda p: p.value,
               align_right=True),
        Column("Streefcijfer", lambda p: kpi_number(p.target, p.unit), lambda p: p.target, align_right=True),
        Column("% van doel", _percent, lambda p: p.ratio, align_right=True),
        Column("Stand", lambda p: p.state_label),
    )

    def extra_data(self, row: KpiProgress, role: int):  # noqa: ANN201
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(colour(KPI_COLOURS[row.state]))
        if role == Qt.ItemDataRole.ToolTipRole:
            return ("Berekend uit de gegevens: dubbelklik voor de cijfers erachter." if row.computed
                    else "Met de hand ingevuld: dubbelklik voor de waarden per gemeente.")
        return None
