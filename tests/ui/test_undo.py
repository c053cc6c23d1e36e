"""One undo stack for the window: Ctrl+Z / Ctrl+Y work the same on every page, through operations."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QPushButton
from sqlalchemy import text

from regisseur_app.domain.analysis import indicators as ind
from regisseur_app.domain.analysis import swot
from regisseur_app.domain.analysis.key_figures import get_values
from regisseur_app.domain.core import codelists, organisation_service
from regisseur_app.domain.core.organisation_service import OrganisationInput
from regisseur_app.operations import analysis as analysis_ops
from tests.ui.conftest import when_modal


def _undo(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def _redo(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    qtbot.keyClick(window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)


def _active_names(ctx):
    with ctx.reading() as s:
        return [r.name for r in organisation_service.list_organisations(s)]


def test_archive_organisation_undo_and_redo(qtbot, main_window, app_ctx):
    with app_ctx.transaction() as s:
        type_id = codelists.list_items(s, codelists.ORGANISATION_TYPE)[0].id
        organisation_service.save_organisation(s, OrganisationInput("Kringwinkel Hageland", type_id))
        organisation_service.save_organisation(s, OrganisationInput("Groenwerk", type_id))
    page = main_window.show_page("Organisaties")
    page.refresh()
    row = next(r for r in range(page.proxy.rowCount())
               if page.proxy.index(r, 0).data() == "Kringwinkel Hageland")
    page.table.selectRow(row)
    qtbot.mouseClick(page.archive_button, Qt.MouseButton.LeftButton)
    assert _active_names(app_ctx) == ["Groenwerk"]
    assert page.model.rowCount() == 1
    assert main_window.undo_stack.undoText() == "1 organisatie archiveren"

    _undo(qtbot, main_window)
    assert _active_names(app_ctx) == ["Groenwerk", "Kringwinkel Hageland"]
    assert page.model.rowCount() == 2                       # the page on screen shows it at once
    assert main_window.statusBar().currentMessage() == "Ongedaan gemaakt: 1 organisatie archiveren."

    _redo(qtbot, main_window)
    assert _active_names(app_ctx) == ["Groenwerk"]
    assert page.model.rowCount() == 1
    assert main_window.statusBar().currentMessage() == "Opnieuw uitgevoerd: 1 organisatie archiveren."

    _undo(qtbot, main_window)                                # and back once more: the stack keeps working
    assert page.model.rowCount() == 2


def test_undo_works_from_another_page(qtbot, main_window, app_ctx):
    """The stack belongs to the window: an archive done on Organisaties is undone while on Overzicht."""
    with app_ctx.transaction() as s:
        type_id = codelists.list_items(s, codelists.ORGANISATION_TYPE)[0].id
        organisation_service.save_organisation(s, OrganisationInput("Buurtwinkel", type_id))
    page = main_window.show_page("Organisaties")
    page.refresh()
    page.table.selectRow(0)
    qtbot.mouseClick(page.archive_button, Qt.MouseButton.LeftButton)
    main_window.show_page("Overzicht")
    _undo(qtbot, main_window)
    assert _active_names(app_ctx) == ["Buurtwinkel"]


def _grid_cell(page, year=2025):
    kf = page.key_figures
    kf.indicator_combo.setCurrentIndex(kf.indicator_combo.findText("Niet-werkende werkzoekenden", Qt.MatchFlag.MatchContains))
    kf.tabs.setCurrentIndex(1)
    return kf, kf.grid_model.index(0, kf.grid_model.years.index(year))


def test_key_figure_cell_undo_and_redo(qtbot, main_window, app_ctx):
    page = main_window.show_page("Omgevingsanalyse")
    kf, index = _grid_cell(page)
    kf.grid.setCurrentIndex(index)
    kf.grid.edit(index)
    editor = kf.grid.findChild(QLineEdit)
    editor.setText("812")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    qtbot.wait(20)  # the window's refresh after the operation runs from the event loop
    moved_to = kf.grid.currentIndex()
    assert moved_to.isValid() and moved_to != index  # Tab went on to the next cell: typing can go on there
    with app_ctx.reading() as s:
        nwwz = ind.indicator_by_code(s, "nwwz").id
        assert get_values(s, nwwz) == {("24008", 2025): 812.0}

    _undo(qtbot, main_window)
    with app_ctx.reading() as s:
        assert get_values(s, nwwz) == {}
    assert kf.grid_model.index(0, index.column()).data() == ""

    _redo(qtbot, main_window)
    with app_ctx.reading() as s:
        assert get_values(s, nwwz) == {("24008", 2025): 812.0}
    assert kf.grid_model.index(0, index.column()).data() == "812"


def test_swot_item_delete_undo_and_redo(qtbot, main_window, app_ctx):
    with app_ctx.transaction() as s:
        first = swot.save_swot_item(s, swot.SwotInput("S", "Sterk netwerk"))
        swot.save_swot_item(s, swot.SwotInput("S", "Veel vrijwilligers"))
    page = main_window.show_page("Omgevingsanalyse")
    page.tabs.setCurrentIndex(3)
    tab = page.swot
    strengths = tab.panels["S"].list
    strengths.setCurrentRow(0)
    assert tab.panels["S"].selected_id() == first
    qtbot.mouseClick(tab.panels["S"].delete_button, Qt.MouseButton.LeftButton)
    assert [strengths.item(i).text() for i in range(strengths.count())] == ["Veel vrijwilligers"]

    _undo(qtbot, main_window)
    with app_ctx.reading() as s:
        assert [i.text for i in swot.list_swot(s, None)["S"]] == ["Sterk netwerk", "Veel vrijwilligers"]  # its place
    assert strengths.count() == 2

    _redo(qtbot, main_window)                                # deletes the item that came back (a new id)
    with app_ctx.reading() as s:
        assert [i.text for i in swot.list_swot(s, None)["S"]] == ["Veel vrijwilligers"]
    assert strengths.count() == 1


def test_failed_undo_says_so_in_dutch_and_leaves_the_stack(qtbot, main_window, app_ctx):
    with app_ctx.reading() as s:
        nwwz = ind.indicator_by_code(s, "nwwz").id
    analysis_ops.set_key_figure(app_ctx, nwwz, "24008", 2025, 5.0)
    with app_ctx.transaction() as s:   # meanwhile (another copy of the app, say) Bekkevoort got another NIS code
        s.execute(text("DELETE FROM key_figure_value"))
        s.execute(text("UPDATE municipality SET nis_code = '99999' WHERE nis_code = '24008'"))
    seen = []

    def read_and_close():
        box = QApplication.activeModalWidget()
        seen.append((box.windowTitle(), box.text()))
        box.button(QMessageBox.StandardButton.Ok).click()

    when_modal(read_and_close)
    _undo(qtbot, main_window)
    assert seen and seen[0][0] == "Ongedaan maken mislukt"
    assert "Onbekende gemeente" in seen[0][1] and "Er is niets gewijzigd" in seen[0][1]
    assert not main_window.undo_stack.canUndo()             # the failed step was dropped
    _undo(qtbot, main_window)                                # and Ctrl+Z again is harmless
    assert main_window.statusBar().currentMessage() == "Er is niets om ongedaan te maken."


def _edit_name_in_dialog(qtbot, page, new_name):
    """Open the selected row's dialog like a user (the edit command), type a new name, click Opslaan."""
    def edit():
        dialog = QApplication.activeModalWidget()
        dialog.name_edit.clear()
        qtbot.keyClicks(dialog.name_edit, new_name)
        [save] = [b for b in dialog.findChildren(QPushButton) if b.text() == "Opslaan"]
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
        if dialog.isVisible():  # refused (a message at a field): the test fails instead of waiting
            dialog.reject()

    when_modal(edit)
    page.edit_selected()


