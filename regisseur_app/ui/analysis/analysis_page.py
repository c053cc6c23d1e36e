"""'Omgevingsanalyse': key figures, the offer map, the gaps and the SWOT, one tab each; a PDF report of
the whole analysis; Beheer › Indicatoren."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from regisseur_app.context import AppContext
from regisseur_app.ui.analysis.gaps_tab import GapsTab
from regisseur_app.ui.analysis.key_figures_tab import KeyFiguresTab
from regisseur_app.ui.analysis.offer_map_tab import OfferMapTab
from regisseur_app.ui.analysis.swot_tab import SwotTab
from regisseur_app.ui.page import Command, Page
from regisseur_app.ui.workers import Cancelled, run_in_background

KEY_FIGURES, OFFER_MAP, GAPS, SWOT = range(4)


class AnalysisPage(Page):
    COMMANDS = frozenset({Command.NEW, Command.IMPORT, Command.EXPORT})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.key_figures = KeyFiguresTab(ctx)
        self.offer_map = OfferMapTab(ctx)
        self.gaps = GapsTab(ctx)
        self.swot = SwotTab(ctx)
        self.tabs = QTabWidget(objectName="analysis_tabs")
        for widget, title in ((self.key_figures, "Kerncijfers"), (self.offer_map, "Aanbodkaart"),
                              (self.gaps, "Hiaten"), (self.swot, "SWOT")):
            self.tabs.addTab(widget, title)
            widget.status_message.connect(self.status_message)
        self.tabs.currentChanged.connect(lambda _i: self.refresh())
        title = QLabel("Omgevingsanalyse", objectName="analysis_title")
        title.setStyleSheet("font-size: 15pt; font-weight: bold; color: #1f4e79;")
        self.report_button = QPushButton("Rapport (PDF)…", objectName="analysis_report")
        self.report_button.setToolTip("De hele omgevingsanalyse als PDF: kerncijfers, aanbodkaart, hiaten en SWOT")
        self.report_button.clicked.connect(self.make_report)
        header = QHBoxLayout()
        header.addWidget(title)
        header.addStretch()
        header.addWidget(self.report_button)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.tabs, 1)

    def current(self) -> QWidget:
        return self.tabs.currentWidget()

    def refresh(self) -> None:
        self.current().refresh()

    def data_changed(self, topics: set[str]) -> None:
        if topics <= {"key_figures"} and self.current() is self.key_figures:
            return  # typed in the grid: the tab updated the cell and the comparison; keep the cursor
        self.refresh()

    def reload_choices(self) -> None:
        for tab in (self.key_figures, self.gaps, self.swot):
            tab.reload_choices()
        self.offer_map.refresh()

    def import_file(self) -> None:
        self.tabs.setCurrentIndex(KEY_FIGURES)
        self.key_figures.import_file()

    def export_list(self) -> None:
        current = self.current()
        (current.export if hasattr(current, "export") else self.key_figures.export)()

    def open_editor(self, _item_id=None) -> None:  # noqa: ANN001
        """Ctrl+N: a new SWOT item (in the SWOT tab), else 'Jaar toevoegen' in the key-figure grid."""
        if self.current() is self.swot:
            self.swot.add_item()
        else:
            self.tabs.setCurrentIndex(KEY_FIGURES)
            self.key_figures.tabs.setCurrentIndex(1)

    def edit_indicators(self) -> None:
        from regisseur_app.ui.analysis.indicator_dialog import IndicatorDialog

        dialog = IndicatorDialog(self.ctx, self)
        dialog.exec()
        if dialog.changed:
            self.reload_choices()

    def make_report(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Rapport bewaren", str(Path.home() / "Omgevingsanalyse.pdf"),
                                              "PDF-document (*.pdf)")
        if path:
            self.write_report(Path(path).with_suffix(".pdf"))

    def write_report(self, target: Path) -> None:
        from regisseur_app.reports.analysis.analysis_report import write_analysis_pdf

        def work(job):  # noqa: ANN001, ANN202
            job.progress(10, "Rapport opmaken…")
            with self.ctx.reading() as session:
                return write_analysis_pdf(session, target)

        def failed(exc: Exception) -> None:
            if not isinstance(exc, Cancelled):
                QMessageBox.warning(self, "Rapport niet gemaakt", str(exc))

        run_in_background(self, "Rapport maken…", work,
                          lambda path: self.status_message.emit(f"Rapport bewaard als {path}."), failed)
