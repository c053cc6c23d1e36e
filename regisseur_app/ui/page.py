"""The contract of a module page in the main window (typed, no `hasattr` probing).

A page is a QWidget made by the `factory(ctx)` of its `features.spec.PageSpec`. It subclasses `Page`,
declares the menu commands it supports in `COMMANDS`, and implements the matching methods:

  Command.NEW     open_editor(None)       Bewerken › Nieuw… (Ctrl+N)
  Command.IMPORT  import_file()           Bestand › Importeren… (Ctrl+I)
  Command.EXPORT  export_list()           Bestand › Exporteren… (Ctrl+E)
  Command.SEARCH  focus_search()          Bewerken › Zoeken (Ctrl+F)

Every page has `refresh()` (re-read its data; called whenever it is shown), `reload_choices()` (code
lists or municipalities changed, a backup was restored) and `status_message` (short feedback for the
status bar). Undo is not a page command: operations record undo steps on the window's one QUndoStack.
"""

from __future__ import annotations

import enum
from datetime import date, datetime
from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from regisseur_app.domain.core.settings import data_generation

if TYPE_CHECKING:
    from regisseur_app.context import AppContext


class Command(enum.Enum):
    NEW = "open_editor"
    IMPORT = "import_file"
    EXPORT = "export_list"
    SEARCH = "focus_search"


class Page(QWidget):
    status_message = Signal(str)
    COMMANDS: ClassVar[frozenset[Command]] = frozenset()

    def refresh(self) -> None:
        """Re-read the data shown."""

    def changes_at(self) -> datetime | None:
        """The moment at which what the page shows changes by itself, without a change to the data (an
        upcoming event that starts or ends), as of its last refresh; None when only the data and the day
        matter. A page shown again after that moment is read again (ReadMarks)."""
        return None

    def data_changed(self, topics: set[str]) -> None:
        """An operation changed data (`topics`, e.g. {"organisations"}) while this page is on screen:
        called once after the operation, from the event loop. Override to keep an editor's place."""
        self.refresh()

    def reload_choices(self) -> None:
        """Code lists, municipalities or the whole database changed: re-read choices, then data."""
        self.refresh()

    def run_command(self, command: Command) -> None:
        if command not in self.COMMANDS:
            raise ValueError(f"{type(self).__name__} does not support {command}")
        method = getattr(self, command.value)
        if command is Command.NEW:
            method(None)
        else:
            method()


def data_key(ctx: AppContext) -> tuple[int, date]:
    """What shown data depends on besides the filters on screen: the data generation (counts up with every
    change to the data, storage/generation.py) and the day. A page or tab shown again while this is the same as
    when it last read its data need not read it again."""
    with ctx.reading() as session:
        return data_generation(session), date.today()


class ReadMarks:
    """Per thing on screen (a page, a tab), the data_key and whatever else it depends on (a survey chosen) at its
    last read: a thing shown again is read again only when `stale` (the MVO page or a survey's answers took up to
    1 s to read again on the large region). `mark` after each read, with `until` the moment its shown data
    changes by itself (Page.changes_at); `forget` when everything must be read again."""

    def __init__(self, ctx: AppContext):
        self.ctx = ctx
        self._at: dict[object, tuple] = {}
        self._until: dict[object, datetime] = {}

    def stale(self, thing: object, *depends: object) -> bool:
        until = self._until.get(thing)
        if until is not None and datetime.now() >= until:
            return True
        return self._at.get(thing) != (data_key(self.ctx), *depends)

    def mark(self, thing: object, *depends: object, until: datetime | None = None) -> None:
        self._at[thing] = (data_key(self.ctx), *depends)
        if until is None:
            self._until.pop(thing, None)
        else:
            self._until[thing] = until

    def forget(self) -> None:
        self._at.clear()
        self._until.clear()
