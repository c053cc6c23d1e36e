"""Table model of a count matrix (service categories or organisation types x municipalities):
empty cells stand out in red, thin ones (one organisation) in yellow."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from regisseur_app.domain.analysis.offer_map import Matrix
from regisseur_app.formatting import format_number

EMPTY_COLOUR = QColor("#f6c6c9")
THIN_COLOUR = QColor("#fff0b3")
REGION_HEADER = "Regio"


class MatrixModel(QAbstractTableModel):
    def __init__(self, parent=None, highlight: bool = True):  # noqa: ANN001
        super().__init__(parent)
        self.matrix: Matrix | None = None
        self.highlight = highlight

    def set_matrix(self, matrix: Matrix) -> None:
        self.beginResetModel()
        self.matrix = matrix
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() or self.matrix is None else len(self.matrix.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() or self.matrix is None else len(self.matrix.columns) + 1

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if self.matrix is None or role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return self.matrix.rows[section][1]
        return self.matrix.columns[section][1] if section < len(self.matrix.columns) else REGION_HEADER

    def cell(self, index: QModelIndex) -> tuple[int, str | None]:
        """(row id, nis code or None for the region column)."""
        row_id = self.matrix.rows[index.row()][0]
        if index.column() >= len(self.matrix.columns):
            return row_id, None
        return row_id, self.matrix.columns[index.column()][0]

    def count_at(self, index: QModelIndex) -> int:
        row_id, nis = self.cell(index)
        return self.matrix.row_totals.get(row_id, 0) if nis is None else self.matrix.count(row_id, nis)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self.matrix is None:
            return None
        count = self.count_at(index)
        region = index.column() >= len(self.matrix.columns)
        if role == Qt.ItemDataRole.DisplayRole:
            return format_number(count)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.BackgroundRole and self.highlight and not region:
            return EMPTY_COLOUR if count == 0 else THIN_COLOUR if count == 1 else None
        if role == Qt.ItemDataRole.FontRole and (region or (self.highlight and count == 0)):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            label = self.matrix.rows[index.row()][1]
            where = "de regio (elke organisatie één keer)" if region else self.matrix.columns[index.column()][1]
            if count == 0:
                return f"{label}: geen aanbod in {where}"
            return f"{label} in {where}: {count} organisatie{'s' if count != 1 else ''} — klik om ze te zien"
        return None
