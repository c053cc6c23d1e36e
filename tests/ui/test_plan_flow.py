"""GUI flows of the action plan, driven like a user: the start screen guides a fresh database, a status
change on the plan shows on the start screen, an execution edited in its dialog, a KPI's figures one
double-click away, a collaboration entered; and the cells of the table models."""

from datetime import date
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
)

from regisseur_app.domain.plan import collaborations, kpis, service
from regisseur_app.operations import plan as ops
from regisseur_app.reports.plan.sources import registered_sources
from regisseur_app.ui.plan.plan_tree_model import ACTION, ID_ROLE, KIND_ROLE
from tests.ui.conftest import when_modal
from tests.unit.events_support import org

YEAR = date.today().year


def _click(qtbot, button):
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _plan_section(home):
    return next(s for s in home.sections if s.objectName() == "plan_home_section")


def _select_actions(tab, numbers):
    model, selection = tab.model, tab.tree.selectionModel()
    selection.clearSelection()
    for r in range(model.rowCount()):
        parent = model.item(r)
        for c in range(parent.rowCount()):
            if parent.child(c).text() in numbers:
                selection.select(parent.child(c).index(),
                                 QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)


def test_fresh_database_guides_the_first_steps(qtbot, main_window):
    home = main_window.show_page("Overzicht")
    section = _plan_section(home)
    assert section.guide.isVisible()
    assert not section.chips, "no red failures before there is a plan"
    assert not section.subsidy_heading.isVisible()
    _click(qtbot, section.guide.findChild(QPushButton, "step_plan"))
    assert main_window.nav.currentItem().text() == "Actieplan"
    page = main_window.current_page()
    assert page.plan_tab.empty.isVisible() and page.plan_tab.default_button.isEnabled()


def test_status_change_on_the_plan_updates_the_start_screen(qtbot, main_window, app_ctx):
    ops.load_default_plan(app_ctx, YEAR)
    home = main_window.show_page("Overzicht")
    section = _plan_section(home)
    assert section.guide.findChild(QPushButton, "step_plan") is None  # that step is done
    assert {chip.property("state") for chip in section.chips.values()} == {"risico"}
    kpi_rows = {section.kpi_table.item(r, 0).text(): section.kpi_table.item(r, 2).text()
                for r in range(section.kpi_table.rowCount())}
    assert kpi_rows["Responsgraad behoeftepeiling"] == "geen gegevens"  # no survey yet: said, not a blank cell
    assert kpi_rows["Werkbezoeken bij de lokale besturen"] == "niet ingevuld"
    page = main_window.show_page("Actieplan")
    tab = page.plan_tab
    # one action for each WSE-LR priority: 1.1 (LR1), 2.2 (LR2), 4.2 (LR3), 5.2 (LR4)
    _select_actions(tab, {"1.1", "2.2", "4.2", "5.2"})
    assert len([i for kind, i in tab._selected() if kind == ACTION]) == 4

    def choose_running():
        dialog = QApplication.activeModalWidget()
        seen["options"] = dialog.comboBoxItems()
        dialog.setTextValue("Lopend")
        dialog.accept()

    seen = {}
    when_modal(choose_running)
    _click(qtbot, tab.status_button)
    assert seen["options"] == ["Niet gestart", "Lopend", "Gerealiseerd", "Uitgesteld"]
    assert tab.model.item(0).child(0, 3).text() == "Lopend"
    home = main_window.show_page("Overzicht")
    assert {chip.property("state") for chip in section.chips.values()} == {"gehaald"}
    assert section.subsidy_note.text().startswith("5 van 5 gemeenten")
    main_window.undo_stack.undo()  # Ctrl+Z: back to 'niet gestart'
    main_window.show_page("Overzicht")
    assert {chip.property("state") for chip in section.chips.values()} == {"risico"}


def test_edit_an_execution_in_its_dialog(qtbot, main_window, app_ctx):
    ops.load_default_plan(app_ctx, YEAR)
    with app_ctx.reading() as s:
        action = next(a for a in service.list_actions(s) if a.number == "3.1")
    page = main_window.show_page("Actieplan")
    seen = {}

    def execution():
        dialog = QApplication.activeModalWidget()
        dialog.status_combo.setCurrentIndex(dialog.status_combo.findText("Gerealiseerd"))
        qtbot.keyClicks(dialog.findChild(QPlainTextEdit, "execution_result"), "Analyse voorgesteld aan het college")
        _click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Save))

    def action_dialog():
        dialog = QApplication.activeModalWidget()
        seen["tabs"] = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
        dialog.tabs.setCurrentIndex(1)
        panel = dialog.executions
        panel.table.selectRow(0)
        seen["municipality"] = panel.model.index(0, 0).data()
        when_modal(execution)
        _click(qtbot, panel.edit_button)
        seen["cell"] = panel.table.model().index(0, 1).data()
        dialog.reject()

    when_modal(action_dialog)
    page.open_action(action.id)
    assert seen["tabs"] == ["Actie", "Per gemeente", "Koppelingen"]
    assert seen["cell"] == "Gerealiseerd"
    with app_ctx.reading() as s:
        row = next(a for a in service.list_actions(s) if a.id == action.id).execution("24008")
    assert (seen["municipality"], row.status, row.result) == ("Bekkevoort", "gerealiseerd",
                                                             "Analyse voorgesteld aan het college")


