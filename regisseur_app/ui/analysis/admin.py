"""Beheer menu items of the analysis module (they open on the Omgevingsanalyse page)."""

from __future__ import annotations

from PySide6.QtGui import QAction

PAGE_TITLE = "Omgevingsanalyse"


def admin_actions(window) -> list[QAction]:  # noqa: ANN001  (ui.main_window.MainWindow)
    action = QAction("&Indicatoren en sociale-economietypes…", window, objectName="indicators")
    action.triggered.connect(lambda: window.show_page(PAGE_TITLE).edit_indicators())
    return [action]
