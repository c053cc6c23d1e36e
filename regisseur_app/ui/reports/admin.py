"""Beheer menu item of the reports module."""

from __future__ import annotations

from PySide6.QtGui import QAction


def admin_actions(window) -> list[QAction]:  # noqa: ANN001  (ui.main_window.MainWindow)
    action = QAction("&Rapportinstellingen…", window, objectName="report_settings")
    action.triggered.connect(lambda: edit_settings(window))
    return [action]


def edit_settings(window) -> None:  # noqa: ANN001
    from regisseur_app.ui.reports.settings_dialog import ReportSettingsDialog

    if ReportSettingsDialog(window.ctx, window).exec():
        window.reload_all()
