"""After the start, while the user looks at the Overzicht: the modules of the pages not shown yet are imported,
one module at a time when the event loop has nothing else to do, so a page's first show builds and reads it
without also importing its code (20–45 ms a page on the development machine; on the large region the
Behoeftepeiling's first show went from ≈ 145 to ≈ 40 ms, the Actieplan's from ≈ 88 to ≈ 39 ms).

Nothing is built or read: pages are still built when first shown (the start stays as fast) and read their data
then. Each step runs on the GUI thread (Qt classes and SQLAlchemy's declarations are not made beside the GUI
thread's queries), one module of ≤ 45 ms, so a click that arrives meanwhile waits at most that long; the steps
begin a moment after the window was shown, when the start's own work is done. A module that fails to import is
logged and skipped: showing its page reports the error to the user as before.

At the end the collector gathers what is garbage and moves what lives into its permanent generation (`gc.freeze`,
as start_gc does with what the start made): the imported modules are long-lived, and left in the generations a
full collection walks they made the next full collection cost 40–65 ms, on whatever page the user opened next
(Contactpersonen's first show 54 → 120 ms with the warm-up and without the freeze; MVO's 221 → 127 ms with both).
The collection walks what is not frozen yet once (≈ 40–60 ms on the large region) in a step of its own."""

from __future__ import annotations

import gc
import importlib
import logging
import sys
import time
from collections.abc import Iterable

from PySide6.QtCore import QObject, QTimer, Signal

from regisseur_app.features.spec import PageSpec

log = logging.getLogger(__name__)

START_AFTER_MS = 1500


def page_modules(specs: Iterable[PageSpec]) -> list[str]:
    """The module of each page's factory, in navigation order, each once."""
    modules: list[str] = []
    for spec in specs:
        module = spec.factory.partition(":")[0]
        if module not in modules:
            modules.append(module)
    return modules


class Warmup(QObject):
    """Imports `modules` one per pass of the event loop, `start_after_ms` after it was made, then (`freeze`)
    collects and freezes in a pass of its own; stops with its parent (the window)."""

    finished = Signal()

    def __init__(self, modules: Iterable[str], parent: QObject, start_after_ms: int = START_AFTER_MS,
                 freeze: bool = False):
        super().__init__(parent)
        self.freeze = freeze
        self._done = False
        self.pending = list(modules)
        self.imported: list[str] = []
        self.failed: list[str] = []
        self.seconds = 0.0
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self._step)
        self._timer.start(start_after_ms)

    @property
    def done(self) -> bool:
        return self._done

    def _step(self) -> None:
        if not self.pending:  # every module imported (the step before): collect and freeze in a step of its own
            self._finish()
            return
        while self.pending:
            module = self.pending.pop(0)
            if module in sys.modules:  # its page was shown meanwhile, or another page imported it
                continue
            began = time.perf_counter()
            try:
                importlib.import_module(module)
            except Exception:  # noqa: BLE001 - the page reports it when shown; the warm-up goes on
                log.warning("opwarmen: %s niet geïmporteerd", module, exc_info=True)
                self.failed.append(module)
            else:
                self.imported.append(module)
            self.seconds += time.perf_counter() - began
            break
        if self.pending or self.freeze:
            self._timer.start(0)  # the next step after the events that arrived meanwhile
        else:
            self._finish()

    def _finish(self) -> None:
        log.info("opwarmen: %d modules van pagina's in %.0f ms", len(self.imported), self.seconds * 1000)
        if self.freeze:
            began = time.perf_counter()
            gc.collect()
            gc.freeze()
            log.info("opwarmen: geheugen opgeruimd en bevroren in %.0f ms", (time.perf_counter() - began) * 1000)
        self._done = True
        self.finished.emit()


def start_warmup(window, start_after_ms: int = START_AFTER_MS) -> Warmup:  # noqa: ANN001  (a MainWindow)
    """Import the modules of the window's pages in the background of the event loop, then collect and freeze
    (see the module's text)."""
    return Warmup(page_modules(window.specs), window, start_after_ms, freeze=True)
