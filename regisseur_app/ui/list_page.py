"""Base of the list screens: search as you type, filters, a table sorted and paged by the database (thousands
of rows open at once), archive (undo: the window's Ctrl+Z)."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from regisseur_app.context import AppContext
from regisseur_app.formatting import counted
from regisseur_app.ui.list_view_state import restore_view, view_state
from regisseur_app.ui.page import Command, Page
from regisseur_app.ui.sql_list_model import SqlListModel
from regisseur_app.ui.table_base import ID_ROLE, LIST_FIT_ROWS, fit_columns, read_only_table, user_widths
from regisseur_app.ui.widgets import empty_hint

SEARCH_DELAY_MS = 150
FIT_ROWS = LIST_FIT_ROWS  # column widths follow the first rows (a screenful and more), not every loaded row


class ListPage(Page):
    COMMANDS = frozenset({Command.NEW, Command.SEARCH})
    """Subclasses set NOUN_SINGULAR/PLURAL, pass a SqlListModel, and implement make_filter/fetch_ids/fetch_rows,
    open_editor and set_archived.

    `set_archived(ctx, ids, archived) -> int` is an operation (operations.core): it records its own undo step."""

    NOUN_SINGULAR = "item"
    NOUN_PLURAL = "items"
    FIRST_STEP = "Klik op ‘Nieuw…’ (Ctrl+N) om er een toe te voegen."

    def __init__(self, ctx: AppContext, model: SqlListModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.model = model
        model.setParent(self)  # the page owns its model, so Qt deletes both together
        self.proxy = model  # what the table shows: the model itself, sorted by the database (no sorting proxy)
        self.search_edit = QLineEdit(objectName="search", placeholderText="Zoeken (naam, plaats, KBO-nummer…)")
        self.search_edit.setClearButtonEnabled(True)
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.search_edit.textChanged.connect(lambda _t: self._timer.start())
        self.archived_check = QCheckBox("Archief tonen", objectName="show_archived")
        self.archived_check.toggled.connect(self._archive_mode_changed)
        self.count_label = QLabel(objectName="count")
        self.table = read_only_table(self.proxy, "table")
        self.table.horizontalHeader().setResizeContentsPrecision(FIT_ROWS)  # (Qt reads it from this header)
        # widths the user dragged stay, also in the next session (in the main window's settings file)
        user_widths(self.table).keep_in(QSettings(str(ctx.paths.settings_file), QSettings.Format.IniFormat),
                                        f"columns/{type(self).__name__}")
        self.table.doubleClicked.connect(lambda index: self.edit_selected())
        # a header click reads the list in a new order: the same rows stay selected, the current one in view
        self._before_sort = view_state(self.table)
        model.modelAboutToBeReset.connect(self._remember_view)
        model.resorted.connect(lambda: restore_view(self.table, self.model, self._before_sort.for_new_order()))
        self.new_button = QPushButton("Nieuw…", objectName="new")
        self.new_button.setToolTip("Nieuw (Ctrl+N)")
        self.new_button.clicked.connect(lambda: self.open_editor(None))
        self.edit_button = QPushButton("Bewerken…", objectName="edit")
        self.edit_button.clicked.connect(self.edit_selected)
        self.archive_button = QPushButton("Archiveren", objectName="archive")
        self.archive_button.setToolTip("Archiveren (Delete); terughalen via 'Archief tonen'")
        self.archive_button.clicked.connect(self.archive_selected)
        self.filter_bar = QHBoxLayout()
        self.filter_bar.addWidget(self.search_edit, 3)
        self.filters_inserted_at = self.filter_bar.count()
        self.filter_bar.addWidget(self.archived_check)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.archive_button):
            buttons.addWidget(button)
        self.extra_buttons = buttons
        buttons.addStretch()
        buttons.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(self.filter_bar)
        self.empty_hint = empty_hint()
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        QShortcut(QKeySequence.StandardKey.New, self, activated=lambda: self.open_editor(None))
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self.focus_search)
        QShortcut(QKeySequence(Qt.Key.Key_Delete), self.table, activated=self.archive_selected)
        QShortcut(QKeySequence(Qt.Key.Key_Return), self.table, activated=self.edit_selected)
        QShortcut(QKeySequence(Qt.Key.Key_Enter), self.table, activated=self.edit_selected)

    # ---- hooks for subclasses -------------------------------------------------------------------
    def make_filter(self, text: str, archived: bool) -> object:
        """The filter of the service, from the search text, the archive box and the page's own filters."""
        raise NotImplementedError

    def fetch_ids(self, session, filt, sort: str, descending: bool) -> list[int]:  # noqa: ANN001
        """Every matching id in the order of `sort` (one of the model's SORT_KEYS)."""
        raise NotImplementedError

    def fetch_rows(self, session, ids: list[int]) -> list:  # noqa: ANN001
        """The rows of these ids, in that order."""
        raise NotImplementedError

    def filters_active(self) -> bool:
        """Whether a filter of the page's own (a combo box) narrows the list."""
        return False

    def open_editor(self, item_id: int | None) -> None:
        raise NotImplementedError

    def set_archived(self, ids: list[int], archived: bool) -> int:
        raise NotImplementedError

    def add_filter_widget(self, widget: QWidget) -> None:
        self.filter_bar.insertWidget(self.filters_inserted_at, widget, 1)
        self.filters_inserted_at += 1

    # ---- behaviour ------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the list again (a filter or the data changed): the matching ids and the first page; then the
        selection, the current row and the scroll position as they were (rows far down loaded again)."""
        view = view_state(self.table)
        filt = self.make_filter(self.search_edit.text(), self.archived_check.isChecked())

        def ids(sort: str, descending: bool) -> list[int]:
            with self.ctx.reading() as session:
                return self.fetch_ids(session, filt, sort, descending)

        def rows(wanted: list[int]) -> list:
            with self.ctx.reading() as session:
                return self.fetch_rows(session, wanted)

        was_empty = self.model.rowCount() == 0
        self.model.set_source(ids, rows)
        if was_empty and self.model.rowCount():
            fit_columns(self.table)  # once there are rows to measure; later filters keep the widths
        total = self.model.total
        self.count_label.setText(counted(total, self.NOUN_SINGULAR, self.NOUN_PLURAL)
                                 + (" in het archief" if self.archived_check.isChecked() else ""))
        self._show_hint(total == 0)
        restore_view(self.table, self.model, view)

    def _show_hint(self, empty: bool) -> None:
        text = self.search_edit.text().strip()
        if not empty:
            self.empty_hint.hide()
            return
        if text:
            self.empty_hint.setText(f"Geen {self.NOUN_PLURAL} gevonden voor ‘{text}’.")
        elif self.filters_active():
            self.empty_hint.setText(f"Geen {self.NOUN_PLURAL} die aan de filters voldoen.")
        elif self.archived_check.isChecked():
            self.empty_hint.setText(f"Er zijn geen gearchiveerde {self.NOUN_PLURAL}.")
        else:
            self.empty_hint.setText(f"Nog geen {self.NOUN_PLURAL}. {self.FIRST_STEP}")
        self.empty_hint.show()

    def visible_rows(self) -> list:
        """Every row that matches, in the current sort order, also those not scrolled to yet (the export)."""
        return self.model.all_rows()

    def selected_ids(self) -> list[int]:
        return [index.data(ID_ROLE) for index in self.table.selectionModel().selectedRows()]

    def edit_selected(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.open_editor(ids[0])

    def archive_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            self.status_message.emit(f"Selecteer eerst een of meer {self.NOUN_PLURAL}.")
            return
        archive = not self.archived_check.isChecked()
        current = self.table.currentIndex().row()
        changed = self.set_archived(ids, archive)
        verb = "gearchiveerd" if archive else "teruggezet uit het archief"
        self.status_message.emit(f"{counted(changed, self.NOUN_SINGULAR, self.NOUN_PLURAL)} {verb}. "
                                 "Ongedaan maken met Ctrl+Z.")
        self.refresh()
        if current >= 0 and not self.selected_ids() and self.model.rowCount():  # on to the next row
            self.table.selectRow(min(current, self.model.rowCount() - 1))

    def _archive_mode_changed(self, archived: bool) -> None:
        self.archive_button.setText("Terugzetten" if archived else "Archiveren")
        self.refresh()

    def _remember_view(self) -> None:
        self._before_sort = view_state(self.table)

    def focus_search(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()
