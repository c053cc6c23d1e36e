"""storage.bulk.insert_many: rows as tuples in any column order, dates through their bind processors,
in the caller's transaction (rolled back with it)."""

from datetime import date, datetime

import pytest
from sqlalchemy import Column, Date, DateTime, Float, Integer, MetaData, String, Table, create_engine, select
from sqlalchemy.orm import Session

from regisseur_app.storage.bulk import insert_many

META = MetaData()
THING = Table("thing", META, Column("id", Integer, primary_key=True), Column("name", String(20)),
              Column("day", Date), Column("moment", DateTime, nullable=True), Column("amount", Float))
# insert_many counts the write in the data generation, a row of the settings table (storage/generation.py)
Table("app_setting", META, Column("key", String(50), primary_key=True), Column("value", String(200)))


@pytest.fixture
def engine(tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path / 'bulk.sqlite'}")
    META.create_all(engine)
    return engine


def test_rows_in_any_column_order_with_dates(engine):
    with Session(engine) as session, session.begin():
        insert_many(session, THING, ("amount", "day", "name", "moment"),
                    [(1.5, date(2025, 12, 31), "a", datetime(2025, 1, 2, 3, 4, 5)), (2.0, date(2024, 2, 29), "b", None)])
        insert_many(session, THING, ("name", "amount"), [("c", 3.0)], processed=True)
        insert_many(session, THING, ("name",), [])
    with Session(engine) as session:
        rows = session.execute(select(THING.c.name, THING.c.day, THING.c.moment, THING.c.amount)
                               .order_by(THING.c.id)).all()
    assert [tuple(r) for r in rows] == [("a", date(2025, 12, 31), datetime(2025, 1, 2, 3, 4, 5), 1.5),
                                        ("b", date(2024, 2, 29), None, 2.0), ("c", None, None, 3.0)]


def test_rolled_back_with_the_transaction(engine):
    with pytest.raises(RuntimeError), Session(engine) as session, session.begin():
        insert_many(session, THING, ("name", "amount"), [("x", 1.0)])
        raise RuntimeError("stop")
    with Session(engine) as session:
        assert session.scalar(select(THING.c.id)) is None


def _statements(session):
    """The SQL texts SQLite runs on the session's connection from now on."""
    seen: list[str] = []
    session.connection().connection.dbapi_connection.set_trace_callback(seen.append)
    return seen


def test_within_the_connections_limit_of_bound_variables(engine):
    import sqlite3

    with Session(engine) as session, session.begin():
        session.connection().connection.dbapi_connection.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 9)
        seen = _statements(session)
        insert_many(session, THING, ("name", "amount", "day", "moment"),
                    [(f"n{i}", 1.0, None, None) for i in range(5)], processed=True)  # 4 columns: 2 rows a statement
    # two statements of two rows, the rest one by one
    assert [s.count("), (") + 1 for s in seen if s.startswith("INSERT INTO thing")] == [2, 2, 1]
    with Session(engine) as session:
        assert len(session.execute(select(THING.c.id)).all()) == 5


def test_a_refused_row_in_a_later_statement_leaves_nothing(engine, monkeypatch):
    from sqlalchemy.exc import IntegrityError

    import regisseur_app.storage.bulk as bulk

    monkeypatch.setattr(bulk, "_ROWS_PER_STATEMENT", 2)
    with pytest.raises(IntegrityError), Session(engine) as session, session.begin():
        insert_many(session, THING, ("id", "name"), [(1, "a"), (2, "b"), (3, "c"), (1, "again")], processed=True)
    with Session(engine) as session:
        assert session.scalar(select(THING.c.id)) is None
