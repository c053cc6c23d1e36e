"""The next step of one referral, or the same step for a selection (bulk): status, date, note, and
the organisation where work starts."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from regisseur_app.context import AppContext
from regisseur_app.domain.core.base import ValidationError
from regisseur_app.domain.referrals import service as svc
from regisseur_app.domain.referrals.models import STARTED, STATUS_LABELS
from regisseur_app.domain.referrals.privacy import note_warnings
from regisseur_app.operations import referrals as referral_ops
from regisseur_app.ui.referrals.date_field import date_edit, to_date
from regisseur_app.ui.widgets import FieldErrors, save_cancel_buttons


class StepDialog(QDialog):
    def __init__(self, ctx: AppContext, referral_ids: list[int], parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.referral_ids = list(referral_ids)
        self.changed_count = 0
        with ctx.reading() as session:
            codes, statuses = svc.next_statuses_for(session, self.referral_ids)
            organisations = svc.organisation_choices(session)
        bulk = len(self.referral_ids) > 1
        self.setWindowTitle("Status wijzigen" if bulk else f"Volgende stap — {codes[0] if codes else ''}")
        self.resize(520, 380)
        shown = ", ".join(codes[:6]) + (f" en nog {len(codes) - 6}" if len(codes) > 6 else "")
        self.intro = QLabel(f"Voor {len(codes)} doorverwijzingen: {shown}" if bulk else f"Doorverwijzing {shown}",
                            objectName="step_intro", wordWrap=True)
        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.status_combo = QComboBox(objectName="step_status")
        for status in statuses:
            self.status_combo.addItem(STATUS_LABELS[status], status)
        self.date_edit = date_edit(date.today(), "step_date")
        self.organisation_combo = QComboBox(objectName="step_organisation")
        self.organisation_combo.addItem("— kies de organisatie —", None)
        for oid, name in organisations:
            self.organisation_combo.addItem(name, oid)
        self.organisation_combo.setEditable(True)
        self.organisation_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.note_edit = QPlainTextEdit(objectName="step_note")
        self.note_edit.setPlaceholderText("Korte notitie, zonder namen of andere identificerende gegevens")
        self.note_edit.setMaximumHeight(80)
        for key, label, widget in (("status", "Nieuwe status *", self.status_combo),
                                   ("step_date", "Datum *", self.date_edit),
                                   ("organisation_id", "Organisatie *", self.organisation_combo),
                                   ("note", "Notitie", self.note_edit)):
            self.errors.add_row(key, label, widget)
        self.organisation_row = self.organisation_combo.parentWidget()
        self.bulk_error = QLabel(objectName="error_bulk", wordWrap=True)
        self.bulk_error.setStyleSheet("color: #b00020;")
        self.bulk_error.hide()
        self.buttons = save_cancel_buttons(self.save, self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        if not statuses:
            none = QLabel("Er is geen volgende stap die voor " + ("al deze doorverwijzingen" if bulk else
                          "deze doorverwijzing") + " toegelaten is (bv. al afgesloten, of verschillende statussen).",
                          objectName="no_next_status", wordWrap=True)
            layout.addWidget(none)
            self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
        layout.addLayout(form)
        layout.addWidget(self.bulk_error)
        layout.addStretch()
        layout.addWidget(self.buttons)
        self.status_combo.currentIndexChanged.connect(lambda _i: self._status_changed())
        self._status_changed()

    def _status_changed(self) -> None:
        starting = self.status_combo.currentData() == STARTED
        self.organisation_combo.setEnabled(starting)
        self.form_label_visible(starting)

    def form_label_visible(self, visible: bool) -> None:
        layout = self.errors.form
        row_widget = self.organisation_row
        layout.setRowVisible(row_widget, visible)

    def collect(self) -> svc.StepInput:
        org = self.organisation_combo.currentData() if self.status_combo.currentData() == STARTED else None
        typed = self.organisation_combo.currentText().strip()
        if org is None and typed:
            index = self.organisation_combo.findText(typed)
            org = self.organisation_combo.itemData(index) if index > 0 else None
        return svc.StepInput(status=self.status_combo.currentData(), step_date=to_date(self.date_edit.date()),
                             note=self.note_edit.toPlainText(), organisation_id=org)

    def save(self) -> None:
        step = self.collect()
        warnings = note_warnings(step.note)
        if warnings and QMessageBox.question(
                self, "Persoonsgegevens in de notitie?", "\n\n".join(warnings) + "\n\nToch opslaan?",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No) != QMessageBox.StandardButton.Yes:
            return
        try:
            self.changed_count = referral_ops.add_step(self.ctx, self.referral_ids, step)
        except ValidationError as exc:
            self.errors.show(exc.errors)
            self.bulk_error.setText(exc.errors.get("bulk", ""))
            self.bulk_error.setVisible("bulk" in exc.errors)
            return
        self.accept()
