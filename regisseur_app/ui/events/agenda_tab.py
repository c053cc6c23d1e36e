"""'Agenda' tab: agenda items with an hour, a subject and a speaker; add, edit, move, delete."""

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
from regisseur_app.domain.events import agenda as event_agenda
from regisseur_app.domain.events.agenda import AgendaRow
from regisseur_app.operations import events as event_ops
from regisseur_app.ui.events.agenda_item_dialog import AgendaItemDialog
from regisseur_app.ui.table_base import Column, RowTableModel


class AgendaTableModel(RowTableModel):
    COLUMNS = (
        Column("Uur", lambda r: r.start_time, sort_key=lambda r: r.position),
        Column("Onderwerp", lambda r: r.title, sort_key=lambda r: r.position),
        Column("Spreker", lambda r: r.speaker, sort_key=lambda r: r.position),
    )


class AgendaTab(QWidget):
    def __init__(self, ctx: AppContext, dialog, parent: QWidget | None = None):  # noqa: ANN001
        super().__init__(parent)
        self.ctx, self.dialog, self.event_id = ctx, dialog, None
        self.model = AgendaTableModel(self)
        self.table = QTableView(objectName="agenda")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _i: self.edit())
        buttons = QHBoxLayout()
        for text, slot, name in (("Toevoegen…", lambda: self.edit(new=True), "add_agenda"),
                                 ("Bewerken…", self.edit, "edit_agenda"), ("Omhoog", lambda: self.move(-1), "up"),
                                 ("Omlaag", lambda: self.move(1), "down"), ("Verwijderen", self.delete, "delete_agenda")):
            button = QPushButton(text, objectName=name)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        QShortcut(QKeySequence(Qt.Key.Key_Delete), self.table, activated=self.delete)
        QShortcut(QKeySequence("Ctrl+Up"), self.table, activated=lambda: self.move(-1))
        QShortcut(QKeySequence("Ctrl+Down"), self.table, activated=lambda: self.move(1))

    def load(self, event_id: int, select_id: int | None = None) -> None:
        self.event_id = event_id
        with self.ctx.reading() as session:
            self.model.set_rows(event_agenda.list_agenda(session, event_id))
        for row in range(self.model.rowCount()):
            if self.model.row_at(row).id == select_id:
                self.table.selectRow(row)

    def _current(self) -> AgendaRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def edit(self, new: bool = False) -> None:
        row = None if new else self._current()
        if not new and row is None:
            return
        if AgendaItemDialog(self.ctx, self.event_id, row, self).exec():
            self.load(self.event_id, row.id if row else None)

    def move(self, step: int) -> None:
        row = self._current()
        if row is None:
            return
        event_ops.move_agenda_item(self.ctx, row.id, step)
        self.load(self.event_id, row.id)

    def delete(self) -> None:
        row = self._current()
        if row is None:
            return
        if QMessageBox.question(self, "Agendapunt verwijderen", f"Agendapunt '{row.title}' verwijderen?",
                                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                QMessageBox.StandardButton.No) == QMessageBox.StandardButton.Yes:
            event_ops.delete_agenda_item(self.ctx, row.id)
            self.load(self.event_id)
