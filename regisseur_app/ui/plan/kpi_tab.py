"""The 'KPI's' tab: every KPI of the plan for a year and the region or one municipality, with value, target
and state; the figures behind a value one double-click away; targets and hand values entered here."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from regisseur_app.context import AppContext
from regisseur_app.domain.core import municipalities
from regisseur_app.domain.plan import kpis
from regisseur_app.domain.plan.settings import plan_period
from regisseur_app.operations import plan as ops
from regisseur_app.reports.plan.sources import registered_sources
from regisseur_app.ui.plan.common import confirm, run_op
from regisseur_app.ui.plan.figures_dialog import FiguresDialog
from regisseur_app.ui.plan.kpi_dialog import KpiDialog
from regisseur_app.ui.plan.kpi_number_dialog import TARGET, VALUE, KpiNumberDialog
from regisseur_app.ui.plan.kpi_table_model import KpiTableModel
from regisseur_app.ui.table_base import fit_columns, read_only_table, sorting_proxy

DEFINITION = ("Op schema: minstens het deel van het streefcijfer dat past bij het deel van het jaar dat voorbij is. "
              "Voor de regio telt een met de hand ingevulde waarde voor de regio, anders de som van de gemeenten.")


class KpiTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.year_combo = QComboBox(objectName="kpi_year")
        self.scope_combo = QComboBox(objectName="kpi_scope")
        self.year_combo.currentIndexChanged.connect(lambda _i: self._load())
        self.scope_combo.currentIndexChanged.connect(lambda _i: self._load())
        self.summary = QLabel(objectName="kpi_summary")
        top = QHBoxLayout()
        for widget in (QLabel("Jaar:"), self.year_combo, QLabel("Voor:"), self.scope_combo):
            top.addWidget(widget)
        top.addWidget(self.summary, 1)
        self.model = KpiTableModel(self)
        self.table = read_only_table(sorting_proxy(self.model), "kpi_table")
        self.table.doubleClicked.connect(lambda _i: self.show_figures())
        self.hint = QLabel("Nog geen KPI's. Voeg per doelstelling minstens twee KPI's met een jaarlijks streefcijfer "
                           "toe (of laad het standaardplan in het tabblad Plan).", wordWrap=True, objectName="kpi_hint")
        self.hint.setStyleSheet("color: #666;")
        buttons = QHBoxLayout()
        self.buttons = {}
        for key, text, slot in (("new", "Nieuwe KPI…", lambda: self.edit(None)), ("edit", "Bewerken…", self.edit_selected),
                                ("delete", "Verwijderen", self.delete), ("target", "Streefcijfer…", self.edit_target),
                                ("value", "Waarde invullen…", self.edit_value),
                                ("figures", "Cijfers achter de waarde…", self.show_figures)):
            button = QPushButton(text, objectName=f"kpi_{key}")
            button.clicked.connect(slot)
            buttons.addWidget(button)
            self.buttons[key] = button
        buttons.addStretch()
        definition = QLabel(DEFINITION, wordWrap=True)
        definition.setStyleSheet("color: #555;")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.hint)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(definition)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())

    def refresh(self) -> None:
        with self.ctx.reading() as session:
            period = plan_period(session)
            towns = municipalities.list_municipalities(session, participating_only=True)
        this_year = date.today().year
        years = period.years if period else [this_year]
        year = self.year_combo.currentData() or (this_year if this_year in years else years[-1])
        scope = self.scope_combo.currentData()
        for combo in (self.year_combo, self.scope_combo):
            combo.blockSignals(True)
            combo.clear()
        for y in years:
            self.year_combo.addItem(str(y), y)
        self.scope_combo.addItem("De regio", None)
        for t in towns:
            self.scope_combo.addItem(t.name, t.nis_code)
        self.year_combo.setCurrentIndex(max(0, self.year_combo.findData(year)))
        self.scope_combo.setCurrentIndex(max(0, self.scope_combo.findData(scope)))
        for combo in (self.year_combo, self.scope_combo):
            combo.blockSignals(False)
        self._load()

    def _load(self) -> None:
        year, scope = self.year_combo.currentData(), self.scope_combo.currentData()
        if year is None:
            return
        with self.ctx.reading() as session:
            rows = kpis.progress(session, year, scope, sources=registered_sources())
        self.model.set_rows(rows)
        fit_columns(self.table, main=1)
        good = sum(r.state in (kpis.REACHED, kpis.ON_TRACK) for r in rows)
        with_target = sum(r.target is not None for r in rows)
        self.summary.setText(f"  {good} van {with_target} KPI's met streefcijfer gehaald of op schema" if rows else "")
        self.hint.setVisible(not rows)
        self._update_buttons()

    def set_year(self, year: int) -> None:
        index = self.year_combo.findData(year)
        if index >= 0:
            self.year_combo.setCurrentIndex(index)

    def selected(self) -> kpis.KpiProgress | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(self.table.model().mapToSource(rows[0]).row()) if rows else None

    def select_kpi(self, kpi_id: int) -> None:
        proxy = self.table.model()
        for r in range(proxy.rowCount()):
            if self.model.row_at(proxy.mapToSource(proxy.index(r, 0)).row()).kpi_id == kpi_id:
                self.table.selectRow(r)
                return

    def _update_buttons(self) -> None:
        row = self.selected()
        for key in ("edit", "delete", "target", "figures"):
            self.buttons[key].setEnabled(row is not None)
        self.buttons["value"].setEnabled(row is not None and not row.computed)

    def edit(self, kpi_id: int | None, objective_id: int | None = None) -> None:
        if KpiDialog(self.ctx, kpi_id, objective_id, self).exec():
            self._load()

    def edit_selected(self) -> None:
        row = self.selected()
        if row is not None:
            self.edit(row.kpi_id)

    def delete(self) -> None:
        row = self.selected()
        if row and confirm(self, "KPI verwijderen", f"De KPI '{row.title}' verwijderen, met haar streefcijfers en "
                                                    "ingevulde waarden?"):
            run_op(self, ops.delete_kpi, self.ctx, row.kpi_id)
            self._load()

    def _years(self) -> list[int]:
        return [self.year_combo.itemData(i) for i in range(self.year_combo.count())]

    def edit_target(self) -> None:
        row = self.selected()
        if row and KpiNumberDialog(self.ctx, TARGET, row.kpi_id, row.title, row.unit, row.year, row.nis_code,
                                   row.target, self._years(), self).exec():
            self._load()
            self.select_kpi(row.kpi_id)

    def edit_value(self) -> None:
        row = self.selected()
        if row and not row.computed and KpiNumberDialog(self.ctx, VALUE, row.kpi_id, row.title, row.unit, row.year,
                                                        row.nis_code, row.value, self._years(), self).exec():
            self._load()
            self.select_kpi(row.kpi_id)

    def show_figures(self) -> None:
        row = self.selected()
        if row is None:
            return
        with self.ctx.reading() as session:
            table = kpis.figures(session, row.kpi_id, row.year, row.nis_code, sources=registered_sources())
        heading = f"{row.title} – {self.scope_combo.currentText()} {row.year} ({row.source_title.lower()})"
        FiguresDialog(table, heading, self).exec()
