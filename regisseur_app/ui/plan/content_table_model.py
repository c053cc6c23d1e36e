"""A read-only table model over a reports.content.Table (the figures behind a KPI), nl-BE formatted."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from regisseur_app.formatting import format_money, format_number
from regisseur_app.reports.content import Table


class ContentTableModel(QAbstractTableModel):
    def __init__(self, table: Table, parent=None):  # noqa: ANN001
        super().__init__(parent)
        self.table = table

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.table.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.table.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.table.columns[section].title
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        column = self.table.columns[index.column()]
        value = self.table.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                return format_money(value) if column.unit == "€" else format_number(value, column.decimals)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and self.table.total_row and index.row() == len(self.table.rows) - 1:
            font = QFont()
            font.setBold(True)
            return font
        return None
