"""Table of an action's executions: one row per participating municipality."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush

from regisseur_app.domain.plan.service import ExecutionRow
from regisseur_app.formatting import format_date
from regisseur_app.ui.plan.common import STATUS_COLOURS, colour
from regisseur_app.ui.table_base import Column, RowTableModel


class ExecutionTableModel(RowTableModel):
    COLUMNS = (
        Column("Gemeente", lambda r: r.municipality),
        Column("Status", lambda r: r.status_label),
        Column("Verantwoordelijke", lambda r: r.owner),
        Column("Van", lambda r: format_date(r.start_date), lambda r: r.start_date.toordinal() if r.start_date else 0),
        Column("Tot", lambda r: format_date(r.end_date), lambda r: r.end_date.toordinal() if r.end_date else 0),
        Column("Resultaat", lambda r: r.result.replace("\n", " ")),
        Column("Notities", lambda r: r.notes.replace("\n", " ")),
    )

    def extra_data(self, row: ExecutionRow, role: int):  # noqa: ANN201
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(colour(STATUS_COLOURS[row.status]))
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(x for x in (row.result, row.notes) if x) or None
        return None
