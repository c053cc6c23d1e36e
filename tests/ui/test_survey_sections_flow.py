"""Rubrieken driven like a user: open 'Rubrieken…' in the questionnaire builder, rename one, delete it
after confirmation, see its questions stay without rubriek, and Ctrl+Z bring it back with its questions."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox

from regisseur_app.domain.core.codelists import find_item
from regisseur_app.domain.survey.models import NUMBER, SURVEY_AUDIENCE
from regisseur_app.domain.survey.questionnaire import QuestionInput, SurveyInput
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
