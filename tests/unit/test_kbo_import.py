"""KBO import on small extracts in the real format: what is kept, what is only counted, re-imports and
their changes, bad input leaving the previous register untouched."""

import sqlite3
import zipfile

import pytest
from sqlalchemy import func, select

from regisseur_app.domain.core.codelists import ORGANISATION_TYPE, list_items
from regisseur_app.domain.core.organisation_service import OrganisationInput, save_organisation
from regisseur_app.domain.kbo.models import KboActivity, KboChange, KboEnterprise, KboPersonCount, KboPlace
from regisseur_app.exchange.kbo.source import KboFormatError
from regisseur_app.operations import kbo as ops
from tests.unit.kbo_support import INV, A, B, C, D, E, F, G, H, digits, kbo, region_extract


def _numbers(ctx):
    with ctx.reading() as s:
        return set(s.scalars(select(KboEnterprise.enterprise_number)))


def test_keeps_legal_persons_of_the_region_and_only_counts_natural_persons(ctx, tmp_path):
    summary = ops.import_extract(ctx, region_extract().write_zip(tmp_path / "KboOpenData_0153_Full.zip"))
    assert summary.first and summary.enterprises == 4 and summary.persons == 2   # active; E is stopped
    kept = _numbers(ctx)
    assert kept == {digits(n) for n in (A, B, E, G, H)}
    assert digits(F) not in kept                       # seat and activity outside the region
    assert not {digits(C), digits(D)} & kept           # natural persons: never by name
    with sqlite3.connect(ctx.db_path) as raw:           # nowhere in the file, not even in another table
        dump = "\n".join(raw.iterdump())
    assert "Janssens" not in dump and "Molenstraat" not in dump and "Peeters, Marie" not in dump
    with ctx.reading() as s:
        a = s.get(KboEnterprise, digits(A))
        assert a.name == "Kringloop Hageland"          # the Dutch name, not the French one
        assert (a.street, a.house_number, a.postcode, a.seat_nis_code) == ("Staatsbaan", "12", "3460", "24008")
        assert a.start_date.isoformat() == "2012-03-15"  # dd-mm-yyyy
        assert (a.main_nace_version, a.main_nace_code, a.main_section) == ("2025", "47790", "G")
        assert a.email == "info@kringloophageland.be"
        b = s.get(KboEnterprise, digits(B))
        assert b.name == 'Groen & Co, "de tuinier"'    # quoted field with comma and quotes
        assert b.seat_nis_code is None and b.city == "Leuven"
        assert sorted(s.scalars(select(KboPlace.nis_code).where(KboPlace.enterprise_number == digits(B)))) == [
            "24028", "24054"]                          # establishments in two municipalities
        assert s.get(KboEnterprise, digits(E)).status == "ST"
        versions = set(s.execute(select(KboActivity.nace_version, KboActivity.nace_code)
                                 .where(KboActivity.enterprise_number == digits(A))))
        assert versions == {("2008", "47790"), ("2025", "47790")}
        counts = {(r.nis_code, r.nace_code): r.count for r in s.scalars(select(KboPersonCount))}
    # Marie Peeters has her seat in Glabbeek and an establishment in Tielt-Winge: in both, once in the region
    assert counts == {("24008", "95230"): 1, ("24137", "56101"): 1, ("24135", "56101"): 1,
                      ("", "95230"): 1, ("", "56101"): 1}


def test_an_enterprise_of_the_inventory_outside_the_region_is_kept_for_the_review(ctx, tmp_path):
    with ctx.transaction() as s:
        type_id = list_items(s, ORGANISATION_TYPE)[0].id
        save_organisation(s, OrganisationInput(name="Schoonmaak Vandenberghe", type_id=type_id, kbo_number=INV,
                                               street="Kerkstraat 1", postcode="3460", city="Bekkevoort"))
    ops.import_extract(ctx, region_extract().write(tmp_path / "x"))
    with ctx.reading() as s:
        ent = s.get(KboEnterprise, digits(INV))
    assert ent is not None and not ent.in_region and ent.postcode == "3000"


