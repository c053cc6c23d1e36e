"""'Opvolgacties' tab: the follow-up actions of the event; add, edit, mark done, delete."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from regisseur_app.context import AppContext
from regisseur_app.domain.events import follow_up
from regisseur_app.operations import events as event_ops
from regisseur_app.ui.events.action_dialog import ActionDialog
from regisseur_app.ui.events.action_table_model import ActionTableModel
from regisseur_app.ui.table_base import ID_ROLE, fit_columns, keep_columns_fitted, sorting_proxy


class ActionsTab(QWidget):
    def __init__(self, ctx: AppContext, dialog, parent: QWidget | None = None):  # noqa: ANN001
        super().__init__(parent)
        self.ctx, self.dialog, self.event_id = ctx, dialog, None
        self.model = ActionTableModel(self)
        self.table = QTableView(objectName="actions")
        keep_columns_fitted(self.table)
        self.table.setModel(sorting_proxy(self.model))
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _i: self.edit())
        self.add_button = QPushButton("Nieuwe actie…", objectName="add_action")
        self.add_button.clicked.connect(lambda: self.open(None))
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        for text, slot, name in (("Bewerken…", self.edit, "edit_action"), ("Afgerond", self.mark_done, "done_action"),
                                 ("Verwijderen", self.delete, "delete_action")):
            button = QPushButton(text, objectName=name)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        QShortcut(QKeySequence(Qt.Key.Key_Delete), self.table, activated=self.delete)

    def load(self, event_id: int) -> None:
        self.event_id = event_id
        with self.ctx.reading() as session:
            self.model.set_rows(follow_up.list_actions(session, event_id))
        fit_columns(self.table)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

    def _selected(self) -> list[int]:
        return [i.data(ID_ROLE) for i in self.table.selectionModel().selectedRows()]

    def open(self, action_id: int | None) -> None:
        if ActionDialog(self.ctx, self.event_id, action_id, self).exec():
            self.load(self.event_id)
            self.dialog.update_tab_titles()

    def edit(self) -> None:
        ids = self._selected()
        if ids:
            self.open(ids[0])

    def mark_done(self) -> None:
        ids = self._selected()
        if not ids:
            return
        event_ops.mark_actions_done(self.ctx, ids)
        self.load(self.event_id)

    def delete(self) -> None:
        ids = self._selected()
        if not ids:
            return
        if QMessageBox.question(self, "Actie verwijderen", f"{len(ids)} opvolgactie(s) verwijderen?",
                                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                QMessageBox.StandardButton.No) != QMessageBox.StandardButton.Yes:
            return
        event_ops.delete_actions(self.ctx, ids)
        self.load(self.event_id)
        self.dialog.update_tab_titles()
