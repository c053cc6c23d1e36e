"""Omgevingsanalyse driven like a user: import a wide Excel file, see the comparison update, click a
matrix cell and see the organisations; type in the grid and undo; SWOT add, delete, undo, export."""

import openpyxl
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QMessageBox, QPlainTextEdit

from regisseur_app.domain.analysis import indicators as ind
from regisseur_app.domain.analysis import swot
from regisseur_app.domain.analysis.key_figures import get_values
from regisseur_app.domain.core import codelists
from regisseur_app.domain.core.organisation_service import OrganisationInput, save_organisation
from regisseur_app.ui.analysis.key_figure_import_dialog import KeyFigureImportDialog
from tests.ui.conftest import when_modal


@pytest.fixture
def inventory(app_ctx):
    with app_ctx.transaction() as s:
        types = {t.code: t.id for t in codelists.list_items(s, codelists.ORGANISATION_TYPE)}
        cats = {c.code: c.id for c in codelists.list_items(s, codelists.SERVICE_CATEGORY)}
        save_organisation(s, OrganisationInput("Groenwerk Hageland", types["maatwerkbedrijf"], seat_nis_code="24008",
                                               municipality_codes=["24008", "24137"],
                                               category_ids=[cats["groenonderhoud"]], target_group_employees=50))
        save_organisation(s, OrganisationInput("Tuinploeg Glabbeek", types["arbeidszorg"], seat_nis_code="24137",
                                               category_ids=[cats["groenonderhoud"], cats["klusjes"]]))
        save_organisation(s, OrganisationInput("Kringwinkel Velp", types["kringwinkel"], seat_nis_code="24028",
                                               category_ids=[cats["hergebruik"]]))
    return cats


def wide_excel(path, leefloon_bekkevoort=32):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Gemeente", "Jaar", "Inwoners", "Leefloongerechtigden"])
    for name, people, leefloon in (("Bekkevoort", 6400, leefloon_bekkevoort), ("GEETBETS", 6200, 31),
                                   ("Glabbéek", 5400, 27), ("24054", 8000, 20), ("Tielt Winge", 10800, 54)):
        sheet.append([name, 2024, people, leefloon])
    book.save(path)
    return path


def _click_message_box(qtbot, button_text, seen):
    """Answer the next message box (nested modal) by clicking the button with this text."""
    def answer():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(50, answer)
            return
        seen.append(box.text())
        button = next(b for b in box.buttons() if b.text().replace("&", "") == button_text)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    when_modal(answer)


def _import_through_dialog(qtbot, page, path, answers):
    """Open Importeren…, load the file, wait for the preview, press Importeren, answer the message boxes."""
    seen = {"messages": []}

    def drive():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, KeyFigureImportDialog)
        dialog.load_file(path)
        qtbot.waitUntil(lambda: dialog.preview is not None and dialog.import_button.isEnabled(), timeout=5000)
        seen["form"] = dialog.form_combo.currentData()
        seen["summary"] = dialog.summary.text()
        for answer in answers:
            _click_message_box(qtbot, answer, seen["messages"])
            break
        if len(answers) > 1:
            QTimer.singleShot(100, lambda: _click_message_box(qtbot, answers[1], seen["messages"]))
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)

    when_modal(drive)
    qtbot.mouseClick(page.key_figures.import_button, Qt.MouseButton.LeftButton)
    return seen


def _select(combo: QComboBox, text: str) -> None:
    combo.setCurrentIndex(next(i for i in range(combo.count()) if combo.itemText(i).startswith(text)))


