"""Unexpected exceptions: log them and show a Dutch dialog with the log file's path."""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

log = logging.getLogger("regisseur.crash")


def install_exception_hook(log_path: Path) -> None:
    def hook(exc_type, exc, tb) -> None:  # noqa: ANN001
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        log.error("Onverwachte fout:\n%s", "".join(traceback.format_exception(exc_type, exc, tb)))
        if QApplication.instance() is None:
            return
        box = QMessageBox(QMessageBox.Icon.Critical, "Onverwachte fout",
                          "Er liep iets onverwacht mis. Wat al bewaard was, blijft bewaard; de laatste "
                          "handeling is mogelijk niet uitgevoerd.")
        box.setInformativeText(f"Details staan in het logbestand:\n{log_path}")
        box.setDetailedText("".join(traceback.format_exception_only(exc_type, exc)))
        box.exec()
        box.deleteLater()
        del box, tb  # no reference cycle through the traceback keeps the dialog's wrapper alive

    sys.excepthook = hook


def show_error(parent, title: str, message: str) -> None:  # noqa: ANN001
    QMessageBox.critical(parent, title, message)
