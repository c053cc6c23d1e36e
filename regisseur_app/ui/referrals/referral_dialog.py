"""New referral, or change the attributes of one (the history is changed in the detail dialog)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from regisseur_app.context import AppContext
from regisseur_app.domain.core import codelists, municipalities
from regisseur_app.domain.core.base import ValidationError
from regisseur_app.domain.referrals import service as svc
from regisseur_app.domain.referrals.models import NOTE_MAX, REFERENCE_MAX
from regisseur_app.domain.referrals.privacy import note_warnings
from regisseur_app.operations import referrals as referral_ops
from regisseur_app.ui.referrals.date_field import date_edit, to_date, to_qdate
from regisseur_app.ui.widgets import FieldErrors, save_cancel_buttons

PRIVACY_HINT = ("Vul nooit een naam, rijksregisternummer of adres in: de doorverwijzing krijgt een code "
                "(bv. BEK-2025-0007). Het OCMW bewaart de koppeling met de persoon.")


class ReferralDialog(QDialog):
    def __init__(self, ctx: AppContext, referral_id: int | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.referral_id = referral_id
        self.saved_id: int | None = None
        self.saved_code = ""
        with ctx.reading() as session:
            existing = svc.get_referral(session, referral_id) if referral_id else None
            participating = municipalities.list_municipalities(session, participating_only=True)
            lists = {name: codelists.list_items(session, name, include_inactive=existing is not None)
                     for name in (codelists.REFERRAL_TYPE, codelists.REFERRAL_WORK_FORM, codelists.REFERRAL_AGE_GROUP)}
        self.setWindowTitle("Nieuwe doorverwijzing" if existing is None else f"Doorverwijzing {existing.code} bewerken")
        self.resize(560, 520 if existing is None else 420)
        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.municipality_combo = QComboBox(objectName="municipality")
        self.municipality_combo.addItem("— kies de gemeente —", None)
        for m in participating:
            self.municipality_combo.addItem(m.name, m.nis_code)
        if existing and self.municipality_combo.findData(existing.data.nis_code) < 0:
            self.municipality_combo.addItem(existing.municipality, existing.data.nis_code)
        self.date_edit = date_edit(date.today(), "referral_date")
        self.type_combo = self._combo("type", lists[codelists.REFERRAL_TYPE], "— kies de soort —")
        self.work_form_combo = self._combo("work_form", lists[codelists.REFERRAL_WORK_FORM], "— onbekend —")
        self.age_combo = self._combo("age_group", lists[codelists.REFERRAL_AGE_GROUP], "— onbekend —")
        self.leefloon_combo = QComboBox(objectName="leefloon")
        for label, value in (("onbekend", None), ("ja", True), ("nee", False)):
            self.leefloon_combo.addItem(label, value)
        self.reference_edit = QLineEdit(objectName="internal_reference", maxLength=REFERENCE_MAX,
                                        placeholderText="dossiernummer van het OCMW (optioneel)")
        self.note_edit = QPlainTextEdit(objectName="note")
        self.note_edit.setPlaceholderText("Korte notitie, zonder namen of andere identificerende gegevens")
        self.note_edit.setMaximumHeight(90)
        rows = [("nis_code", "Doorverwijzende gemeente *", self.municipality_combo),
                ("referral_date", "Doorverwezen op *", self.date_edit), ("type_id", "Soort *", self.type_combo),
                ("work_form_id", "Beoogde werkvorm", self.work_form_combo),
                ("age_group_id", "Leeftijdscategorie", self.age_combo), ("leefloon", "Leefloon", self.leefloon_combo),
                ("internal_reference", "Interne referentie", self.reference_edit)]
        if existing is None:
            rows.append(("note", "Notitie", self.note_edit))
        for key, label, widget in rows:
            self.errors.add_row(key, label, widget)
        hint = QLabel(PRIVACY_HINT, objectName="privacy_hint", wordWrap=True)
        hint.setStyleSheet("color: #5a4a00; background: #fff6d6; padding: 6px; border-radius: 4px;")
        self.buttons = save_cancel_buttons(self.save, self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addStretch()
        layout.addWidget(self.buttons)
        if existing is not None:
            self._load(existing.data)
        self.municipality_combo.setFocus()

    @staticmethod
    def _combo(name: str, items: list, empty: str) -> QComboBox:
        combo = QComboBox(objectName=name)
        combo.addItem(empty, None)
        for item in items:
            combo.addItem(item.label + ("" if item.active else " (niet meer in gebruik)"), item.id)
        return combo

    def _load(self, data: svc.ReferralInput) -> None:
        self.municipality_combo.setCurrentIndex(max(0, self.municipality_combo.findData(data.nis_code)))
        self.date_edit.setDate(to_qdate(data.referral_date))
        for combo, value in ((self.type_combo, data.type_id), (self.work_form_combo, data.work_form_id),
                             (self.age_combo, data.age_group_id), (self.leefloon_combo, data.leefloon)):
            combo.setCurrentIndex(max(0, combo.findData(value)))
        if data.leefloon is None:
            self.leefloon_combo.setCurrentIndex(0)
        self.reference_edit.setText(data.internal_reference)

    def collect(self) -> svc.ReferralInput:
        return svc.ReferralInput(
            nis_code=self.municipality_combo.currentData(), referral_date=to_date(self.date_edit.date()),
            type_id=self.type_combo.currentData(), work_form_id=self.work_form_combo.currentData(),
            age_group_id=self.age_combo.currentData(), leefloon=self.leefloon_combo.currentData(),
            internal_reference=self.reference_edit.text(), note=self.note_edit.toPlainText())

    def save(self) -> None:
        data = self.collect()
        if len(data.note) > NOTE_MAX:
            self.errors.show({"note": f"De notitie is te lang ({len(data.note)} tekens; maximaal {NOTE_MAX})."})
            return
        warnings = note_warnings(data.note) if self.referral_id is None else []
        if warnings and QMessageBox.question(
                self, "Persoonsgegevens in de notitie?", "\n\n".join(warnings) + "\n\nToch opslaan?",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No) != QMessageBox.StandardButton.Yes:
            self.note_edit.setFocus()
            return
        try:
            self.saved_id, self.saved_code = referral_ops.save_referral(self.ctx, data, self.referral_id)
        except ValidationError as exc:
            self.errors.show(exc.errors)
            return
        self.accept()
