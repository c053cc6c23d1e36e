"""Kerncijfers: the comparison view (table, bar chart, line chart) and the grid to type values in."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from regisseur_app.context import AppContext
from regisseur_app.domain.analysis import indicators, key_figures
from regisseur_app.domain.analysis.comparison import AVERAGE, compare, series
from regisseur_app.domain.core import municipalities
from regisseur_app.domain.core.base import ValidationError
from regisseur_app.operations import analysis as analysis_ops
from regisseur_app.ui.analysis.charts import BarChart, LineChart
from regisseur_app.ui.analysis.comparison_model import ComparisonModel, RegionLastProxy
from regisseur_app.ui.analysis.key_figure_grid_model import KeyFigureGridModel
from regisseur_app.ui.export_action import ask_export_path
from regisseur_app.ui.fit_contents import fit_to_contents

GRID_YEARS = 5


class KeyFiguresTab(QWidget):
    status_message = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.comparison = None
        self._extra_years: set[int] = set()
        self.indicator_combo = QComboBox(objectName="indicator")
        self.indicator_combo.setMinimumContentsLength(28)
        self.year_combo = QComboBox(objectName="year")
        self.rate_check = QCheckBox("Grafieken per 1.000 inwoners", objectName="per_1000")
        self.import_button = QPushButton("Importeren…", objectName="import_key_figures")
        self.export_button = QPushButton("Exporteren…", objectName="export_key_figures")
        self.import_button.clicked.connect(self.import_file)
        self.export_button.clicked.connect(self.export)
        self.indicator_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.year_combo.currentIndexChanged.connect(lambda _i: self._show_comparison())
        self.rate_check.toggled.connect(lambda _c: self._show_charts())
        bar = QHBoxLayout()
        bar.addWidget(QLabel("Indicator:"))
        bar.addWidget(self.indicator_combo, 2)
        bar.addWidget(QLabel("Jaar:"))
        bar.addWidget(self.year_combo)
        bar.addWidget(self.rate_check)
        bar.addStretch()
        bar.addWidget(self.import_button)
        bar.addWidget(self.export_button)
        self.source_label = QLabel(objectName="indicator_source", wordWrap=True)
        self.source_label.setStyleSheet("color: #555;")
        self.tabs = QTabWidget(objectName="key_figure_tabs")
        self.tabs.addTab(self._build_comparison(), "Vergelijking")
        self.tabs.addTab(self._build_grid(), "Invoer")
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.source_label)
        layout.addWidget(self.tabs, 1)
        self._fill_choices()  # the figures are read when the tab is shown (AnalysisPage.refresh)

    # ---- layout -------------------------------------------------------------------------------------
    def _build_comparison(self) -> QWidget:
        self.model = ComparisonModel(self)
        self.proxy = RegionLastProxy(self.model, self)
        self.table = QTableView(objectName="comparison")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        fit_to_contents(self.table)
        self.notes = QLabel(objectName="comparison_notes", wordWrap=True)
        self.notes.setStyleSheet("color: #5a4a00; background: #fff8e1; padding: 4px;")
        self.bar_chart = BarChart()
        self.bar_chart.setObjectName("bar_chart")
        self.line_chart = LineChart()
        self.line_chart.setObjectName("line_chart")
        charts = QSplitter(Qt.Orientation.Horizontal)
        charts.addWidget(self.bar_chart)
        charts.addWidget(self.line_chart)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.table, 1)
        top_layout.addWidget(self.notes)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(charts)
        splitter.setSizes([300, 300])
        return splitter

    def _build_grid(self) -> QWidget:
        self.grid_model = KeyFigureGridModel(self)
        self.grid_model.writer = self._write_value
        self.grid_model.rejected.connect(self._rejected)
        self.grid = QTableView(objectName="grid")
        self.grid.setModel(self.grid_model)
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.grid_help = QLabel(objectName="grid_help", wordWrap=True)
        self.grid_error = QLabel(objectName="grid_error", wordWrap=True)
        self.grid_error.setStyleSheet("color: #b00020;")
        self.add_year_button = QPushButton("Jaar toevoegen…", objectName="add_year")
        self.add_year_button.clicked.connect(self.add_year)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_year_button)
        buttons.addStretch()
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.grid_help)
        layout.addWidget(self.grid, 1)
        layout.addWidget(self.grid_error)
        layout.addLayout(buttons)
        return page

    # ---- data -----------------------------------------------------------------------------------------
    def reload_choices(self) -> None:
        self._fill_choices()
        self.refresh()

    def _fill_choices(self) -> None:
        with self.ctx.reading() as session:
            items = indicators.list_indicators(session)
        current = self.indicator_combo.currentData()
        self.indicator_combo.blockSignals(True)
        self.indicator_combo.clear()
        for item in items:
            self.indicator_combo.addItem(item.title, item.id)
        self.indicator_combo.setCurrentIndex(max(0, self.indicator_combo.findData(current)))
        self.indicator_combo.blockSignals(False)

    def indicator(self):  # noqa: ANN201
        indicator_id = self.indicator_combo.currentData()
        if indicator_id is None:
            return None
        with self.ctx.reading() as session:
            return indicators.get_indicator(session, indicator_id)

    def refresh(self) -> None:
        indicator = self.indicator()
        if indicator is None:
            return
        with self.ctx.reading() as session:
            years = key_figures.indicator_years(session, indicator)
        years = years or [key_figures.max_year()]
        current = self.year_combo.currentData()
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        for year in reversed(years):
            self.year_combo.addItem(str(year), year)
        self.year_combo.setCurrentIndex(max(0, self.year_combo.findData(current)))
        self.year_combo.blockSignals(False)
        source = f"Bron: {indicator.source}" if indicator.source else "Bron: niet ingevuld"
        if indicator.is_computed:
            source += f" — {indicator.computed_label}"
        self.source_label.setText(source + (f" · eenheid: {indicator.unit}" if indicator.unit else ""))
        self.rate_check.setEnabled(indicator.per_1000_possible)
        self._show_comparison()
        self._show_grid(indicator, years)

    def _show_comparison(self) -> None:
        year = self.year_combo.currentData()
        indicator_id = self.indicator_combo.currentData()
        if year is None or indicator_id is None:
            return
        with self.ctx.reading() as session:
            self.comparison = compare(session, indicator_id, year)
        self.model.set_comparison(self.comparison)
        self.notes.setText("\n".join(self.comparison.notes))
        self.notes.setVisible(bool(self.comparison.notes))
        self._show_charts()

    def _show_charts(self) -> None:
        comparison = self.comparison
        if comparison is None:
            return
        indicator = comparison.indicator
        rate = self.rate_check.isChecked() and indicator.per_1000_possible
        rows = comparison.municipality_rows
        average = next((r for r in comparison.rows if r.kind == AVERAGE), None)
        what = f"{indicator.label} per 1.000 inwoners" if rate else indicator.title
        reference_value = (average.per_1000 if rate else average.value) if average else None
        self.bar_chart.set_data(f"{what}, {comparison.year}", [r.name for r in rows],
                                [r.per_1000 if rate else r.value for r in rows], 2 if rate else indicator.decimals,
                                ("gemiddelde", reference_value) if reference_value is not None else None)
        with self.ctx.reading() as session:
            data = series(session, indicator.id, rate)
        self.line_chart.set_data(f"{what}, verloop", data.years, [(line.name, line.values) for line in data.lines],
                                 2 if rate else indicator.decimals)

    def _show_grid(self, indicator, years: list[int]) -> None:  # noqa: ANN001
        last = key_figures.max_year()
        shown = sorted(set(years) | self._extra_years | set(range(last - GRID_YEARS + 1, last + 1)))
        if indicator.is_computed:
            shown = [last]
        with self.ctx.reading() as session:
            places = [(m.nis_code, m.name)
                      for m in municipalities.list_municipalities(session, participating_only=True)]
            values = key_figures.indicator_values(session, indicator, [c for c, _n in places], shown)
        self.grid_model.set_grid(places, shown, values, indicator.decimals, not indicator.is_computed)
        self.grid_error.clear()
        if indicator.is_computed:
            self.grid_help.setText(f"'{indicator.label}' wordt {indicator.computed_label}; je kunt het niet "
                                   "invullen. Welke types meetellen, kies je in Beheer › Indicatoren.")
        else:
            self.grid_help.setText("Typ een getal (bv. 1.234,5) en druk Enter: het wordt meteen bewaard. Een cel "
                                   "leegmaken wist de waarde. Ongedaan maken met Ctrl+Z.")
        self.add_year_button.setEnabled(not indicator.is_computed)

    # ---- editing --------------------------------------------------------------------------------------
    def _write_value(self, nis: str, year: int, value: float | None) -> str | None:
        indicator_id = self.indicator_combo.currentData()
        try:
            analysis_ops.set_key_figure(self.ctx, indicator_id, nis, year, value)  # undoable: Ctrl+Z
        except ValidationError as exc:
            return " ".join(exc.errors.values())
        self.grid_error.clear()
        self.status_message.emit("Waarde bewaard. Ongedaan maken met Ctrl+Z.")
        self._after_change()
        return None

    def _rejected(self, message: str) -> None:
        self.grid_error.setText(message)
        self.status_message.emit(message)

    def _after_change(self) -> None:
        indicator = self.indicator()
        with self.ctx.reading() as session:
            years = key_figures.indicator_years(session, indicator) or [key_figures.max_year()]
        current = self.year_combo.currentData()
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        for year in reversed(years):
            self.year_combo.addItem(str(year), year)
        self.year_combo.setCurrentIndex(max(0, self.year_combo.findData(current)))
        self.year_combo.blockSignals(False)
        self._show_comparison()

    def add_year(self) -> None:
        shown = self.grid_model.years
        first = min(shown) if shown else key_figures.max_year()
        year, ok = QInputDialog.getInt(self, "Jaar toevoegen", "Welk jaar wil je invullen?", first - 1,
                                       key_figures.MIN_YEAR, key_figures.max_year())
        if ok:
            self._extra_years.add(year)
            self.refresh()

    def select_year(self, year: int) -> None:
        index = self.year_combo.findData(year)
        if index >= 0:
            self.year_combo.setCurrentIndex(index)

    def select_indicator(self, indicator_id: int) -> None:
        index = self.indicator_combo.findData(indicator_id)
        if index >= 0:
            self.indicator_combo.setCurrentIndex(index)

    # ---- import and export ----------------------------------------------------------------------------
    def import_file(self) -> None:
        from regisseur_app.ui.analysis.key_figure_import_dialog import KeyFigureImportDialog

        dialog = KeyFigureImportDialog(self.ctx, parent=self)
        if dialog.exec():
            self.refresh()
            if dialog.result_years:
                self.select_year(max(dialog.result_years))

    def export(self) -> None:
        if self.comparison is None:
            return
        from regisseur_app.exchange.analysis.export import comparison_frame, export_sheets, values_frame
        from regisseur_app.exchange.export import ExportError

        indicator = self.comparison.indicator
        target = ask_export_path(self, f"kerncijfers {indicator.label} {self.comparison.year}")
        if target is None:
            return
        with self.ctx.reading() as session:
            values = key_figures.all_values(session)
        try:
            export_sheets(target, [(f"{indicator.label} {self.comparison.year}", comparison_frame(self.comparison)),
                                   ("Alle kerncijfers", values_frame(values))])
        except ExportError as exc:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(self, "Exporteren mislukt", str(exc))
            return
        self.status_message.emit(f"Vergelijking geëxporteerd naar {target}.")
