"""Add or edit a material and its emission factor (t CO₂-eq avoided per tonne reused), with source and year."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from regisseur_app.context import AppContext
from regisseur_app.domain.core.base import ValidationError
from regisseur_app.domain.mvo.materials import MaterialData, MaterialInput
from regisseur_app.formatting import parse_number, parse_whole_number
from regisseur_app.operations import mvo as mvo_ops
from regisseur_app.ui.widgets import FieldErrors, save_cancel_buttons


class MaterialDialog(QDialog):
    def __init__(self, ctx: AppContext, material: MaterialData | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.material = material
        self.setWindowTitle("Nieuw materiaal" if material is None else "Emissiefactor bewerken")
        self.label_edit = QLineEdit(objectName="label")
        self.factor_edit = QLineEdit(objectName="emission_factor", placeholderText="bv. 1,45 (leeg: geen factor)")
        self.source_edit = QPlainTextEdit(objectName="factor_source")
        self.source_edit.setFixedHeight(80)
        self.year_edit = QLineEdit(objectName="factor_year", placeholderText="jaar van de bron")
        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.errors.add_row("label", "Materiaal", self.label_edit)
        self.errors.add_row("emission_factor", "Ton CO₂-eq per ton", self.factor_edit)
        self.errors.add_row("factor_source", "Bron", self.source_edit)
        self.errors.add_row("factor_year", "Jaar van de bron", self.year_edit)
        if material is not None:
            self.label_edit.setText(material.label)
            if material.emission_factor is not None:
                self.factor_edit.setText(f"{material.emission_factor:g}".replace(".", ","))
            self.source_edit.setPlainText(material.factor_source)
            self.year_edit.setText(str(material.factor_year or ""))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        hint = QLabel("Vermeden CO₂ = ton hergebruikt × deze factor. Een nieuw materiaal krijgt een eigen indicator "
                      "'Hergebruikt: …' bij de pijler Planeet.")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.buttons = save_cancel_buttons(self.save, self.reject, "Bewaren")
        layout.addWidget(self.buttons)

    def save(self) -> None:
        errors: dict[str, str] = {}
        factor = year = None
        if self.factor_edit.text().strip():
            try:
                factor = float(parse_number(self.factor_edit.text()))
            except ValueError:
                errors["emission_factor"] = f"'{self.factor_edit.text()}' is geen getal."
        try:
            year = parse_whole_number(self.year_edit.text())
        except ValueError:
            errors["factor_year"] = f"'{self.year_edit.text()}' is geen jaartal."
        if errors:
            self.errors.show(errors)
            return
        data = MaterialInput(self.label_edit.text(), factor, self.source_edit.toPlainText(), year)
        try:
            mvo_ops.save_material(self.ctx, data, self.material.id if self.material else None)
        except ValidationError as exc:
            self.errors.show(exc.errors)
            return
        self.accept()
