"""A refresh of a SQL-paged list (organisations, contacts: pages of 200 rows) keeps the selected row, the
current row and its place on screen, also for a row far beyond the first page; driven like a user on a real
SQLite file with 420 organisations."""

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit

from regisseur_app.domain.core import codelists, organisation_service
from regisseur_app.domain.core.contact_service import ContactInput, save_contact
from regisseur_app.domain.core.organisation_service import OrganisationInput
from regisseur_app.ui import sql_list_model
from regisseur_app.ui.table_base import ID_ROLE
from tests.ui.conftest import when_modal

COUNT = 420


def _add_organisations(ctx) -> dict[str, int]:
    with ctx.transaction() as s:
        type_id = codelists.list_items(s, codelists.ORGANISATION_TYPE)[0].id
        return {name: organisation_service.save_organisation(s, OrganisationInput(name, type_id))
                for name in (f"Organisatie {n:03d}" for n in range(1, COUNT + 1))}


def _scroll_down_to(qtbot, page, row: int) -> None:
    """Scroll as the user does: each time the bar reaches the end the list reads the next page."""
    bar = page.table.verticalScrollBar()
    while page.model.rowCount() <= row:
        bar.setValue(bar.maximum())
        QApplication.processEvents()
    page.table.scrollTo(page.model.index(row, 0))


def _click_row(qtbot, page, row: int) -> None:
    rect = page.table.visualRect(page.model.index(row, 0))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _current_name(page) -> str:
    return page.table.currentIndex().siblingAtColumn(0).data()


def _on_screen(page, row: int) -> bool:
    y = page.table.rowViewportPosition(row)
    return 0 <= y and y + page.table.rowHeight(row) <= page.table.viewport().height()


def test_a_row_beyond_the_first_page_stays_selected_and_in_place_after_a_refresh_and_an_edit(
        qtbot, main_window, app_ctx):
    ids = _add_organisations(app_ctx)
    main_window.resize(1280, 800)
    page = main_window.show_page("Organisaties")
    assert page.model.rowCount() == sql_list_model.PAGE_SIZE and page.model.total == COUNT
    _scroll_down_to(qtbot, page, 349)
    _click_row(qtbot, page, 349)
    assert page.selected_ids() == [ids["Organisatie 350"]]
    place = page.table.rowViewportPosition(349)

    qtbot.keyClick(main_window, Qt.Key.Key_F5)  # Beeld › Vernieuwen: the list is read again from the first page
    assert page.selected_ids() == [ids["Organisatie 350"]] and _current_name(page) == "Organisatie 350"
    assert page.table.currentIndex().row() == 349 and page.table.rowViewportPosition(349) == place
    assert page.model.rowCount() < COUNT  # loaded down to that row's page, not the whole list

    def rename():
        dialog = QApplication.activeModalWidget()
        name = dialog.findChild(QLineEdit, "name")
        name.selectAll()
        qtbot.keyClicks(name, "Zorgboerderij De Linde")  # moves it to the end of the list
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)

    when_modal(rename)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    QApplication.processEvents()  # the window's refresh after the change
    assert page.selected_ids() == [ids["Organisatie 350"]] and _current_name(page) == "Zorgboerderij De Linde"
    assert page.table.currentIndex().row() == COUNT - 1 and _on_screen(page, COUNT - 1)



def test_archiving_moves_the_selection_to_the_next_row(qtbot, main_window, app_ctx):
    ids = _add_organisations(app_ctx)
    page = main_window.show_page("Organisaties")
    _scroll_down_to(qtbot, page, 300)
    _click_row(qtbot, page, 300)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert page.model.total == COUNT - 1
    assert page.selected_ids() == [ids["Organisatie 302"]] and _on_screen(page, 300)

    main_window.activateWindow()
    qtbot.waitUntil(main_window.isActiveWindow, timeout=2000)
    qtbot.keyClick(main_window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # 301 is back
    assert page.model.total == COUNT and page.model.index(300, 0).data() == "Organisatie 301"
    assert page.selected_ids() == [ids["Organisatie 302"]] and _current_name(page) == "Organisatie 302"
    assert _on_screen(page, 301)


def test_the_contact_list_keeps_a_row_of_its_third_page(qtbot, main_window, app_ctx):
    ids = _add_organisations(app_ctx)
    with app_ctx.transaction() as s:
        contacts = {n: save_contact(s, ContactInput(name=f"Contact {n:03d}", organisation_id=ids["Organisatie 001"]))
                    for n in range(1, COUNT + 1)}
    page = main_window.show_page("Contactpersonen")
    _scroll_down_to(qtbot, page, 410)
    _click_row(qtbot, page, 410)
    chosen = page.table.currentIndex().data(ID_ROLE)
    assert chosen in contacts.values()
    page.refresh()
    assert page.selected_ids() == [chosen] and page.table.currentIndex().data(ID_ROLE) == chosen
    assert _on_screen(page, page.table.currentIndex().row())


def test_sorting_by_a_header_keeps_the_selected_row_and_shows_it(qtbot, main_window, app_ctx):
    ids = _add_organisations(app_ctx)
    page = main_window.show_page("Organisaties")
    _click_row(qtbot, page, 2)
    header = page.table.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(header.sectionViewportPosition(0) + 20, 5))
    assert page.model.index(0, 0).data() == f"Organisatie {COUNT}"  # name, descending: row 2 is now far down
    assert page.selected_ids() == [ids["Organisatie 003"]] and _current_name(page) == "Organisatie 003"
    assert page.table.currentIndex().row() == COUNT - 3 and _on_screen(page, COUNT - 3)
