import gc

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication

from regisseur_app.ui.app import install_dutch


def dispose(widget) -> None:
    """Close and delete a top-level widget now, not in some later nested event loop."""
    widget.close()
    widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()


@pytest.fixture
def main_window(qtbot, app_ctx):
    from regisseur_app.ui.main_window import MainWindow

    install_dutch(QApplication.instance())
    window = MainWindow(app_ctx)
    window.show()
    yield window
    dispose(window)


@pytest.fixture(autouse=True)
def _collect_garbage_after_test(qtbot):
    yield
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
