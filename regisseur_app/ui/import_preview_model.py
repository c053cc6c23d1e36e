"""Table model of an import preview: line, status, messages and the mapped values of each row."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from regisseur_app.exchange.importing import ERROR, NEW, SKIP, UPDATE, PreviewRow
from regisseur_app.ui.table_base import Column, RowTableModel

STATUS_COLOURS = {ERROR: "#fbe3e4", UPDATE: "#fff6d6", SKIP: "#eeeeee", NEW: None}


class ImportPreviewModel(RowTableModel):
    BASE_COLUMNS = (
        Column("Rij", lambda r: str(r.line), sort_key=lambda r: r.line, align_right=True),
        Column("Status", lambda r: r.status),
        Column("Meldingen", lambda r: " • ".join(r.messages)),
    )

    def __init__(self, parent=None):  # noqa: ANN001
        super().__init__(parent)
        self.COLUMNS = self.BASE_COLUMNS

    def set_preview(self, rows: list[PreviewRow], fields: dict[str, str], mapped: list[str]) -> None:
        self.beginResetModel()
        self.COLUMNS = self.BASE_COLUMNS + tuple(
            Column(fields[key], lambda r, k=key: r.values.get(k, "")) for key in mapped)
        self._rows = list(rows)
        self.endResetModel()

    def extra_data(self, row: PreviewRow, role: int):  # noqa: ANN201
        if role == Qt.ItemDataRole.BackgroundRole and STATUS_COLOURS.get(row.status):
            return QColor(STATUS_COLOURS[row.status])
        if role == Qt.ItemDataRole.ToolTipRole and row.messages:
            return "\n".join(row.messages)
        return None
