"""The 'Per gemeente' tab of an action: status, owner, period and result in each municipality."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QInputDialog, QPushButton, QVBoxLayout, QWidget

from regisseur_app.context import AppContext
from regisseur_app.domain.plan import service
from regisseur_app.domain.plan.models import STATUS_LABELS
from regisseur_app.operations import plan as ops
from regisseur_app.ui.plan.common import run_op
from regisseur_app.ui.plan.execution_dialog import ExecutionDialog
from regisseur_app.ui.plan.execution_table_model import ExecutionTableModel
from regisseur_app.ui.table_base import read_only_table, sorting_proxy


class ExecutionsPanel(QWidget):
    def __init__(self, ctx: AppContext, action_id: int, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.action_id, self.title = ctx, action_id, title
        self.model = ExecutionTableModel(self)
        self.table = read_only_table(sorting_proxy(self.model), "execution_table")
        self.table.setSelectionMode(self.table.SelectionMode.ExtendedSelection)
        self.table.doubleClicked.connect(lambda _i: self.edit())
        self.edit_button = QPushButton("Bewerken…", objectName="edit_execution")
        self.edit_button.clicked.connect(self.edit)
        self.status_button = QPushButton("Status van de selectie…", objectName="execution_status")
        self.status_button.clicked.connect(self.choose_status)
        buttons = QHBoxLayout()
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.status_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        with self.ctx.reading() as session:
            action = next((a for a in service.list_actions(session) if a.id == self.action_id), None)
        self.model.set_rows(list(action.executions) if action else [])
        self.table.resizeColumnsToContents()

    def selected(self) -> list[service.ExecutionRow]:
        rows = {self.table.model().mapToSource(i).row() for i in self.table.selectionModel().selectedRows()}
        return [self.model.row_at(r) for r in sorted(rows)]

    def edit(self) -> None:
        rows = self.selected()
        if rows and ExecutionDialog(self.ctx, rows[0], self.title, self).exec():
            self.refresh()

    def choose_status(self) -> None:
        rows = self.selected()
        if not rows:
            return
        labels = list(STATUS_LABELS.values())
        label, ok = QInputDialog.getItem(self, "Status wijzigen", "Nieuwe status in de gekozen gemeenten:", labels, 1,
                                         False)
        if ok:
            self.set_status(next(code for code, text in STATUS_LABELS.items() if text == label), rows)

    def set_status(self, status: str, rows: list[service.ExecutionRow] | None = None) -> None:
        rows = self.selected() if rows is None else rows
        if rows:
            run_op(self, ops.set_action_status, self.ctx, [r.id for r in rows], status)
            self.refresh()
