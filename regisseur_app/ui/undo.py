"""The window's one undo stack: each undoable operation becomes a QUndoCommand (Ctrl+Z / Ctrl+Y)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand, QUndoStack

from regisseur_app.context import AppContext
from regisseur_app.operations import UndoRecord


class _OperationCommand(QUndoCommand):
    def __init__(self, ctx: AppContext, record: UndoRecord, after: Callable[[], None]):
        super().__init__(record.text)
        self.ctx, self.record, self.after = ctx, record, after
        self.done = True  # the operation already ran when it was pushed

    def _replay(self, fn: Callable[[AppContext], object]) -> None:
        self.ctx.replaying = True
        try:
            fn(self.ctx)
        finally:
            self.ctx.replaying = False
        self.after()

    def undo(self) -> None:
        self._replay(self.record.undo)

    def redo(self) -> None:
        if self.done:  # QUndoStack.push calls redo(): the work is done already
            self.done = False
            return
        self._replay(self.record.redo)


def push_undo(stack: QUndoStack, ctx: AppContext, record: UndoRecord, after: Callable[[], None]) -> None:
    stack.push(_OperationCommand(ctx, record, after))