def test_editing_an_organisation_undo_and_redo(qtbot, main_window, app_ctx):
    with app_ctx.transaction() as s:
        type_id = codelists.list_items(s, codelists.ORGANISATION_TYPE)[0].id
        org_id = organisation_service.save_organisation(s, OrganisationInput("Kringwinkel Hageland", type_id,
                                                                             website="www.kringwinkel.be"))
    page = main_window.show_page("Organisaties")
    page.refresh()
    page.table.selectRow(0)
    _edit_name_in_dialog(qtbot, page, "Kringwinkel Hageland Oost")
    assert _active_names(app_ctx) == ["Kringwinkel Hageland Oost"]
    assert main_window.undo_stack.undoText() == "organisatie 'Kringwinkel Hageland Oost' wijzigen"

    _undo(qtbot, main_window)
    with app_ctx.reading() as s:
        back = organisation_service.get_organisation(s, org_id)
    assert back.name == "Kringwinkel Hageland" and back.website == "www.kringwinkel.be"
    assert page.model.index(0, 0).data() == "Kringwinkel Hageland"  # the list on screen follows

    _redo(qtbot, main_window)
    assert _active_names(app_ctx) == ["Kringwinkel Hageland Oost"]


def test_editing_a_contact_undo_and_redo_and_an_unchanged_save_adds_no_step(qtbot, main_window, app_ctx):
    from regisseur_app.domain.core import contact_service
    from regisseur_app.domain.core.contact_service import ContactInput

    with app_ctx.transaction() as s:
        contact_id = contact_service.save_contact(s, ContactInput(name="An Peeters", email="an@voorbeeld.be"))
    page = main_window.show_page("Contactpersonen")
    page.refresh()
    page.table.selectRow(0)
    _edit_name_in_dialog(qtbot, page, "An Peeters-Janssens")
    steps = main_window.undo_stack.count()
    _edit_name_in_dialog(qtbot, page, "An Peeters-Janssens")  # saved as it was: nothing to undo
    assert main_window.undo_stack.count() == steps

    _undo(qtbot, main_window)
    with app_ctx.reading() as s:
        back = contact_service.get_contact(s, contact_id)
    assert back.name == "An Peeters" and back.email == "an@voorbeeld.be"
    _redo(qtbot, main_window)
    with app_ctx.reading() as s:
        assert contact_service.get_contact(s, contact_id).name == "An Peeters-Janssens"
