"""fit_to_contents: a small table's columns as wide as Qt's ResizeToContents makes them (the widest cell, at least
the header), measured again when its rows change; the stretch column takes the rest; the user may drag a column;
and on Evenementen › Statistieken the three tables fit their rows after each year and scope chosen."""

from datetime import datetime

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QHeaderView, QTableView

from regisseur_app.domain.events.stats import Counts
from regisseur_app.ui.events.counts_table_model import EventCountsTableModel
from regisseur_app.ui.fit_contents import _Fitter, fit_to_contents
from regisseur_app.ui.table_base import sorting_proxy
from tests.ui.conftest import dispose, open_demo_copy

LONG = "Netwerkevent sociale economie en lokale besturen van de regio Demerland, editie najaar"


def _rows(label: str, invited: int) -> list[Counts]:
    return [Counts(f"{label} {n}", invited * (n + 1), n, n // 2, n, datetime(2026, 3, n + 1, 9), n)
            for n in range(6)]


def _views(qtbot, stretch: int | None):
    """The same rows in a view fitted by fit_to_contents and in one of Qt's ResizeToContents, side by side."""
    model = EventCountsTableModel()
    fitted, qt = QTableView(), QTableView()
    for view in (fitted, qt):
        qtbot.addWidget(view)
        view.setModel(sorting_proxy(model))
        view.resize(900, 300)
    qt.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch is not None:
        qt.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    fit_to_contents(fitted, stretch)
    return model, fitted, qt


def _widths(view: QTableView, skip: int | None = None) -> list[int]:
    return [view.columnWidth(c) for c in range(view.model().columnCount()) if c != skip]


def test_widths_equal_qt_resize_to_contents_and_follow_the_rows(qtbot):
    model, fitted, qt = _views(qtbot, stretch=None)
    fitted.show(), qt.show()
    model.set_rows(_rows("Event", 3))
    qtbot.waitUntil(lambda: _widths(qt) == _widths(fitted))
    narrow = _widths(fitted)
    model.set_rows([*_rows("Event", 3), Counts(LONG, 123_456_789_012, 3, 2, 99, datetime(2026, 5, 1), 3)])
    qtbot.waitUntil(lambda: _widths(qt) == _widths(fitted))
    wide = _widths(fitted)
    assert wide[1] > narrow[1] + 200 and wide[2] > narrow[2]  # the long title and the large number
    assert wide[1] >= fitted.fontMetrics().horizontalAdvance(LONG)
    model.set_rows(_rows("Event", 3))  # the long row gone: narrow again
    qtbot.waitUntil(lambda: _widths(qt) == _widths(fitted))
    assert _widths(fitted) == narrow
    model.set_rows([])  # no rows: the headers still fit
    header = fitted.horizontalHeader()
    assert all(fitted.columnWidth(c) >= header.sectionSizeHint(c) for c in range(model.columnCount()))


def test_rows_filled_while_hidden_are_measured_and_the_stretch_column_takes_the_rest(qtbot):
    model, fitted, qt = _views(qtbot, stretch=1)
    model.set_rows(_rows("Event", 40))  # both views still hidden (a tab not shown yet)
    fitted.show(), qt.show()
    qtbot.waitUntil(lambda: _widths(qt, skip=1) == _widths(fitted, skip=1))
    header = fitted.horizontalHeader()
    assert header.sectionResizeMode(1) == QHeaderView.ResizeMode.Stretch
    assert sum(_widths(fitted)) == fitted.viewport().width()  # the title column stretches over what is left
    assert header.sectionResizeMode(0) == QHeaderView.ResizeMode.Interactive  # a user may drag it
    header.resizeSection(0, header.sectionSize(0) + 60)
    assert fitted.columnWidth(0) == qt.columnWidth(0) + 60


def test_event_statistics_tables_fit_their_rows(qtbot, tmp_path, demo_file):
    from regisseur_app.ui.main_window import MainWindow

    ctx = open_demo_copy(tmp_path, demo_file)
    window = MainWindow(ctx)
    window.show()
    try:
        _check_statistics_tab(qtbot, window)
    finally:
        dispose(window)
        ctx.close()


def _check_statistics_tab(qtbot, window) -> None:
    page = window.show_page("Evenementen")
    page.tabs.setCurrentWidget(page.stats)
    stats = page.stats
    for view in (stats.events_view, stats.town_view, stats.type_view):
        qtbot.waitUntil(lambda view=view: view.model().rowCount() > 0)
    assert stats.year_combo.count() >= 2
    for index in range(stats.year_combo.count()):
        stats.year_combo.setCurrentIndex(index)
        view = stats.events_view
        dates = [view.model().index(r, 0).data() for r in range(view.model().rowCount())]
        widest = max(view.fontMetrics().horizontalAdvance(text) for text in dates)
        assert view.columnWidth(0) > widest  # every date in full (plus the cell's margins)
        for numbers in (stats.town_view, stats.type_view):
            model = numbers.model()
            for column in range(1, model.columnCount()):
                texts = [model.index(r, column).data() for r in range(model.rowCount())]
                assert numbers.columnWidth(column) > max(numbers.fontMetrics().horizontalAdvance(t) for t in texts)
    stats.scope_combo.setCurrentIndex(1)  # one event: fewer municipalities, still fitted
    assert stats.town_view.model().rowCount() >= 1


def test_rows_added_changed_and_removed_one_at_a_time_are_measured(qtbot):
    """A model changed row by row (rows inserted, a cell changed, a row removed, a column's title), with the last
    column stretched: the other columns follow their contents at once. (Qt's ResizeToContents follows such changes
    only at a later layout pass, so the widths are checked against the texts here.)"""

    model, view = _standard_view(qtbot, ["Naam", "Aantal", "Opmerking"], stretch_last=True)
    metrics = view.fontMetrics()
    model.appendRow(_row("Kort", "1", ""))
    narrow = view.columnWidth(0)
    assert narrow < metrics.horizontalAdvance(LONG)
    model.appendRow(_row(LONG, "2", ""))  # rows inserted
    assert view.columnWidth(0) > metrics.horizontalAdvance(LONG)
    model.item(0, 1).setText("123.456.789.012")  # one cell changed
    assert view.columnWidth(1) > metrics.horizontalAdvance("123.456.789.012")
    model.removeRow(1)  # the long row removed: narrow again
    assert view.columnWidth(0) == narrow
    title = "Naam van de organisatie of het initiatief"
    model.setHorizontalHeaderItem(0, QStandardItem(title))  # a column's title
    assert view.columnWidth(0) > metrics.horizontalAdvance(title)
    qtbot.waitUntil(lambda: sum(_widths(view)) == view.viewport().width())  # the last column takes what is left


def _drag_edge(view: QTableView, column: int, by: int) -> None:
    """The user drags the right edge of `column`'s header section by `by` pixels."""
    header = view.horizontalHeader()
    edge, y = header.sectionViewportPosition(column) + header.sectionSize(column) - 1, header.height() // 2
    QTest.mousePress(header.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(edge, y))
    for step in (by // 2, by):
        QTest.mouseMove(header.viewport(), QPoint(edge + step, y))
    QTest.mouseRelease(header.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       QPoint(edge + by, y))


def test_a_column_the_user_dragged_keeps_its_width_until_its_edge_is_double_clicked(qtbot):
    model, fitted, qt = _views(qtbot, stretch=None)
    fitted.show(), qt.show()
    model.set_rows(_rows("Event", 3))
    qtbot.waitUntil(lambda: _widths(qt) == _widths(fitted))
    dragged = fitted.columnWidth(1) + 80
    _drag_edge(fitted, 1, 80)
    assert fitted.columnWidth(1) == dragged
    model.set_rows([*_rows("Ander", 3), Counts("Ander", 123_456_789_012, 3, 2, 99, datetime(2026, 5, 1), 3)])
    qtbot.waitUntil(lambda: _widths(qt, skip=1) == _widths(fitted, skip=1))  # the other columns follow the rows
    assert fitted.columnWidth(1) == dragged  # the dragged one does not
    assert qt.columnWidth(1) != dragged
    model.set_rows(_rows("Event", 3))
    qtbot.waitUntil(lambda: _widths(qt, skip=1) == _widths(fitted, skip=1))
    assert fitted.columnWidth(1) == dragged
    header = fitted.horizontalHeader()
    edge = header.sectionViewportPosition(1) + header.sectionSize(1) - 1
    QTest.mouseDClick(header.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                      QPoint(edge, header.height() // 2))
    qtbot.waitUntil(lambda: _widths(qt) == _widths(fitted))  # fitted to its contents again
    model.set_rows([*_rows("Event", 3), Counts(LONG, 1, 1, 1, 1, datetime(2026, 5, 1), 1)])
    qtbot.waitUntil(lambda: _widths(qt) == _widths(fitted))  # and following them
    assert fitted.columnWidth(1) >= fitted.fontMetrics().horizontalAdvance(LONG)


def _standard_view(qtbot, titles: list[str], stretch_last: bool = False):
    """A shown view over a QStandardItemModel with these column titles and no rows, fitted to its contents."""
    model = QStandardItemModel(0, len(titles))
    model.setHorizontalHeaderLabels(titles)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(900, 300)
    view.horizontalHeader().setStretchLastSection(stretch_last)
    fit_to_contents(view)
    view.show()
    return model, view


def _row(*texts: str) -> list:
    return [QStandardItem(text) for text in texts]


def test_only_widths_the_user_dragged_are_kept(qtbot):
    """A width set by code, before or after a drag, is refitted with the rows; so is every column when the rows
    change while a mouse button is held on the header (the fit's own resizes are not a drag)."""

    model, view = _standard_view(qtbot, ["Naam", "Aantal", "Opmerking"])
    model.appendRow(_row("Kort", "1", ""))
    fitted = [view.columnWidth(c) for c in range(3)]
    header = view.horizontalHeader()
    header.resizeSection(0, fitted[0] + 50)  # by code, no mouse
    model.appendRow(_row("Kort", "2", ""))
    assert view.columnWidth(0) == fitted[0]
    _drag_edge(view, 0, 50)
    header.resizeSection(1, fitted[1] + 70)  # by code, after the drag was released
    model.appendRow(_row("Kort", "3", ""))
    assert (view.columnWidth(0), view.columnWidth(1)) == (fitted[0] + 50, fitted[1])
    middle = QPoint(header.sectionViewportPosition(2) + 5, header.height() // 2)
    QTest.mousePress(header.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, middle)
    model.appendRow(_row(LONG, "123.456.789", "x"))  # rows changed while the button is held: fitted, not dragged
    QTest.mouseRelease(header.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, middle)
    model.removeRow(3)
    assert (view.columnWidth(0), view.columnWidth(1)) == (fitted[0] + 50, fitted[1])


def test_a_dragged_width_belongs_to_the_column_of_that_title(qtbot):
    """When the columns change (a table split by another grouping), the column with the dragged one's title keeps
    its width, wherever it is; the other columns fit their contents."""
    model, view = _standard_view(qtbot, ["Antwoord", "Totaal", "Bekkevoort"])
    model.appendRow(_row("Ja", "12", "3"))
    fitted = view.columnWidth(0)
    _drag_edge(view, 0, 60)
    _drag_edge(view, 2, 40)
    model.setColumnCount(4)
    model.setHorizontalHeaderLabels(["Totaal", "Antwoord", "Arbeidszorg", "Kringwinkel"])
    model.appendRow(_row("12", "Nee", "4", "5"))
    assert view.columnWidth(1) == fitted + 60  # "Antwoord", now the second column
    header = view.horizontalHeader()
    assert view.columnWidth(2) == max(header.sectionSizeHint(2), view.sizeHintForColumn(2))  # not Bekkevoort's


def test_a_view_given_another_model_follows_that_one_only(qtbot):
    first, view = _standard_view(qtbot, ["Naam", "Aantal"])
    first.appendRow(_row("Kort", "1"))
    _drag_edge(view, 1, 40)
    dragged = view.columnWidth(1)

    second = QStandardItemModel(0, 2)
    second.setHorizontalHeaderLabels(["Naam", "Aantal"])
    view.setModel(second)
    fit_to_contents(view)
    qtbot.waitUntil(lambda: len(view.findChildren(_Fitter)) == 1)
    second.appendRow(_row("Kort", "1"))
    narrow = view.columnWidth(0)
    assert view.columnWidth(1) == dragged  # the width dragged on the former model's column of that title
    first.appendRow(_row(LONG, "123.456.789"))  # the former model: nothing follows it any more
    assert (view.columnWidth(0), view.columnWidth(1)) == (narrow, dragged)
    second.appendRow(_row(LONG, "2"))
    assert view.columnWidth(0) > view.fontMetrics().horizontalAdvance(LONG)
    assert view.columnWidth(1) == dragged
