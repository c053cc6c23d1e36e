"""After the start, while the user looks at the Overzicht: the modules of the pages not shown yet are imported,
one module at a time when the event loop has nothing else to do, so a page's first show builds and reads it
without also importing its code (20–45 ms a page on the development machine; on the large region the
Behoeftepeiling's first show went from ≈ 145 to ≈ 40 ms, the Actieplan's from ≈ 88 to ≈ 39 ms).

Nothing is built or read: pages are still built when first shown (the start stays as fast) and read their data
then. Each step imports one module on the GUI thread (≤ 50 ms, so a click that arrives meanwhile waits at most
that long) and only while no work runs on the thread pool: a page module declares models, and SQLAlchemy
configuring the mappers for a query on a worker thread while a models module is half declared (a relationship
to a class further down the file) marks that mapper as failed for the rest of the process. Every worker is started
from the GUI thread (ui.workers, the background check, the Rapporten preparation), so none can start during a
step; while one runs (the full database check of a large file, a report), the steps wait. They begin a moment
after the window was shown, when the start's own work is done. A module that fails to import is logged as an error
and skipped; showing its page reports it to the user.

After the imports, every feature's models are declared and the mappers configured (features.configure_models, as
a worker's start does; ≈ 25–60 ms in a step of its own), so a later worker or page declares nothing. At the end
the collector gathers what is garbage and moves what lives into its permanent generation (`gc.freeze`,
as start_gc does with what the start made): the imported modules are long-lived, and left in the generations a
full collection walks they made the next full collection cost 40–65 ms, on whatever page the user opened next
(Contactpersonen's first show 54 → 120 ms with the warm-up and without the freeze; MVO's 221 → 127 ms with both).
The collection walks what is not frozen yet once (≈ 30–60 ms on the large region) in a step of its own, also only
when no worker runs and no dialog is open (what they hold is not frozen)."""

from __future__ import annotations

import gc
import importlib
import logging
import sys
import time
from collections.abc import Iterable

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QApplication

from regisseur_app import features
from regisseur_app.features.spec import PageSpec

log = logging.getLogger(__name__)

START_AFTER_MS = 1500
WAIT_MS = 250  # how long a step waits while a worker runs or a dialog is open


def quiet() -> bool:
    """No work on the thread pool and no modal dialog: a step may import or freeze now."""
    return QThreadPool.globalInstance().activeThreadCount() == 0 and QApplication.activeModalWidget() is None


def page_modules(specs: Iterable[PageSpec]) -> list[str]:
    """The module of each page's factory, in navigation order, each once."""
    modules: list[str] = []
    for spec in specs:
        module = spec.factory.partition(":")[0]
        if module not in modules:
            modules.append(module)
    return modules


class Warmup(QObject):
    """Imports `modules` one per pass of the event loop, `start_after_ms` after it was made; then (`configure`)
    declares every feature's models and configures the mappers, and (`freeze`) collects and freezes, each in a pass
    of its own. A step waits while a worker runs or a dialog is open; the warm-up stops with its parent (the
    window)."""

    finished = Signal()

    def __init__(self, modules: Iterable[str], parent: QObject, start_after_ms: int = START_AFTER_MS,
                 configure: bool = False, freeze: bool = False):
        super().__init__(parent)
        self.pending = list(modules)
        self.imported: list[str] = []
        self.failed: list[str] = []
        self.seconds = 0.0
        self.waits = 0  # steps put off while a worker ran or a dialog was open
        self._after = [step for wanted, step in ((configure, self._configure), (freeze, self._collect_and_freeze))
                       if wanted]
        self._done = False
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self._step)
        self._timer.start(start_after_ms)

    @property
    def done(self) -> bool:
        return self._done

    def _step(self) -> None:
        if not quiet():
            self.waits += 1
            self._timer.start(WAIT_MS)
            return
        if not self._import_next() and self._after:
            self._after.pop(0)()
        if self.pending or self._after:
            self._timer.start(0)  # the next step after the events that arrived meanwhile
        else:
            log.info("opwarmen: %d modules van pagina's in %.0f ms (%d keer gewacht)", len(self.imported),
                     self.seconds * 1000, self.waits)
            self._done = True
            self.finished.emit()

    def _import_next(self) -> bool:
        """Import the next module not imported yet; False when none was left."""
        while self.pending:
            module = self.pending.pop(0)
            if module in sys.modules:  # its page was shown meanwhile, or another page imported it
                continue
            began = time.perf_counter()
            try:
                importlib.import_module(module)
            except Exception:  # noqa: BLE001 - the page reports it when shown; the warm-up goes on
                log.error("opwarmen: %s niet geïmporteerd", module, exc_info=True)
                self.failed.append(module)
            else:
                self.imported.append(module)
            self.seconds += time.perf_counter() - began
            return True
        return False

    def _configure(self) -> None:
        began = time.perf_counter()
        features.configure_models()  # what a worker's start (ui.workers.start) or the next query would do
        self.seconds += time.perf_counter() - began

    def _collect_and_freeze(self) -> None:
        began = time.perf_counter()
        gc.collect()
        gc.freeze()
        log.info("opwarmen: geheugen opgeruimd en bevroren in %.0f ms", (time.perf_counter() - began) * 1000)


def start_warmup(window, start_after_ms: int = START_AFTER_MS) -> Warmup:  # noqa: ANN001  (a MainWindow)
    """Import the modules of the window's pages in the background of the event loop, then declare every model and
    configure the mappers, then collect and freeze (see the module's text)."""
    return Warmup(page_modules(window.specs), window, start_after_ms, configure=True, freeze=True)
