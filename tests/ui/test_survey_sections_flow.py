"""Rubrieken driven like a user: open 'Rubrieken…' in the questionnaire builder, rename one, delete it
after confirmation, see its questions stay without rubriek, and Ctrl+Z bring it back with its questions."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox

from regisseur_app.domain.core.codelists import find_item
from regisseur_app.domain.survey.models import NUMBER, SURVEY_AUDIENCE
from regisseur_app.domain.survey.questionnaire import QuestionInput, SurveyInput
from regisseur_app.domain.survey.views import survey_view
from regisseur_app.operations import survey as ops
from regisseur_app.ui.survey.sections_dialog import SectionsDialog
from tests.ui.conftest import dispose, when_modal


def _sections_in_builder(page) -> list[str]:
    model = page.builder.model
    return [model.index(r, 2).data() for r in range(model.rowCount())]


def test_rename_delete_and_undo_a_section(qtbot, main_window, app_ctx):
    with app_ctx.reading() as session:
        audience = find_item(session, SURVEY_AUDIENCE, "lokaal_bestuur")
    survey_id = ops.save_survey(app_ctx, SurveyInput("Peiling rubrieken 2026", 2026, audience))
    section = ops.save_section(app_ctx, survey_id, "Noden")
    for text in ("Hoeveel vacatures?", "Hoeveel cliënten?"):
        ops.save_question(app_ctx, survey_id, QuestionInput(text, NUMBER, section))
    page = main_window.show_page("Behoeftepeiling")
    page.reload_choices()
    page.survey_combo.setCurrentIndex(page.survey_combo.findData(survey_id))
    assert _sections_in_builder(page) == ["Noden", "Noden"]

    dialog = SectionsDialog(app_ctx, survey_id, page.builder)
    dialog.show()
    assert dialog.list.item(0).text() == "Noden  (2 vragen)" and not dialog.hint.isVisible()

    def rename():
        box = QApplication.activeModalWidget()
        assert isinstance(box, QInputDialog) and box.textValue() == "Noden"
        box.setTextValue("Noden van de gemeente")
        box.accept()

    when_modal(rename)
    qtbot.mouseClick(dialog.rename_button, Qt.MouseButton.LeftButton)
    assert dialog.list.item(0).text() == "Noden van de gemeente  (2 vragen)"

    seen = {}

    def confirm():
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen["text"] = box.text()
        box.button(QMessageBox.StandardButton.Yes).click()

    when_modal(confirm)
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    assert seen["text"] == ("Rubriek 'Noden van de gemeente' verwijderen? De 2 vragen erin blijven bestaan, "
                            "zonder rubriek.")
    assert dialog.list.count() == 0 and dialog.hint.isVisible() and not dialog.rename_button.isEnabled()
    dispose(dialog)
    page.builder.refresh()
    assert _sections_in_builder(page) == ["", ""]

    assert main_window.undo_stack.undoText() == "rubriek verwijderen"
    main_window.undo_stack.undo()  # Ctrl+Z
    assert _sections_in_builder(page) == ["Noden van de gemeente", "Noden van de gemeente"]
    main_window.undo_stack.undo()
    assert _sections_in_builder(page) == ["Noden", "Noden"]


def _sections(ctx, survey_id) -> list[tuple[int, str]]:
    with ctx.reading() as session:
        return list(survey_view(session, survey_id).sections)


def _new_survey(ctx) -> int:
    with ctx.reading() as session:
        audience = find_item(session, SURVEY_AUDIENCE, "lokaal_bestuur")
    return ops.save_survey(ctx, SurveyInput("Peiling nieuwe rubriek 2026", 2026, audience))


def _answer_title(title: str):
    def fill():
        box = QApplication.activeModalWidget()
        assert isinstance(box, QInputDialog) and box.labelText() == "Titel van de rubriek:"
        box.setTextValue(title)
        box.accept()

    when_modal(fill)


def _keys(qtbot, widget, key):
    widget.window().activateWindow()
    qtbot.waitUntil(widget.window().isActiveWindow, timeout=2000)
    qtbot.keyClick(widget, key, Qt.KeyboardModifier.ControlModifier)


def _open_sections(main_window, ctx, survey_id) -> SectionsDialog:
    """The Behoeftepeiling page on this survey, and its Rubrieken dialog shown (not modal, for the test)."""
    page = main_window.show_page("Behoeftepeiling")
    page.reload_choices()
    page.survey_combo.setCurrentIndex(page.survey_combo.findData(survey_id))
    dialog = SectionsDialog(ctx, survey_id, page.builder)
    dialog.show()
    return dialog


def test_adding_a_section_in_the_dialog_is_undone_with_ctrl_z_and_redone_with_ctrl_y(qtbot, main_window, app_ctx):
    survey_id = _new_survey(app_ctx)
    first = ops.save_section(app_ctx, survey_id, "Uw gemeente")
    dialog = _open_sections(main_window, app_ctx, survey_id)

    _answer_title("  Noden van de sociale economie ")
    qtbot.mouseClick(dialog.new_button, Qt.MouseButton.LeftButton)
    added = _sections(app_ctx, survey_id)
    assert [title for _id, title in added] == ["Uw gemeente", "Noden van de sociale economie"]
    assert dialog.list.currentItem().text() == "Noden van de sociale economie  (0 vragen)"
    assert main_window.undo_stack.undoText() == "rubriek toevoegen"

    _keys(qtbot, dialog.list, Qt.Key.Key_Z)  # Ctrl+Z in the (modal) dialog itself
    assert _sections(app_ctx, survey_id) == [(first, "Uw gemeente")]
    assert [dialog.list.item(r).text() for r in range(dialog.list.count())] == ["Uw gemeente  (0 vragen)"]

    _keys(qtbot, dialog.list, Qt.Key.Key_Y)  # back with the same id, in the same place
    assert _sections(app_ctx, survey_id) == added
    assert dialog.list.count() == 2
    dispose(dialog)


def test_section_added_in_the_builder_undone_in_the_window_keeps_its_questions_on_redo(qtbot, main_window,
                                                                                        app_ctx):
    survey_id = _new_survey(app_ctx)
    page = main_window.show_page("Behoeftepeiling")
    page.reload_choices()
    page.survey_combo.setCurrentIndex(page.survey_combo.findData(survey_id))
    messages = []
    page.builder.status_message.connect(messages.append)

    _answer_title("Tewerkstelling")
    qtbot.mouseClick(page.builder.buttons["new_section"], Qt.MouseButton.LeftButton)
    [(section, title)] = _sections(app_ctx, survey_id)
    assert title == "Tewerkstelling" and messages[-1].endswith("Ongedaan maken met Ctrl+Z.")
    ops.save_question(app_ctx, survey_id, QuestionInput("Hoeveel vacatures?", NUMBER, section))
    page.builder.refresh()
    assert _sections_in_builder(page) == ["Tewerkstelling"]

    _keys(qtbot, main_window, Qt.Key.Key_Z)
    assert _sections(app_ctx, survey_id) == []
    assert _sections_in_builder(page) == [""]  # the question stays, without rubriek
    assert main_window.statusBar().currentMessage() == "Ongedaan gemaakt: rubriek toevoegen."

    _keys(qtbot, main_window, Qt.Key.Key_Y)
    assert _sections(app_ctx, survey_id) == [(section, "Tewerkstelling")]
    assert _sections_in_builder(page) == ["Tewerkstelling"]


def test_ctrl_z_in_the_dialog_leaves_steps_made_before_it_opened(qtbot, main_window, app_ctx):
    """The window has one undo stack: Ctrl+Z in the dialog undoes what was done in the dialog, not a step made
    elsewhere before it opened (here: a rubriek of another survey); that one stays for the main window."""
    other = _new_survey(app_ctx)
    ops.save_section(app_ctx, other, "Elders")  # a step made before the dialog opened
    survey_id = ops.save_survey(app_ctx, SurveyInput("Peiling twee 2026", 2026, _audience(app_ctx)))
    dialog = _open_sections(main_window, app_ctx, survey_id)

    _answer_title("Noden")
    qtbot.mouseClick(dialog.new_button, Qt.MouseButton.LeftButton)
    assert [title for _id, title in _sections(app_ctx, survey_id)] == ["Noden"]

    _keys(qtbot, dialog.list, Qt.Key.Key_Z)
    assert _sections(app_ctx, survey_id) == [] and dialog.list.count() == 0
    assert dialog.undo_note.text() == "Ongedaan gemaakt: rubriek toevoegen."
    _keys(qtbot, dialog.list, Qt.Key.Key_Z)  # nothing of this dialog left: the other survey's step stays
    assert [title for _id, title in _sections(app_ctx, other)] == ["Elders"]
    assert dialog.undo_note.text() == "Er is in dit venster niets (meer) om ongedaan te maken."

    _keys(qtbot, dialog.list, Qt.Key.Key_Y)
    assert [title for _id, title in _sections(app_ctx, survey_id)] == ["Noden"] and dialog.list.count() == 1
    _keys(qtbot, dialog.list, Qt.Key.Key_Y)
    assert dialog.undo_note.text() == "Er is in dit venster niets om opnieuw uit te voeren."
    _keys(qtbot, dialog.list, Qt.Key.Key_Z)
    dispose(dialog)

    # back in the main window, Ctrl+Z reaches the step made before the dialog opened
    _keys(qtbot, main_window, Qt.Key.Key_Z)
    assert _sections(app_ctx, other) == []


def _audience(ctx):
    with ctx.reading() as session:
        return find_item(session, SURVEY_AUDIENCE, "lokaal_bestuur")
