"""Editable grid of one indicator: participating municipalities x years. Typing a Belgian number
(1.234,5) stores it at once; an empty cell removes the value."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor

from regisseur_app.formatting import format_number, parse_number

Writer = Callable[[str, int, float | None], str | None]
"""writer(nis_code, year, value or None) -> a Dutch error message, or None when stored."""


class KeyFigureGridModel(QAbstractTableModel):
    rejected = Signal(str)

    def __init__(self, parent=None):  # noqa: ANN001
        super().__init__(parent)
        self.municipalities: list[tuple[str, str]] = []
        self.years: list[int] = []
        self.values: dict[tuple[str, int], float] = {}
        self.decimals = 0
        self.editable = True
        self.fallback_years: set[int] = set()
        self.writer: Writer | None = None

    def set_grid(self, municipalities: list[tuple[str, str]], years: list[int], values: dict[tuple[str, int], float],
                 decimals: int, editable: bool) -> None:
        self.beginResetModel()
        self.municipalities, self.years, self.values = municipalities, years, dict(values)
        self.decimals, self.editable = decimals, editable
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.municipalities)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.years)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return str(self.years[section])
        return self.municipalities[section][1]

    def key(self, index: QModelIndex) -> tuple[str, int]:
        return self.municipalities[index.row()][0], self.years[index.column()]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        value = self.values.get(self.key(index))
        if role == Qt.ItemDataRole.DisplayRole:
            return format_number(value, self.decimals) if value is not None else ""
        if role == Qt.ItemDataRole.EditRole:
            return format_number(value, self.decimals).replace(".", "") if value is not None else ""
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and not self.editable:
            return QColor("#f1f1f1")
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base | Qt.ItemFlag.ItemIsEditable if self.editable else base

    def setData(self, index: QModelIndex | QPersistentModelIndex, value,  # noqa: N802, ANN001
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or not self.editable or self.writer is None:
            return False
        text = str(value or "").strip()
        nis, year = self.key(index)
        name = self.municipalities[index.row()][1]
        if text:
            try:
                number: float | None = float(parse_number(text))
            except ValueError as exc:
                self.rejected.emit(f"{name}, {year}: {exc}. Er is niets gewijzigd.")
                return False
        else:
            number = None
        if number == self.values.get((nis, year)):
            return False
        problem = self.writer(nis, year, number)
        if problem:
            self.rejected.emit(problem)
            return False
        self.set_cell(nis, year, number)
        return True

    def set_cell(self, nis: str, year: int, value: float | None) -> None:
        if value is None:
            self.values.pop((nis, year), None)
        else:
            self.values[(nis, year)] = value
        if (nis, year) in self._positions():
            row, column = self._positions()[(nis, year)]
            index = self.index(row, column)
            self.dataChanged.emit(index, index)

    def _positions(self) -> dict[tuple[str, int], tuple[int, int]]:
        return {(nis, year): (r, c) for r, (nis, _n) in enumerate(self.municipalities)
                for c, year in enumerate(self.years)}
