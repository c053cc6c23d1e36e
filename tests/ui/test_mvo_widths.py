"""MVO › Regio: the three tables keep the widths of their first show after another year and back (fitted as every
list is; the tab's own fit after a year gave other widths than the refit after the first show).

MVO › Invullen: the organisation list beside the form keeps a readable name (up to 210 px) and type (up to 110 px)
on the page's first show, after another year and back, and when the page is shown again; the other columns scroll.
(The list was also kept fitted to the narrow pane, which narrowed every column to 90 px on the first show.)"""

import pytest
from PySide6.QtWidgets import QApplication, QTableView

from regisseur_app.ui.table_base import refit_pending
from tests.ui.conftest import dispose, open_demo_copy


def _widths(table) -> list[int]:
    return [table.columnWidth(c) for c in range(table.model().columnCount())]


def _settle(qtbot, window) -> None:
    """Until no kept-fitted table of the window has a refit to come (after a show or a change of width)."""
    QApplication.processEvents()
    tables = window.findChildren(QTableView)
    qtbot.waitUntil(lambda: not any(refit_pending(table) for table in tables))
    QApplication.processEvents()


@pytest.fixture
def window(tmp_path, demo_file):
    """The main window on a copy of the demo, 1280 × 800 px."""
    from regisseur_app.ui.main_window import MainWindow

    ctx = open_demo_copy(tmp_path, demo_file)
    shown = MainWindow(ctx)
    shown.resize(1280, 800)
    shown.show()
    yield shown
    dispose(shown)
    ctx.close()


def test_the_list_keeps_its_widths_on_first_show_and_after_a_year(qtbot, window):
    page = window.show_page("MVO")
    _settle(qtbot, window)
    table, model = page.entry.table, page.entry.model
    assert model.rowCount() > 5
    first = _widths(table)
    names = [model.index(r, 0).data() for r in range(model.rowCount())]
    widest = max(table.fontMetrics().horizontalAdvance(name) for name in names)
    assert first[0] >= min(210, widest)  # the name readable, not the pane's share (90 px)
    assert first[0] <= 210 and first[1] <= 110
    assert sum(first) > table.viewport().width()  # the pane is narrower: the other columns scroll
    combo = page.entry.year_combo
    start = combo.currentIndex()
    combo.setCurrentIndex(start - 1)
    _settle(qtbot, window)
    assert _widths(table)[:2] == first[:2]
    combo.setCurrentIndex(start)
    _settle(qtbot, window)
    assert _widths(table) == first
    window.show_page("Organisaties")
    window.show_page("MVO")
    _settle(qtbot, window)
    assert _widths(table) == first


def test_region_tables_keep_their_widths_after_a_year(qtbot, window):
    page = window.show_page("MVO")
    page.tabs.setCurrentWidget(page.region)
    _settle(qtbot, window)
    region = page.region
    tables = (region.overview_table, region.municipality_table, region.trend_table)
    assert all(table.model().rowCount() for table in tables)
    first = [_widths(table) for table in tables]
    combo = region.year_combo
    start = combo.currentIndex()
    combo.setCurrentIndex(start + 1)  # the year before, with figures in the demo
    _settle(qtbot, window)
    assert region.overview_model.rowCount()
    combo.setCurrentIndex(start)
    _settle(qtbot, window)
    assert [_widths(table) for table in tables] == first
