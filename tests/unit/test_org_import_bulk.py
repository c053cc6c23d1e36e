"""The organisation import writes in bulk after checking every row: each new row gets its own links across
batch boundaries, updates replace plain fields and links, an error anywhere writes nothing, and through
the operation a verified backup comes first and the data generation counts the change (real SQLite)."""

import sqlite3
from contextlib import closing

import pytest
from sqlalchemy import func, select

from regisseur_app.domain.core import organisation_service as orgs
from regisseur_app.domain.core.organisations import Organisation
from regisseur_app.domain.core.settings import data_generation
from regisseur_app.exchange.core import org_writer
from regisseur_app.exchange.core.org_import import ORGANISATION_FIELDS, import_organisations
from regisseur_app.exchange.importing import ImportRejected, guess_mapping
from regisseur_app.exchange.tabular import read_table
from regisseur_app.operations.imports import import_table
from regisseur_app.storage import backup

HEADER = "Naam;KBO-nummer;Type;Zetelgemeente;Actief in;Dienstencategorieën;Doelgroepwerknemers\n"
PLACES = ["Bekkevoort", "Geetbets", "Glabbeek", "Kortenaken", "Tielt-Winge"]
CATEGORIES = ["Groenonderhoud", "Kinderopvang", "Catering/buurtrestaurant"]


@pytest.fixture(autouse=True)
def small_batches(monkeypatch):
    monkeypatch.setattr(org_writer, "BATCH", 4)  # 11 rows: three INSERT batches


def _table(tmp_path, lines, name="orgs.csv"):
    path = tmp_path / name
    path.write_text(HEADER + "".join(line + "\n" for line in lines), encoding="utf-8")
    table = read_table(path)
    return table, guess_mapping(table.headers, ORGANISATION_FIELDS)


def _rows(n=11):
    return [f"Organisatie {i};;Maatwerkbedrijf;{PLACES[i % 5]};{PLACES[(i + 1) % 5]}, {PLACES[(i + 3) % 5]};"
            f"{CATEGORIES[i % 3]};{i}" for i in range(n)]


def _count(ctx):
    with ctx.reading() as session:
        return session.scalar(select(func.count()).select_from(Organisation))


def test_every_new_row_gets_its_own_links_across_batches(ctx, tmp_path):
    lines = _rows() + ["Twee Namen;0403.170.701;Kringwinkel;;Bekkevoort;;",  # the same name twice, two KBO numbers
                       "Twee Namen;0202.239.951;Kringwinkel;;Geetbets;Kinderopvang;"]
    table, mapping = _table(tmp_path, lines)
    with ctx.transaction() as session:
        result = import_organisations(session, table, mapping)
        # visible in the same session, as the dialog after an import would read it
        assert len(orgs.list_organisations(session)) == 13
    assert (result.created, result.updated, result.skipped) == (13, 0, 0)
    with ctx.reading() as session:
        rows = orgs.list_organisations(session)
        by_kbo = {r.kbo_number: r for r in rows if r.name == "Twee Namen"}
        by_name = {r.name: r for r in rows if r.name != "Twee Namen"}
    for i in range(11):
        row = by_name[f"Organisatie {i}"]
        assert row.seat_name == PLACES[i % 5]
        assert row.municipalities == ", ".join(sorted([PLACES[(i + 1) % 5], PLACES[(i + 3) % 5]]))
        assert row.categories == CATEGORIES[i % 3]
        assert row.target_group_employees == i
    assert by_kbo["0403.170.701"].municipalities == "Bekkevoort" and by_kbo["0403.170.701"].categories == ""
    assert by_kbo["0202.239.951"].municipalities == "Geetbets" and by_kbo["0202.239.951"].categories == "Kinderopvang"


def test_one_bad_row_at_the_end_writes_nothing_and_names_row_and_column(ctx, tmp_path):
    table, mapping = _table(tmp_path, [*_rows(), "Laatste;;Maatwerkbedrijf;;Atlantis;;"])
    with pytest.raises(ImportRejected) as info:
        with ctx.transaction() as session:
            import_organisations(session, table, mapping)
    assert "rij 13, Actief in: onbekende gemeente(n): 'Atlantis'." in str(info.value)
    assert "niets gewijzigd" in str(info.value)
    assert _count(ctx) == 0


def test_updates_replace_fields_and_links_in_bulk(ctx, tmp_path):
    table, mapping = _table(tmp_path, _rows())
    with ctx.transaction() as session:
        import_organisations(session, table, mapping)
    changed = [f"Organisatie {i};;Kringwinkel;;{PLACES[(i + 2) % 5]};;{i + 100}" for i in range(0, 11, 2)]
    table, mapping = _table(tmp_path, changed, "update.csv")
    with ctx.transaction() as session:
        result = import_organisations(session, table, mapping, on_duplicate="update")
    assert (result.created, result.updated, result.skipped) == (0, 6, 0)
    with ctx.reading() as session:
        rows = {r.name: r for r in orgs.list_organisations(session)}
    assert len(rows) == 11
    for i in range(11):
        row = rows[f"Organisatie {i}"]
        if i % 2:  # not in the second file: unchanged
            assert (row.type_label, row.target_group_employees, row.categories) == ("Maatwerkbedrijf", i,
                                                                                     CATEGORIES[i % 3])
        else:  # filled cells replace, empty cells keep (the seat, the categories)
            assert (row.type_label, row.target_group_employees) == ("Kringwinkel", i + 100)
            assert row.municipalities == PLACES[(i + 2) % 5] and row.seat_name == PLACES[i % 5]
            assert row.categories == CATEGORIES[i % 3]


def test_the_operation_backs_up_first_and_counts_the_change(ctx, tmp_path):
    with ctx.reading() as session:
        before = data_generation(session)
    table, mapping = _table(tmp_path, [*_rows(), "Fout;;Bakkerij;;;;"])
    with pytest.raises(ImportRejected, match="rij 13, Type: 'Bakkerij' is geen gekend type"):
        import_table(ctx, import_organisations, table, mapping)
    assert _count(ctx) == 0
    table, mapping = _table(tmp_path, _rows(), "goed.csv")
    result = import_table(ctx, import_organisations, table, mapping)
    assert result.created == 11 and _count(ctx) == 11
    newest = backup.list_backups(ctx.paths.backup_dir, with_counts=False)[0].path
    with closing(sqlite3.connect(newest)) as copy:  # taken before the rows were written
        assert copy.execute("SELECT count(*) FROM organisation").fetchone() == (0,)
    with ctx.reading() as session:
        assert data_generation(session) > before
