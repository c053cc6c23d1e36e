"""A read-only table model over a list that the database filters and sorts: it keeps the ids of every
matching row in the shown order (one query; the count is exact) and reads the rows a page at a time as
the table scrolls (canFetchMore/fetchMore). Clicking a header asks the database for a new order.

Made for lists of thousands of rows (organisations, contacts): opening or filtering reads one list of ids
and one page of rows, never every row with its relations.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal

from regisseur_app.ui.table_base import Column, ColumnsModel

PAGE_SIZE = 200

# ids(sort key, descending) -> every matching id in that order; rows(ids) -> their rows in that order
IdsSource = Callable[[str, bool], list[int]]
RowsSource = Callable[[list[int]], list]


class SqlListModel(ColumnsModel):
    """Subclasses set COLUMNS and SORT_KEYS (one sort name per column, or None when not sortable)."""

    COLUMNS: tuple[Column, ...] = ()
    SORT_KEYS: tuple[str | None, ...] = ()
    resorted = Signal()  # read again in a new order (a header click): the view may select its rows again

    def __init__(self, parent=None):  # noqa: ANN001
        super().__init__(parent)
        self._ids: list[int] = []
        self._rows: list = []
        self._ids_source: IdsSource | None = None
        self._rows_source: RowsSource | None = None
        self.sort_key: str = next(k for k in self.SORT_KEYS if k)
        self.descending = False
        self.pages_fetched = 0

    # ---- the source ---------------------------------------------------------------------------------
    def set_source(self, ids: IdsSource, rows: RowsSource) -> None:
        """A new filter (or changed data): read the ids in the current order and the first page."""
        self._ids_source, self._rows_source = ids, rows
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._ids = self._ids_source(self.sort_key, self.descending) if self._ids_source else []
        self._rows = []
        self.pages_fetched = 0
        self._rows = self._next_page()
        self.endResetModel()

    def _next_page(self, size: int | None = None) -> list:
        """The rows of the next page (not yet added), or of the next `size` ids. Ids whose row is gone
        meanwhile are dropped."""
        start = len(self._rows)
        wanted = self._ids[start:start + (size or PAGE_SIZE)]
        page = self._rows_source(wanted) if wanted and self._rows_source else []
        self.pages_fetched += 1
        if len(page) != len(wanted):
            found = {row.id for row in page}
            self._ids[start:start + len(wanted)] = [i for i in wanted if i in found]
        return page

    @property
    def total(self) -> int:
        """How many rows match (loaded or not)."""
        return len(self._ids)

    def all_ids(self) -> list[int]:
        return list(self._ids)

    def all_rows(self) -> list:
        """Every matching row in the shown order, loaded or not (for an export)."""
        if self._rows_source is None:
            return []
        return list(self._rows) + (self._rows_source(self._ids[len(self._rows):]) if self.canFetchMore() else [])

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def loaded_rows(self) -> list:
        return list(self._rows)

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and len(self._rows) < len(self._ids)

    def positions(self, item_ids: Iterable[int]) -> dict[int, int]:
        """Where these ids are in the shown order, loaded or not (ids that do not match are left out)."""
        wanted = set(item_ids)
        return {item_id: row for row, item_id in enumerate(self._ids) if item_id in wanted} if wanted else {}

    def load_through(self, row: int) -> None:
        """Load the rows up to `row` and the rest of its page, in one read (to show a row far down the list)."""
        end = min((row // PAGE_SIZE + 1) * PAGE_SIZE, len(self._ids))
        if end > len(self._rows):
            self._add_page(end - len(self._rows))

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: B008, N802
        if self.canFetchMore(parent):
            self._add_page(PAGE_SIZE)

    def _add_page(self, size: int) -> None:
        page = self._next_page(size)
        if page:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()

    # ---- sorting in SQL (headers and cells: table_base.ColumnsModel) ---------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self.SORT_KEYS[column] if 0 <= column < len(self.SORT_KEYS) else None
        if key is None:
            return
        self.sort_key, self.descending = key, order == Qt.SortOrder.DescendingOrder
        if self._ids_source is not None:
            self.reload()
            self.resorted.emit()
