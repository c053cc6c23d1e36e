"""The operations layer: one function per user action (DESIGN.md rule 2).

An operation takes the AppContext and plain values. It owns the transaction, the verified backup before
a risky write, the undo record and the announcement of what changed; it calls the domain services for
the work itself. The UI, the command line and batch jobs call operations; no UI file opens a transaction.

    @operation(changes={"organisations"})
    def archive_organisations(op: Op, ids: list[int], archive: bool = True) -> int:
        changed = organisation_service.set_archived(op.session, ids, archive)
        op.undoable("organisaties archiveren",
                    undo=lambda ctx: archive_organisations(ctx, ids, not archive),
                    redo=lambda ctx: archive_organisations(ctx, ids, archive))
        return changed

    archive_organisations(ctx, [3, 4])   # called with the context; one transaction; undo recorded

Undo steps go to `ctx.undo_sink` (the main window's QUndoStack; nothing on the command line). An undo or
redo function is itself an operation and records nothing while it runs (`Op.replaying`).
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Concatenate, ParamSpec, TypeVar

from sqlalchemy.orm import Session

from regisseur_app.storage import backup as backups

if TYPE_CHECKING:
    from regisseur_app.context import AppContext

log = logging.getLogger(__name__)
P = ParamSpec("P")
T = TypeVar("T")


@dataclass(frozen=True)
class UndoRecord:
    """A step the user can undo and redo (Ctrl+Z / Ctrl+Y), each one an operation of its own."""

    text: str
    undo: Callable[[AppContext], Any]
    redo: Callable[[AppContext], Any]


@dataclass
class Op:
    """What the body of an operation works with: the context, its one session, and its records."""

    ctx: AppContext
    session: Session
    changes: set[str] = field(default_factory=set)
    undo_record: UndoRecord | None = None

    def undoable(self, text: str, undo: Callable[[AppContext], Any], redo: Callable[[AppContext], Any]) -> None:
        self.undo_record = UndoRecord(text, undo, redo)

    def changed(self, *topics: str) -> None:
        self.changes.update(topics)


def operation(*, changes: set[str] | frozenset[str] = frozenset(), backup: bool = False
              ) -> Callable[[Callable[Concatenate[Op, P], T]], Callable[Concatenate[AppContext, P], T]]:
    """Make `fn(op, ...)` a user action `fn(ctx, ...)`: a verified backup first when `backup` is set (unless
    the newest backup already holds this very data: its data generation is the live one, as after the
    backup made when the window last closed; copying and checking 126 MB again took 2,7 s), one transaction (commit at the end, rollback on any exception), then the undo record and the
    announcement of `changes` (topics such as "organisations") to `ctx.announce`."""

    def wrap(fn: Callable[Concatenate[Op, P], T]) -> Callable[Concatenate[AppContext, P], T]:
        @functools.wraps(fn)
        def run(ctx: AppContext, *args: P.args, **kwargs: P.kwargs) -> T:
            if backup and backups.needs_backup(ctx.db_path, ctx.paths.backup_dir):
                backups.make_backup(ctx.db_path, ctx.paths.backup_dir)
            with ctx.transaction() as session:
                op = Op(ctx, session, set(changes))
                result = fn(op, *args, **kwargs)
            log.debug("operation %s done", fn.__name__)
            if op.undo_record is not None and not ctx.replaying:
                ctx.record_undo(op.undo_record)
            ctx.announce(op.changes)
            return result

        return run

    return wrap