def test_import_wide_excel_updates_comparison_then_matrix_cell_shows_organisations(qtbot, main_window, app_ctx,
                                                                                    inventory, tmp_path):
    page = main_window.show_page("Omgevingsanalyse")
    kf = page.key_figures
    _select(kf.indicator_combo, "Leefloongerechtigden")
    assert kf.model.rowCount() == 7 and kf.model.index(0, 1).data() == ""   # nothing yet
    seen = _import_through_dialog(qtbot, page, wide_excel(tmp_path / "kerncijfers.xlsx"), ["OK"])
    assert seen["form"] == "wide_indicator"
    assert seen["summary"].startswith("Waarden: 10 nieuw, 0 overslaan, 0 met fouten")
    assert "10 waarden toegevoegd" in seen["messages"][0]
    # the comparison view shows 2024 with the imported figures, per 1.000 inhabitants computed
    assert kf.year_combo.currentText() == "2024"
    rows = {kf.proxy.index(r, 0).data(): r for r in range(kf.proxy.rowCount())}
    bekkevoort = rows["Bekkevoort"]
    assert kf.proxy.index(bekkevoort, 1).data() == "32"
    assert kf.proxy.index(bekkevoort, 5).data() == "5,00"                 # 32 / 6.400 × 1.000
    total = rows["Regio (totaal)"]
    assert kf.proxy.index(total, 1).data() == "164"
    assert kf.proxy.index(total, 5).data() == "4,46"                      # 164 / 36.800 × 1.000
    assert kf.bar_chart.values == [32, 31, 27, 20, 54]
    assert kf.bar_chart.labels == ["Bekkevoort", "Geetbets", "Glabbeek", "Kortenaken", "Tielt-Winge"]
    kf.rate_check.setChecked(True)
    assert kf.bar_chart.values[0] == pytest.approx(5.0)
    # the offer map: click Groenonderhoud × Glabbeek and see both organisations
    page.tabs.setCurrentIndex(1)
    tab = page.offer_map
    model = tab.category_model
    row = next(r for r in range(model.rowCount()) if model.headerData(r, Qt.Orientation.Vertical) == "Groenonderhoud")
    column = next(c for c in range(model.columnCount()) if model.headerData(c, Qt.Orientation.Horizontal) == "Glabbeek")
    index = model.index(row, column)
    assert index.data() == "2"
    qtbot.mouseClick(tab.category_view.viewport(), Qt.MouseButton.LeftButton,
                     pos=tab.category_view.visualRect(index).center())
    assert tab.cell_title.text() == "Groenonderhoud in Glabbeek: 2 organisaties"
    assert sorted(tab.org_model.row_at(r).name for r in range(tab.org_model.rowCount())) == [
        "Groenwerk Hageland", "Tuinploeg Glabbeek"]
    # an empty cell says so
    empty = model.index(row, next(c for c in range(model.columnCount())
                                  if model.headerData(c, Qt.Orientation.Horizontal) == "Kortenaken"))
    qtbot.mouseClick(tab.category_view.viewport(), Qt.MouseButton.LeftButton,
                     pos=tab.category_view.visualRect(empty).center())
    assert "geen aanbod" in tab.cell_title.text() and tab.org_model.rowCount() == 0


def test_reimport_asks_replace_or_keep(qtbot, main_window, app_ctx, inventory, tmp_path):
    page = main_window.show_page("Omgevingsanalyse")
    _import_through_dialog(qtbot, page, wide_excel(tmp_path / "a.xlsx"), ["OK"])
    seen = _import_through_dialog(qtbot, page, wide_excel(tmp_path / "b.xlsx", leefloon_bekkevoort=40),
                                  ["Vervangen", "OK"])
    assert "1 waarde(n) uit het bestand staan al" in seen["messages"][0]
    assert "1 vervangen" in seen["messages"][1]
    with app_ctx.reading() as s:
        assert get_values(s, ind.indicator_by_code(s, "leefloon").id)[("24008", 2024)] == 40.0


