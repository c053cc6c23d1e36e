"""Beheer menu items of the KBO register (they open on the KBO-register page)."""

from __future__ import annotations

from PySide6.QtGui import QAction

PAGE_TITLE = "KBO-register"


def admin_actions(window) -> list[QAction]:  # noqa: ANN001  (ui.main_window.MainWindow)
    load = QAction("KBO-extract &importeren…", window, objectName="kbo_import_action")
    load.triggered.connect(lambda: window.show_page(PAGE_TITLE).import_file())
    rules = QAction("Regels voor &SE-kandidaten (KBO)…", window, objectName="kbo_rules_action")

    def edit_rules() -> None:
        page = window.show_page(PAGE_TITLE)
        page.tabs.setCurrentIndex(1)
        page.candidate_view.edit_rules()

    rules.triggered.connect(edit_rules)
    return [load, rules]
