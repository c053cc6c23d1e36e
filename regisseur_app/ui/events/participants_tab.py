"""'Deelnemers' tab: invite (one by one or by filter), change status and role, remove; capacity summary."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QMenu, QMessageBox, QPushButton, QVBoxLayout, QWidget

from regisseur_app.context import AppContext
from regisseur_app.domain.events import participants
from regisseur_app.domain.events.models import PARTICIPANT_STATUSES, ROLES
from regisseur_app.operations import events as event_ops
from regisseur_app.ui.events.participant_table_model import ParticipantTableModel
from regisseur_app.ui.table_base import ID_ROLE, fit_columns, read_only_table, sorting_proxy


class ParticipantsTab(QWidget):
    def __init__(self, ctx: AppContext, dialog, parent: QWidget | None = None):  # noqa: ANN001
        super().__init__(parent)
        self.ctx = ctx
        self.dialog = dialog
        self.event_id: int | None = None
        self.model = ParticipantTableModel(self)
        self.proxy = sorting_proxy(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.search = QLineEdit(objectName="participant_search", placeholderText="Zoeken in de deelnemers…")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.summary = QLabel(objectName="capacity_summary")
        self.table = read_only_table(self.proxy, "participants")
        self.invite_button = QPushButton("Uitnodigen…", objectName="invite_one")
        self.invite_button.clicked.connect(self.invite_one_by_one)
        self.filter_button = QPushButton("Uitnodigen op filter…", objectName="invite_filter")
        self.filter_button.clicked.connect(self.invite_by_filter)
        self.status_button = QPushButton("Status", objectName="status_menu")
        status_menu = QMenu(self.status_button)
        for code, label in PARTICIPANT_STATUSES.items():
            status_menu.addAction(label, lambda c=code: self.change_status(c))
        self.status_button.setMenu(status_menu)
        self.role_button = QPushButton("Rol", objectName="role_menu")
        role_menu = QMenu(self.role_button)
        for code, label in ROLES.items():
            role_menu.addAction(label, lambda c=code: self.change_role(c))
        self.role_button.setMenu(role_menu)
        self.remove_button = QPushButton("Verwijderen", objectName="remove_participant")
        self.remove_button.setToolTip("Uitnodiging verwijderen (Delete). Wie niet komt, zet u beter op 'Afgemeld'.")
        self.remove_button.clicked.connect(self.remove_selected)
        top = QHBoxLayout()
        top.addWidget(self.search, 2)
        top.addWidget(self.summary, 3)
        buttons = QHBoxLayout()
        for button in (self.invite_button, self.filter_button, self.status_button, self.role_button,
                       self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        QShortcut(QKeySequence(Qt.Key.Key_Delete), self.table, activated=self.remove_selected)

    def load(self, event_id: int) -> None:
        self.event_id = event_id
        selected = set(self.selected_ids())
        with self.ctx.reading() as session:
            rows = participants.list_participants(session, event_id)
            summary = participants.capacity_summary(session, event_id)
        self.model.set_rows(rows)
        self.summary.setText(summary.text())
        fit_columns(self.table)
        for column in range(self.model.columnCount()):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 260))
        for row in range(self.proxy.rowCount()):
            if self.proxy.index(row, 0).data(ID_ROLE) in selected:
                self.table.selectionModel().select(
                    self.proxy.index(row, 0), self.table.selectionModel().SelectionFlag.Select
                    | self.table.selectionModel().SelectionFlag.Rows)

    def selected_ids(self) -> list[int]:
        return [index.data(ID_ROLE) for index in self.table.selectionModel().selectedRows()]

    def _reload(self) -> None:
        self.load(self.event_id)
        self.dialog.update_tab_titles()

    def invite_one_by_one(self) -> None:
        from regisseur_app.ui.events.invite_contacts_dialog import InviteContactsDialog

        if InviteContactsDialog(self.ctx, self.event_id, self).exec():
            self._reload()

    def invite_by_filter(self) -> None:
        from regisseur_app.ui.events.invite_filter_dialog import InviteFilterDialog

        if InviteFilterDialog(self.ctx, self.event_id, self).exec():
            self._reload()

    def change_status(self, status: str) -> None:
        ids = self.selected_ids()
        if not ids:
            QMessageBox.information(self, "Status", "Selecteer eerst een of meer deelnemers.")
            return
        names = {r.id: r.name for r in map(self.model.row_at, range(self.model.rowCount()))}
        messages, problems = event_ops.set_participant_status(self.ctx, ids, status, names)
        self._reload()
        interesting = [m for m in messages if "wachtlijst" in m or "doorgeschoven" in m]
        if problems or interesting:
            QMessageBox.information(self, "Status gewijzigd", "\n".join(problems + interesting))

    def change_role(self, role: str) -> None:
        ids = self.selected_ids()
        if not ids:
            QMessageBox.information(self, "Rol", "Selecteer eerst een of meer deelnemers.")
            return
        event_ops.set_participant_role(self.ctx, ids, role)
        self._reload()

    def remove_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        answer = QMessageBox.question(
            self, "Uitnodiging verwijderen",
            f"{len(ids)} uitnodiging(en) verwijderen? De status en de aanmelding gaan verloren. Wie gewoon niet "
            "komt, zet u beter op 'Afgemeld'.", QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        promoted = event_ops.remove_participants(self.ctx, ids)
        self._reload()
        if promoted:
            QMessageBox.information(self, "Wachtlijst", "Van de wachtlijst doorgeschoven naar ingeschreven: "
                                    + ", ".join(promoted) + ".")
