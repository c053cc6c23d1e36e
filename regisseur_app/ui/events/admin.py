"""Beheer menu items of the events module."""

from __future__ import annotations

from PySide6.QtGui import QAction


def admin_actions(window) -> list[QAction]:  # noqa: ANN001  (ui.main_window.MainWindow)
    action = QAction("Jaarlijkse &verplichtingen evenementen…", window, objectName="event_obligations")
    action.triggered.connect(lambda: edit_obligations(window))
    return [action]


def edit_obligations(window) -> None:  # noqa: ANN001
    from regisseur_app.ui.events.obligations_dialog import ObligationsDialog

    if ObligationsDialog(window.ctx, window).exec():
        window.reload_all()
