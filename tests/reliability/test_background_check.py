"""After the window is shown: the full check in the background for a large file, and damage found during
the start surfaced with the way to repair it (not a blocked start)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QMessageBox

from regisseur_app.storage import integrity
from regisseur_app.ui.recovery.background_check import start_background_check
from tests.ui.conftest import when_modal


def test_large_file_is_fully_checked_in_the_background(qtbot, main_window, monkeypatch):
    monkeypatch.setattr(integrity, "FULL_CHECK_AT_START_MAX", 0)  # as if the file were large
    assert start_background_check(main_window) is not None
    qtbot.waitUntil(lambda: "Volledige controle" in main_window.statusBar().currentMessage(), timeout=15000)
    assert "in orde" in main_window.statusBar().currentMessage()


def test_damage_found_at_start_is_reported_with_the_way_out(qtbot, main_window):
    main_window.ctx.start_problems = ["row 8 missing from index ix_organisation_name"]
    seen = []

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        box.accept()

    when_modal(read_and_close)
    start_background_check(main_window)
    assert seen and "Database controleren" in seen[0] and "ix_organisation_name" in seen[0]
