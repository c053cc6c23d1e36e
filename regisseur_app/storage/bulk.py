"""Many rows into one table: the INSERT compiled once for the dialect and handed to the driver's executemany with
the rows as tuples, up to 1.000 rows to a statement (VALUES (...), (...), ...) where the driver's parameters
are positional, within the connection's limit of bound parameters. A Core executemany of dicts spends most of
its time on the per-row parameter handling; for an import of 100.000 rows that is a third of the writing; and
SQLite spends less per row when one statement carries many rows, provided there are many: into a table with
indexes, 10 or 50 rows to a statement were slower than one (measured with raw sqlite3, CPU, 103.000 rows of a
table with three indexes and three foreign keys: one row a statement 338 ms, 10 rows 717, 50 rows 433, 199
rows 305, 1.000 rows 244; without its indexes and foreign keys 122, 98, 80, -, 80). The change is counted in
the data generation like any write through the session (storage/generation.py).

Names no table: the callers (domain code) pass their own table and column order."""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Mapping, Sequence
from itertools import chain

from sqlalchemy import Table, insert, literal, literal_column
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Session

from regisseur_app.storage.generation import count_change


def insert_many(session: Session, table: Table, columns: Sequence[str], rows: list[tuple],
                processed: bool = False, constants: Mapping[str, object] | None = None) -> None:
    """INSERT `rows` (tuples in the order of `columns`) in the session's transaction. The columns' bind
    processors are applied (dates, booleans) unless `processed`: the values are plain ints, floats and
    texts the driver takes as they are. `constants`: columns with the same value in every row (say, a column
    the imported file does not have), written into the statement as literals instead of bound per row."""
    if not rows:
        return
    columns = list(columns)
    conn = session.connection()
    dialect = conn.dialect
    sql, order = _compiled(table, tuple(columns), tuple((constants or {}).items()), dialect)
    if order != columns:
        at = [columns.index(k) for k in order]
        rows = [tuple(row[i] for i in at) for row in rows]
    processors = [None if processed else table.c[key].type._cached_bind_processor(dialect)  # noqa: SLF001
                  for key in order]
    if any(processors):
        rows = [tuple(p(v) if p else v for v, p in zip(row, processors, strict=True)) for row in rows]
    if not dialect.positional:
        rows = [dict(zip(order, row, strict=True)) for row in rows]
    count_change(session)
    per = min(_ROWS_PER_STATEMENT, _max_parameters(conn) // max(len(order), 1)) if dialect.positional else 1
    whole = len(rows) - len(rows) % per if per > 1 else 0
    if whole:  # many rows per statement: a third less time than one statement per row (SQLite, 8 columns)
        conn.exec_driver_sql(_rows_of(sql, per), [tuple(chain.from_iterable(rows[at:at + per]))
                                                  for at in range(0, whole, per)])
    if whole < len(rows):
        conn.exec_driver_sql(sql, rows[whole:])


_ROWS_PER_STATEMENT = 1000


def _max_parameters(conn) -> int:  # noqa: ANN001  (a Connection)
    """The driver connection's limit of bound parameters in one statement (SQLite: 32.766 since 3.32, 999
    before; Python's sqlite3 tells it from 3.11 on); 999 when it cannot be asked."""
    try:
        return conn.connection.dbapi_connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
    except (AttributeError, sqlite3.Error):
        return 999


@functools.lru_cache(maxsize=32)
def _rows_of(sql: str, per: int) -> str:
    """The one-row INSERT ... VALUES (...) as one statement for `per` rows: VALUES (...), (...), ..."""
    head, values = sql.split(" VALUES ", 1)
    if not (values.startswith("(") and values.endswith(")")) or " VALUES " in values:
        raise ValueError(f"not a one-row INSERT: {sql}")
    return f"{head} VALUES " + ", ".join([values] * per)


@functools.lru_cache(maxsize=32)
def _compiled(table: Table, columns: tuple[str, ...], constants: tuple[tuple[str, object], ...],
              dialect: Dialect) -> tuple[str, list[str]]:
    """The INSERT's SQL and the order of its parameters (a batch of an import asks for the same again)."""
    statement = insert(table)
    if constants:
        statement = statement.values({key: literal_column(str(literal(value, table.c[key].type).compile(
            dialect=dialect, compile_kwargs={"literal_binds": True}))) for key, value in constants})
    compiled = statement.compile(dialect=dialect, column_keys=list(columns))
    return str(compiled), list(compiled.positiontup) if dialect.positional else list(columns)