def test_type_in_the_grid_and_undo(qtbot, main_window, app_ctx):
    page = main_window.show_page("Omgevingsanalyse")
    kf = page.key_figures
    _select(kf.indicator_combo, "Niet-werkende werkzoekenden")
    kf.tabs.setCurrentIndex(1)
    model = kf.grid_model
    column = model.years.index(2025)
    index = model.index(0, column)                       # Bekkevoort, 2025
    kf.grid.setCurrentIndex(index)
    kf.grid.edit(index)
    editor = kf.grid.findChild(QLineEdit)
    editor.setText("1.234,6")
    # Tab commits like Enter does (under the offscreen platform Enter does not reach the delegate)
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert index.data() == "1.235"                       # shown with the indicator's 0 decimals
    with app_ctx.reading() as s:
        nwwz = ind.indicator_by_code(s, "nwwz").id
        assert get_values(s, nwwz) == {("24008", 2025): 1234.6}
    other = model.index(1, column)                       # Geetbets, 2025
    kf.grid.setCurrentIndex(other)
    qtbot.wait(10)
    kf.grid.edit(other)
    editor = kf.grid.findChild(QLineEdit)
    editor.setText("veel")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert kf.grid_error.text() == "Geetbets, 2025: 'veel' is geen geldig getal. Er is niets gewijzigd."
    assert other.data() == ""
    qtbot.keyClick(main_window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    with app_ctx.reading() as s:
        assert get_values(s, nwwz) == {}
    assert index.data() == ""


def test_swot_add_delete_undo_and_export(qtbot, main_window, app_ctx, tmp_path):
    page = main_window.show_page("Omgevingsanalyse")
    page.tabs.setCurrentIndex(3)
    tab = page.swot
    _select(tab.scope_combo, "Glabbeek")

    def fill():
        dialog = QApplication.activeModalWidget()
        dialog.findChild(QPlainTextEdit, "text").setPlainText("Geen buurtrestaurant in de gemeente")
        kind = dialog.findChild(QComboBox, "source_kind")
        kind.setCurrentIndex(kind.findData("survey"))
        qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)   # Bewaren: source missing
        assert "Beschrijf de bron" in dialog.findChild(type(dialog.counter), "error_source_text").text()
        dialog.findChild(QLineEdit, "source_text").setText("Behoeftepeiling 2025")
        qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)

    when_modal(fill)
    qtbot.mouseClick(tab.panels["W"].add_button, Qt.MouseButton.LeftButton)
    weak = tab.panels["W"].list
    assert weak.count() == 1
    assert weak.item(0).text() == "Geen buurtrestaurant in de gemeente\n↳ Behoeftepeiling 2025"
    with app_ctx.reading() as s:
        assert [i.text for i in swot.list_swot(s, "24137")["W"]] == ["Geen buurtrestaurant in de gemeente"]
        assert swot.list_swot(s, None)["W"] == []                      # not in the regional SWOT
    pdf = tmp_path / "swot.pdf"
    assert tab.export_to(pdf) and pdf.read_bytes().startswith(b"%PDF")
    xlsx = tmp_path / "swot.xlsx"
    assert tab.export_to(xlsx)
    sheet = openpyxl.load_workbook(xlsx).active
    assert [c.value for c in sheet[1]] == ["Kwadrant", "Volgorde", "Omschrijving", "Bron"]
    assert [c.value for c in sheet[2]] == ["Zwaktes", 1, "Geen buurtrestaurant in de gemeente",
                                           "Behoeftepeiling 2025"]
    weak.setCurrentRow(0)
    qtbot.mouseClick(tab.panels["W"].delete_button, Qt.MouseButton.LeftButton)
    with app_ctx.reading() as s:
        assert swot.swot_count(s, "24137") == 0
    main_window.activateWindow()                                   # the closed dialog had the focus
    qtbot.waitUntil(main_window.isActiveWindow, timeout=2000)
    qtbot.keyClick(main_window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    with app_ctx.reading() as s:
        assert swot.swot_count(s, "24137") == 1
    assert weak.item(0).text().startswith("Geen buurtrestaurant")


def test_a_national_file_shows_the_rows_read_in_and_imports_them(qtbot, app_ctx):
    """The Statbel-shaped file of all 581 municipalities: the year asked once, the 576 rows of other
    municipalities skipped (hidden unless asked for), the five participating ones imported."""
    from pathlib import Path

    path = Path(__file__).parent.parent / "data" / "statbel_bevolking_2024.csv"
    dialog = KeyFigureImportDialog(app_ctx, path=path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=10000)
    dialog.fixed_year.setValue(2024)
    qtbot.waitUntil(lambda: dialog.preview is not None and dialog.import_button.isEnabled(), timeout=10000)
    assert "5 nieuw, 576 overslaan, 0 met fouten" in dialog.summary.text()
    assert dialog.model.rowCount() == 5
    assert dialog.show_skipped.isVisible() and "(576)" in dialog.show_skipped.text()
    dialog.show_skipped.setChecked(True)
    assert dialog.model.rowCount() == 581
    messages = []
    timer = QTimer()
    timer.timeout.connect(lambda: _close_box(messages))
    timer.start(30)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result() == 1, timeout=15000)
    timer.stop()
    with app_ctx.reading() as s:
        values = get_values(s, ind.indicator_by_code(s, "inwoners").id)
    assert values[("24008", 2024)] == 6332.0 and len(values) == 5


def _close_box(messages):
    box = QApplication.activeModalWidget()
    if isinstance(box, QMessageBox):
        messages.append(box.text())
        (box.button(QMessageBox.StandardButton.Yes) or box.button(QMessageBox.StandardButton.Ok)).click()
