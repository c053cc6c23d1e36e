"""Import answers from Microsoft Forms, Google Forms, LimeSurvey, KoboToolbox/ODK or the Excel template:
read the file, suggest a question per column, list every value that maps to no option and every cell that
cannot be read (row and column named); importing is possible once each problem is mapped or dropped.
Checking and writing run off the GUI thread (progress, Annuleren); the write is all or nothing, after a
verified backup, and responses already imported are skipped."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from regisseur_app.context import AppContext
from regisseur_app.domain.core import municipalities
from regisseur_app.domain.survey.models import SOURCES
from regisseur_app.domain.survey.views import survey_view
from regisseur_app.exchange.survey import importer
from regisseur_app.exchange.survey.formats import suggest_all
from regisseur_app.exchange.tabular import RawTable
from regisseur_app.formatting import counted
from regisseur_app.operations import survey as ops
from regisseur_app.ui.survey import import_tables
from regisseur_app.ui.table_file import TableFileMixin, describe_table
from regisseur_app.ui.workers import Cancelled, Job, run_in_background


class SurveyImportDialog(TableFileMixin, QDialog):
    def __init__(self, ctx: AppContext, survey_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.survey_id = ctx, survey_id
        self.table: RawTable | None = None
        self.plan: importer.ImportPlan | None = None
        self.outcome: importer.ImportOutcome | None = None
        with ctx.reading() as session:
            self.view = survey_view(session, survey_id)
            self.places = [(m.nis_code, m.name) for m in municipalities.list_municipalities(session, True)]
        self.setWindowTitle(f"Antwoorden importeren – {self.view.title}")
        self.resize(1000, 680)
        self.path_edit = QLineEdit(objectName="import_path", readOnly=True)
        self.path_edit.setPlaceholderText("Export van Microsoft Forms (.xlsx), Google Forms (.csv), LimeSurvey (.csv),"
                                          " KoboToolbox (.xlsx/.csv) of het Excel-sjabloon")
        choose = QPushButton("Kiezen…", objectName="choose_file")
        choose.clicked.connect(self.choose_file)
        self.file_info = QLabel(objectName="file_info", wordWrap=True)
        self.default_combo = QComboBox(objectName="default_municipality")
        self.default_combo.addItem("(geen: een rij zonder gemeente is een probleem)", None)
        for nis, name in self.places:
            self.default_combo.addItem(name, nis)
        self.check_button = QPushButton("Opnieuw nakijken", objectName="recheck")
        self.check_button.setToolTip("Na het wijzigen van de kolommen of de gemeente")
        self.check_button.clicked.connect(self.analyse)
        self.drop_button = QPushButton("Alle open cellen weglaten", objectName="drop_cells")
        self.drop_button.clicked.connect(self.drop_open_cells)
        self.tabs = QTabWidget(objectName="import_tabs")
        self.summary = QLabel(objectName="import_summary", wordWrap=True)
        bar = QHBoxLayout()
        bar.addWidget(QLabel("Gemeente voor rijen zonder gemeente:"))
        bar.addWidget(self.default_combo, 1)
        bar.addWidget(self.check_button)
        bar.addWidget(self.drop_button)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.summary)
        self.lay_out_import(choose, body)
        self.mapping = self.values = self.cells = None

    # ---- step 1: the file --------------------------------------------------------------------------
    def _file_loaded(self, table: RawTable) -> None:
        self.table = table
        self.file_info.setText(describe_table(table))
        samples = [next((row[i] for row in table.rows if row[i].strip()), "") for i in range(len(table.headers))]
        self.mapping = import_tables.mapping_table(table.headers, samples, suggest_all(self.view, table.headers),
                                                   self.view)
        self._show_tabs()
        self.analyse()

    def _set_preview(self, plan) -> None:  # noqa: ANN001  (TableFileMixin)
        self.plan = plan
        self._show_tabs()
        self._update()

    # ---- step 2: check, resolve ------------------------------------------------------------------
    def analyse(self) -> None:
        if self.table is None:
            return
        table, targets, default = self.table, import_tables.read_mapping(self.mapping), self.default_combo.currentData()
        self.import_button.setEnabled(False)

        def work(job: Job) -> importer.ImportPlan:
            with self.ctx.reading() as session:
                return importer.analyse(session, self.survey_id, table, targets, default,
                                        lambda pct, text: job.progress(pct, text))

        run_in_background(self, "Antwoorden nakijken…", work, self._analysed, self._analyse_failed)

    def _analysed(self, plan: importer.ImportPlan) -> None:
        self.plan = plan
        self.values = import_tables.value_table(plan.value_issues, self.view, self.places)
        self.cells = import_tables.cell_table(plan.cell_issues)
        for table in (self.values, self.cells):
            for row in range(table.rowCount()):
                table.cellWidget(row, 4).currentIndexChanged.connect(lambda _i: self._update())
        self._show_tabs()
        self._update()

    def _analyse_failed(self, exc: Exception) -> None:
        self.plan = None
        self.values = self.cells = None
        self._show_tabs()
        if not isinstance(exc, Cancelled):
            self.summary.setText(str(exc))
            self.summary.setStyleSheet("color: #b00020;")

    def _show_tabs(self) -> None:
        current = self.tabs.currentIndex()
        self.tabs.clear()
        if self.mapping is not None:
            self.tabs.addTab(self.mapping, "Kolommen")
        if self.values is not None and self.plan is not None:
            self.tabs.addTab(self.values, f"Onbekende antwoorden ({len(self.plan.value_issues)})")
            self.tabs.addTab(self.cells, f"Onleesbare cellen ({len(self.plan.cell_issues)})")
        self.tabs.setCurrentIndex(max(0, current))

    def drop_open_cells(self) -> None:
        if self.cells is None:
            return
        for row in range(self.cells.rowCount()):
            combo = self.cells.cellWidget(row, 4)
            if combo.currentData() is None:
                combo.setCurrentIndex(1)
        self._update()

    def _update(self) -> None:
        plan = self.plan
        if plan is None:
            self.import_button.setEnabled(False)
            return
        import_tables.apply_choices(self.values, plan.value_issues, 4)
        import_tables.apply_choices(self.cells, plan.cell_issues, 4)
        parts = [f"Bron: {SOURCES.get(plan.source, 'bestand')}.",
                 f"{counted(len(plan.drafts), 'antwoord', 'antwoorden')} om te importeren"]
        if plan.already_imported:
            parts.append(f"{counted(plan.already_imported, 'antwoord', 'antwoorden')} al eerder geïmporteerd "
                         "(overgeslagen)")
        if plan.ignored_columns:
            parts.append(f"niet geïmporteerde kolommen: {', '.join(plan.ignored_columns[:6])}"
                         + ("…" if len(plan.ignored_columns) > 6 else ""))
        text = parts[0] + " " + "; ".join(parts[1:]) + "."
        if plan.open_problems:
            text += (f" Nog {counted(plan.open_problems, 'probleem', 'problemen')} zonder keuze: koppel elk onbekend "
                     "antwoord of laat het weg, en kies voor elke onleesbare cel wat ermee moet.")
        self.summary.setText(text)
        self.summary.setStyleSheet("color: #b00020;" if plan.open_problems else "")
        self.import_button.setEnabled(not plan.open_problems and bool(plan.drafts))

    # ---- step 3: write -------------------------------------------------------------------------------
    def run_import(self) -> None:
        if self.plan is None or self.plan.open_problems:
            return
        plan = self.plan
        if not plan.made_with(import_tables.read_mapping(self.mapping), self.default_combo.currentData()):
            self.analyse()  # the columns or the municipality changed since the check: check again first
            return
        self.import_button.setEnabled(False)

        def work(job: Job) -> importer.ImportOutcome:
            return ops.import_responses(self.ctx, plan, lambda pct, text: job.progress(pct, text))

        run_in_background(self, "Antwoorden importeren…", work, self._imported, self._import_failed)

    def _imported(self, outcome: importer.ImportOutcome) -> None:
        self.outcome = outcome
        QMessageBox.information(self, "Import voltooid",
                                f"{counted(outcome.added, 'antwoord', 'antwoorden')} toegevoegd, "
                                f"{counted(outcome.skipped_existing, 'antwoord', 'antwoorden')} overgeslagen (al "
                                f"geïmporteerd), {counted(outcome.dropped_rows, 'rij', 'rijen')} weggelaten.")
        self.accept()

    def load(self, path: Path) -> None:
        self.load_file(path)
