"""The two compact tables of the plan's Overzicht section: KPI progress and actions that need attention.
Their rows are the plain values of PlanHomeSection.load (kept in the start screen's snapshot)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget


class _Compact(QTableWidget):
    def __init__(self, headers: list[str], object_name: str, parent: QWidget | None = None):
        super().__init__(0, len(headers), parent)
        self.setObjectName(object_name)
        self.setHorizontalHeaderLabels(headers)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

    def _fit(self) -> None:
        self.setFixedHeight(self.horizontalHeader().sizeHint().height() + 2 * self.frameWidth()
                            + self.rowCount() * self.verticalHeader().defaultSectionSize())

    def _item(self, text: str, row_id: int, fg: str | None = None, right: bool = False) -> QTableWidgetItem:
        item = QTableWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, row_id)
        if fg:
            item.setForeground(QBrush(QColor(fg)))
        if right:
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return item


class KpiProgressTable(_Compact):
    activated_kpi = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(["KPI", "Doel", "Waarde", "Streefcijfer", "%", "Stand"], "home_kpi_table", parent)
        self.cellDoubleClicked.connect(lambda r, _c: self.activated_kpi.emit(self.item(r, 0).data(Qt.ItemDataRole.UserRole)))

    def set_rows(self, rows: list[dict]) -> None:
        self.setRowCount(len(rows))
        for r, p in enumerate(rows):
            kpi_id = p["kpi_id"]
            cells = [self._item(p["title"], kpi_id), self._item(p["objective_number"], kpi_id),
                     self._item(p["value"], kpi_id, right=True), self._item(p["target"], kpi_id, right=True),
                     self._item(p["ratio"], kpi_id, right=True),
                     self._item(p["state_label"], kpi_id, p["colour"])]
            for c, cell in enumerate(cells):
                self.setItem(r, c, cell)
        self._fit()


class DueTable(_Compact):
    activated_action = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(["Actie", "Gemeente", "Status", "Wanneer"], "home_due_table", parent)
        self.cellDoubleClicked.connect(lambda r, _c: self.activated_action.emit(self.item(r, 0).data(Qt.ItemDataRole.UserRole)))

    def set_rows(self, rows: list[dict]) -> None:
        self.setRowCount(len(rows))
        for r, d in enumerate(rows):
            action_id = d["action_id"]
            cells = [self._item(d["label"], action_id), self._item(d["municipality"], action_id),
                     self._item(d["status_label"], action_id, d["colour"]),
                     self._item(d["when"], action_id, "#b00020" if d["late"] else None)]
            for c, cell in enumerate(cells):
                self.setItem(r, c, cell)
        self._fit()