def test_kpi_figures_are_one_double_click_away(qtbot, main_window, app_ctx):
    ops.load_default_plan(app_ctx, YEAR)
    page = main_window.show_page("Actieplan")
    tab = page.show_tab("kpis")
    titles = [tab.model.index(r, 1).data() for r in range(tab.model.rowCount())]
    assert "Netwerkevenementen gehouden" in titles and "Werkbezoeken bij de lokale besturen" in titles
    row = titles.index("Nieuwe samenwerkingen en opdrachten")
    assert tab.model.index(row, 4).data() == "6"
    assert tab.model.index(row, 3).data() == "0"  # computed: no collaboration yet
    # no blank value cells: a computed KPI without data and a hand KPI without a value each say so
    assert tab.model.index(titles.index("Responsgraad behoeftepeiling"), 3).data() == "geen gegevens"
    assert tab.model.index(titles.index("Werkbezoeken bij de lokale besturen"), 3).data() == "niet ingevuld"
    seen = {}

    def figures():
        dialog = QApplication.activeModalWidget()
        seen["title"] = dialog.windowTitle()
        seen["last"] = [dialog.model.index(dialog.model.rowCount() - 1, c).data()
                        for c in range(dialog.model.columnCount())]
        dialog.reject()

    when_modal(figures)
    proxy_row = next(r for r in range(tab.table.model().rowCount())
                     if tab.table.model().index(r, 1).data() == "Nieuwe samenwerkingen en opdrachten")
    tab.table.selectRow(proxy_row)
    tab.buttons["figures"].click()
    assert seen["title"] == "Cijfers achter de waarde – Nieuwe samenwerkingen en opdrachten"
    assert seen["last"] == ["Totaal", "", "", "", "0"]
    assert not tab.buttons["value"].isEnabled(), "a computed KPI takes no hand value"


def test_enter_a_collaboration(qtbot, main_window, app_ctx):
    ops.load_default_plan(app_ctx, YEAR)
    with app_ctx.transaction() as s:
        org(s, "Bouw Epsilon", "regulier")
        org(s, "Maatwerk Alfa", "maatwerkbedrijf")
    page = main_window.show_page("Actieplan")
    tab = page.show_tab("collaborations")
    assert tab.hint.isVisible()

    def fill():
        dialog = QApplication.activeModalWidget()
        qtbot.keyClicks(dialog.findChild(QLineEdit, "collab_title"), "Groenonderhoud bedrijventerrein")
        dialog.town_combo.setCurrentIndex(dialog.town_combo.findText("Bekkevoort"))
        qtbot.keyClicks(dialog.findChild(QLineEdit, "collab_value"), "12.500,50")
        qtbot.keyClicks(dialog.findChild(QLineEdit, "collab_jobs"), "2")
        parties = dialog.parties
        for name, role in (("Bouw Epsilon", "Opdrachtgever"), ("Maatwerk Alfa", "Uitvoerder")):
            parties.org_combo.setCurrentIndex(parties.org_combo.findText(name))
            parties.role_combo.setCurrentIndex(parties.role_combo.findText(role))
            _click(qtbot, parties.findChild(QPushButton, "add_party"))
        _click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Save))

    when_modal(fill)
    page.open_editor(None)
    assert tab.model.rowCount() == 1
    assert [tab.model.index(0, c).data() for c in (1, 3, 4, 5)] == [
        "Groenonderhoud bedrijventerrein", "Bekkevoort", "€ 12.500,50", "2"]
    assert tab.model.index(0, 6).data() == "Bouw Epsilon (opdrachtgever); Maatwerk Alfa (uitvoerder)"
    with app_ctx.reading() as s:
        value = next(p for p in kpis.progress(s, date.today().year, sources=registered_sources()) if p.source_key == "plan_assignment_value").value
    assert value == 12500.5
    tab.table.selectRow(0)
    when_modal(lambda: QApplication.activeModalWidget().button(QMessageBox.StandardButton.Yes).click())
    tab.delete()
    with app_ctx.reading() as s:
        assert collaborations.list_collaborations(s) == []


def test_progress_report_files_are_written(qtbot, main_window, app_ctx, tmp_path: Path):
    from regisseur_app.ui.plan.progress_report import export_progress_report

    ops.load_default_plan(app_ctx, YEAR)
    page = main_window.show_page("Actieplan")
    for kind in ("pdf", "xlsx"):
        target = tmp_path / f"voortgang.{kind}"
        export_progress_report(page, app_ctx, kind, YEAR, target)
        qtbot.waitUntil(target.exists, timeout=30000)
        assert target.stat().st_size > 2000


def test_tree_shows_status_per_municipality(qtbot, main_window, app_ctx):
    ops.load_default_plan(app_ctx, YEAR)
    with app_ctx.reading() as s:
        action = service.list_actions(s)[0]
    ops.set_action_status(app_ctx, [action.execution("24028").id], "gerealiseerd")
    tab = main_window.show_page("Actieplan").plan_tab
    headers = [tab.model.headerData(c, Qt.Orientation.Horizontal) for c in range(tab.model.columnCount())]
    assert headers[:4] == ["Nr.", "Doelstelling / actie", "WSE-LR", "Samen"]
    first = tab.model.item(0)
    assert first.child(0, 0).data(KIND_ROLE) == ACTION and first.child(0, 0).data(ID_ROLE) == action.id
    cells = {headers[c]: first.child(0, c).text() for c in range(2, len(headers))}
    assert cells["Geetbets"] == "Gerealiseerd" and cells["Bekkevoort"] == "Niet gestart"
    assert cells["Samen"] == "Lopend" and cells["WSE-LR"] == "WSE-LR1"
    qtbot.keyClicks(tab.search_edit, "WSE-LR4")
    shown = [tab.model.item(r).child(c, 0).text() for r in range(tab.model.rowCount())
             for c in range(tab.model.item(r).rowCount())]
    assert shown == ["2.3", "3.4", "5.1", "5.2"]
