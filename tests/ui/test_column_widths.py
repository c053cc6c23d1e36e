"""Column widths: every column of a list fits a 1280-px window at first; a width the user dragged at a header
edge stays when the window is resized or the list refreshed (the other columns fit around it), until
'Kolombreedtes herstellen' in the header's context menu."""

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMenu

from regisseur_app.domain.core import codelists, organisation_service
from regisseur_app.domain.core.organisation_service import OrganisationInput
from regisseur_app.ui.organisations import table_model as columns
from regisseur_app.ui.table_base import refit_pending, user_widths


def _organisations(ctx) -> None:
    with ctx.transaction() as s:
        type_id = codelists.list_items(s, codelists.ORGANISATION_TYPE)[0].id
        categories = [c.id for c in codelists.list_items(s, codelists.SERVICE_CATEGORY)][:4]
        for n in range(12):
            oid = organisation_service.save_organisation(s, OrganisationInput(
                f"Centrum voor Volwassenenonderwijs Demerland en omstreken {n}", type_id))
            data = organisation_service.get_organisation(s, oid)
            data.category_ids, data.city, data.target_group_employees = categories, "Sint-Margriete-Houtem", n
            organisation_service.save_organisation(s, data, oid)


def _drag_edge(qtbot, table, column: int, by: int) -> None:
    """Press on the right edge of the column's header section, move the mouse, release: as a user drags it."""
    header = table.horizontalHeader()
    edge = QPoint(header.sectionViewportPosition(column) + header.sectionSize(column) - 1, header.height() // 2)
    qtbot.mousePress(header.viewport(), Qt.MouseButton.LeftButton, pos=edge)
    for step in range(1, 5):
        qtbot.mouseMove(header.viewport(), edge + QPoint(by * step // 4, 0))
    qtbot.mouseRelease(header.viewport(), Qt.MouseButton.LeftButton, pos=edge + QPoint(by, 0))


def _widths(page) -> list[int]:
    return [page.table.columnWidth(c) for c in range(page.model.columnCount())]


def _resize(qtbot, window, page, width: int) -> None:
    before = page.table.viewport().width()
    window.resize(width, 800)
    qtbot.waitUntil(lambda: page.table.viewport().width() != before, timeout=2000)
    qtbot.waitUntil(lambda: not refit_pending(page.table), timeout=2000)  # the refit once the width settled


def test_a_dragged_width_stays_when_the_window_is_resized(qtbot, main_window, app_ctx):
    _organisations(app_ctx)
    main_window.resize(1280, 800)
    page = main_window.show_page("Organisaties")
    qtbot.waitUntil(lambda: page.model.rowCount() == 12)
    table = page.table
    fitted = _widths(page)
    assert sum(fitted) <= table.viewport().width()  # at first every column fits

    _drag_edge(qtbot, table, columns.CITY, 70)
    dragged = table.columnWidth(columns.CITY)
    assert dragged >= fitted[columns.CITY] + 60

    _resize(qtbot, main_window, page, 1440)
    assert table.columnWidth(columns.CITY) == dragged
    wide = _widths(page)
    assert sum(wide) <= table.viewport().width()
    _resize(qtbot, main_window, page, 1180)
    narrow = _widths(page)
    assert narrow[columns.CITY] == dragged  # the others make room; they fit on screen around it
    assert sum(narrow) <= table.viewport().width()
    # none narrowed below 90 px, or below its contents when those are narrower
    assert all(width >= min(90, fitted[c]) for c, width in enumerate(narrow)), (narrow, fitted)
    assert narrow[columns.NAME] < wide[columns.NAME] or narrow[columns.CATEGORIES] < wide[columns.CATEGORIES]

    page.refresh()  # F5, an edit: the width stays too
    assert table.columnWidth(columns.CITY) == dragged

    header = table.horizontalHeader()

    def reset():
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        [action] = menu.actions()
        assert action.text() == "Kolombreedtes herstellen" and action.isEnabled()
        action.trigger()
        menu.close()

    QTimer.singleShot(0, reset)
    header.customContextMenuRequested.emit(QPoint(10, 5))  # a right-click on the header
    qtbot.waitUntil(lambda: table.columnWidth(columns.CITY) < dragged, timeout=2000)
    assert sum(_widths(page)) <= table.viewport().width()
    settings, key = user_widths(table).store
    assert settings.value(key) is None  # forgotten for the next session too


def test_a_programmatic_fit_is_not_taken_for_a_drag(qtbot, main_window, app_ctx):
    _organisations(app_ctx)
    main_window.resize(1280, 800)
    page = main_window.show_page("Organisaties")
    qtbot.waitUntil(lambda: page.model.rowCount() == 12)
    page.table.setColumnWidth(columns.CITY, 400)  # code, not the user
    _resize(qtbot, main_window, page, 1200)
    assert page.table.columnWidth(columns.CITY) < 400
    assert sum(_widths(page)) <= page.table.viewport().width()


def test_a_dragged_width_is_there_again_in_the_next_session(qtbot, main_window, app_ctx):
    from regisseur_app.ui.organisations.organisation_page import OrganisationPage

    _organisations(app_ctx)
    main_window.resize(1280, 800)
    page = main_window.show_page("Organisaties")
    qtbot.waitUntil(lambda: page.model.rowCount() == 12)
    _drag_edge(qtbot, page.table, columns.TYPE, 60)
    dragged = page.table.columnWidth(columns.TYPE)

    later = OrganisationPage(app_ctx)  # as the next start builds it, from the same settings file
    qtbot.addWidget(later)
    later.resize(1100, 700)
    later.show()
    qtbot.waitUntil(later.isVisible)
    assert later.table.columnWidth(columns.TYPE) == dragged


def test_a_tab_shown_again_at_the_same_width_is_not_fitted_again(qtbot, monkeypatch):
    """A fit reads up to 1.000 rows (~0,3 s for a survey's 3.500 respondents): switching back to a tab whose
    table kept its width and rows does not run it again (twice, it did); a new width or new rows do, once."""
    from PySide6.QtWidgets import QLabel, QTabWidget

    from regisseur_app.ui import table_base
    from tests.ui.conftest import dispose

    class Model(table_base.RowTableModel):
        COLUMNS = tuple(table_base.Column(f"Kolom {c}", lambda r, c=c: f"waarde {c}.{r}") for c in range(4))

    tabs = QTabWidget()
    model = Model(tabs)
    table = table_base.read_only_table(table_base.sorting_proxy(model), "table")
    tabs.addTab(QLabel("Andere tab"), "A")
    tabs.addTab(table, "B")
    tabs.resize(900, 500)
    tabs.show()
    model.set_rows(range(30))
    table_base.fit_columns(table)  # as a page does after filling it, while its tab is hidden
    fits = []
    fit = table_base.fit_columns
    monkeypatch.setattr(table_base, "fit_columns", lambda *args, **kw: fits.append(args[0]) or fit(*args, **kw))

    def settle():
        qtbot.wait(10)
        qtbot.waitUntil(lambda: not refit_pending(table), timeout=2000)

    tabs.setCurrentIndex(1)
    settle()
    assert fits  # shown for the first time: fitted to its real width
    assert sum(table.columnWidth(c) for c in range(4)) <= table.viewport().width()
    fits.clear()
    for _ in range(3):
        tabs.setCurrentIndex(0)
        settle()
        tabs.setCurrentIndex(1)
        settle()
    assert fits == []
    tabs.resize(700, 500)
    settle()
    assert fits == [table]
    tabs.setCurrentIndex(0)
    settle()
    model.set_rows(range(40))  # new rows while hidden, without a fit of the page's own
    fits.clear()
    tabs.setCurrentIndex(1)
    settle()
    assert fits == [table]
    dispose(tabs)



def test_a_resize_fits_the_columns_without_measuring_the_rows_again(qtbot):
    """Measuring reads up to 1.000 rows (~0,3 s for a survey's 3.500 respondents, after every resize of the
    window): a refit for a new width uses the widths measured last; new rows, a changed cell or another model
    are measured again."""
    from PySide6.QtWidgets import QWidget

    from regisseur_app.ui import table_base
    from tests.ui.conftest import dispose

    class Model(table_base.RowTableModel):
        COLUMNS = tuple(table_base.Column(f"Kolom {c}", lambda r, c=c: f"een lange waarde {c}.{r}" * (1 + c % 2))
                        for c in range(6))

    window = QWidget()
    model = Model(window)
    table = table_base.read_only_table(table_base.sorting_proxy(model), "table")
    table.setParent(window)
    window.resize(1200, 400)
    table.resize(1200, 400)
    model.set_rows(range(200))
    measured = []
    original = table.resizeColumnsToContents
    table.resizeColumnsToContents = lambda: measured.append(1) or original()

    def resize(width: int) -> None:
        before = table.viewport().width()
        table.resize(width, 400)
        qtbot.waitUntil(lambda: table.viewport().width() != before, timeout=2000)
        qtbot.wait(10)
        qtbot.waitUntil(lambda: not refit_pending(table), timeout=2000)

    window.show()
    qtbot.waitUntil(lambda: not refit_pending(table), timeout=2000)
    assert len(measured) == 1  # shown: measured once
    wide = [table.columnWidth(c) for c in range(6)]
    for width in (900, 700, 1000):
        resize(width)
        assert sum(table.columnWidth(c) for c in range(6)) <= table.viewport().width()
    assert len(measured) == 1
    assert [table.columnWidth(c) for c in range(6)] != wide  # fitted to the narrower widths all the same

    model.set_rows(range(10))  # new rows: measured again at the next refit
    resize(800)
    assert len(measured) == 2
    model.dataChanged.emit(model.index(0, 0), model.index(0, 5))  # a changed cell
    resize(850)
    assert len(measured) == 3
    dispose(window)


def test_a_narrow_column_stays_narrow_when_not_even_the_headers_fit(qtbot):
    """In a table too narrow for its headers side by side every column gets the same minimum (90 px), but a
    column whose contents need less (a number) is not widened to it."""
    from PySide6.QtWidgets import QWidget

    from regisseur_app.ui import table_base
    from tests.ui.conftest import dispose

    class Model(table_base.RowTableModel):
        COLUMNS = (table_base.Column("Nr", lambda r: str(r)),
                   *(table_base.Column(f"Een lange kolomkop {c}", lambda r, c=c: f"een lange waarde {c}.{r}")
                     for c in range(8)))

    window = QWidget()
    model = Model(window)
    table = table_base.read_only_table(table_base.sorting_proxy(model), "table")
    table.setParent(window)
    table.resize(600, 300)
    model.set_rows(range(5))
    window.show()
    qtbot.waitUntil(lambda: not table_base.refit_pending(table), timeout=2000)
    table_base.fit_columns(table)
    assert table.sizeHintForColumn(0) < 60 and table.columnWidth(0) < 90
    assert min(table.columnWidth(c) for c in range(1, 8)) >= 90  # the others keep the minimum
    dispose(window)
