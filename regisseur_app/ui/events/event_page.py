"""The 'Evenementen' page: the list (upcoming/past, filters), a month calendar and the statistics."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from regisseur_app.context import AppContext
from regisseur_app.domain.core import codelists, municipalities
from regisseur_app.domain.events import service as event_service
from regisseur_app.domain.events.service import EventFilter
from regisseur_app.operations import events as event_ops
from regisseur_app.ui.events.calendar_view import CalendarView
from regisseur_app.ui.events.event_table_model import EventTableModel
from regisseur_app.ui.events.stats_view import StatsView
from regisseur_app.ui.page import Command, Page
from regisseur_app.ui.table_base import ID_ROLE, LIST_FIT_ROWS, fit_columns, keep_columns_fitted, sorting_proxy
from regisseur_app.ui.widgets import empty_hint

LIST, CALENDAR, STATS = range(3)
WHEN = (("upcoming", "Komende"), ("past", "Voorbije"), ("all", "Alle"))


class EventPage(Page):
    COMMANDS = frozenset({Command.NEW, Command.EXPORT, Command.SEARCH})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self._changes_at: datetime | None = None  # the next start or end of an event, as of the last refresh
        self.model = EventTableModel(self)
        self.proxy = sorting_proxy(self.model)
        self.search_edit = QLineEdit(objectName="search", placeholderText="Zoeken (titel, locatie…)")
        self.search_edit.setClearButtonEnabled(True)
        self._timer = QTimer(self, singleShot=True, interval=150)
        self._timer.timeout.connect(self.refresh)
        self.search_edit.textChanged.connect(lambda _t: self._timer.start())
        self.when_combo = QComboBox(objectName="when_filter")
        for code, label in WHEN:
            self.when_combo.addItem(label, code)
        self.year_combo = QComboBox(objectName="year_filter")
        self.type_combo = QComboBox(objectName="type_filter")
        self.municipality_combo = QComboBox(objectName="municipality_filter")
        for combo in (self.when_combo, self.year_combo, self.type_combo, self.municipality_combo):
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.table = QTableView(objectName="table")
        keep_columns_fitted(self.table, main=2)  # the title
        # widths from the rows on screen and 60 more, as the other lists (fitting all 300 events of a region
        # took 0,15 s on every filter change)
        self.table.horizontalHeader().setResizeContentsPrecision(LIST_FIT_ROWS)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        self.count_label = QLabel(objectName="count")
        self.new_button = QPushButton("Nieuw…", objectName="new")
        self.new_button.setToolTip("Nieuw evenement (Ctrl+N)")
        self.new_button.clicked.connect(lambda: self.open_editor(None))
        self.edit_button = QPushButton("Openen…", objectName="edit")
        self.edit_button.clicked.connect(self.edit_selected)
        self.copy_button = QPushButton("Kopiëren als sjabloon…", objectName="copy")
        self.copy_button.clicked.connect(self.copy_selected)
        self.checkin_button = QPushButton("Check-in…", objectName="checkin")
        self.checkin_button.clicked.connect(self.check_in_selected)
        self.delete_button = QPushButton("Verwijderen…", objectName="delete")
        self.delete_button.clicked.connect(self.delete_selected)
        filters = QHBoxLayout()
        filters.addWidget(self.search_edit, 3)
        for combo in (self.when_combo, self.year_combo, self.type_combo, self.municipality_combo):
            filters.addWidget(combo, 1)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.copy_button, self.checkin_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch()
        buttons.addWidget(self.count_label)
        list_page = QWidget()
        list_layout = QVBoxLayout(list_page)
        list_layout.addLayout(filters)
        self.empty_hint = empty_hint()
        list_layout.addWidget(self.empty_hint)
        list_layout.addWidget(self.table)
        list_layout.addLayout(buttons)
        self.calendar = CalendarView(ctx)
        self.calendar.open_event.connect(self.open_editor)
        self.stats = StatsView(ctx)
        self.tabs = QTabWidget(objectName="event_views")
        self.tabs.addTab(list_page, "Lijst")
        self.tabs.addTab(self.calendar, "Kalender")
        self.tabs.addTab(self.stats, "Statistieken")
        self.tabs.currentChanged.connect(lambda _i: self.refresh())
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        QShortcut(QKeySequence.StandardKey.New, self, activated=lambda: self.open_editor(None))
        QShortcut(QKeySequence(Qt.Key.Key_Return), self.table, activated=self.edit_selected)
        QShortcut(QKeySequence(Qt.Key.Key_Enter), self.table, activated=self.edit_selected)
        QShortcut(QKeySequence(Qt.Key.Key_Delete), self.table, activated=self.delete_selected)
        self._fill_choices()  # the list is read when the page is shown (the window's refresh)

    # ---- page protocol (ui/pages.py) ----------------------------------------------------------
    def reload_choices(self) -> None:
        self._fill_choices()
        self.refresh()

    def _fill_choices(self) -> None:
        with self.ctx.reading() as session:
            types = codelists.list_items(session, codelists.EVENT_TYPE, include_inactive=True)
            places = municipalities.list_municipalities(session, participating_only=True)
        _fill(self.type_combo, "Alle soorten", [(t.id, t.label) for t in types])
        _fill(self.municipality_combo, "Alle gemeenten", [(m.nis_code, m.name) for m in places])

    def _reload_years(self) -> None:
        with self.ctx.reading() as session:
            years = event_service.event_years(session)
        if [self.year_combo.itemData(i) for i in range(1, self.year_combo.count())] != years:
            _fill(self.year_combo, "Alle jaren", [(y, str(y)) for y in years])

    def refresh(self) -> None:
        with self.ctx.reading() as session:
            self._changes_at = event_service.next_change(session)
        index = self.tabs.currentIndex()
        if index == CALENDAR:
            self.calendar.refresh()
            return
        if index == STATS:
            self.stats.refresh()
            return
        self._reload_years()
        selected = set(self.selected_ids())
        when = self.when_combo.currentData()
        with self.ctx.reading() as session:
            rows = event_service.list_events(session, EventFilter(
                text=self.search_edit.text(), when=when, year=self.year_combo.currentData(),
                type_id=self.type_combo.currentData(), nis_code=self.municipality_combo.currentData()))
        self.model.set_rows(rows)
        # upcoming: soonest first; past and all: newest first
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder if when == "upcoming" else Qt.SortOrder.DescendingOrder)
        fit_columns(self.table, main=2)
        for column in range(self.model.columnCount()):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 320))
        self.count_label.setText(f"{len(rows)} evenement{'' if len(rows) == 1 else 'en'}")
        if rows:
            self.empty_hint.hide()
        else:
            with self.ctx.reading() as session:
                no_events = event_service.count_events(session) == 0
            self.empty_hint.setText(
                "Nog geen evenementen. Klik op ‘Nieuw…’ (Ctrl+N) om het eerste netwerkevent te plannen."
                if no_events else "Geen evenementen die aan de filters voldoen (kies bv. ‘Alle’ in plaats van "
                "‘Komende’).")
            self.empty_hint.show()
        for row in range(self.proxy.rowCount()):
            if self.proxy.index(row, 0).data(ID_ROLE) in selected:
                self.table.selectRow(row)

    def changes_at(self) -> datetime | None:
        return self._changes_at

    def focus_search(self) -> None:
        self.tabs.setCurrentIndex(LIST)
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    def open_editor(self, event_id: int | None) -> None:
        from regisseur_app.ui.events.event_dialog import EventDialog

        dialog = EventDialog(self.ctx, event_id, parent=self)
        if dialog.exec() and dialog.saved_id is not None:
            self.status_message.emit(f"Evenement '{dialog.form.title_edit.text().strip()}' bewaard.")
        self.reload_choices()

    def export_list(self) -> None:
        """Bestand › Exporteren: the event list, or on the statistics tab the counts per event of the year."""
        from regisseur_app.exchange.events.export import events_frame, stats_frame
        from regisseur_app.ui.export_action import ask_export_path, export_to_file

        if self.tabs.currentIndex() == STATS:
            year = self.stats.year_combo.currentData()
            rows = [self.stats.events_model.row_at(r) for r in range(self.stats.events_model.rowCount())]
            target = ask_export_path(self, f"evenementen statistiek {year}")
            if target and export_to_file(self, stats_frame(rows), target, f"Statistiek {year}"):
                self.status_message.emit(f"Statistiek {year} geëxporteerd naar {target}.")
            return
        rows = [self.model.row_at(self.proxy.mapToSource(self.proxy.index(r, 0)).row())
                for r in range(self.proxy.rowCount())]
        target = ask_export_path(self, "evenementen")
        if target and export_to_file(self, events_frame(rows), target, "Evenementen"):
            self.status_message.emit(f"{len(rows)} evenementen geëxporteerd naar {target}.")

    # ---- actions ------------------------------------------------------------------------------
    def selected_ids(self) -> list[int]:
        return [index.data(ID_ROLE) for index in self.table.selectionModel().selectedRows()]

    def _one_selected(self) -> int | None:
        ids = self.selected_ids()
        if not ids:
            self.status_message.emit("Selecteer eerst een evenement.")
            return None
        return ids[0]

    def edit_selected(self) -> None:
        event_id = self._one_selected()
        if event_id is not None:
            self.open_editor(event_id)

    def copy_selected(self) -> None:
        from regisseur_app.ui.events.copy_event_dialog import CopyEventDialog

        event_id = self._one_selected()
        if event_id is None:
            return
        dialog = CopyEventDialog(self.ctx, event_id, self)
        if dialog.exec():
            self.status_message.emit("Kopie gemaakt als concept; vul ze verder aan.")
            self.open_editor(dialog.new_id)

    def check_in_selected(self) -> None:
        from regisseur_app.ui.events.checkin_dialog import CheckInDialog

        event_id = self._one_selected()
        if event_id is not None:
            CheckInDialog(self.ctx, event_id, self).exec()
            self.refresh()

    def delete_selected(self) -> None:
        event_id = self._one_selected()
        if event_id is None:
            return
        row = next(self.model.row_at(r) for r in range(self.model.rowCount()) if self.model.row_at(r).id == event_id)
        answer = QMessageBox.warning(
            self, "Evenement verwijderen",
            f"'{row.title}' definitief verwijderen, met {row.invited} deelnemer(s), de agenda, het verslag en de "
            "opvolgacties?\n\nEen evenement dat niet doorgaat, zet u beter op 'Geannuleerd': dan blijft de "
            "geschiedenis bewaard.", QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        event_ops.delete_event(self.ctx, event_id)
        self.status_message.emit(f"Evenement '{row.title}' verwijderd.")
        self.reload_choices()



def _fill(combo: QComboBox, everything: str, items: list[tuple[object, str]]) -> None:
    """Refill a filter combo, keeping the current choice when it still exists."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(everything, None)
    for value, label in items:
        combo.addItem(label, value)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    combo.blockSignals(False)
