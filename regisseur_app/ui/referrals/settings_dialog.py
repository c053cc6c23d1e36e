"""Beheer › Instellingen doorverwijzingen: expected days per step, retention, suppression threshold,
the code prefix per municipality and the text of the verwerkingsregister."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from regisseur_app.context import AppContext
from regisseur_app.domain.core import municipalities
from regisseur_app.domain.core.base import ValidationError
from regisseur_app.domain.referrals.models import STATUS_LABELS
from regisseur_app.domain.referrals.settings import (
    DEFAULT_REGISTER_TEXT,
    MAX_RETENTION,
    MAX_THRESHOLD,
    MIN_RETENTION,
    MIN_THRESHOLD,
    ReferralSettings,
    load_settings,
)
from regisseur_app.operations import referrals as referral_ops
from regisseur_app.ui.widgets import ERROR_STYLE, save_cancel_buttons


class ReferralSettingsDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle("Instellingen doorverwijzingen")
        self.resize(760, 720)
        with ctx.reading() as session:
            self.settings = load_settings(session)
            names = {m.nis_code: m.name for m in municipalities.list_municipalities(session)}
        expected_box = QGroupBox("Verwachte duur per stap (daarna 'vastgelopen')")
        expected_form = QFormLayout(expected_box)
        self.expected_spins: dict[str, QSpinBox] = {}
        for status, days in self.settings.expected_days.items():
            spin = QSpinBox(objectName=f"expected_{status}", minimum=1, maximum=3650, suffix=" dagen")
            spin.setValue(days)
            self.expected_spins[status] = spin
            expected_form.addRow(STATUS_LABELS[status] + ":", spin)
        privacy_box = QGroupBox("Privacy")
        privacy_form = QFormLayout(privacy_box)
        self.retention_spin = QSpinBox(objectName="retention_months", minimum=MIN_RETENTION, maximum=MAX_RETENTION,
                                       suffix=" maanden")
        self.retention_spin.setValue(self.settings.retention_months)
        self.threshold_spin = QSpinBox(objectName="suppression_threshold", minimum=MIN_THRESHOLD, maximum=MAX_THRESHOLD)
        self.threshold_spin.setValue(self.settings.suppression_threshold)
        privacy_form.addRow("Bewaartermijn na afsluiting:", self.retention_spin)
        privacy_form.addRow("Drempel onderdrukking (aantallen eronder worden '<drempel'):", self.threshold_spin)
        self.prefix_edits: dict[str, QLineEdit] = {}
        for nis, prefix in self.settings.code_prefixes.items():
            edit = QLineEdit(prefix, objectName=f"prefix_{nis}", maxLength=4)
            edit.setMaximumWidth(80)
            self.prefix_edits[nis] = edit
            privacy_form.addRow(f"Codeprefix {names.get(nis, nis)}:", edit)
        register_box = QGroupBox("Tekst van het verwerkingsregister")
        register_layout = QVBoxLayout(register_box)
        self.register_edit = QPlainTextEdit(objectName="register_text_edit")
        self.register_edit.setPlainText(self.settings.register_text)
        default = QPushButton("Standaardtekst terugzetten")
        default.clicked.connect(lambda: self.register_edit.setPlainText(
            DEFAULT_REGISTER_TEXT.format(retention=self.retention_spin.value())))
        register_layout.addWidget(self.register_edit)
        register_layout.addWidget(default)
        self.error_label = QLabel(objectName="settings_error", wordWrap=True)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.hide()
        self.buttons = save_cancel_buttons(self.save, self.reject)
        columns = QHBoxLayout()
        columns.addWidget(expected_box)
        columns.addWidget(privacy_box)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(register_box, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

    def collect(self) -> ReferralSettings:
        return ReferralSettings(
            expected_days={s: spin.value() for s, spin in self.expected_spins.items()},
            retention_months=self.retention_spin.value(), suppression_threshold=self.threshold_spin.value(),
            register_text=self.register_edit.toPlainText(),
            code_prefixes={nis: edit.text() for nis, edit in self.prefix_edits.items()})

    def save(self) -> None:
        try:
            referral_ops.save_referral_settings(self.ctx, self.collect())
        except ValidationError as exc:
            self.error_label.setText("\n".join(exc.errors.values()))
            self.error_label.show()
            return
        self.accept()
