"""Starting while another Regisseur still holds the database: a window that is closing (it keeps the
Overzicht and backs up first) is waited for with a cancellable dialog; one that stays open is reported."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton

from regisseur_app.ui.instance_lock import HELD, InstanceLock
from regisseur_app.ui.lock_wait import acquire_waiting

HOLD = ("import sys, time; from pathlib import Path; from regisseur_app.ui.instance_lock import InstanceLock; "
        "lock = InstanceLock(Path(sys.argv[1])); assert lock.acquire(); print('held', flush=True); "
        "time.sleep(float(sys.argv[2])); lock.release()")


@contextmanager
def _held(db, seconds: float) -> Iterator[None]:
    """Another process holds the database's lock for `seconds` (it is stopped when the test ends)."""
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(db), str(seconds)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        yield
    finally:
        holder.kill()
        holder.wait(timeout=30)


def _wait_dialog() -> QProgressDialog | None:
    found = [w for w in QApplication.topLevelWidgets() if w.objectName() == "lock_wait" and w.isVisible()]
    return found[0] if found else None


def test_a_closing_window_is_waited_for_then_the_database_opens(qtbot, tmp_path):
    db = tmp_path / "regisseur.sqlite"
    seen = []
    lock = InstanceLock(db)
    with _held(db, 1.5):
        QTimer.singleShot(400, lambda: seen.append(_wait_dialog()))
        began = time.monotonic()
        try:
            assert acquire_waiting(lock, wait_seconds=30)
            assert time.monotonic() - began >= 1.0  # it waited for the other process to let go
            assert seen and seen[0] is not None and "nog geopend" in seen[0].labelText()
            assert _wait_dialog() is None
        finally:
            lock.release()


def test_a_window_that_stays_open_is_reported_after_the_wait(qtbot, tmp_path):
    db = tmp_path / "regisseur.sqlite"
    with _held(db, 30):
        lock = InstanceLock(db)
        assert not acquire_waiting(lock, wait_seconds=0.8)
        assert lock.failure == HELD and "al open" in lock.message()[0]
        assert _wait_dialog() is None


def test_the_wait_can_be_cancelled(qtbot, tmp_path):
    db = tmp_path / "regisseur.sqlite"

    def cancel() -> None:
        dialog = _wait_dialog()
        assert dialog is not None
        [button] = dialog.findChildren(QPushButton)
        assert button.text() == "Annuleren"
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    with _held(db, 30):
        QTimer.singleShot(400, cancel)
        began = time.monotonic()
        assert not acquire_waiting(InstanceLock(db), wait_seconds=30)
        assert time.monotonic() - began < 10
