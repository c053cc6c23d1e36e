"""Base for read-only table models over lists of row dataclasses: headers, set_rows, a sort role."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSettings,
    QSortFilterProxyModel,
    Qt,
    QTimer,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTableView

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2


@dataclass(frozen=True)
class Column:
    header: str
    display: Callable[[Any], str]
    sort_key: Callable[[Any], Any] | None = None
    align_right: bool = False


class ColumnsModel(QAbstractTableModel):
    """A table of rows (`_rows`, one object each) shown through `COLUMNS`: headers (a header split over two
    lines has its one-line text as tooltip), cells, the row's id (ID_ROLE), a cell's full text as tooltip,
    right-aligned numbers; `cell_data` (by default `extra_data`) answers every other role. The row lists
    differ: RowTableModel holds all rows, SqlListModel and PagedTableModel read them page by page."""

    COLUMNS: tuple[Column, ...] = ()
    _rows: list

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal:
            return None
        header = self.COLUMNS[section].header  # may be split over two lines ("Doelgroep-\nwerknemers")
        if role == Qt.ItemDataRole.DisplayRole:
            return header
        if role == Qt.ItemDataRole.ToolTipRole:  # in full, on one line: for a narrowed header
            return header.replace("-\n", "").replace("\n", " ")
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.display(row)
        if role == ID_ROLE:
            return getattr(row, "id", None)
        if role == Qt.ItemDataRole.ToolTipRole:  # the full text of a cell that a narrow column elides
            return self.extra_data(row, role) or column.display(row) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return self.cell_data(row, column, role)

    def cell_data(self, row, column: Column, role: int):  # noqa: ANN001, ANN201
        return self.extra_data(row, role)

    def extra_data(self, row, role: int):  # noqa: ANN001, ANN201
        return None


class RowTableModel(ColumnsModel):
    """All rows at once (set_rows), sortable in a proxy through SORT_ROLE (sorting_proxy)."""

    def __init__(self, parent=None):  # noqa: ANN001
        super().__init__(parent)
        self._rows: list = []

    def set_rows(self, rows: list) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int):  # noqa: ANN201
        return self._rows[row]

    def reorder(self, order: list[int]) -> None:
        """Put the rows in `order` (their current row numbers) as one layout change: selections and other
        persistent indexes follow their rows (as they do when a proxy sorts)."""
        self.layoutAboutToBeChanged.emit()
        new_row = {old: new for new, old in enumerate(order)}
        kept = self.persistentIndexList()
        self.changePersistentIndexList(kept, [self.index(new_row[i.row()], i.column()) for i in kept])
        self._rows = [self._rows[i] for i in order]
        self.layoutChanged.emit()

    def cell_data(self, row, column: Column, role: int):  # noqa: ANN001, ANN201
        if role == SORT_ROLE:
            key = column.sort_key(row) if column.sort_key else column.display(row).casefold()
            return -1 if key is None else key
        return self.extra_data(row, role)


class RowSortingProxy(QSortFilterProxyModel):
    """A proxy that sorts a RowTableModel by putting the model's own rows in order: each row's SORT_ROLE key
    read once and the rows sorted by Python (from the order the model was given them; descending is the
    ascending order reversed, ties too, as with Qt's sort), instead of QSortFilterProxyModel comparing two
    rows through `data()` n·log n times (0,5 s for a survey's 3.500 answers). The proxy still filters; after
    the model's rows change (a reset, rows inserted, a cell changed) they are sorted again, as the dynamic sort of Qt's proxy does. Keys Python cannot compare
    with each other (a number among texts) leave the sort to Qt's proxy, as before."""

    def __init__(self, model: RowTableModel):
        super().__init__(model)
        self._order: tuple[int, Qt.SortOrder] | None = None  # sorting the source ourselves
        self._given: list[int] = []  # per row of the source, its place in the order the model was given
        self.setSourceModel(model)
        self.setSortRole(SORT_ROLE)
        model.modelReset.connect(self._given_again)
        model.rowsInserted.connect(self._given_again)
        model.rowsRemoved.connect(self._given_again)
        model.dataChanged.connect(self._changed)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column < 0:
            self._order = None
            super().sort(column, order)
            return
        if super().sortColumn() >= 0 or super().sortOrder() != Qt.SortOrder.AscendingOrder:
            super().sort(-1, Qt.SortOrder.AscendingOrder)  # Qt's sort off: the proxy shows the source's order
        self._order = (column, order)
        if not self._sort_source():
            self._order = None
            super().sort(column, order)

    def sort_column(self) -> int:
        """The column sorted on (by this proxy or by Qt's)."""
        return self._order[0] if self._order is not None else super().sortColumn()

    def _given_again(self, *_args: object) -> None:
        self._given = list(range(self.sourceModel().rowCount()))
        if self._order is not None:
            self._resort()

    def _changed(self, *_args: object) -> None:
        if self._order is not None:  # (reorder below emits layout signals, not dataChanged)
            self._resort()

    def _resort(self) -> None:
        if not self._sort_source():
            column, order = self._order
            self._order = None
            super().sort(column, order)

    def _sort_source(self) -> bool:
        model = self.sourceModel()
        column, order = self._order
        count = model.rowCount()
        if len(self._given) != count:
            self._given = list(range(count))
        keys = [model.data(model.index(row, column), SORT_ROLE) for row in range(count)]
        rows = sorted(range(count), key=self._given.__getitem__)  # the order the model was given them
        try:
            rows.sort(key=keys.__getitem__)
        except TypeError:
            return False
        if order == Qt.SortOrder.DescendingOrder:  # as Qt's proxy: the ascending order reversed, ties too
            rows.reverse()
        if rows != list(range(count)):
            self._given = [self._given[row] for row in rows]
            model.reorder(rows)
        return True


def sorting_proxy(model: RowTableModel) -> QSortFilterProxyModel:
    if isinstance(model, RowTableModel):
        return RowSortingProxy(model)
    proxy = QSortFilterProxyModel(model)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    return proxy


def read_only_table(proxy: QSortFilterProxyModel, object_name: str, keep_fitted: bool = True) -> QTableView:
    """A sortable, row-selecting, read-only table with compact rows, as every list in the app uses; its columns
    kept fitted (keep_columns_fitted) unless the caller fits them itself (`keep_fitted` False: the width of a
    column is then measured on the rows on screen and LIST_FIT_ROWS more, as a ListPage list's)."""
    table = QTableView(objectName=object_name)
    table.setModel(proxy)
    table.setSortingEnabled(True)
    table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    table.setWordWrap(False)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    if keep_fitted:
        keep_columns_fitted(table)
    else:
        table.horizontalHeader().setResizeContentsPrecision(LIST_FIT_ROWS)
    return table


MIN_COLUMN = 90
FIRST_COLUMN = 240
QT_FIT_ROWS = 1000  # Qt's default: a column's width from the rows on screen and 1.000 more
LIST_FIT_ROWS = 60  # the lists of ListPage: column widths from a screenful of rows and 60 more, not every loaded row
FIT_ROWS = 200  # ours for a kept-fitted table: a column's width from the rows on screen and 200 more (fitting
# 1.000 rows of ~2.000 MVO organisations or 3.500 survey answers took 0,2-0,3 s; the lists of ListPage use 60)


class _UserWidths(QObject):
    """The widths the user gave columns by dragging the edge of a header section (or double-clicking it):
    fit_columns keeps them. A resize counts as the user's only while a mouse button is down on the header, so
    the fits themselves, other code's setColumnWidth and Qt stretching the last column are not mistaken for
    one. Right-clicking the header offers 'Kolombreedtes herstellen' (fitted again). With keep_in the widths
    are kept in the settings file for the next session too."""

    def __init__(self, table: QTableView):
        super().__init__(table)
        self.setObjectName("user_column_widths")
        self.table = table
        self.widths: dict[int, int] = {}
        self.pressed = False
        self.fit_args: tuple[int, int] = (320, 0)  # widest, main of the last fit (for the reset)
        self.fitted_width = 0  # the viewport width the last fit ran at (0: hidden, not narrowed to a width)
        self.natural: list[int] | None = None  # the columns' widths by their contents at the last measuring
        self.store: tuple[QSettings, str] | None = None
        header = table.horizontalHeader()
        header.sectionResized.connect(self._resized)
        header.viewport().installEventFilter(self)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._menu)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick):
            self.pressed = True
        elif event.type() == QEvent.Type.MouseButtonRelease:
            self.pressed = False
        return False

    def _resized(self, column: int, _old: int, new: int) -> None:
        header = self.table.horizontalHeader()
        if not self.pressed or (header.stretchLastSection() and header.visualIndex(column) == header.count() - 1):
            return
        self.widths[column] = new
        self._save()

    def keep_in(self, settings: QSettings, key: str) -> None:
        """Remember the dragged widths in `settings` under `key` ("3:210,1:187"), so they outlive the session."""
        self.store = (settings, key)
        for part in str(settings.value(key, "") or "").split(","):
            column, _sep, width = part.partition(":")
            if column.isdigit() and width.isdigit():
                self.widths[int(column)] = max(int(width), MIN_COLUMN // 2)

    def _save(self) -> None:
        if self.store is not None:
            settings, key = self.store
            if self.widths:
                settings.setValue(key, ",".join(f"{c}:{w}" for c, w in sorted(self.widths.items())))
            else:
                settings.remove(key)

    def fixed(self, count: int) -> dict[int, int]:
        header = self.table.horizontalHeader()
        stretched = header.logicalIndex(count - 1) if header.stretchLastSection() else None
        return {c: w for c, w in self.widths.items() if c < count and c != stretched}

    def _menu(self, point) -> None:  # noqa: ANN001
        menu = QMenu(self.table)
        reset = menu.addAction("Kolombreedtes herstellen")
        reset.setEnabled(bool(self.widths))
        reset.triggered.connect(self.reset)
        menu.popup(self.table.horizontalHeader().mapToGlobal(point))

    def reset(self) -> None:
        self.widths.clear()
        self._save()
        widest, main = self.fit_args
        fit_columns(self.table, widest, main)


def user_widths(table: QTableView) -> _UserWidths:
    """The table's record of the widths its user dragged (made on first use)."""
    found = table.findChild(_UserWidths, "user_column_widths", Qt.FindChildOption.FindDirectChildrenOnly)
    return found if found is not None else _UserWidths(table)


def fit_columns(table: QTableView, widest: int = 320, main: int = 0, *, measured: bool = False) -> None:
    """Columns as wide as their contents (at most `widest`), and when that is wider than the table, the widest
    columns narrowed to one common width so every column stays on screen (the text elides; the tooltip
    has it in full); the `main` column (the name, the title) keeps more room than the others. A column is
    not narrowed below its header text (nor below MIN_COLUMN) as long as the headers fit side by side, so a
    1280-px window shows every column of the organisation list with readable headers.

    A column whose width the user dragged keeps it: the other columns fit in the room it leaves (and the
    stretched last column takes what remains), also when the window is resized or the list refreshed.

    Measuring the contents reads the rows on screen and FIT_ROWS more (keep_columns_fitted tables); with `measured`
    the widths measured last are used again when there are any (the keeper's refit after a resize, whose rows
    did not change since)."""
    model = table.model()
    count = model.columnCount() if model is not None else 0
    if not count:
        return
    user = user_widths(table)
    user.fit_args = (widest, main)
    fixed = user.fixed(count)
    header = table.horizontalHeader()
    last = header.logicalIndex(count - 1)
    natural = user.natural if measured and user.natural is not None and len(user.natural) == count else None
    if natural is None:
        table.resizeColumnsToContents()
        natural = [table.columnWidth(c) for c in range(count)]
        if header.stretchLastSection():  # its width is what the stretch left it, not its contents
            natural[last] = max(table.sizeHintForColumn(last), header.sectionSizeHint(last))
        user.natural = natural
    widths = [fixed.get(c, min(natural[c], widest)) for c in range(count)]
    free = [c for c in range(count) if c not in fixed]
    # a column is not narrowed below its header (nor MIN_COLUMN), nor widened beyond its contents by that floor
    floors = {c: min(max(MIN_COLUMN, header.sectionSizeHint(c)), widest, widths[c]) for c in free}
    if header.stretchLastSection() and last in floors:  # Qt does not stretch the last column below its default
        floors[last] = max(floors[last], header.defaultSectionSize())
    width = table.viewport().width() if table.isVisible() else 0  # hidden: no real width yet
    user.fitted_width = width
    available = width - sum(fixed.values())
    if width > 0 and free and sum(widths[c] for c in free) > available:
        if sum(floors.values()) > available:  # not even the headers fit side by side: the same minimum for all
            # (a column narrower than it by its contents stays as narrow)
            floors = {c: min(MIN_COLUMN, widths[c]) for c in free}
        lead = main if main in floors else None
        others = [c for c in free if c != lead]
        # the main column keeps up to FIRST_COLUMN, as far as the others' headers leave room
        first = 0 if lead is None else max(floors[lead], min(widths[lead], FIRST_COLUMN,
                                                             available - sum(floors[c] for c in others)))
        low, high = MIN_COLUMN, max((widths[c] for c in others), default=MIN_COLUMN)
        while low < high:  # the largest cap with which everything fits
            cap = (low + high + 1) // 2
            if first + sum(max(floors[c], min(widths[c], cap)) for c in others) <= available:
                low = cap
            else:
                high = cap - 1
        for c in others:
            widths[c] = max(floors[c], min(widths[c], low))
        if lead is not None:  # what the others leave over goes back to the main column, up to its contents
            widths[lead] = max(first, min(widths[lead], available - sum(widths[c] for c in others)))
    for column, size in enumerate(widths):
        table.setColumnWidth(column, size)


REFIT_DELAY_MS = 50


class _KeepFitted(QObject):
    """Fits the table's columns when it is shown and again once its width settled: a table shown for the first
    time gets its final width only after the window's layout ran (a fit during the Show event alone left the
    stretched last column narrower than its text), and a resized window or a moved splitter changes it. The
    refit runs once the layout ran after a Show, and REFIT_DELAY_MS after the last change of width (a drag
    resizes many times), with the arguments of the last fit_columns call; not when the last fit ran at the
    width the table has and its rows did not change since (a tab shown again: a fit reads the rows on screen and
    FIT_ROWS more)."""

    def __init__(self, table: QTableView):
        super().__init__(table)
        self.setObjectName("keep_columns_fitted")
        self.table = table
        self.timer = QTimer(self, singleShot=True)
        self.timer.timeout.connect(self._fit)
        table.installEventFilter(self)
        table.viewport().installEventFilter(self)
        self.model: QAbstractItemModel | None = None
        self._watch()

    def _watch(self) -> None:
        """Follow the table's model (also one set after the keeper was made): rows a page loads when shown,
        without a fit of its own, are fitted after the Show, and changed rows are measured again."""
        model = self.table.model()
        if model is self.model:
            return
        if self.model is not None:
            for changed in self._signals(self.model):
                try:
                    changed.disconnect(self._contents_changed)
                except (RuntimeError, TypeError):  # the old model is gone already
                    pass
        self.model = model
        self._contents_changed()
        if model is not None:
            for changed in self._signals(model):
                changed.connect(self._contents_changed)

    @staticmethod
    def _signals(model: QAbstractItemModel) -> tuple:
        return (model.modelReset, model.layoutChanged, model.rowsInserted, model.rowsRemoved, model.dataChanged)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Show and watched is self.table:
            self._fit()
            self.timer.start(0)  # again as soon as the layout ran
        elif (event.type() == QEvent.Type.Resize and watched is self.table.viewport()
              and event.size().width() != event.oldSize().width()):
            self.timer.start(REFIT_DELAY_MS)
        return False

    def _contents_changed(self, *_args: object) -> None:
        user = user_widths(self.table)
        user.fitted_width, user.natural = 0, None

    def _fit(self) -> None:
        self._watch()
        user = user_widths(self.table)
        if self.table.isVisible() and self.table.viewport().width() != user.fitted_width:
            widest, main = user.fit_args
            fit_columns(self.table, widest, main, measured=True)


def keep_columns_fitted(table: QTableView, main: int = 0) -> None:
    """Fit the columns (see fit_columns) when the table is shown and after its width changed: a table filled
    while its tab was hidden has no real width yet. Later, fit_columns after each refresh; a width the user
    dragged stays. `main` is the column that keeps more room (the name, the title)."""
    user = user_widths(table)
    user.fit_args = (user.fit_args[0], main)
    header = table.horizontalHeader()  # (Qt reads the rows to measure for a column's width from this header)
    if header.resizeContentsPrecision() == QT_FIT_ROWS:
        header.setResizeContentsPrecision(FIT_ROWS)
    if table.findChild(_KeepFitted, "keep_columns_fitted", Qt.FindChildOption.FindDirectChildrenOnly) is None:
        _KeepFitted(table)


def refit_pending(table: QTableView) -> bool:
    """Whether a refit after a change of the table's width is still to come (for tests that resize)."""
    keeper = table.findChild(_KeepFitted, "keep_columns_fitted", Qt.FindChildOption.FindDirectChildrenOnly)
    return keeper is not None and keeper.timer.isActive()
