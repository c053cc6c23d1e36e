"""The sorting proxy of RowTableModel lists puts the model's rows in order itself: the same order as Qt's
QSortFilterProxyModel gives (ties in the order the rows were given; descending reverses them, as Qt does), selections follow
their rows, new rows are sorted again, filtering still works, and keys Python cannot compare fall back to
Qt's sort."""

from dataclasses import dataclass

import pytest
from PySide6.QtCore import QItemSelectionModel, QRegularExpression, QSortFilterProxyModel, Qt

from regisseur_app.ui.table_base import ID_ROLE, SORT_ROLE, Column, RowSortingProxy, RowTableModel, sorting_proxy


@dataclass(frozen=True)
class Row:
    id: int
    name: str
    amount: int | None
    mixed: object = None


class Model(RowTableModel):
    COLUMNS = (Column("Naam", lambda r: r.name), Column("Bedrag", lambda r: str(r.amount), lambda r: r.amount),
               Column("Gemengd", lambda r: str(r.mixed), lambda r: r.mixed))


ROWS = [Row(1, "beta", 5, "x"), Row(2, "Alfa", 3, 2), Row(3, "gamma", 5, "a"), Row(4, "alfa", None, 1),
        Row(5, "Delta", 3, "b"), Row(6, "beta", 1, None)]


def _qt_order(rows, column, order):
    model = Model()
    model.set_rows(rows)
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.sort(column, order)
    return [proxy.index(r, 0).data(ID_ROLE) for r in range(proxy.rowCount())]


def _order(proxy):
    return [proxy.index(r, 0).data(ID_ROLE) for r in range(proxy.rowCount())]


@pytest.mark.parametrize("column", [0, 1])
@pytest.mark.parametrize("order", [Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder])
def test_same_order_as_qts_proxy(qapp, column, order):
    model = Model()
    proxy = sorting_proxy(model)
    assert isinstance(proxy, RowSortingProxy)
    model.set_rows(ROWS)
    proxy.sort(2, Qt.SortOrder.AscendingOrder)  # another order first: ties follow the given order, not this one
    proxy.sort(column, order)
    assert _order(proxy) == _qt_order(ROWS, column, order)
    assert proxy.sort_column() == column


def test_sorted_again_after_new_rows_and_the_selection_follows(qapp):
    model = Model()
    proxy = sorting_proxy(model)
    proxy.sort(0, Qt.SortOrder.AscendingOrder)
    model.set_rows(ROWS)  # a refresh: sorted as it comes in
    assert _order(proxy) == [2, 4, 1, 6, 5, 3]
    selection = QItemSelectionModel(proxy)
    row_of_3 = _order(proxy).index(3)
    selection.setCurrentIndex(proxy.index(row_of_3, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect)
    proxy.sort(1, Qt.SortOrder.DescendingOrder)
    assert _order(proxy) == [3, 1, 5, 2, 6, 4]  # descending: the ascending order reversed, ties too (as Qt)
    assert selection.currentIndex().data(ID_ROLE) == 3
    assert [i.data(ID_ROLE) for i in selection.selectedIndexes()] == [3]


def test_filtering_still_works_on_the_sorted_rows(qapp):
    model = Model()
    proxy = sorting_proxy(model)
    model.set_rows(ROWS)
    proxy.sort(0, Qt.SortOrder.DescendingOrder)
    proxy.setFilterKeyColumn(0)
    pattern = QRegularExpression("^[ab]", QRegularExpression.PatternOption.CaseInsensitiveOption)
    proxy.setFilterRegularExpression(pattern)
    assert _order(proxy) == [6, 1, 4, 2]


def test_keys_python_cannot_compare_are_left_to_qt(qapp):
    model = Model()
    proxy = sorting_proxy(model)
    model.set_rows(ROWS)
    proxy.sort(2, Qt.SortOrder.AscendingOrder)  # texts and numbers in one column
    assert _order(proxy) == _qt_order(ROWS, 2, Qt.SortOrder.AscendingOrder)
    assert proxy.sort_column() == 2
    proxy.sort(0, Qt.SortOrder.AscendingOrder)  # back to our own sort: Qt's is switched off
    assert _order(proxy) == [2, 4, 1, 6, 5, 3]
    assert [model.row_at(r).id for r in range(model.rowCount())] == [2, 4, 1, 6, 5, 3]


def test_kept_fitted_columns_measure_the_first_rows_not_all(qtbot):
    """A column's width follows the rows on screen and FIT_ROWS more: a long text far down the list does not
    widen it (fitting 1.000 rows took 0,2-0,3 s on the large region), one near the top does."""
    from regisseur_app.ui.table_base import FIT_ROWS, read_only_table

    def width_with_long_name_at(position):
        model = Model()
        rows = [Row(i, f"naam {i}", i) for i in range(FIT_ROWS * 5)]
        rows[position] = Row(position, "een bijzonder lange naam " * 3, position)
        model.set_rows(rows)
        table = read_only_table(sorting_proxy(model), "t")
        table.sortByColumn(1, Qt.SortOrder.AscendingOrder)  # the long name stays at its place
        qtbot.addWidget(table)
        assert table.horizontalHeader().resizeContentsPrecision() == FIT_ROWS
        table.resizeColumnsToContents()
        return table.columnWidth(0)

    assert width_with_long_name_at(5) > width_with_long_name_at(FIT_ROWS * 4) + 100


def test_event_list_measures_as_few_rows_as_the_other_lists(qtbot, main_window):
    from regisseur_app.ui.list_page import FIT_ROWS as LIST_FIT_ROWS

    page = main_window.show_page("Evenementen")
    organisations = main_window.show_page("Organisaties")
    assert (page.table.horizontalHeader().resizeContentsPrecision()
            == organisations.table.horizontalHeader().resizeContentsPrecision() == LIST_FIT_ROWS)
