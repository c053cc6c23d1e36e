"""A read-only table model that pages its rows in from SQL (canFetchMore/fetchMore), so a list of
100.000 rows opens with one COUNT and one page. Sorting asks the database for a new order."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from regisseur_app.ui.table_base import Column, ColumnsModel

PAGE_SIZE = 200


class PagedTableModel(ColumnsModel):
    """Subclasses set COLUMNS and SORT_KEYS (column -> sort name, or None when not sortable)."""

    COLUMNS: tuple[Column, ...] = ()
    SORT_KEYS: tuple[str | None, ...] = ()

    def __init__(self, parent=None):  # noqa: ANN001
        super().__init__(parent)
        self._rows: list = []
        self._total = 0
        self._fetch: Callable[[int, int, str | None, bool, object], list] | None = None
        self.sort_key: str | None = None
        self.descending = True
        self.pages_fetched = 0

    # the source: fetch(offset, limit, sort_key, descending, last row loaded or None) -> rows
    def set_source(self, fetch: Callable[[int, int, str | None, bool, object], list], total: int) -> None:
        self.beginResetModel()
        self._fetch = fetch
        self._total = total
        self._rows = []
        self.pages_fetched = 0
        self._load_page()
        self.endResetModel()

    def _load_page(self) -> None:
        if self._fetch is None:
            return
        page = self._fetch(len(self._rows), PAGE_SIZE, self.sort_key, self.descending, None)
        self.pages_fetched += 1
        self._rows.extend(page)
        if len(page) < PAGE_SIZE:
            self._total = len(self._rows)

    @property
    def total(self) -> int:
        return self._total

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def loaded_rows(self) -> list:
        return list(self._rows)

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: B008, N802
        if parent.isValid() or self._fetch is None:
            return
        start = len(self._rows)
        page = self._fetch(start, PAGE_SIZE, self.sort_key, self.descending, self._rows[-1] if self._rows else None)
        self.pages_fetched += 1
        if not page:
            self._total = start
            return
        self.beginInsertRows(QModelIndex(), start, start + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()
        if len(page) < PAGE_SIZE:
            self._total = len(self._rows)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self.SORT_KEYS[column] if column < len(self.SORT_KEYS) else None
        if key is None or self._fetch is None:
            return
        self.sort_key = key
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.set_source(self._fetch, self._total)
