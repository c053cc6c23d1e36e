"""storage.bulk.insert_many: every row written once, in order, whatever the count (here 50 to a statement and the
rest one by one; the app puts up to 1.000 in one), with columns given in any order, constants written once, and the
change counted (real SQLite)."""

import pytest
from sqlalchemy import select

from regisseur_app.domain.core import codelists
from regisseur_app.domain.core.organisations import Organisation, organisation_municipality
from regisseur_app.domain.core.settings import data_generation
from regisseur_app.storage import bulk
from regisseur_app.storage.bulk import insert_many


@pytest.mark.parametrize("count", [1, 49, 50, 51, 123])
def test_every_row_once_in_order_with_constants(ctx, count, monkeypatch):
    monkeypatch.setattr(bulk, "_ROWS_PER_STATEMENT", 50)
    with ctx.reading() as session:
        before = data_generation(session)
    with ctx.transaction() as session:
        kind = next(i.id for i in codelists.list_items(session, codelists.ORGANISATION_TYPE))
        rows = [(f"Org {i:03d} 'quote'", 1000 + i, kind, f"{i % 7}000") for i in range(count)]  # not the table's order
        insert_many(session, Organisation.__table__, ["name", "id", "type_id", "postcode"], rows, processed=True,
                    constants={"street": "", "city": "Zoë's stad", "website": "", "notes": "", "archived": False})
        insert_many(session, organisation_municipality, ["organisation_id", "nis_code"],
                    [(1000 + i, "24008") for i in range(count)], processed=True)
    with ctx.reading() as session:
        got = session.execute(select(Organisation.id, Organisation.name, Organisation.postcode, Organisation.city,
                                     Organisation.archived).order_by(Organisation.id)).all()
        links = session.execute(select(organisation_municipality.c.organisation_id)
                                .order_by(organisation_municipality.c.organisation_id)).scalars().all()
        assert data_generation(session) == before + 1
    assert [tuple(row) for row in got] == [(1000 + i, f"Org {i:03d} 'quote'", f"{i % 7}000", "Zoë's stad", False)
                                           for i in range(count)]
    assert links == [1000 + i for i in range(count)]


def test_many_rows_go_into_one_statement(ctx, monkeypatch):
    monkeypatch.setattr(bulk, "_ROWS_PER_STATEMENT", 50)
    statements = []
    with ctx.transaction() as session:
        kind = next(i.id for i in codelists.list_items(session, codelists.ORGANISATION_TYPE))
        insert_many(session, Organisation.__table__, ["id", "name", "type_id"],
                    [(1000 + i, f"Org {i}", kind) for i in range(123)], processed=True,
                    constants={"street": "", "postcode": "", "city": "", "website": "", "notes": "", "archived": False})
        connection = session.connection()
        real = type(connection).exec_driver_sql

        def seen(self, sql, parameters=None, *args, **kwargs):
            statements.append((sql.count("?"), len(parameters)))
            return real(self, sql, parameters, *args, **kwargs)

        monkeypatch.setattr(type(connection), "exec_driver_sql", seen)
        insert_many(session, organisation_municipality, ["organisation_id", "nis_code"],
                    [(1000 + i, "24008") for i in range(123)], processed=False)
        monkeypatch.undo()
        assert session.execute(select(organisation_municipality.c.organisation_id)).scalars().all() == [
            1000 + i for i in range(123)]
    assert statements == [(100, 2), (2, 23)]  # two statements of 50 rows, then 23 of one row


def test_the_statement_for_many_rows_repeats_the_values_only():
    sql = "INSERT INTO t (a, b, c) VALUES (?, ?, 'x, y')"
    assert bulk._rows_of(sql, 3) == "INSERT INTO t (a, b, c) VALUES (?, ?, 'x, y'), (?, ?, 'x, y'), (?, ?, 'x, y')"
    with pytest.raises(ValueError):
        bulk._rows_of("INSERT INTO t (a) VALUES (?) RETURNING id", 2)
