"""The 'KBO-register' page: the enterprises of the region from KBO Open Data, next to the inventory.
Tabs: Register, SE-kandidaten, Nazicht inventaris, Matchmaking."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from regisseur_app.context import AppContext
from regisseur_app.domain.kbo import queries
from regisseur_app.formatting import format_date, format_datetime, format_number
from regisseur_app.ui.kbo.enterprise_list import CANDIDATES, REGISTER, REGULAR, EnterpriseListView
from regisseur_app.ui.kbo.review_view import ReviewView
from regisseur_app.ui.page import Command, Page

LIST, CANDIDATE_TAB, REVIEW, MATCHMAKING = range(4)


class KboPage(Page):
    COMMANDS = frozenset({Command.IMPORT, Command.EXPORT, Command.SEARCH})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.info_label = QLabel(objectName="kbo_import_info", wordWrap=True)
        self.import_button = QPushButton("KBO-extract importeren…", objectName="kbo_import")
        self.import_button.setToolTip("Het maandelijkse KBO Open Data-extract inlezen (Ctrl+I)")
        self.import_button.clicked.connect(self.import_file)
        self.changes_button = QPushButton("Wijzigingen…", objectName="kbo_changes")
        self.changes_button.clicked.connect(self.show_changes)
        self.register_view = EnterpriseListView(ctx, REGISTER)
        self.candidate_view = EnterpriseListView(ctx, CANDIDATES)
        self.review_view = ReviewView(ctx)
        self.match_view = EnterpriseListView(ctx, REGULAR)
        self.tabs = QTabWidget(objectName="kbo_tabs")
        self.tabs.addTab(self.register_view, "Register")
        self.tabs.addTab(self.candidate_view, "SE-kandidaten")
        self.tabs.addTab(self.review_view, "Nazicht inventaris")
        self.tabs.addTab(self.match_view, "Matchmaking")
        self.tabs.currentChanged.connect(lambda _i: self.refresh())
        for view in (self.register_view, self.candidate_view, self.review_view, self.match_view):
            view.status_message.connect(self.status_message)
        header = QHBoxLayout()
        header.addWidget(self.info_label, 1)
        header.addWidget(self.changes_button)
        header.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(header)
        layout.addWidget(self.tabs)
        self._update_info()

    def _views(self) -> tuple:
        return (self.register_view, self.candidate_view, self.review_view, self.match_view)

    def _update_info(self) -> None:
        with self.ctx.reading() as session:
            last = queries.last_import(session)
        if last is None:
            self.info_label.setText("Nog geen KBO-register ingelezen.")
            self.changes_button.setEnabled(False)
            return
        snapshot = f" (toestand {format_date(last.snapshot_date)})" if last.snapshot_date else ""
        self.info_label.setText(
            f"KBO-extract {last.extract_number}{snapshot}, ingelezen op {format_datetime(last.imported_at)}: "
            f"{format_number(last.enterprises)} ondernemingen en {format_number(last.persons)} eenmanszaken "
            "(alleen geteld) in de deelnemende gemeenten.")
        self.changes_button.setEnabled(not last.first)

    # ---- page protocol ----------------------------------------------------------------------------
    def refresh(self) -> None:
        self._update_info()
        self._views()[self.tabs.currentIndex()].refresh()

    def reload_choices(self) -> None:
        self._update_info()
        for view in (self.register_view, self.candidate_view, self.match_view):
            view.reload_choices()
        self.review_view.refresh()

    def import_file(self) -> None:
        from regisseur_app.ui.kbo.import_flow import choose_extract

        source = choose_extract(self)
        if source is not None:
            self.import_from(source)

    def import_from(self, source: Path) -> None:
        from regisseur_app.ui.kbo.import_flow import run_import

        def done(summary) -> None:  # noqa: ANN001
            if summary is not None:
                self.status_message.emit(summary.message())
                self.reload_choices()

        run_import(self, self.ctx, source, done)

    def export_list(self) -> None:
        view = self._views()[self.tabs.currentIndex()]
        if view is self.review_view:
            self.tabs.setCurrentIndex(LIST)
            view = self.register_view
        view.export_list()

    def focus_search(self) -> None:
        if self.tabs.currentIndex() == REVIEW:
            self.tabs.setCurrentIndex(LIST)
        self._views()[self.tabs.currentIndex()].focus_search()

    def show_changes(self) -> None:
        from regisseur_app.ui.kbo.changes_dialog import ChangesDialog

        ChangesDialog(self.ctx, "", self).exec()
