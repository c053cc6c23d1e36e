import pytest

from regisseur_app.ui.app import install_dutch


@pytest.fixture
def main_window(qtbot, app_ctx):
    from regisseur_app.ui.main_window import MainWindow

    install_dutch(__import__("PySide6.QtWidgets", fromlist=["QApplication"]).QApplication.instance())
    window = MainWindow(app_ctx)
    qtbot.addWidget(window)
    window.show()
    return window
