"""Add or edit one follow-up action: description, owner (a contact or the regisseur), due date, status,
linked organisations."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from regisseur_app.context import AppContext
from regisseur_app.domain.core import contact_service, organisation_service
from regisseur_app.domain.core.base import ValidationError
from regisseur_app.domain.events import follow_up
from regisseur_app.domain.events.follow_up import ActionInput
from regisseur_app.domain.events.models import ACTION_STATUSES, REGISSEUR_OWNER
from regisseur_app.operations import events as event_ops
from regisseur_app.ui.widgets import CheckList, FieldErrors, save_cancel_buttons


class ActionDialog(QDialog):
    def __init__(self, ctx: AppContext, event_id: int, action_id: int | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.event_id, self.action_id = ctx, event_id, action_id
        self.setWindowTitle("Nieuwe opvolgactie" if action_id is None else "Opvolgactie bewerken")
        self.resize(620, 560)
        with ctx.reading() as session:
            contacts = contact_service.list_contacts(session)
            orgs = organisation_service.list_organisations(session)
            existing = follow_up.get_action(session, action_id) if action_id else None
            if existing is not None:  # archived owner or organisations of this action stay choosable
                contacts += [c for c in contact_service.list_contacts(session, contact_service.ContactFilter(
                    archived=True)) if c.id == existing.owner_contact_id]
                orgs += [o for o in organisation_service.list_organisations(
                    session, organisation_service.OrganisationFilter(archived=True))
                    if o.id in existing.organisation_ids]
        self.description_edit = QPlainTextEdit(objectName="action_description")
        self.description_edit.setFixedHeight(90)
        self.owner_combo = QComboBox(objectName="owner")
        self.owner_combo.addItem(REGISSEUR_OWNER, None)
        for c in contacts:
            self.owner_combo.addItem(f"{c.name} ({c.organisation_name})" if c.organisation_name else c.name, c.id)
        self.owner_combo.setEditable(True)  # type to find a contact quickly
        self.owner_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.due_edit = QDateEdit(objectName="due_date")
        self.due_edit.setDisplayFormat("dd/MM/yyyy")
        self.due_edit.setCalendarPopup(True)
        soon = date.today() + timedelta(days=14)
        self.due_edit.setDate(QDate(soon.year, soon.month, soon.day))
        self.no_due_check = QCheckBox("geen termijn", objectName="no_due_date")
        self.no_due_check.toggled.connect(lambda on: self.due_edit.setEnabled(not on))
        due = QWidget()
        row = QHBoxLayout(due)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.due_edit)
        row.addWidget(self.no_due_check)
        row.addStretch()
        self.status_combo = QComboBox(objectName="action_status")
        for code, label in ACTION_STATUSES.items():
            self.status_combo.addItem(label, code)
        self.org_list = CheckList([(o.id, o.name) for o in orgs], with_filter=True)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.errors = FieldErrors(form)
        for key, label, widget in (("description", "Actie *", self.description_edit),
                                   ("owner_contact_id", "Verantwoordelijke", self.owner_combo),
                                   ("due_date", "Uiterlijk op", due), ("status", "Status", self.status_combo),
                                   ("organisation_ids", "Betrokken organisaties", self.org_list)):
            self.errors.add_row(key, label, widget)
        if existing is not None:
            self._load(existing)
        buttons = save_cancel_buttons(self.save, self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.description_edit.setFocus()

    def _load(self, data: ActionInput) -> None:
        self.description_edit.setPlainText(data.description)
        self.owner_combo.setCurrentIndex(max(0, self.owner_combo.findData(data.owner_contact_id)))
        if data.due_date is None:
            self.no_due_check.setChecked(True)
        else:
            self.due_edit.setDate(QDate(data.due_date.year, data.due_date.month, data.due_date.day))
        self.status_combo.setCurrentIndex(max(0, self.status_combo.findData(data.status)))
        self.org_list.set_checked(data.organisation_ids)

    def collect(self) -> ActionInput:
        qd = self.due_edit.date()
        due = None if self.no_due_check.isChecked() else date(qd.year(), qd.month(), qd.day())
        index = self.owner_combo.findText(self.owner_combo.currentText())
        owner = self.owner_combo.itemData(index) if index >= 0 else self.owner_combo.currentData()
        return ActionInput(self.description_edit.toPlainText(), owner, due, self.status_combo.currentData(),
                           self.org_list.checked_values())

    def save(self) -> None:
        typed = self.owner_combo.currentText().strip()
        if typed and self.owner_combo.findText(typed) < 0:
            self.errors.show({"owner_contact_id": f"'{typed}' staat niet in de lijst. Kies een contactpersoon of "
                                                  f"'{REGISSEUR_OWNER}'."})
            return
        try:
            event_ops.save_action(self.ctx, self.event_id, self.collect(), self.action_id)
        except ValidationError as exc:
            self.errors.show(exc.errors)
            return
        self.accept()
