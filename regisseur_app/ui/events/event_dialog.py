"""Detail/edit dialog of one event, with tabs: Gegevens, Deelnemers, Agenda, Verslag, Opvolgacties,
and the outputs (.ics, invitations, attendance sheet, Excel) and the check-in."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from regisseur_app.context import AppContext
from regisseur_app.domain.core import codelists, municipalities, organisation_service
from regisseur_app.domain.core.base import ValidationError
from regisseur_app.domain.events import service as event_service
from regisseur_app.operations import events as event_ops
from regisseur_app.ui.events.event_form import EventForm

GEGEVENS, DEELNEMERS, AGENDA, VERSLAG, ACTIES = range(5)


class EventDialog(QDialog):
    def __init__(self, ctx: AppContext, event_id: int | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.event_id = event_id
        self.saved_id: int | None = event_id
        self.resize(980, 760)
        with ctx.reading() as session:
            types = codelists.list_items(session, codelists.EVENT_TYPE)
            all_types = codelists.list_items(session, codelists.EVENT_TYPE, include_inactive=True)
            audiences = codelists.list_items(session, codelists.EVENT_AUDIENCE)
            places = municipalities.list_municipalities(session, participating_only=True)
            orgs = organisation_service.list_organisations(session)
            existing = event_service.get_event(session, event_id) if event_id else None
            if existing is not None:  # keep archived partners of this event choosable, so saving loses nothing
                active = {o.id for o in orgs}
                orgs += [o for o in organisation_service.list_organisations(
                    session, organisation_service.OrganisationFilter(archived=True))
                    if o.id in existing.partner_ids and o.id not in active]
                shown = {m.nis_code for m in places}
                places += [m for m in municipalities.list_municipalities(session)
                           if m.nis_code in existing.municipality_codes and m.nis_code not in shown]
        self.form = EventForm(types, audiences, places, orgs)
        self.report_edit = QPlainTextEdit(objectName="report")
        self.report_edit.setPlaceholderText("Verslag van het evenement: wat werd besproken, afspraken, indrukken…")
        self._build()
        if existing is not None:
            active = {t.id for t in types}
            extra = [(t.id, t.label) for t in all_types if t.id == existing.type_id and t.id not in active]
            self.form.load(existing, extra)
            self.report_edit.setPlainText(existing.report)
        self._saved_state = self._state()
        self._update_for_mode()
        self.form.title_edit.setFocus()

    def _build(self) -> None:
        from regisseur_app.ui.events.actions_tab import ActionsTab
        from regisseur_app.ui.events.agenda_tab import AgendaTab
        from regisseur_app.ui.events.participants_tab import ParticipantsTab

        self.tabs = QTabWidget(objectName="event_tabs")
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        self.participants_tab = ParticipantsTab(self.ctx, self)
        self.agenda_tab = AgendaTab(self.ctx, self)
        self.actions_tab = ActionsTab(self.ctx, self)
        self.tabs.addTab(scroll, "Gegevens")
        self.tabs.addTab(self.participants_tab, "Deelnemers")
        self.tabs.addTab(self.agenda_tab, "Agenda")
        self.tabs.addTab(self.report_edit, "Verslag")
        self.tabs.addTab(self.actions_tab, "Opvolgacties")
        self.hint = QLabel("Sla het evenement eerst op; daarna kunt u deelnemers uitnodigen, de agenda en "
                           "opvolgacties invullen.", objectName="save_first_hint", wordWrap=True)
        self.hint.setStyleSheet("color: #555;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Apply
                                   | QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText("Opslaan en sluiten")
        buttons.button(QDialogButtonBox.StandardButton.Apply).setText("Opslaan")
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("Sluiten")
        buttons.accepted.connect(self.save_and_close)
        buttons.button(QDialogButtonBox.StandardButton.Apply).clicked.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.output_button = QPushButton("Uitvoer en check-in", objectName="outputs")
        menu = QMenu(self.output_button)
        from regisseur_app.ui.events import outputs

        menu.addAction("Check-in op de dag zelf…", lambda: self.open_check_in())
        menu.addSeparator()
        menu.addAction("Agenda-item (.ics) bewaren…", lambda: outputs.save_ics(self, self.ctx, self.event_id))
        menu.addAction("Uitnodigingsmails (.eml) maken…", lambda: self._invitations())
        menu.addAction("Aanwezigheidslijst (PDF)…", lambda: outputs.save_attendance_sheet(self, self.ctx, self.event_id))
        menu.addAction("Deelnemerslijst naar Excel…", lambda: outputs.export_participants(self, self.ctx, self.event_id))
        self.output_button.setMenu(menu)
        buttons.addButton(self.output_button, QDialogButtonBox.ButtonRole.ResetRole)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.hint)
        layout.addWidget(buttons)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)

    def _update_for_mode(self) -> None:
        saved = self.event_id is not None
        for index in (DEELNEMERS, AGENDA, ACTIES):
            self.tabs.setTabEnabled(index, saved)
        self.hint.setVisible(not saved)
        self.output_button.setEnabled(saved)
        title = self.form.title_edit.text().strip()
        self.setWindowTitle("Nieuw evenement" if not saved else f"Evenement: {title}")
        if saved:
            self.participants_tab.load(self.event_id)
            self.agenda_tab.load(self.event_id)
            self.actions_tab.load(self.event_id)
            self.update_tab_titles()

    def update_tab_titles(self) -> None:
        self.tabs.setTabText(DEELNEMERS, f"Deelnemers ({self.participants_tab.model.rowCount()})")
        self.tabs.setTabText(ACTIES, f"Opvolgacties ({self.actions_tab.model.rowCount()})")

    def _state(self):  # noqa: ANN202
        return self.form.collect(self.report_edit.toPlainText())

    def save(self) -> bool:
        data = self._state()
        try:
            event_id, promoted = event_ops.save_event(self.ctx, data, self.event_id)
        except ValidationError as exc:
            self.form.errors.show(exc.errors)
            if set(exc.errors) & {"report"}:
                self.tabs.setCurrentIndex(VERSLAG)
                QMessageBox.warning(self, "Verslag", exc.errors["report"])
            else:
                self.tabs.setCurrentIndex(GEGEVENS)
            return False
        self.form.errors.show({})
        was_new = self.event_id is None
        self.event_id = self.saved_id = event_id
        self._saved_state = self._state()
        self._update_for_mode()
        if promoted:
            QMessageBox.information(self, "Wachtlijst", "Er is weer plaats: van de wachtlijst doorgeschoven naar "
                                                        "ingeschreven: " + ", ".join(promoted) + ".")
        if was_new:
            self.tabs.setCurrentIndex(DEELNEMERS)
        return True

    def save_and_close(self) -> None:
        if self.save():
            self.accept()

    def reject(self) -> None:
        if self._state() != self._saved_state:
            answer = QMessageBox.question(
                self, "Wijzigingen bewaren?", "De gegevens of het verslag van dit evenement zijn gewijzigd. "
                "Wilt u de wijzigingen bewaren?",
                QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
            if answer == QMessageBox.StandardButton.Cancel:
                return
            if answer == QMessageBox.StandardButton.Save:
                if self.save():
                    self.accept()
                return
        if self.saved_id is not None:
            self.done(QDialog.DialogCode.Accepted)  # the list must refresh: tabs write immediately
        else:
            super().reject()

    def open_check_in(self) -> None:
        from regisseur_app.ui.events.checkin_dialog import CheckInDialog

        CheckInDialog(self.ctx, self.event_id, self).exec()
        self.participants_tab.load(self.event_id)
        self.update_tab_titles()

    def _invitations(self) -> None:
        from regisseur_app.ui.events import outputs

        if outputs.write_invitations(self, self.ctx, self.event_id, self.participants_tab.selected_ids() or None):
            with self.ctx.reading() as session:
                status = event_service.get_event(session, self.event_id).status
            self.form.status_combo.setCurrentIndex(self.form.status_combo.findData(status))
            self._saved_state.status = status
