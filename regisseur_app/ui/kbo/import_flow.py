"""'KBO-extract importeren…': choose the zip (as downloaded) or its folder, read it in the background with
progress and cancel, then show what changed. A refused extract leaves the register as it was."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from regisseur_app.context import AppContext
from regisseur_app.domain.core.base import ValidationError
from regisseur_app.exchange.kbo.reader import CancelledRead
from regisseur_app.exchange.kbo.source import KboFormatError
from regisseur_app.operations import kbo as ops
from regisseur_app.ui.workers import Cancelled, run_in_background


def choose_extract(parent: QWidget) -> Path | None:
    box = QMessageBox(QMessageBox.Icon.Question, "KBO-extract importeren",
                      "Kies het KBO Open Data-extract: het zipbestand zoals gedownload (KboOpenData_…_Full.zip) of "
                      "de map waarin het uitgepakt is.", parent=parent)
    zip_button = box.addButton("Zipbestand…", QMessageBox.ButtonRole.AcceptRole)
    folder_button = box.addButton("Map…", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("Annuleren", QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if box.clickedButton() is zip_button:
        path, _ = QFileDialog.getOpenFileName(parent, "KBO-extract (zip)", str(Path.home()), "Zipbestand (*.zip)")
        return Path(path) if path else None
    if box.clickedButton() is folder_button:
        path = QFileDialog.getExistingDirectory(parent, "Map met het uitgepakte KBO-extract", str(Path.home()))
        return Path(path) if path else None
    return None


def run_import(parent: QWidget, ctx: AppContext, source: Path, done: Callable[[object | None], None]) -> None:
    """Import `source` in the background; `done(summary)` afterwards (None when refused or cancelled)."""
    def work(job):  # noqa: ANN001, ANN202
        return ops.import_extract(ctx, source, progress=job.progress, cancelled=lambda: job.cancelled)

    def finished(summary) -> None:  # noqa: ANN001
        from regisseur_app.ui.kbo.changes_dialog import ChangesDialog

        ChangesDialog(ctx, summary.message(), parent).exec()
        done(summary)

    def failed(exc: Exception) -> None:
        if isinstance(exc, Cancelled | CancelledRead):
            QMessageBox.information(parent, "Import geannuleerd",
                                    "De import is geannuleerd. Het KBO-register is niet gewijzigd.")
        elif isinstance(exc, KboFormatError):
            QMessageBox.warning(parent, "KBO-extract niet ingelezen",
                                f"{exc}\n\nHet KBO-register is niet gewijzigd.")
        elif isinstance(exc, ValidationError):
            QMessageBox.warning(parent, "KBO-extract niet ingelezen", "\n".join(exc.errors.values()))
        elif isinstance(exc, MemoryError | OSError):
            QMessageBox.warning(parent, "KBO-extract niet ingelezen",
                                f"Het extract kon niet gelezen worden: {exc}. Controleer de vrije schijfruimte "
                                "(het uitgepakte extract is enkele GB). Het KBO-register is niet gewijzigd.")
        else:
            raise exc
        done(None)

    run_in_background(parent, f"KBO-extract {source.name} inlezen…", work, finished, failed)
