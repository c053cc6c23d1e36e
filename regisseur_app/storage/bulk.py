"""Many rows into one table in one statement: the INSERT compiled once for the dialect and handed to the
driver's executemany with the rows as tuples. A Core executemany of dicts spends most of its time on the
per-row parameter handling; for an import of 100.000 rows that is a third of the writing.

Names no table: the callers (domain code) pass their own table and column order."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Table, insert
from sqlalchemy.orm import Session


def insert_many(session: Session, table: Table, columns: Sequence[str], rows: list[tuple],
                processed: bool = False) -> None:
    """INSERT `rows` (tuples in the order of `columns`) in the session's transaction. The columns' bind
    processors are applied (dates, booleans) unless `processed`: the values are plain ints, floats and
    texts the driver takes as they are."""
    if not rows:
        return
    columns = list(columns)
    conn = session.connection()
    dialect = conn.dialect
    compiled = insert(table).compile(dialect=dialect, column_keys=columns)
    order = list(compiled.positiontup) if dialect.positional else columns
    if order != columns:
        at = [columns.index(k) for k in order]
        rows = [tuple(row[i] for i in at) for row in rows]
    processors = [None if processed else table.c[key].type._cached_bind_processor(dialect)  # noqa: SLF001
                  for key in order]
    if any(processors):
        rows = [tuple(p(v) if p else v for v, p in zip(row, processors, strict=True)) for row in rows]
    if not dialect.positional:
        rows = [dict(zip(order, row, strict=True)) for row in rows]
    conn.exec_driver_sql(str(compiled), rows)
