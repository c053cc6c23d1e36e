"""The 'MVO' page: data entry per organisation and year (Invullen), and the tabs that follow from it."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from regisseur_app.context import AppContext
from regisseur_app.ui.mvo.entry_tab import EntryTab
from regisseur_app.ui.mvo.factors_tab import FactorsTab
from regisseur_app.ui.mvo.indicators_tab import IndicatorsTab
from regisseur_app.ui.mvo.region_tab import RegionTab
from regisseur_app.ui.mvo.shared_reads import SharedReads
from regisseur_app.ui.page import Command, Page, ReadMarks


class MvoPage(Page):
    COMMANDS = frozenset({Command.SEARCH, Command.EXPORT})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        reads = SharedReads(ctx)  # what Invullen and Regio read of the same data once
        self.entry = EntryTab(ctx, reads=reads)
        self.entry.status_message.connect(self.status_message)
        self.tabs = QTabWidget(objectName="mvo_views")
        self.region = RegionTab(ctx, reads=reads)
        self.region.status_message.connect(self.status_message)
        self.tabs.addTab(self.entry, "Invullen")
        self.indicators = IndicatorsTab(ctx)
        self.factors = FactorsTab(ctx)
        for tab in (self.indicators, self.factors):
            tab.status_message.connect(self.status_message)
        self.tabs.addTab(self.region, "Regio")
        self.tabs.addTab(self.indicators, "Indicatoren")
        self.tabs.addTab(self.factors, "Emissiefactoren")
        self._read = ReadMarks(ctx)  # per tab, what its last read read
        self.tabs.currentChanged.connect(lambda _i: self._tab_changed())
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        # no refresh here: the main window refreshes a page when it shows it (a second read of ~4.000
        # organisations' values took 0,6 s on the large region)

    def refresh(self) -> None:
        tab = self.tabs.currentWidget()
        tab.refresh()
        self._read.mark(tab)

    def _tab_changed(self) -> None:
        """A tab shown again is read again only when the data or the day changed since (Invullen took up to
        1 s to read and fit ~2.000 organisations again on the large region)."""
        if self._read.stale(self.tabs.currentWidget()):
            self.refresh()

    def reload_choices(self) -> None:
        self.region.reload_choices()
        self.refresh()

    def export_list(self) -> None:
        """Bestand › Exporteren: on 'Regio' the overview, elsewhere all values of the year."""
        if self.tabs.currentWidget() is self.region:
            self.region.export("overview")
        else:
            self.region.export("values", year=self.entry.year, whole_region=True)

    def focus_search(self) -> None:
        self.tabs.setCurrentWidget(self.entry)
        self.entry.search_edit.setFocus()
        self.entry.search_edit.selectAll()
