"""Trends: per key indicator the regional total (or average) per year; the columns are the years."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from regisseur_app.formatting import format_number
from regisseur_app.ui.table_base import SORT_ROLE, Column, RowTableModel


class TrendTableModel(RowTableModel):
    """Rows: (label, [value per year]); the year columns are set with `set_years`."""

    def __init__(self, parent=None):  # noqa: ANN001
        super().__init__(parent)
        self.years: list[int] = []
        self.COLUMNS = (Column("Indicator", lambda r: r[0]),)

    def set_years(self, years: list[int], rows: list[tuple[str, list[float | None]]]) -> None:
        self.beginResetModel()
        self.years = list(years)
        self.COLUMNS = (Column("Indicator", lambda r: r[0]),
                        *(Column(str(y), _cell(i), sort_key=_key(i), align_right=True) for i, y in enumerate(years)))
        self._rows = list(rows)
        self.endResetModel()

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if role == SORT_ROLE and index.isValid() and index.column() > 0:
            value = self._rows[index.row()][1][index.column() - 1]
            return -1 if value is None else value
        return super().data(index, role)


def _cell(i: int):  # noqa: ANN202
    return lambda r: "" if r[1][i] is None else format_number(r[1][i], 0 if abs(r[1][i]) >= 100 else 1)


def _key(i: int):  # noqa: ANN202
    return lambda r: r[1][i]
