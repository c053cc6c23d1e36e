"""One running Regisseur per database file (QLockFile next to the database)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLockFile


class InstanceLock:
    def __init__(self, db_path: Path):
        self.path = db_path.with_name(db_path.name + ".lock")
        db_path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = QLockFile(str(self.path))
        self._lock.setStaleLockTime(0)  # a lock of a crashed process is detected via its pid instead

    def acquire(self) -> bool:
        if self._lock.tryLock(100):
            return True
        # a lock left by a crashed Regisseur (dead pid) is removed and taken over
        if self._lock.removeStaleLockFile():
            return self._lock.tryLock(100)
        return False

    def holder(self) -> str:
        info = self._lock.getLockInfo()  # PySide6 returns (pid, hostname, appname)
        if isinstance(info, tuple) and len(info) >= 2 and info[0]:
            return f"proces {info[0]} op {info[1]}"
        return "een ander programma"

    def release(self) -> None:
        self._lock.unlock()
