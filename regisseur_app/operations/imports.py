"""Importing a file: a verified backup first, then the whole file in one transaction (DESIGN.md rule 4).

Every import kind of the registry (features.spec.ImportKind.run) and the key-figure import go through
`import_table`; the UI runs it on a worker thread with a progress callback.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from regisseur_app.operations.base import Op, operation


@operation(changes={"imports"}, backup=True)
def import_table(op: Op, run: Callable[..., Any], table: Any, mapping: Any, *options: Any,
                 progress: Callable | None = None) -> Any:
    """`run(session, table, mapping, *options, progress=progress)`: all rows or none (the caller's kind)."""
    return run(op.session, table, mapping, *options, progress=progress)
