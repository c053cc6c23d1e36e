"""storage/dialect.py: the SQL that differs between engines, compiled for SQLite and PostgreSQL, and run
on a real SQLite file through the app's engine."""

from datetime import date, datetime

from sqlalchemy import Column, Date, DateTime, Integer, MetaData, String, Table, insert, select
from sqlalchemy.dialects import postgresql

from regisseur_app.storage.dialect import (
    days_between,
    folded,
    folded_contains,
    folded_equals,
    full_scan,
    through_index,
    year_of,
)
from regisseur_app.storage.engine import make_engine

META = MetaData()
THING = Table("thing", META, Column("id", Integer, primary_key=True), Column("name", String),
              Column("day", Date), Column("later", Date), Column("at", DateTime))


def _engine(tmp_path):
    engine = make_engine(tmp_path / "d.sqlite")
    META.create_all(engine)
    with engine.begin() as conn:
        conn.execute(insert(THING), [
            {"id": 1, "name": "Kringwinkel Ré", "day": date(2024, 12, 31), "later": date(2025, 3, 1),
             "at": datetime(2023, 6, 1, 9, 30)},
            {"id": 2, "name": "ÉÉN VZW", "day": date(2025, 1, 1), "later": date(2025, 1, 1),
             "at": datetime(2025, 1, 1, 0, 0)},
        ])
    return engine


def test_helpers_run_on_sqlite(tmp_path):
    engine = _engine(tmp_path)
    with engine.connect() as conn:
        assert conn.scalars(select(THING.c.id).where(folded_contains(THING.c.name, "winkel re"))).all() == [1]
        assert conn.scalars(select(THING.c.id).where(folded_equals(THING.c.name, " één vzw "))).all() == [2]
        assert conn.scalars(select(THING.c.id).where(folded_contains(THING.c.name, "%"))).all() == []  # escaped
        assert conn.scalars(select(THING.c.id).order_by(folded(THING.c.name))).all() == [2, 1]
        assert conn.execute(select(year_of(THING.c.day), year_of(THING.c.at)).order_by(THING.c.id)).all() == [
            (2024, 2023), (2025, 2025)]
        assert conn.scalars(select(days_between(THING.c.day, THING.c.later)).order_by(THING.c.id)).all() == [60, 0]
        assert conn.scalars(full_scan(select(THING.c.id).where(THING.c.id > 0), THING).order_by(THING.c.id)).all() == [
            1, 2]


def test_sqlite_spelling(tmp_path):
    engine = _engine(tmp_path)
    sql = str(full_scan(select(year_of(THING.c.day), days_between(THING.c.day, THING.c.later),
                               folded(THING.c.name)), THING).compile(engine))
    assert "substr(thing.day, 1, 4)" in sql
    assert "julianday(thing.later) - julianday(thing.day)" in sql
    assert "fold(thing.name)" in sql
    assert "FROM thing NOT INDEXED" in sql
    assert "FROM thing INDEXED BY ix_thing_day" in str(through_index(select(THING.c.id), THING, "ix_thing_day")
                                                        .compile(engine))


def test_postgresql_spelling_has_no_sqlite_function():
    sql = str(full_scan(select(year_of(THING.c.day), days_between(THING.c.day, THING.c.later),
                               folded(THING.c.name)), THING).compile(dialect=postgresql.dialect()))
    assert "EXTRACT(YEAR FROM thing.day)" in sql
    assert "CAST(thing.later AS DATE) - CAST(thing.day AS DATE)" in sql
    assert "lower(unaccent(thing.name))" in sql
    sql += str(through_index(select(THING.c.id), THING, "ix_thing_day").compile(dialect=postgresql.dialect()))
    for sqlite_only in ("strftime", "julianday", "NOT INDEXED", "INDEXED BY", "fold("):
        assert sqlite_only not in sql.replace("unaccent", "")


def test_domain_uses_no_sqlite_spelling():
    """Rule: SQLite function names, hints and the raw DB-API connection stay in storage/."""
    from pathlib import Path

    package = Path(__file__).resolve().parents[2] / "regisseur_app"
    words = ("func.fold", "strftime(\"%Y\"", "func.strftime", "julianday", "NOT INDEXED", "INDEXED BY", "driver_connection",
             "exec_driver_sql", "import sqlite3", "PRAGMA")
    offenders = [f"{p.relative_to(package)}: {w}" for folder in ("domain", "exchange", "reports", "operations")
                 for p in (package / folder).rglob("*.py") for w in words if w in p.read_text(encoding="utf-8")]
    assert offenders == []


def test_joined_text_and_after_first_word(tmp_path):
    from sqlalchemy import func

    from regisseur_app.storage.dialect import after_first_word, joined_text

    engine = _engine(tmp_path)
    with engine.connect() as conn:
        ordered = select(THING.c.name).order_by(THING.c.id.desc()).subquery()
        assert conn.scalar(select(joined_text(ordered.c.name))) == "ÉÉN VZW, Kringwinkel Ré"
        assert conn.scalar(select(joined_text(THING.c.name)).where(THING.c.id > 5)) is None
        assert conn.scalars(select(after_first_word(THING.c.name)).order_by(THING.c.id)).all() == ["Ré", "VZW"]
        assert conn.scalar(select(after_first_word(func.upper("Madonna")))) == ""
    pg = str(select(joined_text(THING.c.name), after_first_word(THING.c.name)).compile(dialect=postgresql.dialect()))
    assert "string_agg(thing.name, ', ')" in pg and "strpos(thing.name, ' ')" in pg
    assert "group_concat" not in pg and "instr(" not in pg
