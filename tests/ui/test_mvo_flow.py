"""GUI flow of the MVO page, driven like a user: choose an organisation, fill three indicators and see the
completeness change; a bad value is shown at its field and nothing is stored."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit

from regisseur_app.domain.mvo.indicators import list_indicators
from regisseur_app.domain.mvo.values import completeness, year_sheet
from tests.unit.events_support import org


def _select(page, name: str) -> None:
    tab = page.entry
    for row in range(tab.proxy.rowCount()):
        if tab.proxy.index(row, 0).data() == name:
            tab.table.setCurrentIndex(tab.proxy.index(row, 0))
            return
    raise AssertionError(f"{name} not in the list")


def test_fill_three_indicators_and_see_completeness_change(qtbot, main_window, app_ctx):
    with app_ctx.transaction() as s:
        org_id = org(s, "Kringwinkel Proef", "kringwinkel", active=["24008"])
        total = len([i for i in list_indicators(s) if not i.is_computed])
    page = main_window.show_page("MVO")
    tab = page.entry
    tab.year_combo.setCurrentIndex(tab.year_combo.findData(2025))
    _select(page, "Kringwinkel Proef")
    form = tab.form
    completeness_label = tab.findChild(QLabel, "completeness")
    assert completeness_label.text() == f"0 van {total} ingevuld"
    assert tab.proxy.index(0, 2).data() == f"0 van {total} ingevuld"

    qtbot.keyClicks(form.findChild(QLineEdit, "value_dgw_personen"), "24")
    assert completeness_label.text() == f"1 van {total} ingevuld (niet bewaard)"
    qtbot.keyClicks(form.findChild(QLineEdit, "value_hergebruik_textiel"), "120,5")
    qtbot.keyClicks(form.findChild(QLineEdit, "source_hergebruik_textiel"), "weegbonnen")
    beleid = form.findChild(QComboBox, "value_mvo_beleid")
    beleid.setCurrentIndex(beleid.findData("ja"))
    assert completeness_label.text() == f"3 van {total} ingevuld (niet bewaard)"
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)

    assert completeness_label.text() == f"3 van {total} ingevuld"
    assert tab.proxy.index(0, 2).data() == f"3 van {total} ingevuld"
    with app_ctx.reading() as s:
        assert completeness(s, org_id, 2025).filled == 3
        rows = {r.indicator.code: r for r in year_sheet(s, org_id, 2025)}
    assert (rows["dgw_personen"].number, rows["hergebruik_textiel"].number, rows["mvo_beleid"].number) == (24, 120.5, 1)
    assert rows["hergebruik_textiel"].source == "weegbonnen"
    # the computed indicator shows 120,5 t × 4,0 and its formula
    assert tab.form.findChild(QLabel, "computed_vermeden_co2").text() == "<b>482,0</b>"
    assert "emissiefactor" in tab.form.findChild(QLabel, "formula_vermeden_co2").text()

    # undo (Ctrl+Z in the window) takes the three values away again
    main_window.undo_stack.undo()
    with app_ctx.reading() as s:
        assert completeness(s, org_id, 2025).filled == 0


def test_bad_values_are_shown_at_the_field_and_nothing_is_stored(qtbot, main_window, app_ctx):
    with app_ctx.transaction() as s:
        org_id = org(s, "Kringwinkel Fout", "kringwinkel")
    page = main_window.show_page("MVO")
    tab = page.entry
    tab.year_combo.setCurrentIndex(tab.year_combo.findData(2025))
    _select(page, "Kringwinkel Fout")
    qtbot.keyClicks(tab.form.findChild(QLineEdit, "value_dgw_personen"), "12")
    qtbot.keyClicks(tab.form.findChild(QLineEdit, "value_ziekteverzuim"), "140")
    qtbot.keyClicks(tab.form.findChild(QLineEdit, "value_ton_ingezameld"), "-3")
    qtbot.keyClicks(tab.form.findChild(QLineEdit, "value_omzet"), "veel")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    error = tab.form.findChild(QLabel, "error_ziekteverzuim")
    assert not error.isHidden() and "140 % ligt boven het maximum van 100 %" in error.text()
    assert "negatief" in tab.form.findChild(QLabel, "error_ton_ingezameld").text()
    assert "'veel' is geen getal" in tab.form.findChild(QLabel, "error_omzet").text()
    assert tab.form.findChild(QLabel, "error_dgw_personen").isHidden()
    with app_ctx.reading() as s:
        assert completeness(s, org_id, 2025).filled == 0


def _filled_template(app_ctx, tmp_path, org_id, year=2025, **cells):
    import openpyxl

    from regisseur_app.exchange.mvo.template import HEADER_ROW, write_template

    path = tmp_path / f"sjabloon-{org_id}.xlsx"
    with app_ctx.reading() as s:
        write_template(s, org_id, year, path)
    book = openpyxl.load_workbook(path)
    sheet = book[f"MVO {year}"]
    rows = {sheet.cell(r, 1).value: r for r in range(HEADER_ROW + 1, sheet.max_row + 1)}
    for code, value in cells.items():
        sheet.cell(rows[code], 8).value = value
    book.save(path)
    return path


def test_import_a_template_shows_every_change_and_imports_after_confirmation(qtbot, main_window, app_ctx,
                                                                             tmp_path, monkeypatch):
    from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog

    from tests.ui.conftest import when_modal

    with app_ctx.transaction() as s:
        org_id = org(s, "Kringwinkel Sjabloon", "kringwinkel")
        other_id = org(s, "Maatwerk Ander", "maatwerkbedrijf")
    good = _filled_template(app_ctx, tmp_path, org_id, dgw_personen=12, ziekteverzuim="9,5")
    foreign = _filled_template(app_ctx, tmp_path, other_id, dgw_personen=99)
    page = main_window.show_page("MVO")
    tab = page.entry
    tab.year_combo.setCurrentIndex(tab.year_combo.findData(2025))
    _select(page, "Kringwinkel Sjabloon")
    chosen = {"path": str(foreign)}
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (chosen["path"], ""))
    seen = {}

    def read_warning():
        box = QApplication.activeModalWidget()
        seen["warning"] = box.text()
        box.close()

    when_modal(read_warning)
    qtbot.mouseClick(tab.import_button, Qt.MouseButton.LeftButton)
    assert "sjabloon van 'Maatwerk Ander' voor 2025, niet van 'Kringwinkel Sjabloon'" in seen["warning"]

    chosen["path"] = str(good)

    def confirm():
        dialog = QApplication.activeModalWidget()
        seen["summary"] = dialog.findChild(QLabel, "summary").text()
        seen["changes"] = [(dialog.model.row_at(r).label, dialog.model.row_at(r).old, dialog.model.row_at(r).new)
                           for r in range(dialog.model.rowCount())]
        seen["before"] = completeness_now()
        accept = next(b for b in dialog.buttons.buttons()
                      if dialog.buttons.buttonRole(b) == QDialogButtonBox.ButtonRole.AcceptRole)
        qtbot.mouseClick(accept, Qt.MouseButton.LeftButton)

    def completeness_now():
        with app_ctx.reading() as s:
            return completeness(s, org_id, 2025).filled

    when_modal(confirm)
    qtbot.mouseClick(tab.import_button, Qt.MouseButton.LeftButton)
    assert "2 wijzigingen" in seen["summary"]
    assert sorted(seen["changes"]) == [("Doelgroepwerknemers (personen)", "", "12"), ("Ziekteverzuim", "", "9,5 %")]
    assert seen["before"] == 0  # nothing written before the confirmation
    assert completeness_now() == 2
    assert tab.findChild(QLabel, "completeness").text().startswith("2 van ")


def test_add_an_indicator_with_a_checked_gri_code_then_retire_it(qtbot, main_window, app_ctx):
    from PySide6.QtWidgets import QApplication, QDialogButtonBox

    from tests.ui.conftest import when_modal

    with app_ctx.transaction() as s:
        org(s, "Kringwinkel Nieuw", "kringwinkel")
    page = main_window.show_page("MVO")
    page.tabs.setCurrentWidget(page.indicators)
    before = page.indicators.model.rowCount()
    seen = {}

    def fill():
        dialog = QApplication.activeModalWidget()
        qtbot.keyClicks(dialog.findChild(QLineEdit, "label"), "Vrijwilligers")
        dialog.findChild(QComboBox, "pillar").setCurrentIndex(dialog.findChild(QComboBox, "pillar").findText("Mens"))
        kind = dialog.findChild(QComboBox, "value_type")
        kind.setCurrentIndex(kind.findData("aantal"))
        qtbot.keyClicks(dialog.findChild(QLineEdit, "unit"), "personen")
        qtbot.keyClicks(dialog.findChild(QLineEdit, "gri_code"), "307-1")
        save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
        seen["error"] = dialog.findChild(QLabel, "error_gri_code").text()
        dialog.findChild(QLineEdit, "gri_code").setText("2-8")
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)

    when_modal(fill)
    qtbot.mouseClick(page.indicators.new_button, Qt.MouseButton.LeftButton)
    assert "vervangen door GRI 2-27" in seen["error"]
    assert page.indicators.model.rowCount() == before + 1
    page.tabs.setCurrentWidget(page.entry)
    page.entry.year_combo.setCurrentIndex(page.entry.year_combo.findData(2025))
    _select(page, "Kringwinkel Nieuw")
    assert page.entry.form.findChild(QLineEdit, "value_vrijwilligers") is not None

    page.tabs.setCurrentWidget(page.indicators)
    table = page.indicators.table
    row = next(r for r in range(page.indicators.proxy.rowCount())
               if page.indicators.proxy.index(r, 1).data() == "Vrijwilligers")
    table.setCurrentIndex(page.indicators.proxy.index(row, 1))
    qtbot.mouseClick(page.indicators.retire_button, Qt.MouseButton.LeftButton)
    assert page.indicators.model.rowCount() == before  # retired ones are hidden unless asked for
    page.indicators.retired_check.setChecked(True)
    assert any(page.indicators.model.row_at(r).label == "Vrijwilligers" and not page.indicators.model.row_at(r).active
               for r in range(page.indicators.model.rowCount()))
    page.tabs.setCurrentWidget(page.entry)
    page.entry.load_form()
    assert page.entry.form.findChild(QLineEdit, "value_vrijwilligers") is None


def test_home_section_counts_complete_reports(qtbot, main_window, app_ctx):
    from datetime import date

    from regisseur_app.ui.mvo.home_section import MvoHomeSection
    from tests.unit.mvo_support import put

    year = date.today().year - 1
    with app_ctx.transaction() as s:
        put(s, org(s, "Kringwinkel Half", "kringwinkel"), year, dgw_personen="4", hergebruik_textiel="10")
    section = MvoHomeSection(app_ctx)
    section.refresh()
    text = section.summary.text()
    assert f"MVO-rapporten {year}: 0 van 1 volledig." in text and "Kringwinkel Half" in text
    assert "40 ton CO₂" in text  # 10 t textile × 4,0
    section.deleteLater()


def test_a_tab_shown_again_is_read_again_only_after_a_change(qtbot, main_window, app_ctx):
    """Back on 'Invullen' after 'Regio': the list is not read again while nothing changed; an organisation added
    meanwhile is there once the tab is shown again."""
    with app_ctx.transaction() as s:
        org(s, "Kringwinkel Proef", "kringwinkel", active=["24008"])
    page = main_window.show_page("MVO")
    reads = []
    original = page.entry.refresh_list
    page.entry.refresh_list = lambda: (reads.append(1), original())[1]
    names = lambda: [page.entry.proxy.index(r, 0).data() for r in range(page.entry.proxy.rowCount())]  # noqa: E731
    assert names() == ["Kringwinkel Proef"]
    page.tabs.setCurrentWidget(page.region)
    page.tabs.setCurrentWidget(page.entry)
    assert reads == []
    page.tabs.setCurrentWidget(page.region)
    with app_ctx.transaction() as s:
        org(s, "Atelier Nieuw", "kringwinkel", active=["24008"])
    page.tabs.setCurrentWidget(page.entry)
    assert reads == [1]
    assert names() == ["Atelier Nieuw", "Kringwinkel Proef"]


def test_search_filters_the_years_rows_as_the_domain_search_does(qtbot, main_window, app_ctx):
    """The search filters the year's organisations read once, with the same matches as reporting_organisations'
    own search (case and accents ignored); a change to the data is read again."""
    from regisseur_app.domain.mvo.orgs import reporting_organisations

    with app_ctx.transaction() as s:
        for name in ("Kringwinkel Ré", "RECUP atelier", "Groenploeg Zuid", "Atelier Nord"):
            org(s, name, "kringwinkel", active=["24008"])
    page = main_window.show_page("MVO")
    tab = page.entry
    names = lambda: sorted(tab.model.row_at(r).name for r in range(tab.model.rowCount()))  # noqa: E731
    for text in ("re", "Ré", "  ATELIER ", "zuid", "xyz", ""):
        tab.search_edit.setText(text)
        tab.refresh_list()
        with app_ctx.reading() as s:
            expected = sorted(r.name for r in reporting_organisations(s, tab.year, text))
        assert names() == expected, text
    assert names() == ["Atelier Nord", "Groenploeg Zuid", "Kringwinkel Ré", "RECUP atelier"]
    tab.search_edit.setText("nord")
    tab.refresh_list()
    assert names() == ["Atelier Nord"]
    with app_ctx.transaction() as s:
        org(s, "Nordic Ré-use", "kringwinkel", active=["24008"])
    tab.refresh_list()
    assert names() == ["Atelier Nord", "Nordic Ré-use"]


def test_the_chosen_organisation_stays_selected_when_the_list_is_read_again(qtbot, main_window, app_ctx):
    with app_ctx.transaction() as s:
        for name in ("Atelier Aa", "Kringwinkel Bee", "Maatwerk Cee", "Zorgboerderij Dee"):
            org(s, name, "kringwinkel", active=["24008"])
    page = main_window.show_page("MVO")
    tab = page.entry
    tab.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # the view's order is not the model's
    _select(page, "Kringwinkel Bee")

    def selected() -> list[str]:
        return [tab.proxy.index(i.row(), 0).data() for i in tab.table.selectionModel().selectedRows()]

    assert selected() == ["Kringwinkel Bee"]
    for year in (2024, 2025):  # another year reads the list again
        tab.year_combo.setCurrentIndex(tab.year_combo.findData(year))
        assert selected() == ["Kringwinkel Bee"]
        assert tab.organisation_id is not None and tab.title_label.text().startswith("Kringwinkel Bee")
    tab.search_edit.setText("cee")  # filtered out: nothing selected, the form stays
    tab.refresh_list()
    assert selected() == []
    tab.search_edit.setText("")
    tab.refresh_list()
    assert selected() == ["Kringwinkel Bee"]
