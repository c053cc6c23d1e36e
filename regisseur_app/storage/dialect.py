"""SQL that differs between database engines, in one place (a PostgreSQL mode will follow).

The domain builds queries with SQLAlchemy Core/ORM and these helpers only: no SQLite function names,
no raw DB-API connection. On SQLite `fold()` is a Python function registered on every connection
(storage/engine.py); on PostgreSQL it would be `lower(unaccent(x))` with the unaccent extension.
"""

from __future__ import annotations

from sqlalchemy import Integer, cast, func
from sqlalchemy.sql.elements import ColumnElement

from regisseur_app.storage.engine import fold


def folded(expr: ColumnElement) -> ColumnElement:
    """Accent- and case-insensitive form of a text column (for matching and sorting like a person would)."""
    return func.fold(expr)


def folded_contains(expr: ColumnElement, text: str) -> ColumnElement[bool]:
    """`expr` contains `text`, ignoring case and accents."""
    return folded(expr).contains(fold(text), autoescape=True)


def folded_equals(expr: ColumnElement, text: str) -> ColumnElement[bool]:
    return folded(expr) == fold(text)


def year_of(expr: ColumnElement) -> ColumnElement[int]:
    """The calendar year of a date or datetime column, as an integer."""
    return cast(func.strftime("%Y", expr), Integer)


def days_between(start: ColumnElement, end: ColumnElement) -> ColumnElement[int]:
    """Whole days from `start` to `end` (dates or datetimes), rounded."""
    return cast(func.round(func.julianday(end) - func.julianday(start)), Integer)