def test_reimport_replaces_the_register_and_reports_what_changed(ctx, tmp_path):
    ops.import_extract(ctx, region_extract().write(tmp_path / "first"))
    newer = region_extract("05-12-2026")
    # A's seat moved within Bekkevoort, B disappeared (stopped), H left for Diest, a new one in Geetbets
    newer.rows["address.csv"] = [r for r in newer.rows["address.csv"] if r[0] != A]
    newer.address(A, "REGO", "3460", "Bekkevoort", "Nieuwstraat", "1")
    newer.rows = {name: [r for r in rows if not r or r[0] != B and (name != "establishment.csv" or r[2] != B)]
                  for name, rows in newer.rows.items()}
    newer.rows["address.csv"] = [r for r in newer.rows["address.csv"] if r[0] != H]
    newer.address(H, "REGO", "3290", "Diest", "Ringlaan", "9")
    new_number = kbo(4100010)
    newer.enterprise(new_number, "Fietsatelier Geetbets", seat=("3450", "Geetbets", "Stationsstraat", "2"),
                     nace=(("2025", "95290", "MAIN"),))
    summary = ops.import_extract(ctx, newer.write(tmp_path / "second"))
    assert not summary.first
    assert (summary.new, summary.stopped, summary.moved, summary.left) == (1, 1, 1, 1)
    with ctx.reading() as s:
        changes = {(c.enterprise_number, c.kind) for c in s.scalars(select(KboChange))}
    assert changes == {(digits(new_number), "new"), (digits(B), "stopped"), (digits(A), "moved"),
                       (digits(H), "left")}
    assert _numbers(ctx) == {digits(n) for n in (A, E, G, new_number)}
    assert "1 nieuw" in summary.message() and "1 stopgezet" in summary.message()


def _break(folder, name, transform):
    path = folder / name
    path.write_bytes(transform(path.read_bytes()))
    return folder


@pytest.mark.parametrize("damage, expected", [
    (lambda f: (f / "activity.csv").unlink() or f, "activity.csv ontbreekt"),
    (lambda f: _break(f, "enterprise.csv", lambda b: b.replace(b'"StartDate"', b'"BeginDatum"', 1)),
     "enterprise.csv, regel 1"),
    (lambda f: _break(f, "denomination.csv", lambda b: b[:-25]), "denomination.csv, regel"),
    (lambda f: _break(f, "address.csv", lambda b: b.decode("utf-8").replace("Leuven", "Lèuven").encode("cp1252")),
     "address.csv, regel 3: geen geldige UTF-8"),
])
def test_bad_input_names_file_and_line_and_leaves_the_register(ctx, tmp_path, damage, expected):
    ops.import_extract(ctx, region_extract().write(tmp_path / "good"))
    before = _numbers(ctx)
    bad = damage(region_extract("01-12-2026").write(tmp_path / "bad"))
    with pytest.raises(KboFormatError) as info:
        ops.import_extract(ctx, bad)
    assert expected in str(info.value)
    assert _numbers(ctx) == before
    with ctx.reading() as s:
        assert s.scalar(select(func.count()).select_from(KboPersonCount)) == 5


def test_a_zip_that_is_not_a_kbo_extract(ctx, tmp_path):
    other = tmp_path / "foto's.zip"
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("vakantie.jpg", b"\xff\xd8")
    with pytest.raises(KboFormatError, match="geen KBO Open Data-extract"):
        ops.import_extract(ctx, other)
    (tmp_path / "tekst.zip").write_text("geen zip")
    with pytest.raises(KboFormatError, match="geen zipbestand"):
        ops.import_extract(ctx, tmp_path / "tekst.zip")


def test_a_backup_is_made_before_the_import(ctx, tmp_path):
    ops.import_extract(ctx, region_extract().write(tmp_path / "x"))
    assert list(ctx.paths.backup_dir.glob("*.sqlite"))


class _Stop(Exception):
    pass


def test_cancel_while_writing_rolls_everything_back(ctx, tmp_path):
    ops.import_extract(ctx, region_extract().write(tmp_path / "first"))
    before = _numbers(ctx)
    newer = region_extract("05-12-2026")
    newer.rows["enterprise.csv"] = [r for r in newer.rows["enterprise.csv"] if r[0] != A]
    seen = []

    def progress(percent, text):
        seen.append(text)
        if percent >= 95:                   # after the enterprises were written: the user cancels
            raise _Stop()

    with pytest.raises(_Stop):
        ops.import_extract(ctx, newer.write(tmp_path / "second"), progress=progress)
    assert "Ondernemingen opslaan…" in seen
    assert _numbers(ctx) == before and digits(A) in before
