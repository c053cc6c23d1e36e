"""After the window is shown: the full integrity check in the background (when the start only ran the
quick check on a large file), and damage found during the start surfaced with the way to repair it."""

from __future__ import annotations

import logging

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMainWindow, QMessageBox
from shiboken6 import isValid

from regisseur_app.operations import maintenance
from regisseur_app.storage.integrity import IntegrityReport, needs_background_check
from regisseur_app.ui.workers import Worker, start

log = logging.getLogger(__name__)


def start_background_check(window: QMainWindow) -> Worker | None:
    """Surface `ctx.start_problems`, else run the full check off the GUI thread when the start skipped it.
    The result goes to the status bar; damage opens a message that leads to the repair."""
    ctx = window.ctx
    if ctx.start_problems:
        report_damage(window, ctx.start_problems)
        return None
    if not needs_background_check(ctx.db_path):
        window.statusBar().showMessage("Database gecontroleerd bij het starten: in orde.", 8000)
        return None
    window.statusBar().showMessage("Database wordt op de achtergrond volledig gecontroleerd…")
    worker = Worker(lambda job: maintenance.check(ctx.db_path))
    signals = worker.signals
    window.__dict__.setdefault("_active_signals", set()).add(signals)

    def done(report: IntegrityReport) -> None:
        if not isValid(window):
            return
        if report.ok:
            window.statusBar().showMessage("Volledige controle van de database: in orde.", 10000)
        else:
            report_damage(window, report.problems + report.feature_problems)

    signals.result.connect(done)
    signals.error.connect(lambda exc: log.error("background check failed: %s", exc))
    signals.finished.connect(lambda: window.__dict__.get("_active_signals", set()).discard(signals))
    # after the window's first paint: declaring every model first (workers.start) takes ≈ 60-90 ms
    QTimer.singleShot(0, window, lambda: start(worker))
    return worker


def report_damage(window: QMainWindow, problems: list[str]) -> None:
    window.statusBar().showMessage("De database heeft problemen: kies Bestand › Database controleren.")
    QMessageBox.warning(window, "Database controleren",
                        "De volledige controle van de database vond problemen:\n\n"
                        + "\n".join(f"• {p}" for p in problems[:8])
                        + "\n\nKies 'Bestand › Database controleren' om te herstellen of een back-up terug te "
                          "zetten. Werken kan intussen verder; back-ups en imports lukken pas na het herstel.")
