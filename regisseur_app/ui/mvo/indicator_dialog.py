"""Add or edit an MVO indicator: name, pillar, value type, unit, range, definition, GRI and VSME reference."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from regisseur_app.context import AppContext
from regisseur_app.domain.core.base import ValidationError
from regisseur_app.domain.mvo import indicators as indicator_service
from regisseur_app.domain.mvo.indicators import IndicatorInput
from regisseur_app.domain.mvo.models import VALUE_TYPES
from regisseur_app.domain.mvo.reference import VSME_BASIC
from regisseur_app.formatting import format_number, parse_number
from regisseur_app.operations import mvo as mvo_ops
from regisseur_app.ui.widgets import FieldErrors, save_cancel_buttons


class IndicatorDialog(QDialog):
    def __init__(self, ctx: AppContext, indicator_id: int | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.indicator_id = indicator_id
        self.saved_id: int | None = None
        self.setWindowTitle("Nieuwe MVO-indicator" if indicator_id is None else "MVO-indicator bewerken")
        with ctx.reading() as session:
            pillars = indicator_service.pillars(session)
            current = indicator_service.get_indicator(session, indicator_id) if indicator_id else None
            in_use = indicator_service.value_count(session, indicator_id) if indicator_id else 0
        self.label_edit = QLineEdit(objectName="label")
        self.pillar_combo = QComboBox(objectName="pillar")
        for pillar_id, name in pillars:
            self.pillar_combo.addItem(name, pillar_id)
        self.type_combo = QComboBox(objectName="value_type")
        for code, name in VALUE_TYPES.items():
            self.type_combo.addItem(name, code)
        self.unit_edit = QLineEdit(objectName="unit", placeholderText="bv. personen, ton, €, %")
        self.decimals_spin = QSpinBox(objectName="decimals", minimum=0, maximum=3)
        self.min_edit = QLineEdit("0", objectName="min_value", placeholderText="geen minimum")
        self.max_edit = QLineEdit(objectName="max_value", placeholderText="geen maximum")
        self.definition_edit = QPlainTextEdit(objectName="definition")
        self.definition_edit.setFixedHeight(70)
        self.gri_edit = QLineEdit(objectName="gri_code", placeholderText="bv. 404-1 (GRI-standaarden)")
        self.vsme_combo = QComboBox(objectName="vsme_ref")
        self.vsme_combo.addItem("(geen)", "")
        for code, title in VSME_BASIC.items():
            self.vsme_combo.addItem(f"{code} – {title}", code)
        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.errors.add_row("label", "Naam", self.label_edit)
        self.errors.add_row("pillar_id", "Pijler", self.pillar_combo)
        self.errors.add_row("value_type", "Soort waarde", self.type_combo)
        self.errors.add_row("unit", "Eenheid", self.unit_edit)
        self.errors.add_row("decimals", "Decimalen", self.decimals_spin)
        self.errors.add_row("min_value", "Minimum", self.min_edit)
        self.errors.add_row("max_value", "Maximum", self.max_edit)
        self.errors.add_row("definition", "Definitie", self.definition_edit)
        self.errors.add_row("gri_code", "GRI-disclosure", self.gri_edit)
        self.errors.add_row("vsme_ref", "VSME-datapunt", self.vsme_combo)
        if current is not None:
            self.label_edit.setText(current.label)
            self.pillar_combo.setCurrentIndex(self.pillar_combo.findData(current.pillar_id))
            self.type_combo.setCurrentIndex(self.type_combo.findData(current.value_type))
            self.unit_edit.setText(current.unit)
            self.decimals_spin.setValue(current.decimals)
            self.min_edit.setText("" if current.min_value is None else format_number(current.min_value, 2).rstrip("0")
                                  .rstrip(","))
            self.max_edit.setText("" if current.max_value is None else format_number(current.max_value, 2).rstrip("0")
                                  .rstrip(","))
            self.definition_edit.setPlainText(current.definition)
            self.gri_edit.setText(current.gri_code)
            self.vsme_combo.setCurrentIndex(max(0, self.vsme_combo.findData(current.vsme_ref)))
            self.type_combo.setEnabled(not current.is_computed and not in_use)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        if current is not None and current.is_computed:
            layout.addWidget(QLabel(f"Berekend: {current.formula_text}", objectName="formula"))
        elif in_use:
            layout.addWidget(QLabel(f"Al {in_use} waarde(n) ingevuld: de soort waarde ligt vast."))
        self.buttons = save_cancel_buttons(self.save, self.reject, "Bewaren")
        layout.addWidget(self.buttons)

    def _number(self, edit: QLineEdit, key: str, errors: dict[str, str]) -> float | None:
        text = edit.text().strip()
        if not text:
            return None
        try:
            return float(parse_number(text))
        except ValueError:
            errors[key] = f"'{text}' is geen getal."
            return None

    def save(self) -> None:
        errors: dict[str, str] = {}
        low = self._number(self.min_edit, "min_value", errors)
        high = self._number(self.max_edit, "max_value", errors)
        if errors:
            self.errors.show(errors)
            return
        data = IndicatorInput(self.label_edit.text(), self.pillar_combo.currentData(), self.unit_edit.text(),
                              self.type_combo.currentData(), self.decimals_spin.value(), low, high,
                              self.definition_edit.toPlainText(), self.gri_edit.text(), self.vsme_combo.currentData())
        try:
            self.saved_id = mvo_ops.save_indicator(self.ctx, data, self.indicator_id)
        except ValidationError as exc:
            self.errors.show(exc.errors)
            return
        self.accept()
