"""Enter a KPI's target or hand value for a year, for the region or one municipality (empty clears it)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLineEdit, QVBoxLayout, QWidget

from regisseur_app.context import AppContext
from regisseur_app.domain.core import municipalities
from regisseur_app.domain.core.base import ValidationError
from regisseur_app.formatting import parse_number
from regisseur_app.operations import plan as ops
from regisseur_app.ui.plan.kpi_format import kpi_number
from regisseur_app.ui.widgets import FieldErrors, save_cancel_buttons

TARGET, VALUE = "target", "value"


class KpiNumberDialog(QDialog):
    def __init__(self, ctx: AppContext, what: str, kpi_id: int, title: str, unit: str, year: int,
                 nis_code: str | None, current: float | None, years: list[int], parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.what, self.kpi_id = ctx, what, kpi_id
        self.setWindowTitle(("Streefcijfer" if what == TARGET else "Waarde invullen") + f" – {title}")
        self.resize(520, 220)
        with ctx.reading() as session:
            towns = municipalities.list_municipalities(session, participating_only=True)
        self.year_combo = QComboBox(objectName="number_year")
        for y in years:
            self.year_combo.addItem(str(y), y)
        self.year_combo.setCurrentIndex(max(0, self.year_combo.findData(year)))
        self.scope_combo = QComboBox(objectName="number_scope")
        self.scope_combo.addItem("De regio", None)
        for t in towns:
            self.scope_combo.addItem(t.name, t.nis_code)
        self.scope_combo.setCurrentIndex(max(0, self.scope_combo.findData(nis_code)))
        self.number_edit = QLineEdit(kpi_number(current, "") if current is not None else "", objectName="number_value")
        self.number_edit.setPlaceholderText("leeg laten om te wissen" + (f" ({unit})" if unit else ""))
        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.errors.add_row("year", "Jaar", self.year_combo)
        self.errors.add_row("scope", "Voor", self.scope_combo)
        self.errors.add_row(what, "Streefcijfer" if what == TARGET else "Waarde", self.number_edit)
        buttons = save_cancel_buttons(self.save, self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def save(self) -> None:
        text = self.number_edit.text().strip()
        try:
            number = float(parse_number(text)) if text else None
        except ValueError as error:
            self.errors.show({self.what: f"Geen getal: {error}."})
            return
        fn = ops.set_kpi_target if self.what == TARGET else ops.set_kpi_value
        try:
            fn(self.ctx, self.kpi_id, self.year_combo.currentData(), self.scope_combo.currentData(), number)
        except ValidationError as error:
            self.errors.show({self.what: " ".join(error.errors.values())})
            return
        self.accept()
