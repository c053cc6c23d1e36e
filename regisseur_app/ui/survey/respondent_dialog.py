"""Invite a respondent: a municipality, optionally an organisation and one of its contacts."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QDialog, QFormLayout, QVBoxLayout, QWidget

from regisseur_app.context import AppContext
from regisseur_app.domain.core import contact_service, municipalities, organisation_service
from regisseur_app.domain.core.base import ValidationError
from regisseur_app.domain.survey.respondents import RespondentInput
from regisseur_app.operations import survey as ops
from regisseur_app.ui.widgets import FieldErrors, save_cancel_buttons


class RespondentDialog(QDialog):
    def __init__(self, ctx: AppContext, survey_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.survey_id = ctx, survey_id
        self.setWindowTitle("Respondent uitnodigen")
        self.resize(560, 260)
        with ctx.reading() as session:
            places = municipalities.list_municipalities(session, participating_only=True)
            orgs = organisation_service.list_organisations(session)
            self.contacts = contact_service.list_contacts(session)
        self.municipality_combo = QComboBox(objectName="respondent_municipality")
        self.municipality_combo.addItem("(kies)", None)
        for m in places:
            self.municipality_combo.addItem(m.name, m.nis_code)
        self.org_combo = QComboBox(objectName="respondent_organisation")
        self.org_combo.addItem("—", None)
        for o in orgs:
            self.org_combo.addItem(o.name, o.id)
        self.contact_combo = QComboBox(objectName="respondent_contact")
        self.org_combo.currentIndexChanged.connect(lambda _i: self._fill_contacts())
        self.date_edit = QDateEdit(QDate.currentDate(), objectName="respondent_invited", calendarPopup=True)
        self.date_edit.setDisplayFormat("dd/MM/yyyy")
        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.errors.add_row("municipality", "Gemeente:", self.municipality_combo)
        self.errors.add_row("organisation", "Organisatie:", self.org_combo)
        self.errors.add_row("contact", "Contactpersoon:", self.contact_combo)
        self.errors.add_row("invited", "Uitgenodigd op:", self.date_edit)
        buttons = save_cancel_buttons(self.save, self.reject, "Bewaren")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self._fill_contacts()

    def _fill_contacts(self) -> None:
        org = self.org_combo.currentData()
        self.contact_combo.clear()
        self.contact_combo.addItem("—", None)
        for c in self.contacts:
            if org is None or c.organisation_id == org:
                self.contact_combo.addItem(c.name + (f" ({c.organisation_name})" if c.organisation_name else ""), c.id)

    def save(self) -> None:
        qdate = self.date_edit.date()
        data = RespondentInput(self.municipality_combo.currentData(), self.org_combo.currentData(),
                               self.contact_combo.currentData(), date(qdate.year(), qdate.month(), qdate.day()))
        try:
            ops.save_respondent(self.ctx, self.survey_id, data)
        except ValidationError as exc:
            self.errors.show(exc.errors)
            return
        self.accept()
