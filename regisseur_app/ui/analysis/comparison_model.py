"""Table model of the key-figure comparison: municipalities side by side, then the region rows."""

from __future__ import annotations

from PySide6.QtCore import QObject, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor, QFont

from regisseur_app.domain.analysis.comparison import MUNICIPALITY, Comparison, ComparisonRow
from regisseur_app.formatting import format_number
from regisseur_app.ui.table_base import SORT_ROLE, Column, RowTableModel

KIND_ROLE = Qt.ItemDataRole.UserRole + 10


def signed(value: float | None, decimals: int, suffix: str = "") -> str:
    if value is None:
        return ""
    text = format_number(value, decimals)
    return ("+" + text if value > 0 else text) + suffix


class ComparisonModel(RowTableModel):
    def __init__(self, parent=None):  # noqa: ANN001
        super().__init__(parent)
        self.COLUMNS = ()
        self.comparison: Comparison | None = None

    def set_comparison(self, comparison: Comparison) -> None:
        self.beginResetModel()
        self.comparison = comparison
        d, year = comparison.indicator.decimals, comparison.year
        rate = comparison.shows_per_1000
        columns = [
            Column("Gemeente", lambda r: r.name),
            Column(str(year), lambda r: format_number(r.value, d), lambda r: r.value, True),
            Column(str(year - 1), lambda r: format_number(r.previous, d), lambda r: r.previous, True),
            Column("Verschil", lambda r: signed(r.change, d), lambda r: r.change, True),
            Column("Verschil %", lambda r: signed(r.change_pct, 1, " %"), lambda r: r.change_pct, True),
        ]
        if rate:
            columns += [
                Column(f"Per 1.000 inw. {year}", lambda r: format_number(r.per_1000, 2), lambda r: r.per_1000, True),
                Column(f"Per 1.000 inw. {year - 1}", lambda r: format_number(r.previous_per_1000, 2),
                       lambda r: r.previous_per_1000, True),
                Column("Verschil per 1.000", lambda r: signed(r.per_1000_change, 2), lambda r: r.per_1000_change,
                       True),
                Column(f"Inwoners {year}", lambda r: _inhabitants(r), lambda r: r.inhabitants, True),
            ]
        self.COLUMNS = tuple(columns)
        self._rows = list(comparison.rows)
        self.endResetModel()

    def extra_data(self, row: ComparisonRow, role: int):  # noqa: ANN201
        if role == KIND_ROLE:
            return row.kind
        if role == Qt.ItemDataRole.FontRole and row.kind != MUNICIPALITY:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole and row.kind != MUNICIPALITY:
            return QColor("#eef3f9")
        if role == Qt.ItemDataRole.ToolTipRole and row.inhabitants_fallback:
            return "Geen kerncijfer 'Inwoners' voor dit jaar: inwoners uit de gemeentetabel (1/1/2020)."
        return None


def _inhabitants(row: ComparisonRow) -> str:
    if row.inhabitants is None:
        return ""
    return format_number(row.inhabitants, 0) + (" *" if row.inhabitants_fallback else "")


class RegionLastProxy(QSortFilterProxyModel):
    """Sorts the municipalities; the region rows (total, average) stay at the bottom in either order."""

    def __init__(self, model: ComparisonModel, parent: QObject | None = None):
        super().__init__(parent)  # not a child of its source: deleting both in either order stays safe
        self.setSourceModel(model)
        self.setSortRole(SORT_ROLE)

    def lessThan(self, left, right) -> bool:  # noqa: N802, ANN001
        model = self.sourceModel()
        left_kind, right_kind = model.data(left, KIND_ROLE), model.data(right, KIND_ROLE)
        if (left_kind == MUNICIPALITY) != (right_kind == MUNICIPALITY):
            region_last = left_kind == MUNICIPALITY
            return region_last if self.sortOrder() == Qt.SortOrder.AscendingOrder else not region_last
        if left_kind != MUNICIPALITY:
            keep = left.row() < right.row()
            return keep if self.sortOrder() == Qt.SortOrder.AscendingOrder else not keep
        a, b = model.data(left, SORT_ROLE), model.data(right, SORT_ROLE)
        try:
            return a < b
        except TypeError:
            return str(a) < str(b)
