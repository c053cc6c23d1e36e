"""The Behoeftepeiling page reads the tab on screen once when it is first shown (it read the questionnaire when it
was built and again when the window showed it), and still reads it again on Vernieuwen and for another survey."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from sqlalchemy import event

from regisseur_app.domain.survey.views import survey_view
from regisseur_app.ui.app import install_dutch
from regisseur_app.ui.main_window import MainWindow
from tests.ui.conftest import dispose, open_demo_copy


def test_first_show_reads_the_questionnaire_once(qtbot, tmp_path, demo_file):
    ctx = open_demo_copy(tmp_path, demo_file)
    install_dutch(QApplication.instance())
    window = MainWindow(ctx)
    window.show()
    sections: list[str] = []

    def listen(_conn, _cursor, statement, *_args) -> None:  # noqa: ANN001
        if "FROM survey_section" in statement:
            sections.append(statement)

    event.listen(ctx.engine, "before_cursor_execute", listen)
    try:
        page = window.show_page("Behoeftepeiling")
        assert page.survey_combo.count() > 1
        assert len(sections) == 1, "the questionnaire is read once, when the page is shown"
        shown = [page.builder.model.row_at(r) for r in range(page.builder.model.rowCount())]
        assert all(button.isEnabled() for button in page.builder.buttons.values())
        page.refresh()  # Vernieuwen reads again
        assert len(sections) == 2
        page.survey_combo.setCurrentIndex(1 if page.survey_combo.currentIndex() == 0 else 0)  # another survey
        assert len(sections) == 3
        other = [page.builder.model.row_at(r) for r in range(page.builder.model.rowCount())]
        first = page.survey_combo.itemData(1 if page.survey_combo.currentIndex() == 0 else 0)
        with ctx.reading() as s:  # (read after the counting above)
            assert shown == list(survey_view(s, first).questions) and shown
            assert other == list(survey_view(s, page.survey_id()).questions) and other != shown
    finally:
        event.remove(ctx.engine, "before_cursor_execute", listen)
        dispose(window)
        ctx.close()
