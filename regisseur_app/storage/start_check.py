"""The read-only check of the database at start, begun on a thread before the application's imports.

`startup.open_context` must know that an existing file is sound before anything writes to it. The check
is SQLite's own work in C (the full `integrity_check` on a file up to FULL_CHECK_AT_START_MAX, else
`quick_check`: about 0,1-0,3 s on a 57 MB region), which releases the GIL; the command line begins it
(`begin`) as soon as it knows the path, so it runs on a second core while Python imports SQLAlchemy, Qt
and the features. `result` then waits for it. The guarantee is the same as checking inline: the
verdict is only used for the file as it was checked (size and modification time of the file and its
WAL unchanged, and taken once); otherwise the file is checked again on the spot. Standard library only,
so beginning costs nothing."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

FULL_CHECK_AT_START_MAX = 20 * 1024 * 1024  # about 0,5 s of integrity_check

_lock = threading.Lock()
_begun: dict[Path, tuple[threading.Thread, tuple, list[bool]]] = {}


def check_now(db_path: Path) -> bool:
    """The check itself, read-only: integrity_check up to FULL_CHECK_AT_START_MAX, else quick_check (page
    structure, not the indexes against the rows)."""
    try:
        size = db_path.stat().st_size
    except OSError:
        return False
    pragma = "integrity_check" if size <= FULL_CHECK_AT_START_MAX else "quick_check"
    try:
        conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, check_same_thread=False)
    except sqlite3.Error:
        return False
    try:
        return conn.execute(f"PRAGMA {pragma}").fetchone()[0] == "ok"
    except sqlite3.DatabaseError:
        return False
    finally:
        conn.close()


def _identity(path: Path) -> tuple:
    """What changes when the file is written: size and modification time of the file and of its WAL. An
    empty WAL counts as none (opening the file read-only may create one; it holds nothing)."""
    found = []
    for part in (path, Path(f"{path}-wal")):
        try:
            stat = part.stat()
        except OSError:
            found.append(None)
            continue
        found.append((stat.st_size, stat.st_mtime_ns, stat.st_ino) if stat.st_size or part == path else None)
    return tuple(found)


def begin(db_path: Path) -> None:
    """Start checking an existing, non-empty file on a background thread (no-op otherwise)."""
    path = Path(db_path).expanduser().resolve()
    try:
        if path.stat().st_size == 0:
            return
    except OSError:
        return
    with _lock:
        if path in _begun:
            return
        verdict: list[bool] = []
        identity = _identity(path)
        thread = threading.Thread(target=lambda: verdict.append(check_now(path)), name="start-check", daemon=True)
        _begun[path] = (thread, identity, verdict)
    thread.start()


def running(db_path: Path) -> bool:
    """True while a check begun for this file is still working: its verdict is not known yet, and `result`
    would wait for it."""
    path = Path(db_path).expanduser().resolve()
    with _lock:
        entry = _begun.get(path)
    return entry is not None and entry[0].is_alive()


def result(db_path: Path) -> bool:
    """The verdict for the file as it is now: the begun check's when the file did not change since it
    began, else a check made now."""
    path = Path(db_path).expanduser().resolve()
    with _lock:
        entry = _begun.pop(path, None)
    if entry is not None:
        thread, identity, verdict = entry
        thread.join()
        if verdict and identity == _identity(path):
            return verdict[0]
    return check_now(path)
