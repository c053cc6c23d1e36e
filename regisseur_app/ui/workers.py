"""Long work off the GUI thread (DESIGN.md rule 6): a QRunnable with progress/result/error signals,
and a helper that runs it behind a cancellable progress dialog."""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget
from shiboken6 import isValid

log = logging.getLogger(__name__)


class Cancelled(Exception):
    """Raised inside a job when the user pressed Annuleren."""


def _expected(exc: Exception) -> bool:
    """Errors that are the user's input, not a bug: Dutch messages about a file, a value or a choice."""
    from regisseur_app.domain.core.base import ValidationError
    from regisseur_app.exchange.export import ExportError
    from regisseur_app.exchange.importing import ImportRejected, MappingError
    from regisseur_app.exchange.tabular import TableReadError
    from regisseur_app.reports.pdf_base import ReportError

    return isinstance(exc, (ValidationError, ImportRejected, MappingError, TableReadError, ExportError, ReportError))


class WorkerSignals(QObject):
    progress = Signal(int, str)
    result = Signal(object)
    error = Signal(object)
    finished = Signal()


class Job:
    """Handed to the work function: report progress and ask whether the user cancelled."""

    def __init__(self, signals: WorkerSignals):
        self._signals = signals
        self.cancelled = False

    def progress(self, percent: int, text: str = "") -> None:
        if self.cancelled:
            raise Cancelled()
        self._signals.progress.emit(int(percent), text)


class Worker(QRunnable):
    def __init__(self, fn: Callable[[Job], Any]):
        super().__init__()
        self.fn = fn
        self.signals = WorkerSignals()
        self.job = Job(self.signals)
        # Qt deletes the runnable when run() has returned; the signals object is kept alive by the
        # GUI side (run_in_background) until its `finished` arrived, so nothing is freed while in use.

    def run(self) -> None:
        try:
            value = self.fn(self.job)
        except Cancelled:
            self.signals.error.emit(Cancelled())
        except Exception as exc:  # noqa: BLE001 - reported to the GUI thread
            if _expected(exc):  # a bad file or input: the user gets a Dutch message, the log one line
                log.info("achtergrondtaak gestopt: %s", exc)
            else:
                log.error("fout in achtergrondtaak:\n%s", traceback.format_exc())
            self.signals.error.emit(exc)
        else:
            self.signals.result.emit(value)
        finally:
            self.signals.finished.emit()


def start(worker: QRunnable) -> None:
    """Start `worker` on the thread pool, every feature's models declared and the mappers configured first, on this
    (the GUI) thread: a page module imported here while a worker configures the mappers for its query would leave
    a half-declared model's mapper failed for the rest of the process (features.configure_models). Every worker
    starts through here."""
    from regisseur_app import features

    features.configure_models()
    QThreadPool.globalInstance().start(worker)


def run_in_background(parent: QWidget, title: str, fn: Callable[[Job], Any],
                      on_result: Callable[[Any], None], on_error: Callable[[Exception], None],
                      cancellable: bool = True) -> Job:
    """Run fn(job) on the thread pool behind a modal progress dialog."""
    dialog = QProgressDialog(title, "Annuleren" if cancellable else "", 0, 100, parent)
    dialog.setWindowTitle("Even geduld")
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    if not cancellable:
        dialog.setCancelButton(None)
    worker = Worker(fn)
    signals, job = worker.signals, worker.job
    active = parent.__dict__.setdefault("_active_signals", set())
    active.add(signals)  # keep the Python object alive until `finished` has been delivered

    def progress(percent: int, text: str) -> None:
        if not isValid(dialog):
            return
        dialog.setValue(percent)
        if text:
            dialog.setLabelText(text)

    def cancel() -> None:
        job.cancelled = True
        dialog.setLabelText("Bezig met annuleren…")

    def done() -> None:
        if isValid(dialog):
            dialog.close()
        active.discard(signals)
        signals.deleteLater()

    queued = Qt.ConnectionType.QueuedConnection  # delivered on the GUI thread, where `signals` lives
    signals.progress.connect(progress, queued)
    # the window that asked may have been closed while the job ran: then nobody is told
    signals.result.connect(lambda value: on_result(value) if isValid(parent) else None, queued)
    signals.error.connect(lambda exc: on_error(exc) if isValid(parent) else None, queued)
    signals.finished.connect(done, queued)
    dialog.canceled.connect(cancel)
    parent.destroyed.connect(lambda *_a: setattr(job, "cancelled", True))  # closed window: stop the work
    start(worker)
    return job
