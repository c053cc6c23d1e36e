"""Beheer menu items of the referrals module (they open on the Doorverwijzingen page)."""

from __future__ import annotations

from PySide6.QtGui import QAction

PAGE_TITLE = "Doorverwijzingen"


def admin_actions(window) -> list[QAction]:  # noqa: ANN001  (ui.main_window.MainWindow)
    settings = QAction("Instellingen &doorverwijzingen…", window, objectName="referral_settings")
    settings.triggered.connect(lambda: window.show_page(PAGE_TITLE).edit_settings())
    retention = QAction("&Bewaartermijn doorverwijzingen toepassen…", window, objectName="referral_retention")
    retention.triggered.connect(lambda: window.show_page(PAGE_TITLE).apply_retention())
    return [settings, retention]
