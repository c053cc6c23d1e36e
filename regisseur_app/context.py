"""AppContext: the one object that carries paths and the session factory (DESIGN.md rule 3).

Created by the CLI (`startup.open_context`) and by the test fixtures alike; never a global.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from regisseur_app.app_paths import DB_FILE, DEMO_DB_FILE, AppPaths
from regisseur_app.storage.engine import make_engine
from regisseur_app.storage.errors import storage_error
from regisseur_app.storage.generation import install_generation_counter

__all__ = ["DB_FILE", "DEMO_DB_FILE", "AppContext", "AppPaths"]

class AppContext:
    def __init__(self, paths: AppPaths, demo: bool = False):
        self.paths = paths
        self.demo = demo
        self.engine: Engine = make_engine(paths.db_path)
        self.session_factory = sessionmaker(self.engine, expire_on_commit=False)
        install_generation_counter(self.session_factory)
        # set by the main window: receives the UndoRecord of each undoable operation (operations/base.py)
        self.undo_sink: Callable[[Any], None] | None = None
        self.replaying = False  # True while an undo or redo runs: it records no new undo step
        self._listeners: list[Callable[[set[str]], None]] = []
        # damage found by a check during the start (startup.open_context): the window offers the repair
        self.start_problems: list[str] = []

    def record_undo(self, record: Any) -> None:
        if self.undo_sink is not None:
            self.undo_sink(record)

    def on_change(self, listener: Callable[[set[str]], None]) -> None:
        """Call `listener(topics)` after every operation that changed something (possibly on a worker thread)."""
        self._listeners.append(listener)

    def remove_listener(self, listener: Callable[[set[str]], None]) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def announce(self, topics: set[str]) -> None:
        if topics:
            for listener in list(self._listeners):
                listener(topics)

    @property
    def db_path(self) -> Path:
        return self.paths.db_path

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One write = one transaction: commits at the end, rolls back on any exception.

        A failure of the disk or the file (full, read-only, I/O error) becomes a StorageError with a
        Dutch message; the transaction was rolled back, so nothing was half-written."""
        try:
            with self.session_factory.begin() as session:
                yield session
        except (DBAPIError, OSError) as exc:
            translated = storage_error(exc, "Het opslaan", self.paths.db_path)
            if translated is exc:
                raise
            raise translated from exc

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for queries; rolled back at the end."""
        with self.session_factory() as session:
            yield session

    def close(self) -> None:
        self.engine.dispose()
