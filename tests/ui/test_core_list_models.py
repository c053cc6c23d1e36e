"""The organisation and contact lists read from SQL a page at a time: cells, page boundaries, sorting by a
header, search, the count, export of every match and selection, on a real SQLite file (pages of 3 rows)."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from regisseur_app.domain.core import codelists, organisation_service
from regisseur_app.domain.core.contact_service import ContactInput, save_contact
from regisseur_app.domain.core.organisation_service import OrganisationInput
from regisseur_app.ui import sql_list_model
from regisseur_app.ui.organisations import table_model as org_columns
from regisseur_app.ui.table_base import ID_ROLE
from tests.ui.conftest import when_modal

NAMES = ["Atelier Noord", "Bakkerij Oost", "Centrum Zuid", "Drukkerij West", "Fietsherstel Midden",
         "Groene Vallei", "Groenploeg Hageland"]


@pytest.fixture
def small_pages(monkeypatch):
    monkeypatch.setattr(sql_list_model, "PAGE_SIZE", 3)


@pytest.fixture
def orgs(app_ctx):
    with app_ctx.transaction() as s:
        type_id = codelists.list_items(s, codelists.ORGANISATION_TYPE)[0].id
        ids = {}
        for n, name in enumerate(NAMES):
            ids[name] = organisation_service.save_organisation(s, OrganisationInput(
                name=name, type_id=type_id, target_group_employees=n * 10 if n % 2 else None))
            for k in range(n % 4):
                save_contact(s, ContactInput(name=f"Persoon {k} {name}", organisation_id=ids[name]))
    return ids


def _page(qtbot, app_ctx):
    from regisseur_app.ui.organisations.organisation_page import OrganisationPage

    page = OrganisationPage(app_ctx)
    qtbot.addWidget(page)
    page.refresh()  # as the main window does when it shows the page
    return page


def _names(model):
    return [model.index(r, org_columns.NAME).data() for r in range(model.rowCount())]


def test_the_list_opens_with_one_page_and_the_full_count(qtbot, app_ctx, orgs, small_pages):
    page = _page(qtbot, app_ctx)
    model = page.model
    assert _names(model) == NAMES[:3]
    assert model.total == 7 and page.count_label.text() == "7 organisaties"
    assert model.canFetchMore()
    model.fetchMore()
    assert _names(model) == NAMES[:6]
    model.fetchMore()
    assert _names(model) == NAMES and not model.canFetchMore()
    assert model.pages_fetched == 3
    fiets = model.index(4, org_columns.CONTACTS)
    assert fiets.data() == "0" and model.index(3, org_columns.CONTACTS).data() == "3"
    assert model.index(3, org_columns.TARGET_GROUP).data() == "30"
    assert model.index(3, org_columns.TARGET_GROUP).data(Qt.ItemDataRole.TextAlignmentRole) is not None
    assert model.index(0, 0).data(ID_ROLE) == orgs["Atelier Noord"]
    assert model.headerData(5, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) == "Dienstencategorieën"


def test_a_header_click_sorts_in_the_database_and_starts_at_the_first_page(qtbot, app_ctx, orgs, small_pages):
    page = _page(qtbot, app_ctx)
    page.model.fetchMore()
    page.table.sortByColumn(org_columns.CONTACTS, Qt.SortOrder.DescendingOrder)
    model = page.model
    assert model.rowCount() == 3  # a new order: from the first page again
    # 3 contacts: Drukkerij West; 2: Centrum Zuid, Groenploeg Hageland (name breaks ties, descending)
    assert _names(model) == ["Drukkerij West", "Groenploeg Hageland", "Centrum Zuid"]
    page.table.sortByColumn(org_columns.TARGET_GROUP, Qt.SortOrder.AscendingOrder)
    while model.canFetchMore():
        model.fetchMore()
    shown = [model.index(r, org_columns.TARGET_GROUP).data() for r in range(model.rowCount())]
    assert shown == ["", "", "", "", "10", "30", "50"]  # unknown first
    page.table.sortByColumn(org_columns.NAME, Qt.SortOrder.DescendingOrder)
    assert _names(model) == ["Groenploeg Hageland", "Groene Vallei", "Fietsherstel Midden"]


def test_search_filters_count_and_export_every_match(qtbot, app_ctx, orgs, small_pages):
    page = _page(qtbot, app_ctx)
    page.search_edit.setText("groen")
    qtbot.waitUntil(lambda: page.model.total == 2, timeout=2000)
    assert page.count_label.text() == "2 organisaties"
    page.search_edit.setText("")
    qtbot.waitUntil(lambda: page.model.total == 7, timeout=2000)
    page.table.sortByColumn(org_columns.NAME, Qt.SortOrder.DescendingOrder)
    assert page.model.rowCount() == 3
    exported = page.visible_rows()  # what 'Exporteren…' writes: every match, not only the loaded page
    assert [r.name for r in exported] == list(reversed(NAMES))
    assert page.model.rowCount() == 3  # exporting does not load the table


def test_export_writes_every_matching_row(qtbot, app_ctx, orgs, small_pages, tmp_path, monkeypatch):
    import pandas as pd

    from regisseur_app.ui import export_action

    target = tmp_path / "organisaties.xlsx"
    monkeypatch.setattr(export_action, "ask_export_path", lambda parent, name: target)
    page = _page(qtbot, app_ctx)
    page.search_edit.setText("e")  # all seven names have an 'e'
    page.refresh()
    page.export_list()
    frame = pd.read_excel(target, engine="openpyxl")
    assert len(frame) == page.model.total == 7 and page.model.rowCount() == 3


def test_empty_hints_say_why(qtbot, app_ctx, orgs):
    page = _page(qtbot, app_ctx)
    page.type_combo.setCurrentIndex(page.type_combo.count() - 1)  # a type nobody has
    assert page.model.total == 0 and page.count_label.text() == "0 organisaties"
    assert page.empty_hint.text() == "Geen organisaties die aan de filters voldoen."
    page.search_edit.setText("zzz")
    page.refresh()
    assert page.empty_hint.text() == "Geen organisaties gevonden voor ‘zzz’."


def test_selection_survives_a_refresh_and_archive_removes_it(qtbot, main_window, app_ctx, orgs, small_pages):
    page = main_window.show_page("Organisaties")
    page.table.selectRow(1)
    assert page.selected_ids() == [orgs["Bakkerij Oost"]]
    page.refresh()
    assert page.selected_ids() == [orgs["Bakkerij Oost"]]
    qtbot.mouseClick(page.archive_button, Qt.MouseButton.LeftButton)
    assert page.model.total == 6 and "Bakkerij Oost" not in _names(page.model)
    qtbot.keyClick(main_window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert page.model.total == 7


def test_double_click_opens_the_organisation(qtbot, main_window, app_ctx, orgs, small_pages):
    page = main_window.show_page("Organisaties")
    seen = {}

    def look():
        dialog = QApplication.activeModalWidget()
        seen["title"], seen["name"] = dialog.windowTitle(), dialog.name_edit.text()
        dialog.reject()

    when_modal(look)
    rect = page.table.visualRect(page.model.index(2, 0))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert seen == {"title": "Organisatie bewerken", "name": "Centrum Zuid"}


def test_rows_deleted_meanwhile_are_skipped_not_shown_empty(qtbot, small_pages):
    from dataclasses import dataclass

    @dataclass
    class Row:
        id: int
        name: str

    owner = QLabel()
    qtbot.addWidget(owner)
    model = org_columns.OrganisationListModel(owner)
    store = {i: Row(i, f"n{i}") for i in range(1, 8)}
    model.set_source(lambda sort, desc: sorted(store), lambda ids: [store[i] for i in ids if i in store])
    del store[4], store[5]
    model.fetchMore()
    assert [model.row_at(r).id for r in range(model.rowCount())] == [1, 2, 3, 6]
    assert model.total == 5 and model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 5 and not model.canFetchMore()
    assert [r.id for r in model.all_rows()] == [1, 2, 3, 6, 7]


def test_contact_list_pages_and_sorts_on_the_last_name(qtbot, app_ctx, small_pages):
    from regisseur_app.ui.contacts.contact_page import ContactPage

    with app_ctx.transaction() as s:
        for name in ("Jan Peeters", "An Van den Broeck", "Bart Claes", "Ann Claes", "Els Maes"):
            save_contact(s, ContactInput(name=name))
    page = ContactPage(app_ctx)
    qtbot.addWidget(page)
    page.refresh()  # as the main window does when it shows the page
    model = page.model
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["Ann Claes", "Bart Claes", "Els Maes"]
    assert page.count_label.text() == "5 contactpersonen"
    model.fetchMore()
    assert [model.index(r, 0).data() for r in range(3, 5)] == ["Jan Peeters", "An Van den Broeck"]
    page.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert model.index(0, 0).data() == "An Van den Broeck"


def test_columns_follow_the_window_width_and_headers_stay_readable(qtbot, main_window, app_ctx):
    from regisseur_app.domain.core import codelists as lists
    from tests.unit.events_support import org

    with app_ctx.transaction() as s:
        categories = [c.id for c in lists.list_items(s, lists.SERVICE_CATEGORY)][:4]
        for n in range(3):
            oid = org(s, f"Centrum voor Volwassenenonderwijs Demerland en omstreken {n}", "kennisinstelling",
                      seat="24008", active=["24008", "24028", "24137", "24054", "24135"])
            data = organisation_service.get_organisation(s, oid)
            data.category_ids, data.city = categories, "Sint-Margriete-Houtem"
            organisation_service.save_organisation(s, data, oid)
    main_window.resize(1600, 800)
    page = main_window.show_page("Organisaties")
    table, header = page.table, page.table.horizontalHeader()

    def fitted():
        widths = [table.columnWidth(c) for c in range(page.model.columnCount())]
        return sum(widths) <= table.viewport().width() and all(
            widths[c] >= min(header.sectionSizeHint(c), 320) for c in range(len(widths)))

    qtbot.waitUntil(fitted, timeout=3000)
    wide = [table.columnWidth(c) for c in range(page.model.columnCount())]
    main_window.resize(1280, 800)  # narrower: the columns are fitted again, every header still whole
    qtbot.waitUntil(lambda: fitted() and sum(table.columnWidth(c) for c in range(len(wide))) < sum(wide),
                    timeout=3000)
    assert page.model.headerData(org_columns.TARGET_GROUP, Qt.Orientation.Horizontal) == "Doelgroep-\nwerknemers"
    assert page.model.headerData(org_columns.TARGET_GROUP, Qt.Orientation.Horizontal,
                                 Qt.ItemDataRole.ToolTipRole) == "Doelgroepwerknemers"


def test_positions_and_loading_down_to_a_row_in_one_read(qtbot, app_ctx, orgs, small_pages):
    page = _page(qtbot, app_ctx)
    model = page.model
    reads = model.pages_fetched
    assert model.positions([orgs["Groene Vallei"], orgs["Atelier Noord"], -1]) == {
        orgs["Groene Vallei"]: 5, orgs["Atelier Noord"]: 0}
    model.load_through(4)  # row 4 is on the second page: that page is loaded in full, in one read
    assert _names(model) == NAMES[:6] and model.pages_fetched == reads + 1
    model.load_through(2)  # loaded already: nothing read
    assert model.pages_fetched == reads + 1
    model.load_through(6)
    assert _names(model) == NAMES and not model.canFetchMore()
