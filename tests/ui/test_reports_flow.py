"""The Rapporten page driven like a user: choose a municipality and year, write a comment, preview (pypdfium2
pages on screen), save a PDF through the file dialog; the log lists it; the settings dialog stores a name."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from regisseur_app.domain.reports.comments import get_comments
from regisseur_app.domain.reports.settings import load_settings
from regisseur_app.operations import reports as ops
from regisseur_app.reports.content import Scope
from tests.ui.conftest import when_modal


def _close_message_box() -> None:
    box = QApplication.activeModalWidget()
    assert isinstance(box, QMessageBox)
    box.accept()


def test_report_page_comment_preview_and_save(qtbot, main_window, monkeypatch, tmp_path):
    page = main_window.show_page("Rapporten")
    qtbot.waitUntil(ops.is_prepared, timeout=60000)  # the page prepares the report machinery in the background
    page.who_combo.setCurrentIndex(page.who_combo.findText("Glabbeek"))
    page.year_spin.setValue(2025)
    keys = [page.sections.item(i).data(0x0100) for i in range(page.sections.count())]
    assert keys[:2] == ["kerncijfers", "aanbod"] and "doorverwijzingen" in keys
    page.sections.setCurrentRow(keys.index("evenementen"))
    page.comment_edit.setPlainText("Het college wordt uitgenodigd.")
    page.comment_edit.document().setModified(True)
    page.panel.save_comment()
    with main_window.ctx.reading() as session:
        scope = Scope.year(2025, page.who_combo.currentData()[0], "Glabbeek")
        assert get_comments(session, scope) == {"evenementen": "Het college wordt uitgenodigd."}

    page.show_preview()
    qtbot.waitUntil(lambda: page.preview.page_count > 0, timeout=60000)
    assert page.preview.page_count >= 3

    target = tmp_path / "glabbeek.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    when_modal(_close_message_box, timeout_ms=60000)
    page.save_report(".pdf")
    qtbot.waitUntil(lambda: page.log_model.rowCount() == 1, timeout=60000)
    assert target.stat().st_size > 2000
    row = page.log_model.row_at(0)
    assert (row.scope_name, row.period_label, row.kind) == ("Glabbeek", "2025", "pdf")
    assert Path(row.path) == target


def test_settings_dialog_stores_name_sender_and_sections(qtbot, main_window):
    from regisseur_app.ui.reports.settings_dialog import ReportSettingsDialog

    dialog = ReportSettingsDialog(main_window.ctx, main_window)
    dialog.name_edit.setText("")
    dialog.accept()
    assert dialog.errors.labels["association"].isVisibleTo(dialog)
    dialog.name_edit.setText("IGO Proef")
    dialog.sender_edit.setText("De regisseur sociale economie")
    dialog.sections.item(0).setCheckState(dialog.sections.item(0).checkState().__class__.Unchecked)
    dialog.accept()
    with main_window.ctx.reading() as session:
        settings = load_settings(session)
    assert settings.association == "IGO Proef" and settings.sender == "De regisseur sociale economie"
    assert "kerncijfers" not in settings.default_sections and "evenementen" in settings.default_sections
    dialog.deleteLater()


def test_batch_from_the_page_fills_the_folder_and_the_log(qtbot, main_window, monkeypatch, tmp_path):
    page = main_window.show_page("Rapporten")
    page.year_spin.setValue(2025)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(tmp_path)))
    when_modal(_close_message_box, timeout_ms=90000)
    page.findChild(type(page.preview_button), "run_batch").click()
    qtbot.waitUntil(lambda: page.log_model.rowCount() == 7, timeout=90000)
    assert len(list(tmp_path.glob("*.pdf"))) == 6 and len(list(tmp_path.glob("*.xlsx"))) == 1
    page.tabs.setCurrentIndex(1)
    assert not page.log_hint.isVisibleTo(page)
    shown = {page.log_model.index(r, 1).data() for r in range(7)}
    assert {"Bekkevoort", "Regio"} <= shown


def test_typed_comment_follows_its_municipality_and_period(qtbot, main_window):
    page = main_window.show_page("Rapporten")
    page.year_spin.setValue(2025)
    page.who_combo.setCurrentIndex(page.who_combo.findText("Geetbets"))
    page.sections.setCurrentRow(0)
    qtbot.keyClicks(page.comment_edit, "Alleen voor Geetbets")
    page.who_combo.setCurrentIndex(page.who_combo.findText("Kortenaken"))  # saves for Geetbets, shows Kortenaken
    assert page.comment_edit.toPlainText() == ""
    page.year_spin.setValue(2024)
    page.who_combo.setCurrentIndex(page.who_combo.findText("Geetbets"))
    assert page.comment_edit.toPlainText() == "", "another period has its own comment"
    page.year_spin.setValue(2025)
    assert page.comment_edit.toPlainText() == "Alleen voor Geetbets"
    assert "Geetbets, 2025" in page.panel.label.text()
