"""The window's one undo stack: each undoable operation becomes a QUndoCommand (Ctrl+Z / Ctrl+Y).

An undo or redo is itself an operation (one transaction). When it fails (say the record was changed or
removed meanwhile), nothing was written: the step is dropped from the stack (obsolete) and `on_error`
gets the exception, so the window can say so in Dutch instead of crashing.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtGui import QUndoCommand, QUndoStack

from regisseur_app.context import AppContext
from regisseur_app.operations import UndoRecord

log = logging.getLogger(__name__)


class _OperationCommand(QUndoCommand):
    def __init__(self, ctx: AppContext, record: UndoRecord, after: Callable[[], None],
                 on_error: Callable[[Exception], None]):
        super().__init__(record.text)
        self.ctx, self.record, self.after, self.on_error = ctx, record, after, on_error
        self.done = True  # the operation already ran when it was pushed

    def _replay(self, fn: Callable[[AppContext], object]) -> None:
        self.ctx.replaying = True
        try:
            fn(self.ctx)
        except Exception as exc:  # noqa: BLE001  (reported to the user; the transaction was rolled back)
            log.warning("undo/redo of %r failed: %s", self.record.text, exc)
            self.setObsolete(True)
            self.on_error(exc)
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


def push_undo(stack: QUndoStack, ctx: AppContext, record: UndoRecord, after: Callable[[], None],
              on_error: Callable[[Exception], None] = lambda exc: None) -> None:
    stack.push(_OperationCommand(ctx, record, after, on_error))
