import gc
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog

from regisseur_app.ui.app import install_dutch
from tests.conftest import paths_in


def dispose(widget) -> None:
    """Close and delete a top-level widget now, not in some later nested event loop."""
    widget.close()
    widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()


_pending: list[QTimer] = []


def when_modal(action, timeout_ms: int = 15000) -> QTimer:
    """Run `action()` once a modal dialog other than a progress dialog is active (polled every 20 ms).

    Safer than QTimer.singleShot(0, …): a progress dialog of a background job that happens to be on
    screen (a slow machine) is not mistaken for the dialog the test waits for. After `timeout_ms` the
    open modal dialogs are closed, so a test fails instead of hanging.
    """
    timer = QTimer()
    timer.setInterval(20)
    deadline = time.monotonic() + timeout_ms / 1000

    def check() -> None:
        widget = QApplication.activeModalWidget()
        if widget is not None and not isinstance(widget, QProgressDialog):
            timer.stop()
            action()
        elif time.monotonic() > deadline:
            timer.stop()
            while (widget := QApplication.activeModalWidget()) is not None:
                widget.close()
                if hasattr(widget, "reject"):
                    widget.reject()

    timer.timeout.connect(check)
    timer.start()
    _pending.append(timer)
    return timer


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory) -> Path:
    """The demo database, made once per test run; open a copy with open_demo_copy."""
    from regisseur_app import demo

    folder = tmp_path_factory.mktemp("demo")
    demo.open_demo_context(paths_in(folder, "demo.sqlite")).close()
    return folder / "demo.sqlite"


def open_demo_copy(tmp_path: Path, demo_file: Path):  # noqa: ANN201
    """A context on a fresh copy of the demo database in tmp_path/demo."""
    from regisseur_app.startup import open_context

    copy = tmp_path / "demo" / "demo.sqlite"
    copy.parent.mkdir()
    copy.write_bytes(demo_file.read_bytes())
    return open_context(paths_in(copy.parent, "demo.sqlite"))


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
    while _pending:
        _pending.pop().stop()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
