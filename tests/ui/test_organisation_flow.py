"""GUI flows driven like a user: type, click, choose."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QDialogButtonBox, QLabel, QLineEdit

from regisseur_app.domain.core import organisation_service
from regisseur_app.ui.organisations.organisation_dialog import OrganisationDialog
from tests.ui.conftest import when_modal


def _fill_basic(qtbot, dialog, name, kbo):
    qtbot.keyClicks(dialog.findChild(QLineEdit, "name"), name)
    qtbot.keyClicks(dialog.findChild(QLineEdit, "kbo_number"), kbo)
    combo = dialog.findChild(QComboBox, "type")
    combo.setCurrentIndex(combo.findText("Kringwinkel"))


def _save(qtbot, dialog):
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)


def test_bad_kbo_shows_message_at_the_field_and_saves_nothing(qtbot, app_ctx):
    dialog = OrganisationDialog(app_ctx)
    qtbot.addWidget(dialog)
    _fill_basic(qtbot, dialog, "Kringwinkel Test", "0403.170.702")
    _save(qtbot, dialog)
    message = dialog.findChild(QLabel, "error_kbo_number")
    assert not message.isHidden()
    assert "controlegetal" in message.text()
    assert dialog.result() == 0  # still open
    with app_ctx.reading() as s:
        assert organisation_service.list_organisations(s) == []
    # the user corrects the number and saves
    kbo = dialog.findChild(QLineEdit, "kbo_number")
    kbo.clear()
    qtbot.keyClicks(kbo, "0403.170.701")
    _save(qtbot, dialog)
    assert dialog.result() == 1
    with app_ctx.reading() as s:
        assert [r.kbo_number for r in organisation_service.list_organisations(s)] == ["0403.170.701"]


def test_create_organisation_from_the_main_window(qtbot, main_window, app_ctx):
    page = main_window.show_page("Organisaties")
    assert page.model.rowCount() == 0
    seen = {}

    def fill_dialog():
        dialog = QApplication.activeModalWidget()
        seen["title"] = dialog.windowTitle()
        _fill_basic(qtbot, dialog, "Kringwinkel Hageland", "0403170701")
        qtbot.keyClicks(dialog.findChild(QLineEdit, "postcode"), "3460")
        dialog.municipality_list.set_checked(["24008", "24028"])
        _save(qtbot, dialog)

    when_modal(fill_dialog)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    assert seen["title"] == "Nieuwe organisatie"
    assert page.model.rowCount() == 1
    assert page.proxy.index(0, 0).data() == "Kringwinkel Hageland"
    assert page.proxy.index(0, 4).data() == "Bekkevoort, Geetbets"
    # search as you type narrows the list; a non-matching text empties it
    qtbot.keyClicks(page.search_edit, "zzz")
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=2000)
    page.search_edit.clear()
    qtbot.keyClicks(page.search_edit, "hagel")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=2000)


def test_archive_and_undo(qtbot, main_window, app_ctx):
    from regisseur_app.domain.core import codelists
    from regisseur_app.domain.core.organisation_service import OrganisationInput

    with app_ctx.transaction() as s:
        type_id = codelists.list_items(s, codelists.ORGANISATION_TYPE)[0].id
        organisation_service.save_organisation(s, OrganisationInput("Te archiveren", type_id))
    page = main_window.show_page("Organisaties")
    page.refresh()
    page.table.selectRow(0)
    qtbot.mouseClick(page.archive_button, Qt.MouseButton.LeftButton)
    assert page.model.rowCount() == 0
    assert "gearchiveerd" in main_window.statusBar().currentMessage()
    qtbot.keyClick(main_window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert page.model.rowCount() == 1
    with app_ctx.reading() as s:
        assert [r.name for r in organisation_service.list_organisations(s)] == ["Te archiveren"]


def test_window_shows_database_and_dutch_menus(main_window, app_ctx):
    assert str(app_ctx.db_path) in main_window.db_label.text()
    menus = [a.text().replace("&", "") for a in main_window.menuBar().actions()]
    assert menus == ["Bestand", "Bewerken", "Beeld", "Beheer", "Help"]
    assert "IGO test" in main_window.windowTitle()


def test_the_contact_list_sorts_on_the_last_name(qtbot):
    from regisseur_app.domain.core.contact_service import ContactRow
    from regisseur_app.ui.contacts.table_model import ContactTableModel
    from regisseur_app.ui.table_base import sorting_proxy

    def row(i, name):
        return ContactRow(i, name, "", None, "", "", "", "", False)

    from PySide6.QtWidgets import QWidget

    owner = QWidget()
    qtbot.addWidget(owner)  # a table model with a parent (a parentless one is unsafe at garbage collection)
    model = ContactTableModel(owner)
    model.set_rows([row(1, "Jan Peeters"), row(2, "An Van den Broeck"), row(3, "Bart Claes"), row(4, "Ann Claes")])
    proxy = sorting_proxy(model)
    proxy.sort(0)
    assert [proxy.index(r, 0).data() for r in range(4)] == ["Ann Claes", "Bart Claes", "Jan Peeters",
                                                            "An Van den Broeck"]


def test_every_column_of_the_organisation_list_fits_a_1280_window(qtbot, main_window, app_ctx):
    """Long names, places and categories: the right-hand columns (categories, target-group employees,
    contacts) stay on screen; long cells elide and have the full text as tooltip."""
    from regisseur_app.domain.core import codelists
    from tests.unit.events_support import org

    with app_ctx.transaction() as s:
        categories = [c.id for c in codelists.list_items(s, codelists.SERVICE_CATEGORY)][:4]
        for n in range(3):
            oid = org(s, f"Centrum voor Volwassenenonderwijs Demerland en omstreken {n}", "kennisinstelling",
                      seat="24008", active=["24008", "24028", "24137", "24054", "24135"])
            data = organisation_service.get_organisation(s, oid)
            data.category_ids, data.city, data.target_group_employees = categories, "Sint-Margriete-Houtem", 12
            organisation_service.save_organisation(s, data, oid)
    main_window.resize(1280, 800)
    page = main_window.show_page("Organisaties")
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)
    table = page.table
    widths = [table.columnWidth(c) for c in range(page.model.columnCount())]
    assert sum(widths) <= table.viewport().width()
    assert min(widths) >= 90
    name = page.proxy.index(0, 0)
    assert name.data(Qt.ItemDataRole.ToolTipRole) == name.data()


def test_delete_a_contact_after_confirmation(qtbot, main_window, app_ctx):
    from PySide6.QtWidgets import QMessageBox

    from regisseur_app.domain.core import contact_service
    from tests.unit.events_support import contact

    with app_ctx.transaction() as s:
        contact(s, "Jan Peeters")
        contact(s, "Els Claes")
    page = main_window.show_page("Contactpersonen")
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    row = next(r for r in range(page.proxy.rowCount()) if page.proxy.index(r, 0).data() == "Jan Peeters")
    page.table.selectRow(row)
    asked = []

    def answer(button):
        def press():
            box = QApplication.activeModalWidget()
            asked.append(box.text())
            box.button(button).click()
        return press

    when_modal(answer(QMessageBox.StandardButton.No))
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert page.model.rowCount() == 2  # 'Nee': nothing happens
    when_modal(answer(QMessageBox.StandardButton.Yes))
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert "Jan Peeters definitief verwijderen?" in asked[0] and "anoniem bewaard" in asked[0]
    with app_ctx.reading() as s:
        assert [c.name for c in contact_service.list_contacts(s)] == ["Els Claes"]
