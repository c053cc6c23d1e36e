"""SQL that differs between database engines, in one place (a PostgreSQL mode will follow).

The domain builds queries with SQLAlchemy Core/ORM and these helpers only: no SQLite function names,
no raw DB-API connection, no `?` placeholders. Each helper is a SQL construct compiled per dialect:

  helper                 SQLite (today)                                   other engines (PostgreSQL)
  folded(x)              fold(x) (Python function, storage/engine.py)     lower(unaccent(x))  (unaccent extension)
  year_of(x)             CAST(substr(x, 1, 4) AS INTEGER) (ISO text)      CAST(EXTRACT(YEAR FROM x) AS INTEGER)
  days_between(a, b)     CAST(round(julianday(b) - julianday(a)) AS INT)  (CAST(b AS DATE) - CAST(a AS DATE))
  full_scan(q, table)    FROM table NOT INDEXED                           FROM table (the planner decides)
  through_index(q, t, i) FROM t INDEXED BY i                              FROM t (the planner decides)
  joined_text(x)         group_concat(x, ', ')                            string_agg(x, ', ')
  after_first_word(x)    the text after the first space (instr/substr)    the same with strpos/substr

tests/unit/test_dialect.py compiles every helper for SQLite and PostgreSQL and runs them on SQLite.
"""

from __future__ import annotations

from sqlalchemy import Integer, case, func
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.functions import GenericFunction
from sqlalchemy.sql.selectable import FromClause, Select
from sqlalchemy.types import String

from regisseur_app.storage.engine import fold


class _Folded(GenericFunction):
    type = String()
    inherit_cache = True
    name = "fold"


class _YearOf(GenericFunction):
    type = Integer()
    inherit_cache = True
    name = "year_of"


class _DaysBetween(GenericFunction):
    type = Integer()
    inherit_cache = True
    name = "days_between"


class _JoinedText(GenericFunction):
    type = String()
    inherit_cache = True
    name = "joined_text"


class _FirstSpace(GenericFunction):
    type = Integer()
    inherit_cache = True
    name = "first_space"


def _spelled(kind: type[GenericFunction], sqlite: str, other: str) -> None:
    """Compile `kind` as the template `sqlite` on SQLite and as `other` on every other engine; {0}, {1}
    are its compiled arguments."""
    def spelling(template: str):  # noqa: ANN202
        def compile_(element, compiler, **kw) -> str:  # noqa: ANN001
            return template.format(*(compiler.process(arg, **kw) for arg in element.clauses))
        return compile_

    compiles(kind, "sqlite")(spelling(sqlite))
    compiles(kind)(spelling(other))


_spelled(_Folded, "fold({0})", "lower(unaccent({0}))")
# SQLAlchemy stores dates and datetimes on SQLite as ISO text ('2025-03-14 08:30:00'): the first four
# characters are the year, several times faster than strftime() over a whole table
_spelled(_YearOf, "CAST(substr({0}, 1, 4) AS INTEGER)", "CAST(EXTRACT(YEAR FROM {0}) AS INTEGER)")
_spelled(_DaysBetween, "CAST(round(julianday({1}) - julianday({0})) AS INTEGER)",
         "(CAST({1} AS DATE) - CAST({0} AS DATE))")
_spelled(_JoinedText, "group_concat({0}, ', ')", "string_agg({0}, ', ')")
_spelled(_FirstSpace, "instr({0}, ' ')", "strpos({0}, ' ')")


def folded(expr: ColumnElement) -> ColumnElement[str]:
    """Accent- and case-insensitive form of a text column (for matching and sorting like a person would)."""
    return _Folded(expr)


def folded_contains(expr: ColumnElement, text: str) -> ColumnElement[bool]:
    """`expr` contains `text`, ignoring case and accents."""
    return folded(expr).contains(fold(text), autoescape=True)


def folded_equals(expr: ColumnElement, text: str) -> ColumnElement[bool]:
    """`expr` equals `text`, ignoring case and accents (and surrounding spaces of `text`)."""
    return folded(expr) == fold(text)


def year_of(expr: ColumnElement) -> ColumnElement[int]:
    """The calendar year of a date or datetime column, as an integer."""
    return _YearOf(expr)


def days_between(start: ColumnElement, end: ColumnElement) -> ColumnElement[int]:
    """Whole days from `start` to `end` (dates), rounded."""
    return _DaysBetween(start, end)


def joined_text(expr: ColumnElement) -> ColumnElement[str]:
    """Aggregate: the group's texts joined with ', ', in the order the rows come in (feed it an ordered
    subquery; NULL for an empty group)."""
    return _JoinedText(expr)


def after_first_word(expr: ColumnElement) -> ColumnElement[str]:
    """The text after the first space ('' when there is none): 'Jan Van den Broeck' -> 'Van den Broeck', to
    sort people on their last name."""
    position = _FirstSpace(expr)
    return case((position > 0, func.substr(expr, position + 1)), else_="")


def full_scan(query: Select, table: FromClause) -> Select:
    """Read `table` from start to end instead of through an index: faster when the query keeps most rows
    (statistics over the whole log). Only a hint: engines without it plan as they see fit."""
    return query.with_hint(table, "NOT INDEXED", dialect_name="sqlite")


def through_index(query: Select, table: FromClause, index_name: str) -> Select:
    """Read `table` through the named index (a covering index: the table itself is not read). SQLite's
    planner, without ANALYZE statistics, prefers an index on an IN list of municipalities over a covering
    index on the date range; other engines plan as they see fit."""
    return query.with_hint(table, f"INDEXED BY {index_name}", dialect_name="sqlite")
