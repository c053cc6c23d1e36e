"""Add or edit a KPI: objective, name, unit, and where its value comes from (a registered source or by hand)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLineEdit, QVBoxLayout, QWidget

from regisseur_app.context import AppContext
from regisseur_app.domain.core.base import ValidationError
from regisseur_app.domain.plan import kpis, service
from regisseur_app.operations import plan as ops
from regisseur_app.reports.plan.sources import registered_sources
from regisseur_app.ui.widgets import FieldErrors, save_cancel_buttons

BY_HAND = "Met de hand ingevuld"


class KpiDialog(QDialog):
    def __init__(self, ctx: AppContext, kpi_id: int | None = None, objective_id: int | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.kpi_id = ctx, kpi_id
        self.setWindowTitle("Nieuwe KPI" if kpi_id is None else "KPI bewerken")
        self.resize(600, 260)
        with ctx.reading() as session:
            plan = service.list_plan(session)
            existing = kpis.get_kpi(session, kpi_id) if kpi_id else None
        self.objective_combo = QComboBox(objectName="kpi_objective")
        for o in plan:
            self.objective_combo.addItem(f"{o.number}. {o.title}", o.id)
        self.title_edit = QLineEdit(objectName="kpi_title")
        self.unit_edit = QLineEdit(objectName="kpi_unit", placeholderText="bv. €, %, uren (leeg: een aantal)")
        self.source_combo = QComboBox(objectName="kpi_source")
        self.source_combo.addItem(BY_HAND, None)
        self.sources = registered_sources()
        for source in self.sources.values():
            self.source_combo.addItem(f"Berekend: {source.title}", source.key)
        self.source_combo.currentIndexChanged.connect(self._source_chosen)
        form = QFormLayout()
        self.errors = FieldErrors(form)
        for key, label, widget in (("objective", "Doelstelling *", self.objective_combo),
                                   ("title", "Naam *", self.title_edit), ("source", "Bron", self.source_combo),
                                   ("unit", "Eenheid", self.unit_edit)):
            self.errors.add_row(key, label, widget)
        if existing is not None:
            self.objective_combo.setCurrentIndex(self.objective_combo.findData(existing.objective_id))
            self.title_edit.setText(existing.title)
            self.unit_edit.setText(existing.unit)
            index = self.source_combo.findData(existing.source_key)
            if index < 0:  # a source of a module that is not in this version
                self.source_combo.addItem(f"Niet beschikbaar: {existing.source_key}", existing.source_key)
                index = self.source_combo.count() - 1
            self.source_combo.setCurrentIndex(index)
        elif objective_id is not None:
            self.objective_combo.setCurrentIndex(self.objective_combo.findData(objective_id))
        buttons = save_cancel_buttons(self.save, self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _source_chosen(self) -> None:
        key = self.source_combo.currentData()
        source = self.sources.get(key) if key else None
        if source is not None:
            if not self.title_edit.text().strip():
                self.title_edit.setText(source.title)
            self.unit_edit.setText(source.unit)

    def save(self) -> None:
        data = kpis.KpiInput(self.objective_combo.currentData() or 0, self.title_edit.text(), self.unit_edit.text(),
                             self.source_combo.currentData())
        try:
            self.kpi_id = ops.save_kpi(self.ctx, data, self.kpi_id)
        except ValidationError as error:
            self.errors.show(error.errors)
            return
        self.accept()
