"""What a SQL-paged list (ui.list_page) keeps over a refresh: the selected rows, the current row and where
the rows were on screen, also when they lie beyond the first page that a refresh loads again.

`view_state(table)` before the model reloads, `restore_view(table, model, state)` after: the ids' places in
the new order come from the model's id list (already read in SQL order), the rows down to them are loaded
in one read, and the current row (or else the top row) stays at the same height on screen."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QItemSelection, QItemSelectionModel
from PySide6.QtWidgets import QAbstractItemView, QTableView

from regisseur_app.ui.sql_list_model import SqlListModel
from regisseur_app.ui.table_base import ID_ROLE

RESTORE_LIMIT = 10_000  # a refresh loads at most this many rows to show a selected row again


@dataclass(frozen=True)
class ViewState:
    selected: list[int]
    current: int | None
    column: int
    anchors: list[tuple[int, int]]  # (id, place on screen): the current row if on screen, then the top row

    def for_new_order(self) -> ViewState:
        """After sorting: the same selection, the current row in view (the old top row means nothing now)."""
        return ViewState(self.selected, self.current, self.column, [])


def _per_pixel(table: QTableView) -> bool:
    return table.verticalScrollMode() == QAbstractItemView.ScrollMode.ScrollPerPixel


def _offset(table: QTableView, row: int) -> int:
    """Where `row` is on screen: pixels from the top of the viewport, or rows below the top row."""
    return table.rowViewportPosition(row) if _per_pixel(table) else row - table.rowAt(0)


def view_state(table: QTableView) -> ViewState:
    model = table.model()
    current = table.currentIndex()
    current_id = current.data(ID_ROLE) if current.isValid() else None
    top = table.rowAt(0)
    anchors = []
    if (current_id is not None and top >= 0
            and 0 <= table.rowViewportPosition(current.row()) < table.viewport().height()):
        anchors.append((current_id, _offset(table, current.row())))
    if top >= 0:
        anchors.append((model.index(top, 0).data(ID_ROLE), _offset(table, top)))
    selected = [index.data(ID_ROLE) for index in table.selectionModel().selectedRows()]
    return ViewState(selected, current_id, current.column() if current.isValid() else 0, anchors)


def restore_view(table: QTableView, model: SqlListModel, view: ViewState) -> None:
    """Select the same ids again and keep the rows where they were on screen, loading the rows down to them
    (one read; at most RESTORE_LIMIT rows) when they are beyond the first page."""
    wanted = set(view.selected) | {item_id for item_id, _offset in view.anchors}
    if view.current is not None:
        wanted.add(view.current)
    if not wanted or not model.total:
        return
    positions = model.positions(wanted)
    reachable = [row for row in positions.values() if row < RESTORE_LIMIT]
    if reachable:
        model.load_through(max(reachable))
        positions = model.positions(wanted)  # ids whose record vanished meanwhile were dropped
    loaded = {item_id: row for item_id, row in positions.items() if row < model.rowCount()}
    selection = QItemSelection()
    last_column = model.columnCount() - 1
    for item_id in view.selected:
        if item_id in loaded:
            selection.select(model.index(loaded[item_id], 0), model.index(loaded[item_id], last_column))
    flags = QItemSelectionModel.SelectionFlag
    if not selection.isEmpty():
        table.selectionModel().select(selection, flags.ClearAndSelect)
    if view.current in loaded:
        table.selectionModel().setCurrentIndex(model.index(loaded[view.current], view.column), flags.NoUpdate)
    table.doItemsLayout()  # the scroll range of the rows just loaded, before scrolling in it
    anchor = next(((loaded[item_id], offset) for item_id, offset in view.anchors if item_id in loaded), None)
    if anchor is not None:
        row, offset = anchor
        position = table.verticalHeader().sectionPosition(row) if _per_pixel(table) else row
        table.verticalScrollBar().setValue(position - offset)
    if view.current in loaded:  # and in full on screen (a row that moved may have come to the bottom edge)
        table.scrollTo(model.index(loaded[view.current], view.column))
