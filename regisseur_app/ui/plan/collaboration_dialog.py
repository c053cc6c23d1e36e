"""Add or edit a collaboration or assignment: date, title, type, municipality, estimated value, jobs, parties,
and the action or event it came from."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from regisseur_app.context import AppContext
from regisseur_app.domain.core import codelists, municipalities, organisation_service
from regisseur_app.domain.core.base import ValidationError
from regisseur_app.domain.plan import collaborations, links, service
from regisseur_app.formatting import format_number, parse_number
from regisseur_app.operations import plan as ops
from regisseur_app.ui.plan.parties_editor import PartiesEditor
from regisseur_app.ui.widgets import FieldErrors, save_cancel_buttons


class CollaborationDialog(QDialog):
    def __init__(self, ctx: AppContext, collaboration_id: int | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.collaboration_id = ctx, collaboration_id
        self.setWindowTitle("Nieuwe samenwerking" if collaboration_id is None else "Samenwerking bewerken")
        self.resize(700, 640)
        with ctx.reading() as session:
            existing = collaborations.get(session, collaboration_id) if collaboration_id else None
            types = codelists.list_items(session, service.COLLABORATION_TYPE)
            towns = municipalities.list_municipalities(session, participating_only=True)
            orgs = [(o.id, o.name) for o in organisation_service.list_organisations(session)]
            actions = service.list_actions(session)
            events = links.choices(session, "event")
        self.date_edit = QDateEdit(objectName="collab_date")
        self.date_edit.setDisplayFormat("dd/MM/yyyy")
        self.date_edit.setCalendarPopup(True)
        self.title_edit = QLineEdit(objectName="collab_title")
        self.type_combo = QComboBox(objectName="collab_type")
        for item in types:
            self.type_combo.addItem(item.label, item.id)
        self.town_combo = QComboBox(objectName="collab_municipality")
        self.town_combo.addItem("De regio (meerdere gemeenten)", None)
        for t in towns:
            self.town_combo.addItem(t.name, t.nis_code)
        self.value_edit = QLineEdit(objectName="collab_value", placeholderText="in euro, leeg: onbekend")
        self.jobs_edit = QLineEdit(objectName="collab_jobs", placeholderText="leeg: onbekend")
        self.parties = PartiesEditor(orgs)
        self.action_combo = QComboBox(objectName="collab_action")
        self.action_combo.addItem("—", None)
        for a in actions:
            self.action_combo.addItem(f"{a.number} {a.title}", a.id)
        self.event_combo = QComboBox(objectName="collab_event")
        self.event_combo.addItem("—", None)
        for event_id, title in events:
            self.event_combo.addItem(title, event_id)
        self.description_edit = QPlainTextEdit(objectName="collab_description")
        self.description_edit.setFixedHeight(70)
        form = QFormLayout()
        self.errors = FieldErrors(form)
        for key, label, widget in (("on_date", "Datum *", self.date_edit), ("title", "Samenwerking *", self.title_edit),
                                   ("type", "Soort *", self.type_combo), ("municipality", "Gemeente", self.town_combo),
                                   ("estimated_value", "Geschatte waarde (€)", self.value_edit),
                                   ("jobs", "Jobs", self.jobs_edit), ("parties", "Partijen *", self.parties),
                                   ("action", "Vloeit voort uit actie", self.action_combo),
                                   ("event", "Vloeit voort uit evenement", self.event_combo),
                                   ("description", "Toelichting", self.description_edit)):
            self.errors.add_row(key, label, widget)
        value = existing.on_date if existing else date.today()
        self.date_edit.setDate(QDate(value.year, value.month, value.day))
        if existing is not None:
            self.title_edit.setText(existing.title)
            self.type_combo.setCurrentIndex(self.type_combo.findData(existing.type_id))
            self.town_combo.setCurrentIndex(max(0, self.town_combo.findData(existing.nis_code)))
            self.value_edit.setText(format_number(existing.estimated_value, 2) if existing.estimated_value is not None
                                    else "")
            self.jobs_edit.setText("" if existing.jobs is None else str(existing.jobs))
            for org_id, role in existing.parties:
                self.parties.add(org_id, role)
            self.action_combo.setCurrentIndex(max(0, self.action_combo.findData(existing.action_id)))
            self.event_combo.setCurrentIndex(max(0, self.event_combo.findData(existing.event_id)))
            self.description_edit.setPlainText(existing.description)
        buttons = save_cancel_buttons(self.save, self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _numbers(self) -> tuple[float | None, int | None, dict[str, str]]:
        errors: dict[str, str] = {}
        value = jobs = None
        if self.value_edit.text().strip():
            try:
                value = float(parse_number(self.value_edit.text()))
            except ValueError as error:
                errors["estimated_value"] = f"Geen bedrag: {error}."
        if self.jobs_edit.text().strip():
            try:
                number = parse_number(self.jobs_edit.text())
                if number != int(number):
                    raise ValueError("geen geheel getal")
                jobs = int(number)
            except ValueError as error:
                errors["jobs"] = f"Geen aantal: {error}."
        return value, jobs, errors

    def save(self) -> None:
        value, jobs, errors = self._numbers()
        if errors:
            self.errors.show(errors)
            return
        q = self.date_edit.date()
        data = collaborations.CollaborationInput(
            date(q.year(), q.month(), q.day()), self.title_edit.text(), self.type_combo.currentData() or 0,
            self.town_combo.currentData(), value, jobs, self.description_edit.toPlainText(),
            self.event_combo.currentData(), self.action_combo.currentData(), self.parties.parties())
        try:
            self.collaboration_id = ops.save_collaboration(self.ctx, data, self.collaboration_id)
        except ValidationError as error:
            self.errors.show(error.errors)
            return
        self.accept()
