"""The answer import takes the checked answers as they are (issue 16), so the dialog must not import a check
made with other columns: a user who changes a column's question after the check and presses Importeren gets
the file checked again with the new column first, and imports what that check shows."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from regisseur_app.exchange.survey.formats import IGNORE
from tests.ui.conftest import when_modal


def test_a_column_changed_after_the_check_is_checked_before_importing(qtbot, main_window, app_ctx, tmp_path):
    from regisseur_app.ui.survey.import_dialog import SurveyImportDialog
    from tests.unit.survey_support import build_survey

    with app_ctx.transaction() as session:
        build_survey(session, answers=False)
    path = tmp_path / "google.csv"
    path.write_bytes("Tijdstempel,Gemeente,Welke dienst?,Hoeveel cliënten?\n"
                     "20/11/2025 14:03:12,Bekkevoort,A,3\n20/11/2025 15:00:00,Geetbets,B,4\n".encode())
    page = main_window.show_page("Behoeftepeiling")
    page.reload_choices()
    seen = {}

    boxes: list[str] = []

    def close_boxes():  # every message box the import shows, noted and closed
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            boxes.append(box.text())
            box.accept()
            return
        when_modal(close_boxes)

    def drive():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, SurveyImportDialog)
        dialog.load_file(path)
        qtbot.waitUntil(lambda: dialog.plan is not None and dialog.import_button.isEnabled(), timeout=10000)
        first = dialog.plan
        combo = dialog.mapping.cellWidget(3, 2)  # "Hoeveel cliënten?" -> not imported
        combo.setCurrentIndex(next(i for i in range(combo.count()) if combo.itemData(i).kind == IGNORE))
        when_modal(close_boxes)
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: bool(boxes) or (dialog.plan is not first and dialog.import_button.isEnabled()),
                        timeout=10000)
        seen["before_recheck"] = list(boxes)
        seen["ignored"] = dialog.plan.ignored_columns
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: len(boxes) > len(seen["before_recheck"]), timeout=10000)

    when_modal(drive)
    page.import_file()
    assert seen["before_recheck"] == [], "the check made with the old columns was imported"
    assert seen["ignored"] == ["Hoeveel cliënten?"]
    assert len(boxes) == 1 and boxes[0].startswith("2 antwoorden toegevoegd")
    with app_ctx.reading() as session:
        from sqlalchemy import func, select

        from regisseur_app.domain.survey.models import NUMBER, SurveyAnswer, SurveyQuestion

        numbers = session.scalar(select(func.count()).select_from(SurveyAnswer).join(
            SurveyQuestion, SurveyQuestion.id == SurveyAnswer.question_id).where(SurveyQuestion.kind == NUMBER))
    assert numbers == 0  # the column left out after the first check was not imported
