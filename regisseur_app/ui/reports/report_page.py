"""The 'Rapporten' page: choose a municipality (or the region) and a period, switch sections on or off, write
a comment per section, preview the report, save it as PDF or Word, or make every report at once (batch);
the log lists which report went out for whom, when."""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from regisseur_app.context import AppContext
from regisseur_app.operations import reports as ops
from regisseur_app.reports.college.assemble import region_scope
from regisseur_app.reports.content import Scope
from regisseur_app.ui.page import Command, Page
from regisseur_app.ui.reports.log_model import ReportLogModel
from regisseur_app.ui.reports.preview_view import PreviewView, render_pages
from regisseur_app.ui.reports.sections_panel import SectionsPanel
from regisseur_app.ui.table_base import read_only_table, sorting_proxy
from regisseur_app.ui.workers import Cancelled, Worker, run_in_background, start

REGION = "__regio__"
log = logging.getLogger(__name__)


class ReportPage(Page):
    COMMANDS = frozenset({Command.EXPORT})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.who_combo = QComboBox(objectName="report_who")
        self.period_combo = QComboBox(objectName="report_period_kind")
        self.period_combo.addItem("Een jaar", "year")
        self.period_combo.addItem("Van … tot …", "range")
        self.year_spin = QSpinBox(objectName="report_year", minimum=2000, maximum=2100, value=date.today().year - 1)
        self.from_edit = QDateEdit(QDate(date.today().year, 1, 1), objectName="report_from", calendarPopup=True)
        self.to_edit = QDateEdit(QDate.currentDate(), objectName="report_to", calendarPopup=True)
        for edit in (self.from_edit, self.to_edit):
            edit.setDisplayFormat("dd/MM/yyyy")
        self.period_combo.currentIndexChanged.connect(self._period_kind_changed)
        self.who_combo.currentIndexChanged.connect(lambda _i: self._scope_changed())
        self.year_spin.valueChanged.connect(lambda _v: self._scope_changed())
        self.from_edit.dateChanged.connect(lambda _d: self._scope_changed())
        self.to_edit.dateChanged.connect(lambda _d: self._scope_changed())
        self.panel = SectionsPanel(ctx, self._quiet_scope, self)
        self.panel.status_message.connect(self.status_message)
        self.sections, self.comment_edit = self.panel.sections, self.panel.editor
        self.preview_button = QPushButton("Voorbeeld tonen", objectName="show_preview")
        self.preview_button.setDefault(True)
        self.preview_button.clicked.connect(self.show_preview)
        self.preview_button.setToolTip("Toon het rapport zoals het bewaard wordt (F5)")
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, activated=self.show_preview)
        pdf_button = QPushButton("PDF bewaren…", objectName="save_pdf")
        pdf_button.clicked.connect(lambda: self.save_report(".pdf"))
        docx_button = QPushButton("Word-bestand bewaren…", objectName="save_docx")
        docx_button.clicked.connect(lambda: self.save_report(".docx"))
        batch_button = QPushButton("Alle rapporten maken…", objectName="run_batch")
        batch_button.setToolTip("Het rapport van elke deelnemende gemeente, het regionale rapport en een Excel-"
                                "bestand met alle tabellen, in één map")
        batch_button.clicked.connect(self.run_batch)
        self.preview = PreviewView(self)
        self.log_model = ReportLogModel(self)
        self.log_table = read_only_table(sorting_proxy(self.log_model), "report_log")
        self.log_table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.log_hint = QLabel("Nog geen rapporten gemaakt.", objectName="log_hint")

        form = QFormLayout()
        form.addRow("Rapport voor", self.who_combo)
        form.addRow("Periode", self.period_combo)
        form.addRow("Jaar", self.year_spin)
        dates = QHBoxLayout()
        dates.addWidget(self.from_edit)
        dates.addWidget(QLabel("tot en met"))
        dates.addWidget(self.to_edit)
        form.addRow("Van", dates)
        buttons = QVBoxLayout()
        for button in (self.preview_button, pdf_button, docx_button, batch_button):
            buttons.addWidget(button)
        left = QWidget()
        column = QVBoxLayout(left)
        column.addLayout(form)
        column.addWidget(self.panel, 1)
        column.addLayout(buttons)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(self.preview)
        split.setStretchFactor(1, 2)
        split.setSizes([380, 760])
        log_tab = QWidget()
        log_layout = QVBoxLayout(log_tab)
        log_layout.addWidget(self.log_hint)
        log_layout.addWidget(self.log_table)
        self.tabs = QTabWidget(objectName="report_tabs")
        self.tabs.addTab(split, "Rapport")
        self.tabs.addTab(log_tab, "Logboek")
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self._period_kind_changed()
        self.reload_choices()
        self._prepare_reports()

    def _prepare_reports(self) -> None:
        """The report machinery (sections, models, PDF writer, fonts) loaded and the report's statements compiled
        in the background while the user chooses (operations.reports.prepare_page)."""
        if ops.is_warmed():
            return
        worker = Worker(lambda job: ops.prepare_page(self.ctx))
        signals = worker.signals
        active = self.__dict__.setdefault("_active_signals", set())
        active.add(signals)

        def done() -> None:
            active.discard(signals)
            signals.deleteLater()

        queued = Qt.ConnectionType.QueuedConnection  # on the GUI thread, where `signals` lives (ui.workers)
        signals.error.connect(lambda exc: log.error("voorbereiden van de rapporten mislukt: %s", exc), queued)
        signals.finished.connect(done, queued)
        start(worker)

    # -- choices ----------------------------------------------------------------------------------
    def reload_choices(self) -> None:
        current = self.who_combo.currentData()
        self.who_combo.blockSignals(True)
        self.who_combo.clear()
        for scope in ops.scopes(self.ctx, date.today(), date.today()):
            self.who_combo.addItem(scope.name, (scope.nis_code, scope.name))
        self.who_combo.addItem("Regio (alle gemeenten, voor de raad van bestuur)", (REGION, ""))
        index = self.who_combo.findData(current)
        self.who_combo.setCurrentIndex(max(index, 0))
        self.who_combo.blockSignals(False)
        self.panel.reload()
        self.refresh()

    def refresh(self) -> None:
        rows = ops.report_log(self.ctx)
        self.log_model.set_rows(rows)
        self.log_table.resizeColumnsToContents()
        self.log_hint.setVisible(not rows)

    def _period_kind_changed(self) -> None:
        by_year = self.period_combo.currentData() == "year"
        self.year_spin.setEnabled(by_year)
        self.from_edit.setEnabled(not by_year)
        self.to_edit.setEnabled(not by_year)
        self._scope_changed()

    def _scope_changed(self) -> None:
        self.panel.scope_changed()
        self.preview.show_hint("Klik op 'Voorbeeld tonen' om het rapport te zien.")

    def scope(self) -> Scope | None:
        """The chosen municipality (or region) and period; None (with a message) for a wrong period."""
        if self.period_combo.currentData() == "year":
            start, end = date(self.year_spin.value(), 1, 1), date(self.year_spin.value(), 12, 31)
        else:
            start, end = self.from_edit.date().toPython(), self.to_edit.date().toPython()
            if end < start:
                QMessageBox.warning(self, "Periode", "De einddatum ligt vóór de begindatum.")
                return None
        nis, name = self.who_combo.currentData() or (REGION, "")
        return region_scope(start, end) if nis == REGION else Scope(nis, name, start, end)

    def _quiet_scope(self) -> Scope | None:
        if self.period_combo.currentData() != "year" and self.to_edit.date() < self.from_edit.date():
            return None
        return self.scope()

    # -- output -----------------------------------------------------------------------------------
    def _ready(self) -> tuple[Scope, list[str]] | None:
        if not self.panel.flush():
            return None
        scope, keys = self.scope(), self.panel.chosen_keys()
        if scope is None:
            return None
        if not keys:
            QMessageBox.information(self, "Rapport", "Vink minstens één onderdeel aan.")
            return None
        return scope, keys

    def show_preview(self) -> None:
        ready = self._ready()
        if ready is None:
            return
        scope, keys = ready
        run_in_background(self, "Voorbeeld maken…", lambda job: render_pages(ops.preview_pdf(self.ctx, scope, keys)),
                          self._preview_done, self._failed)

    def _preview_done(self, pages) -> None:  # noqa: ANN001
        self.preview.set_pages(pages)
        self.status_message.emit(f"Voorbeeld: {len(pages)} pagina's.")

    def export_list(self) -> None:
        """Bestand › Exporteren (Ctrl+E): the report as PDF."""
        self.save_report(".pdf")

    def save_report(self, suffix: str) -> None:
        ready = self._ready()
        if ready is None:
            return
        scope, keys = ready
        kind = "PDF-bestand (*.pdf)" if suffix == ".pdf" else "Word-bestand (*.docx)"
        name, _ = QFileDialog.getSaveFileName(self, "Rapport bewaren", ops.file_stem(scope) + suffix, kind)
        if not name:
            return
        path = Path(name) if Path(name).suffix.lower() == suffix else Path(name + suffix)
        run_in_background(self, "Rapport maken…", lambda job: ops.make_report(self.ctx, scope, path, keys),
                          lambda p: self._saved(f"Rapport bewaard: {p}"), self._failed)

    def run_batch(self) -> None:
        ready = self._ready()
        if ready is None:
            return
        scope, keys = ready
        folder = QFileDialog.getExistingDirectory(self, "Map voor alle rapporten")
        if not folder:
            return
        run_in_background(self, "Alle rapporten maken…",
                          lambda job: ops.run_batch(self.ctx, scope.start, scope.end, Path(folder), keys,
                                                    job.progress),
                          lambda r: self._saved(f"{len(r.files)} bestanden gemaakt in {r.folder} "
                                                f"({r.seconds:.0f} s)."), self._failed)

    def _saved(self, text: str) -> None:
        self.refresh()
        self.status_message.emit(text)
        QMessageBox.information(self, "Rapporten", text)

    def _failed(self, exc: Exception) -> None:
        self.refresh()
        if isinstance(exc, Cancelled):
            self.status_message.emit("Geannuleerd; de rapporten die al klaar waren staan in het logboek.")
            return
        QMessageBox.warning(self, "Rapport niet gemaakt", str(exc))
