"""Statistics: per period and municipality the counts by type, decision, furthest stage and status,
the lead times, and two charts. Exports (Excel, PDF) are aggregated and suppressed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from regisseur_app.context import AppContext
from regisseur_app.domain.core.setup import association_name
from regisseur_app.domain.referrals import service as svc
from regisseur_app.domain.referrals.settings import load_settings
from regisseur_app.domain.referrals.stats import (
    FUNNEL_STAGES,
    LEAD_HEADERS,
    ReferralStats,
    StatsFilter,
    compute_stats,
    lead_time_rows,
    protected_tables,
)
from regisseur_app.domain.referrals.suppression import CountTable
from regisseur_app.formatting import format_number
from regisseur_app.ui.referrals.chart_widget import FunnelChart, LeadTimeChart
from regisseur_app.ui.referrals.date_field import PeriodChooser
from regisseur_app.ui.workers import Cancelled, run_in_background

TABLE_TITLES = ("Doorverwijzingen per soort", "Beslissing na screening", "Verste fase bereikt", "Huidige status")


class StatsView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.stats: ReferralStats | None = None
        self.threshold = 5
        with ctx.reading() as session:
            years = svc.referral_years(session)
        self.period = PeriodChooser(years)
        self.period.select_year(years[-1] if years else 0)
        self.municipality_combo = QComboBox(objectName="stats_municipality")
        self.suppressed_check = QCheckBox("Toon zoals in de export (met onderdrukking)", objectName="show_suppressed")
        self.excel_button = QPushButton("Excel (geaggregeerd)…", objectName="stats_excel")
        self.pdf_button = QPushButton("PDF…", objectName="stats_pdf")
        self.period.changed.connect(self.refresh)
        self.municipality_combo.currentIndexChanged.connect(lambda _i: self._show())
        self.suppressed_check.toggled.connect(lambda _c: self._show())
        self.excel_button.clicked.connect(self.export_excel)
        self.pdf_button.clicked.connect(self.export_pdf)
        period_row, options_row = QHBoxLayout(), QHBoxLayout()
        period_row.addWidget(QLabel("Periode (doorverwijsdatum):"))
        period_row.addWidget(self.period)
        period_row.addStretch()
        period_row.addWidget(self.excel_button)
        period_row.addWidget(self.pdf_button)
        options_row.addWidget(QLabel("Trechter van:"))
        options_row.addWidget(self.municipality_combo)
        options_row.addWidget(self.suppressed_check)
        options_row.addStretch()
        top = QVBoxLayout()
        top.addLayout(period_row)
        top.addLayout(options_row)
        self.summary = QLabel(objectName="stats_summary", wordWrap=True)
        self.funnel_chart = FunnelChart()
        self.lead_chart = LeadTimeChart()
        charts = QHBoxLayout()
        charts.addWidget(self.funnel_chart, 1)
        charts.addWidget(self.lead_chart, 1)
        self.tables = {title: self._table(title) for title in (*TABLE_TITLES, "Doorlooptijden")}
        grid = QVBoxLayout()
        for title, table in self.tables.items():
            grid.addWidget(QLabel(f"<b>{title}</b>" + (" (dagen)" if title == "Doorlooptijden" else "")))
            grid.addWidget(table)
        content = QWidget()
        inner = QVBoxLayout(content)
        inner.addWidget(self.summary)
        inner.addLayout(charts)
        inner.addLayout(grid)
        inner.addStretch()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)

    @staticmethod
    def _table(title: str) -> QTableWidget:
        table = QTableWidget(objectName="stats_" + title.split()[0].lower())
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        return table

    def stats_filter(self) -> StatsFilter:
        date_from, date_to = self.period.period()
        return StatsFilter(date_from=date_from, date_to=date_to)

    def refresh(self) -> None:
        filt = self.stats_filter()

        def work(_job):  # noqa: ANN001, ANN202
            with self.ctx.reading() as session:
                return compute_stats(session, filt), load_settings(session).suppression_threshold

        run_in_background(self, "Statistieken berekenen…", work, self._loaded, self._failed, cancellable=False)

    def _loaded(self, result) -> None:  # noqa: ANN001
        self.stats, self.threshold = result
        current = self.municipality_combo.currentText()
        self.municipality_combo.blockSignals(True)
        self.municipality_combo.clear()
        self.municipality_combo.addItem("Totaal")
        for _nis, name in self.stats.municipalities:
            self.municipality_combo.addItem(name)
        self.municipality_combo.setCurrentIndex(max(0, self.municipality_combo.findText(current)))
        self.municipality_combo.blockSignals(False)
        self._show()

    def _failed(self, exc: Exception) -> None:
        if not isinstance(exc, Cancelled):
            QMessageBox.warning(self, "Statistieken", f"De statistieken konden niet berekend worden: {exc}")

    def _show(self) -> None:
        stats = self.stats
        if stats is None:
            return
        funnel = stats.funnel.get(self.municipality_combo.currentText() or "Totaal", stats.funnel["Totaal"])
        self.summary.setText(
            f"{format_number(stats.total)} doorverwijzingen in de gekozen periode. Binnen Regisseur zie je exacte "
            f"aantallen; in Excel en PDF worden aantallen van 1 tot {self.threshold - 1} '<{self.threshold}' en worden "
            "bijkomende cellen verborgen ('x').")
        self.funnel_chart.set_data(f"Trechter — {self.municipality_combo.currentText() or 'Totaal'}",
                                   list(zip(FUNNEL_STAGES, funnel, strict=True)))
        self.lead_chart.set_data("Doorverwijzing → beslissing (dagen)", [
            (name, stats.lead_decision[name].median, stats.lead_decision[name].p75)
            for name in [n for _nis, n in stats.municipalities] + ["Totaal"]])
        suppressed = self.suppressed_check.isChecked()
        protected = {t.title: t for t in protected_tables(stats, self.threshold)} if suppressed else {}
        for title in TABLE_TITLES:
            source: CountTable = next(t for t in stats.count_tables() if t.title == title)
            if suppressed:
                rows = protected[title].display_rows()
                headers = [source.row_key, *protected[title].col_labels]
            else:
                grid = source.grid()
                labels = [*source.row_labels, "Totaal"]
                rows = [[labels[r], *grid[r]] for r in range(len(grid))]
                headers = [source.row_key, *source.col_labels, "Totaal"]
            self._fill(self.tables[title], headers, rows)
        lead = lead_time_rows(stats, self.threshold) if suppressed else [
            [name, *[_days(v) for lt in (stats.lead_decision[name], stats.lead_start[name]) for v in (lt.median, lt.p75)]]
            for name in [n for _nis, n in stats.municipalities] + ["Totaal"]]
        self._fill(self.tables["Doorlooptijden"], list(LEAD_HEADERS), lead)

    @staticmethod
    def _fill(table: QTableWidget, headers: list[str], rows: list[list[object]]) -> None:
        table.clear()
        table.setColumnCount(len(headers))
        table.setRowCount(len(rows))
        table.setHorizontalHeaderLabels([_wrap(h) for h in headers])
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                item = QTableWidgetItem(format_number(value) if isinstance(value, int) else str(value))
                if c:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if row[0] == "Totaal":
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                table.setItem(r, c, item)
        table.resizeColumnsToContents()
        height = table.horizontalHeader().sizeHint().height() + sum(table.rowHeight(r) for r in range(len(rows)))
        table.setFixedHeight(height + 2 * table.frameWidth() + table.horizontalScrollBar().sizeHint().height())

    def export_excel(self) -> None:
        from regisseur_app.exchange.export import ExportError
        from regisseur_app.exchange.referrals.export import export_statistics

        if self.stats is None:
            return
        name, _ = QFileDialog.getSaveFileName(self, "Statistieken exporteren",
                                              str(Path.home() / "doorverwijzingen-geaggregeerd.xlsx"),
                                              "Excel-werkmap (*.xlsx)")
        if not name:
            return
        try:
            export_statistics(self.stats, Path(name).with_suffix(".xlsx"), self.threshold)
        except ExportError as exc:
            QMessageBox.warning(self, "Exporteren mislukt", str(exc))
            return
        QMessageBox.information(self, "Geëxporteerd", f"De geaggregeerde cijfers staan in {Path(name).with_suffix('.xlsx')}.")

    def export_pdf(self) -> None:
        from regisseur_app.reports.pdf_base import ReportError
        from regisseur_app.reports.referrals.referral_report import write_referral_report

        if self.stats is None:
            return
        name, _ = QFileDialog.getSaveFileName(self, "PDF maken", str(Path.home() / "doorverwijzingen.pdf"),
                                              "PDF-document (*.pdf)")
        if not name:
            return
        with self.ctx.reading() as session:
            association = association_name(session)
        try:
            write_referral_report(Path(name).with_suffix(".pdf"), self.stats, self.threshold, association)
        except ReportError as exc:
            QMessageBox.warning(self, "PDF mislukt", str(exc))
            return
        QMessageBox.information(self, "PDF gemaakt", f"De PDF staat in {Path(name).with_suffix('.pdf')}.")


def _wrap(header: str) -> str:
    """Long headers on two lines, broken at the space nearest the middle."""
    if len(header) <= 16 or " " not in header:
        return header
    spaces = [i for i, ch in enumerate(header) if ch == " "]
    cut = min(spaces, key=lambda i: abs(i - len(header) / 2))
    return header[:cut] + "\n" + header[cut + 1:]


def _days(value: float | None) -> str:
    return "–" if value is None else format_number(round(value))
