"""Detail/edit dialog of one contact person."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from regisseur_app.context import AppContext
from regisseur_app.domain.core import contact_service, municipalities, organisation_service
from regisseur_app.domain.core.base import ValidationError
from regisseur_app.domain.core.contact_service import ContactInput
from regisseur_app.operations import core as core_ops
from regisseur_app.ui.widgets import CheckList, FieldErrors, save_cancel_buttons


class ContactDialog(QDialog):
    def __init__(self, ctx: AppContext, contact_id: int | None = None, default_organisation_id: int | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.contact_id = contact_id
        self.saved_id: int | None = None
        self.setWindowTitle("Nieuwe contactpersoon" if contact_id is None else "Contactpersoon bewerken")
        self.resize(560, 560)
        with ctx.reading() as session:
            orgs = organisation_service.list_organisations(session)
            participating = municipalities.list_municipalities(session, participating_only=True)
            existing = contact_service.get_contact(session, contact_id) if contact_id else None
            wanted_org = existing.organisation_id if existing else default_organisation_id
            orgs_extra = []
            if wanted_org and wanted_org not in [o.id for o in orgs]:  # an archived organisation
                archived = organisation_service.get_organisation(session, wanted_org)
                orgs_extra = [(wanted_org, f"{archived.name} (gearchiveerd)")] if archived else []
        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.name_edit = QLineEdit(objectName="contact_name")
        self.function_edit = QLineEdit(objectName="function", placeholderText="bv. jobcoach, schepen van sociale economie")
        self.org_combo = QComboBox(objectName="organisation")
        self.org_combo.addItem("— geen organisatie —", None)
        for org in orgs:
            self.org_combo.addItem(org.name, org.id)
        for org_id, label in orgs_extra:
            self.org_combo.addItem(label, org_id)
        self.email_edit = QLineEdit(objectName="email", placeholderText="naam@organisatie.be")
        self.phone_edit = QLineEdit(objectName="phone", placeholderText="016 12 34 56")
        self.municipality_list = CheckList([(m.nis_code, m.name) for m in participating])
        self.notes_edit = QPlainTextEdit(objectName="contact_notes")
        self.notes_edit.setMaximumHeight(80)
        self.archived_check = QCheckBox("Gearchiveerd (niet meer actief)")
        self.no_invitations_check = QCheckBox("Geen uitnodigingen (vroeg om niet meer uitgenodigd te worden)",
                                              objectName="no_invitations")
        for key, label, widget in [
            ("name", "Naam *", self.name_edit), ("function", "Functie", self.function_edit),
            ("organisation_id", "Organisatie", self.org_combo), ("email", "E-mail", self.email_edit),
            ("phone", "Telefoon", self.phone_edit), ("municipality_codes", "Gemeenten", self.municipality_list),
            ("notes", "Opmerkingen", self.notes_edit),
        ]:
            self.errors.add_row(key, label, widget)
        form.addRow("", self.no_invitations_check)
        if existing is not None:
            form.addRow("", self.archived_check)
        buttons = save_cancel_buttons(self.save, self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        if existing:
            self._load(existing)
        else:
            self.org_combo.setCurrentIndex(max(0, self.org_combo.findData(default_organisation_id)))

    def _load(self, data: ContactInput) -> None:
        self.name_edit.setText(data.name)
        self.function_edit.setText(data.function)
        self.org_combo.setCurrentIndex(max(0, self.org_combo.findData(data.organisation_id)))
        self.email_edit.setText(data.email)
        self.phone_edit.setText(data.phone)
        self.municipality_list.set_checked(data.municipality_codes)
        self.notes_edit.setPlainText(data.notes)
        self.archived_check.setChecked(data.archived)
        self.no_invitations_check.setChecked(data.no_invitations)

    def collect(self) -> ContactInput:
        return ContactInput(
            name=self.name_edit.text(), function=self.function_edit.text(),
            organisation_id=self.org_combo.currentData(), email=self.email_edit.text(),
            phone=self.phone_edit.text(), municipality_codes=self.municipality_list.checked_values(),
            notes=self.notes_edit.toPlainText(), archived=self.archived_check.isChecked(),
            no_invitations=self.no_invitations_check.isChecked(),
        )

    def save(self) -> None:
        try:
            self.saved_id = core_ops.save_contact(self.ctx, self.collect(), self.contact_id)
        except ValidationError as exc:
            self.errors.show(exc.errors)
            return
        self.accept()
