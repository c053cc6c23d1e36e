"""Ctrl+Z / Ctrl+Y inside a modal dialog, limited to the steps made in that dialog.

The window has one undo stack. A modal dialog that borrowed the window's actions would undo the window's top
step even when it came from another page (say a deleted organisation) while the user looks at a list of
rubrieken. `DialogUndo` gives the dialog its own Ctrl+Z / Ctrl+Y that trigger the window's actions (so the
status bar text and the Dutch message on a failed step stay the same) only for the steps pushed while the
dialog is open; outside that range it says so in the dialog and changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QLabel, QWidget

NOTHING_TO_UNDO = "Er is in dit venster niets (meer) om ongedaan te maken."
NOTHING_TO_REDO = "Er is in dit venster niets om opnieuw uit te voeren."


class DialogUndo(QObject):
    def __init__(self, dialog: QWidget, note: QLabel, after: Callable[[], None]):
        super().__init__(dialog)
        self.note, self.after = note, after
        parent = dialog.parentWidget()
        window = parent.window() if parent is not None else None
        self.stack: QUndoStack | None = getattr(window, "undo_stack", None)
        self.window_actions = {name: window.findChild(QAction, name) if window is not None else None
                               for name in ("undo", "redo")}
        self.start = self.top = self.stack.index() if self.stack is not None else 0
        if self.stack is not None:
            self.stack.indexChanged.connect(self._index_changed)
            dialog.finished.connect(lambda _result: self.stack.indexChanged.disconnect(self._index_changed))
        self.undo_action = self._action(dialog, "Ongedaan maken", [QKeySequence(QKeySequence.StandardKey.Undo)],
                                        self.undo)
        redo_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
        self.redo_action = self._action(dialog, "Opnieuw uitvoeren",
                                        redo_keys + [QKeySequence("Ctrl+Y")] * (QKeySequence("Ctrl+Y") not in redo_keys),
                                        self.redo)

    def _action(self, dialog: QWidget, text: str, keys: list[QKeySequence], slot: Callable[[], None]) -> QAction:
        action = QAction(text, dialog)
        action.setShortcuts(keys)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        dialog.addAction(action)
        return action

    def _index_changed(self, index: int) -> None:
        self.top = max(self.top, index)  # only a step pushed in the dialog goes above the top

    def can_undo(self) -> bool:
        return self.stack is not None and self.stack.index() > self.start

    def can_redo(self) -> bool:
        return self.stack is not None and self.stack.index() < self.top

    def undo(self) -> None:
        self._step(self.can_undo(), "undo", NOTHING_TO_UNDO)

    def redo(self) -> None:
        self._step(self.can_redo(), "redo", NOTHING_TO_REDO)

    def _step(self, allowed: bool, name: str, refused: str) -> None:
        action = self.window_actions[name]
        if not allowed or action is None:
            self.note.setText(refused)
            return
        text = self.stack.undoText() if name == "undo" else self.stack.redoText()
        steps = self.stack.count()
        action.trigger()  # the window reports a failed step itself (status bar and a Dutch message)
        failed = self.stack.count() < steps  # a failed step is dropped from the stack
        self.top = min(self.top, self.stack.count())
        done = {("undo", False): "Ongedaan gemaakt", ("redo", False): "Opnieuw uitgevoerd",
                ("undo", True): "Ongedaan maken mislukt", ("redo", True): "Opnieuw uitvoeren mislukt"}
        self.note.setText(f"{done[name, failed]}: {text}.")
        self.after()
