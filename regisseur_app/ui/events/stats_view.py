"""'Statistieken' tab of the events page: per event and per year, by municipality and organisation type."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from regisseur_app.context import AppContext
from regisseur_app.domain.events import service as event_service
from regisseur_app.domain.events import stats as event_stats
from regisseur_app.formatting import format_date
from regisseur_app.ui.events.counts_table_model import CountsTableModel, EventCountsTableModel
from regisseur_app.ui.fit_contents import fit_to_contents
from regisseur_app.ui.table_base import sorting_proxy
from regisseur_app.ui.workers import run_in_background

DEFINITIONS = ("Uitgenodigd: alle genodigden. Ingeschreven: wie zich inschreef (ingeschreven, aanwezig of niet "
               "opgedaagd; wachtlijst en afgemeld tellen niet mee). Opkomst: aanwezig / ingeschreven, alleen voor "
               "evenementen die al begonnen zijn. Geannuleerde evenementen tellen niet mee. Een contactpersoon die in meer gemeenten actief is, telt in elk ervan.")


def _table(model, name: str, stretch_column: int = 0) -> QTableView:  # noqa: ANN001
    view = QTableView(objectName=name)
    view.setModel(sorting_proxy(model))
    view.setSortingEnabled(True)
    view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    fit_to_contents(view, stretch_column)
    return view


NBSP = "\u00a0"


class StatsView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.year_combo = QComboBox(objectName="stats_year")
        self.year_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.scope_combo = QComboBox(objectName="stats_scope")
        self.scope_combo.currentIndexChanged.connect(lambda _i: self._refresh_breakdowns())
        self.total_label = QLabel(objectName="stats_total", wordWrap=True)
        self.total_label.setStyleSheet("font-size: 12pt; font-weight: bold; color: #1f4e79;")
        self.events_model = EventCountsTableModel(self)
        self.town_model = CountsTableModel("Gemeente", self)
        self.type_model = CountsTableModel("Type organisatie", self)
        self.events_view = _table(self.events_model, "stats_events", 1)
        self.events_view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.town_view = _table(self.town_model, "stats_municipalities")
        self.type_view = _table(self.type_model, "stats_types")
        top = QHBoxLayout()
        top.addWidget(QLabel("Jaar:"))
        top.addWidget(self.year_combo)
        top.addSpacing(20)
        top.addWidget(self.total_label, 1)
        self.report_button = QPushButton("Jaarrapport (PDF)…", objectName="year_report")
        self.report_button.setToolTip("Verplichtingen en deelname van dit jaar als PDF")
        self.report_button.clicked.connect(lambda: self.save_year_report())
        top.addWidget(self.report_button)
        grid = QGridLayout()
        grid.addWidget(QLabel("<b>Per gemeente</b>"), 0, 0)
        grid.addWidget(QLabel("<b>Per type organisatie</b>"), 0, 1)
        grid.addWidget(self.town_view, 1, 0)
        grid.addWidget(self.type_view, 1, 1)
        scope = QHBoxLayout()
        scope.addWidget(QLabel("Uitsplitsing voor:"))
        scope.addWidget(self.scope_combo, 1)
        note = QLabel(DEFINITIONS, wordWrap=True)
        note.setStyleSheet("color: #555;")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(QLabel("<b>Per evenement</b>"))
        layout.addWidget(self.events_view, 2)
        layout.addLayout(scope)
        layout.addLayout(grid, 2)
        layout.addWidget(note)

    def reload_years(self) -> None:
        with self.ctx.reading() as session:
            years = event_service.event_years(session)
        current = self.year_combo.currentData()
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        for year in years:
            self.year_combo.addItem(str(year), year)
        index = self.year_combo.findData(current)
        self.year_combo.setCurrentIndex(index if index >= 0 else 0)
        self.year_combo.blockSignals(False)

    def refresh(self) -> None:
        self.reload_years()
        year = self.year_combo.currentData()
        with self.ctx.reading() as session:
            rows = event_stats.year_events(session, year)
        total = event_stats.total_of(year, rows)
        self.events_model.set_rows(rows)
        rate = f", opkomst {total.rate_text.replace(' ', NBSP)}" if total.rate is not None else ""  # '%' not alone
        self.total_label.setText(f"{year}: {len(rows)} evenementen, {total.invited} uitgenodigd, "
                                 f"{total.registered} ingeschreven, {total.present} aanwezig{rate}")
        current = self.scope_combo.currentData()
        self.scope_combo.blockSignals(True)
        self.scope_combo.clear()
        self.scope_combo.addItem(f"Alle evenementen van {year}", None)
        for row in rows:
            self.scope_combo.addItem(f"{format_date(row.starts_at)} – {row.label}", row.event_id)
        self.scope_combo.setCurrentIndex(max(0, self.scope_combo.findData(current)))
        self.scope_combo.blockSignals(False)
        self._year_ids = [r.event_id for r in rows]
        self._refresh_breakdowns()

    def _refresh_breakdowns(self) -> None:
        chosen = self.scope_combo.currentData()
        ids = [chosen] if chosen is not None else getattr(self, "_year_ids", [])
        with self.ctx.reading() as session:
            counts = event_stats.breakdowns(session, ids, ("municipality", "organisation_type"))
        self.town_model.set_rows(counts["municipality"])
        self.type_model.set_rows(counts["organisation_type"])

    def save_year_report(self, target: Path | None = None) -> None:
        year = self.year_combo.currentData()
        if target is None:
            name, _ = QFileDialog.getSaveFileName(self, "Jaarrapport bewaren",
                                                  str(Path.home() / f"Netwerkevenementen {year}.pdf"), "PDF (*.pdf)")
            if not name:
                return
            target = Path(name).with_suffix(".pdf")

        def work(job) -> Path:  # noqa: ANN001
            from regisseur_app.reports.events.year_report import write_events_report

            job.progress(10, "Jaarrapport maken…")
            with self.ctx.reading() as session:
                return write_events_report(session, year, target)

        run_in_background(self, "Jaarrapport maken…", work,
                          lambda path: QMessageBox.information(self, "Jaarrapport", f"Bewaard als {path}."),
                          lambda exc: QMessageBox.warning(self, "Jaarrapport", str(exc)))
