"""One function per user action; see operations/base.py. Per feature: operations/<feature>.py."""

from regisseur_app.operations.base import Op, UndoRecord, operation

__all__ = ["Op", "UndoRecord", "operation"]
