"""Behoeftepeiling driven like a user: build a questionnaire with three question types, key in two
answers with the entry form, see the analysis, and see the gap analysis change (real SQLite file)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QMessageBox

from regisseur_app.ui.survey.entry_dialog import EntryDialog
from regisseur_app.ui.survey.question_dialog import QuestionDialog
from regisseur_app.ui.survey.survey_dialog import SurveyDialog
from tests.ui.conftest import when_modal


def _select(combo: QComboBox, text: str) -> None:
    combo.setCurrentIndex(next(i for i in range(combo.count()) if combo.itemText(i).startswith(text)))


def _new_question(qtbot, page, text, kind, options=(), category=None):
    def drive():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QuestionDialog), type(dialog)
        dialog.text_edit.setText(text)
        _select(dialog.kind_combo, kind)
        if category:
            _select(dialog.category_combo, category)
        for row, label in enumerate(options):
            if row >= dialog.options.table.rowCount():
                qtbot.mouseClick(dialog.options.add_button, Qt.MouseButton.LeftButton)
            dialog.options.table.item(row, 0).setText(label)
        dialog.save()

    when_modal(drive)
    qtbot.mouseClick(page.builder.buttons["new_question"], Qt.MouseButton.LeftButton)


def _key_in(qtbot, dialog, municipality, scale, choice, number):
    _select(dialog.municipality_combo, municipality)
    widgets = list(dialog.widgets.values())
    _select(widgets[0], scale)
    _select(widgets[1], choice)
    widgets[2].setText(number)
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)


def test_build_questionnaire_key_in_answers_see_analysis_and_gaps(qtbot, main_window, app_ctx):
    gaps_page = main_window.show_page("Omgevingsanalyse")
    gaps_tab = gaps_page.gaps
    _select(gaps_tab.municipality_combo, "Geetbets")
    gaps_tab.refresh()
    before = {gaps_tab.model.row_at(r).label: gaps_tab.model.row_at(r).verdict for r in range(gaps_tab.model.rowCount())}
    assert before["Catering/buurtrestaurant"] == "geen aanbod in de hele regio"

    page = main_window.show_page("Behoeftepeiling")
    assert page.empty.isVisible()

    def new_survey():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, SurveyDialog)
        dialog.title_edit.setText("Peiling lokale besturen 2026")
        dialog.save()

    when_modal(new_survey)
    qtbot.mouseClick(page.buttons["new_survey"], Qt.MouseButton.LeftButton)
    assert page.survey_combo.currentText().startswith("2026 – Peiling lokale besturen 2026")
    assert page.builder.hint.isVisible()

    _new_question(qtbot, page, "Nood aan een buurtrestaurant?", "Schaal", category="Catering")
    _new_question(qtbot, page, "Welke dienst?", "Enkelvoudige", options=("Economie", "Welzijn"))
    _new_question(qtbot, page, "Hoeveel cliënten?", "Getal")
    model = page.builder.model
    assert [model.index(r, 3).data() for r in range(model.rowCount())] == [
        "Nood aan een buurtrestaurant?", "Welke dienst?", "Hoeveel cliënten?"]
    assert model.index(0, 6).data() == "Catering/buurtrestaurant"
    # reorder: the second question up
    page.builder.table.selectRow(1)
    qtbot.mouseClick(page.builder.buttons["up"], Qt.MouseButton.LeftButton)
    assert model.index(0, 3).data() == "Welke dienst?"
    page.builder.table.selectRow(0)
    qtbot.mouseClick(page.builder.buttons["down"], Qt.MouseButton.LeftButton)

    page.tabs.setCurrentIndex(2)
    seen = {}

    def enter():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, EntryDialog)
        # a number field with text: a Dutch message at the field, nothing saved
        _key_in(qtbot, dialog, "Geetbets", "5", "Economie", "veel")
        seen["error"] = dialog.errors.labels[f"q{list(dialog.widgets)[2]}"].text()
        _key_in(qtbot, dialog, "Geetbets", "5", "Economie", "1.250")
        _key_in(qtbot, dialog, "Geetbets", "4", "Welzijn", "3,5")
        seen["count"] = dialog.count_label.text()
        dialog.reject()

    when_modal(enter)
    qtbot.mouseClick(page.responses.entry_button, Qt.MouseButton.LeftButton)
    assert "'veel' is geen geldig getal" in seen["error"]
    assert seen["count"].startswith("2 antwoord")
    assert page.responses.model.rowCount() == 2

    page.tabs.setCurrentIndex(3)
    analysis = page.analysis
    _select(analysis.question_combo, "1.")
    stats = analysis.model
    header = [stats.headerData(c, Qt.Orientation.Horizontal) for c in range(stats.columnCount())]
    assert header == ["Antwoord", "Totaal\nn=2 (te klein)", "Geetbets\nn=2 (te klein)"]
    rows = {stats.index(r, 0).data(): stats.index(r, 1).data() for r in range(stats.rowCount())}
    assert rows["Helemaal wel"] == "1 (50,0 %)" and rows["Eerder wel"] == "1 (50,0 %)"
    assert rows["Gemiddelde"] == "4,50"
    assert stats.index(0, 2).data(Qt.ItemDataRole.ToolTipRole) == "te klein om te interpreteren"
    assert analysis.charts.currentWidget() is analysis.stacked
    _select(analysis.question_combo, "3.")
    rows = {stats.index(r, 0).data(): stats.index(r, 1).data() for r in range(stats.rowCount())}
    assert rows["Som"] == "1.253,50" and rows["Mediaan"] == "626,75"
    # cross-tab: the number split by the answer to "Welke dienst?"
    _select(analysis.group_combo, "v2")
    header = [stats.headerData(c, Qt.Orientation.Horizontal) for c in range(stats.columnCount())]
    assert header[2:] == ["Economie\nn=1 (te klein)", "Welzijn\nn=1 (te klein)"]

    page.tabs.setCurrentIndex(5)
    assert "÷" in page.needs.formula.text()
    assert page.needs.model.rowCount() == 1 and page.needs.model.index(0, 4).data() == "100,0 %"

    main_window.show_page("Omgevingsanalyse")
    gaps_tab.refresh()
    after = {gaps_tab.model.row_at(r).label: gaps_tab.model.row_at(r) for r in range(gaps_tab.model.rowCount())}
    assert after["Catering/buurtrestaurant"].verdict == "hoge nood, geen aanbod"
    assert gaps_tab.model.row_at(0).label == "Catering/buurtrestaurant"
    assert "behoeftepeiling" in gaps_tab.note.text() and "peiling 2026" in after["Catering/buurtrestaurant"].need.source


def test_delete_response_asks_first(qtbot, main_window, app_ctx):
    from regisseur_app.domain.survey.responses import ResponseInput
    from regisseur_app.operations import survey as ops
    from tests.unit.survey_support import build_survey

    with app_ctx.transaction() as session:
        built = build_survey(session)
    page = main_window.show_page("Behoeftepeiling")
    page.reload_choices()
    page.tabs.setCurrentIndex(2)
    responses = page.responses
    assert responses.model.rowCount() == 7
    qtbot.keyClicks(responses.search, "geetbets")
    assert responses.model.rowCount() == 2
    responses.table.selectRow(0)

    def answer(button):
        def press():
            box = QApplication.activeModalWidget()
            assert isinstance(box, QMessageBox) and "verwijderen" in box.text()
            box.button(button).click()
        return press

    when_modal(answer(QMessageBox.StandardButton.No))
    qtbot.mouseClick(responses.delete_button, Qt.MouseButton.LeftButton)
    assert responses.model.rowCount() == 2
    when_modal(answer(QMessageBox.StandardButton.Yes))
    qtbot.mouseClick(responses.delete_button, Qt.MouseButton.LeftButton)
    assert responses.model.rowCount() == 1
    assert ops is not None and ResponseInput is not None and built.survey_id
    assert isinstance(responses.search, QLineEdit)


def test_import_google_csv_resolve_unknown_value_then_reimport_adds_nothing(qtbot, main_window, app_ctx, tmp_path):
    from regisseur_app.ui.survey.import_dialog import SurveyImportDialog
    from tests.unit.survey_support import build_survey

    with app_ctx.transaction() as session:
        build_survey(session, answers=False)
    path = tmp_path / "google.csv"
    path.write_bytes(b"\xef\xbb\xbfTijdstempel,Gemeente,Welke dienst?,Hoeveel cli\xc3\xabnten?\n"
                     b"20/11/2025 14:03:12,Bekkevoort,A,3\n20/11/2025 15:00:00,Geetbets,Q,4\n")
    page = main_window.show_page("Behoeftepeiling")
    page.reload_choices()
    seen = {}

    def drive():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, SurveyImportDialog)
        dialog.load_file(path)
        qtbot.waitUntil(lambda: dialog.plan is not None and dialog.values is not None, timeout=10000)
        seen["summary"] = dialog.summary.text()
        seen["enabled_before"] = dialog.import_button.isEnabled()
        combo = dialog.values.cellWidget(0, 4)
        seen["value"] = dialog.values.item(0, 1).text()
        _select(combo, "B")
        seen["enabled_after"] = dialog.import_button.isEnabled()

        def close_info():
            box = QApplication.activeModalWidget()
            if not isinstance(box, QMessageBox):  # still the import dialog: wait for the message
                when_modal(close_info)
                return
            seen["done"] = box.text()
            box.accept()

        when_modal(close_info)
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)

    when_modal(drive)
    page.import_file()
    assert seen["value"] == "Q" and "1 probleem zonder keuze" in seen["summary"]
    assert not seen["enabled_before"] and seen["enabled_after"]
    assert seen["done"].startswith("2 antwoorden toegevoegd")
    assert page.responses.model.rowCount() == 2

    def again():
        dialog = QApplication.activeModalWidget()
        dialog.load_file(path)
        qtbot.waitUntil(lambda: dialog.plan is not None and dialog.values is not None, timeout=10000)
        seen["again"] = dialog.summary.text()
        seen["again_enabled"] = dialog.import_button.isEnabled()
        dialog.reject()

    when_modal(again)
    page.import_file()
    assert "0 antwoorden om te importeren; 2 antwoorden al eerder geïmporteerd" in seen["again"]
    assert not seen["again_enabled"]


def test_a_tab_shown_again_is_read_again_only_after_a_change(qtbot, main_window, app_ctx):
    """Back on 'Antwoorden' after 'Vragenlijst': not read again while nothing changed; an answer deleted
    meanwhile is gone once the tab is shown again."""
    from regisseur_app.domain.survey import responses as survey_responses
    from tests.unit.survey_support import build_survey

    with app_ctx.transaction() as session:
        build_survey(session)
    page = main_window.show_page("Behoeftepeiling")
    page.reload_choices()
    page.tabs.setCurrentIndex(2)
    reads = []
    original = page.responses.refresh
    page.responses.refresh = lambda: (reads.append(1), original())[1]
    assert page.responses.model.rowCount() == 7
    page.tabs.setCurrentIndex(0)
    page.tabs.setCurrentIndex(2)
    assert reads == []
    page.tabs.setCurrentIndex(0)
    with app_ctx.transaction() as session:
        first = survey_responses.list_responses(session, page.survey_id())[0]
        survey_responses.delete_responses(session, [first.id])
    page.tabs.setCurrentIndex(2)
    assert reads == [1]
    assert page.responses.model.rowCount() == 6
