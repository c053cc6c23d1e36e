"""Taking the instance lock at start, waiting a moment for a Regisseur window that is still closing.

A window that was just closed keeps its process (and the lock) for a second or more while it keeps the
Overzicht for the next start and backs up what changed (ui/app.run_gui). Starting again at that moment
should open the database once the other process is done, not report that it is "al open". A window that
stays open is reported as before, after the wait (which the user can cancel).
"""

from __future__ import annotations

import time

from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication, QProgressDialog

from regisseur_app.ui.instance_lock import HELD, InstanceLock

WAIT_SECONDS = 8.0


def acquire_waiting(lock: InstanceLock, wait_seconds: float = WAIT_SECONDS) -> bool:
    """True once the lock is taken; False when it is held for longer than `wait_seconds`, the user cancels
    the wait, or the lock cannot be written (`lock.failure` says which; `lock.message()` the Dutch text)."""
    if lock.acquire() or lock.failure != HELD:
        return lock.failure is None
    dialog = QProgressDialog(
        f"Deze database is nog geopend door een ander Regisseur-venster ({lock.holder()}).\n"
        "Wachten tot dat venster gesloten is…", "Annuleren", 0, 0)
    dialog.setWindowTitle("Regisseur")
    dialog.setObjectName("lock_wait")
    dialog.setMinimumDuration(0)
    dialog.show()
    deadline = time.monotonic() + wait_seconds
    try:
        while time.monotonic() < deadline:
            QApplication.processEvents()
            if dialog.wasCanceled():
                return False
            if lock.acquire():  # tries for 100 ms
                return True
            if lock.failure != HELD:
                return False
            QThread.msleep(50)
        return False
    finally:
        dialog.close()
        dialog.deleteLater()
