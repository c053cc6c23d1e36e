"""One running Regisseur per database file.

Two QLockFiles: one next to the database (so two computers sharing a folder see each other) and one
named after the file's identity (device and inode) in the local temporary folder, so a hard link or
another path to the same file is recognised as the same database. A lock that cannot be written (disk
full, no rights) is told apart from a lock held by another Regisseur.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QLockFile

HELD, UNWRITABLE = "held", "unwritable"


def identity_lock_path(db_path: Path) -> Path | None:
    """The per-file lock path (device, inode), or None where the file system gives no identity."""
    try:
        info = os.stat(db_path)
    except OSError:
        return None
    if not info.st_ino:
        return None
    return Path(tempfile.gettempdir()) / "regisseur-locks" / f"{info.st_dev}-{info.st_ino}.lock"


def _cannot_write(lock_path: Path) -> str:
    """Why a lock file cannot be written there (no rights, disk full, something else in the way), or ''.
    QLockFile reports those as 'locked by another process'; a probe write tells them apart."""
    if lock_path.exists() and not lock_path.is_file():
        return f"{lock_path.name} is geen bestand"
    probe = lock_path.with_name(f".{lock_path.name}.{os.getpid()}.probe")
    try:
        with open(probe, "wb") as handle:
            handle.write(b"%d\n" % os.getpid())
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as exc:
        from regisseur_app.storage.errors import storage_reason

        return storage_reason(exc) or exc.strerror or str(exc)
    finally:
        try:
            probe.unlink()
        except OSError:
            pass
    return ""


class InstanceLock:
    def __init__(self, db_path: Path):
        self.db_path = Path(db_path)
        self.path = self.db_path.with_name(self.db_path.name + ".lock")
        self.failure: str | None = None
        self.reason = ""
        self._locks: list[QLockFile] = []
        self._blocking: QLockFile | None = None

    def acquire(self) -> bool:
        """Take both locks; False when another Regisseur has the file open or a lock cannot be written
        (then `failure` is HELD or UNWRITABLE and `message()` says which)."""
        self.failure, self.reason = None, ""
        try:
            self.db_path.parent.mkdir(parents=True, exist_ok=True)
            if not self.db_path.exists():
                self.db_path.touch()  # an empty file is a new database; it gives the file its identity
        except OSError as exc:
            return self._fail(UNWRITABLE, exc.strerror or str(exc))
        paths = [self.path]
        identity = identity_lock_path(self.db_path)
        if identity is not None:
            try:
                identity.parent.mkdir(parents=True, exist_ok=True)
                paths.append(identity)
            except OSError:
                pass  # the temporary folder is not writable: the lock next to the file still works
        for path in paths:
            lock = QLockFile(str(path))
            lock.setStaleLockTime(0)  # a lock of a crashed process is detected via its pid instead
            if not self._take(lock):
                # only now the probe write (with fsync: ≈ 8 ms a lock on an ordinary disk, which every start
                # paid before): a lock that cannot be written looks to QLockFile like one held by another
                problem = _cannot_write(path)
                self.release()
                return self._fail(UNWRITABLE, problem) if problem else False
            self._locks.append(lock)
        return True

    def _take(self, lock: QLockFile) -> bool:
        if lock.tryLock(100):
            return True
        # a lock left by a crashed Regisseur (dead pid) is removed and taken over
        if lock.error() == QLockFile.LockError.LockFailedError and lock.removeStaleLockFile() and lock.tryLock(100):
            return True
        if lock.error() == QLockFile.LockError.LockFailedError:
            self._blocking = lock
            return self._fail(HELD, "")
        return self._fail(UNWRITABLE, "schijf vol of geen schrijfrechten in de map")

    def _fail(self, kind: str, reason: str) -> bool:
        self.failure, self.reason = kind, reason
        return False

    def holder(self) -> str:
        """Who holds the lock, read from the lock file (QLockFile writes pid, application, host name).
        Read directly: PySide6's QLockFile.getLockInfo() breaks the interpreter's reference counts."""
        path = self._blocking.fileName() if self._blocking is not None else (
            self._locks[0].fileName() if self._locks else str(self.path))
        try:
            lines = Path(path).read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            lines = []
        if len(lines) >= 3 and lines[0].strip().isdigit():
            return f"proces {lines[0].strip()} op {lines[2].strip()}"
        return "een ander programma"

    def message(self) -> tuple[str, str]:
        """(title, text) in Dutch for the failure of `acquire`."""
        if self.failure == UNWRITABLE:
            return ("Database kan niet vergrendeld worden",
                    f"Regisseur kan het slotbestand naast de database niet schrijven ({self.reason}).\n\n"
                    f"{self.db_path}\n\nMaak ruimte vrij op de schijf of kies een map waarin je mag schrijven.")
        return ("Regisseur is al open",
                f"Deze database is al geopend door een ander Regisseur-venster ({self.holder()}).\n\n"
                f"{self.db_path}\n\nSluit dat venster eerst, of open een andere database.")

    def release(self) -> None:
        for lock in self._locks:
            lock.unlock()
        self._locks = []
