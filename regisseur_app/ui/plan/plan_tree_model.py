"""The plan as a tree: objectives with their actions; per participating municipality the status of the
action there, and the action's summarised status. Filtered by a search text (number, title, priority)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QFont, QStandardItem, QStandardItemModel

from regisseur_app.domain.core.municipalities import MunicipalityData
from regisseur_app.domain.plan.models import STATUS_LABELS
from regisseur_app.domain.plan.rollup import overall_status
from regisseur_app.domain.plan.service import ActionRow, ObjectiveRow
from regisseur_app.storage.engine import fold
from regisseur_app.ui.plan.common import STATUS_COLOURS, colour

KIND_ROLE = Qt.ItemDataRole.UserRole + 10
ID_ROLE = Qt.ItemDataRole.UserRole + 11
OBJECTIVE, ACTION = "objective", "action"
FIXED = ("Nr.", "Doelstelling / actie", "WSE-LR", "Samen")


class PlanTreeModel(QStandardItemModel):
    def __init__(self, parent=None):  # noqa: ANN001
        super().__init__(parent)
        self.towns: list[MunicipalityData] = []
        self.plan: list[ObjectiveRow] = []

    def set_plan(self, plan: list[ObjectiveRow], towns: list[MunicipalityData], search: str = "") -> None:
        self.plan, self.towns = plan, towns
        self.clear()
        self.setHorizontalHeaderLabels([*FIXED, *[t.name for t in towns]])
        wanted = fold(search.strip())
        bold = QFont()
        bold.setBold(True)
        for o in plan:
            actions = [a for a in o.actions if not wanted or wanted in fold(f"{a.number} {a.title} {' '.join(a.priorities)}")]
            if wanted and not actions and wanted not in fold(f"{o.number} {o.title}"):
                continue
            row = [self._item(f"{o.number}. {o.title}", OBJECTIVE, o.id), self._item(o.title, OBJECTIVE, o.id)]
            row += [self._item("", OBJECTIVE, o.id) for _ in range(len(FIXED) - 2 + len(towns))]
            row[0].setToolTip(o.description)
            for item in row:
                item.setFont(bold)
            for a in actions:
                row[0].appendRow(self._action_row(a))
            self.appendRow(row)

    def _item(self, text: str, kind: str, row_id: int) -> QStandardItem:
        item = QStandardItem(text)
        item.setEditable(False)
        item.setData(kind, KIND_ROLE)
        item.setData(row_id, ID_ROLE)
        return item

    def _status_item(self, status: str | None, a: ActionRow) -> QStandardItem:
        if status is None:
            item = self._item("—", ACTION, a.id)
            item.setToolTip("Deze gemeente neemt niet deel aan de actie.")
            return item
        item = self._item(STATUS_LABELS[status], ACTION, a.id)
        item.setForeground(QBrush(colour(STATUS_COLOURS[status])))
        return item

    def _action_row(self, a: ActionRow) -> list[QStandardItem]:
        title = self._item(a.title, ACTION, a.id)
        title.setToolTip(a.description)
        row = [self._item(a.number, ACTION, a.id), title, self._item(", ".join(a.priorities), ACTION, a.id),
               self._status_item(overall_status(a.executions), a)]
        for town in self.towns:
            execution = a.execution(town.nis_code)
            row.append(self._status_item(execution.status if execution else None, a))
        return row

    def action(self, action_id: int) -> ActionRow | None:
        return next((a for o in self.plan for a in o.actions if a.id == action_id), None)
