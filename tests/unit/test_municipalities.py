"""Municipality reference list, participation and edits (mergers happen)."""

import pytest

from regisseur_app.domain.core import codelists, municipalities
from regisseur_app.domain.core.base import ValidationError
from regisseur_app.domain.core.municipalities import MunicipalityData


def test_reference_list_is_loaded_once(app_ctx):
    with app_ctx.reading() as s:
        everything = municipalities.list_municipalities(s)
        assert municipalities.load_reference_list(s) == 0
    assert len(everything) == 312  # 285 municipalities of 1/1/2025 and the 27 that merged into another
    assert len([m for m in everything if m.successor is None]) == 285
    bekkevoort = next(m for m in everything if m.nis_code == "24008")
    assert (bekkevoort.name, bekkevoort.arrondissement, bekkevoort.province) == ("Bekkevoort", "Leuven", "Vlaams-Brabant")
    assert bekkevoort.inhabitants == 6332
    assert bekkevoort.postcodes == "3460, 3461"


def test_participating_bounds(app_ctx):
    with app_ctx.transaction() as s:
        assert municipalities.participating_codes(s) == ["24008", "24028", "24137", "24054", "24135"]
        with pytest.raises(ValidationError):
            municipalities.set_participating(s, [])
        all_codes = [m.nis_code for m in municipalities.list_municipalities(s)]
        with pytest.raises(ValidationError) as info:
            municipalities.set_participating(s, all_codes[:21])
        assert "tussen 1 en 20" in info.value.errors["participating"]
        with pytest.raises(ValidationError):
            municipalities.set_participating(s, ["99999"])
        municipalities.set_participating(s, ["24008"])
        assert municipalities.participating_codes(s) == ["24008"]


def test_find_by_nis_or_name_without_accents(app_ctx):
    with app_ctx.reading() as s:
        assert municipalities.find_municipality(s, "24135") == "24135"
        assert municipalities.find_municipality(s, "  tielt-WINGE ") == "24135"
        assert municipalities.find_municipality(s, "99999") is None
        assert municipalities.find_municipality(s, "Nergensland") is None
        assert municipalities.municipality_for_postcode(s, "3384") == "24137"


def test_add_merged_municipality_and_edit(app_ctx):
    merged = MunicipalityData("24999", "Hageland-Noord", "Leuven", "Vlaams-Brabant", 18500, "3460; 3470")
    with app_ctx.transaction() as s:
        municipalities.save_municipality(s, merged, is_new=True)
    with app_ctx.transaction() as s:
        with pytest.raises(ValidationError) as info:
            municipalities.save_municipality(s, merged, is_new=True)
        assert "bestaat al" in info.value.errors["nis_code"]
        municipalities.save_municipality(s, MunicipalityData("24999", "Hageland Noord", inhabitants=18600),
                                         is_new=False)
    with app_ctx.reading() as s:
        row = next(m for m in municipalities.list_municipalities(s) if m.nis_code == "24999")
    assert (row.name, row.inhabitants, row.postcodes, row.participating) == ("Hageland Noord", 18600, "", False)


@pytest.mark.parametrize("data, field", [
    (MunicipalityData("2400", "X"), "nis_code"),
    (MunicipalityData("24998", " "), "name"),
    (MunicipalityData("24998", "X", inhabitants=-5), "inhabitants"),
    (MunicipalityData("24998", "X", postcodes="34600"), "postcodes"),
])
def test_municipality_validation(app_ctx, data, field):
    with app_ctx.reading() as s:
        assert field in municipalities.validate_municipality(s, data, is_new=True)


def test_code_list_items_can_be_added_renamed_and_retired(app_ctx):
    with app_ctx.transaction() as s:
        new_id = codelists.add_item(s, codelists.SERVICE_CATEGORY, "Repair café")
        with pytest.raises(ValidationError):
            codelists.add_item(s, codelists.SERVICE_CATEGORY, "repair CAFÉ")
        codelists.rename_item(s, new_id, "Repaircafé")
        codelists.set_item_active(s, new_id, False)
    with app_ctx.reading() as s:
        active = [i.label for i in codelists.list_items(s, codelists.SERVICE_CATEGORY)]
        everything = [i.label for i in codelists.list_items(s, codelists.SERVICE_CATEGORY, include_inactive=True)]
    assert "Repaircafé" not in active
    assert "Repaircafé" in everything
    assert len(everything) == 12


def test_the_mergers_of_2025_point_to_their_successor_with_postcodes(app_ctx):
    with app_ctx.reading() as s:
        rows = {m.nis_code: m for m in municipalities.list_municipalities(s)}
        current = municipalities.list_municipalities(s, current_only=True)
    assert rows["23106"].name == "Pajottegem" and rows["23106"].postcodes == "1540, 1541, 1570, 1755"
    assert {code: rows[code].successor for code in ("23023", "23024", "23032")} == dict.fromkeys(
        ("23023", "23024", "23032"), "23106")
    assert rows["11056"].successor == "46030"  # Zwijndrecht went to Beveren-Kruibeke-Zwijndrecht (Oost-Vlaanderen)
    assert (rows["46030"].province, rows["46030"].arrondissement) == ("Oost-Vlaanderen", "Sint-Niklaas")
    assert rows["11007"].successor == "11002" and rows["11002"].successor is None  # Borsbeek into Antwerpen
    assert "2150" in rows["11002"].postcodes.split(", ")
    merged_into = {}
    for m in rows.values():
        if m.successor:
            merged_into.setdefault(m.successor, []).append(m.name)
    assert len(merged_into) == 13 and sum(map(len, merged_into.values())) == 27
    assert all(m.postcodes for m in current), [m.name for m in current if not m.postcodes]
    assert all(rows[new].successor is None for new in merged_into)


def test_an_older_database_gets_the_merged_municipalities_and_keeps_participation(app_ctx):
    """A database from before the mergers: participating Galmaarden becomes participating Pajottegem."""
    from sqlalchemy import delete, update

    from regisseur_app.domain.core.municipalities import Municipality

    with app_ctx.transaction() as s:
        s.execute(delete(Municipality).where(Municipality.nis_code.in_(["23106", "46030"])))
        s.execute(update(Municipality).values(successor=None))
        s.execute(update(Municipality).where(Municipality.nis_code == "23023").values(participating=True))
    with app_ctx.transaction() as s:
        assert municipalities.load_reference_list(s) > 0
        assert municipalities.load_reference_list(s) == 0  # idempotent
        codes = municipalities.participating_codes(s)
    assert "23106" in codes and "23023" not in codes
    with app_ctx.transaction() as s, pytest.raises(ValidationError, match="Gefuseerd"):
        municipalities.set_participating(s, ["24008", "23023"])


def test_code_list_defaults_of_a_feature_come_from_its_own_file(ctx, tmp_path, monkeypatch):
    """A feature ships its code-list defaults as resources/reference/codelists-<feature>.csv: no central
    file to edit. The shared file and every feature file are read; what exists already is kept."""
    from regisseur_app.domain.core import codelists

    folder = tmp_path / "reference"
    folder.mkdir()
    shared = codelists.default_files()[0]
    (folder / "codelists.csv").write_text(shared.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "codelists-survey.csv").write_text(
        "list_name,code,label,sort_order\nsurvey_theme,mobiliteit,Mobiliteit,1\nsurvey_theme,zorg,Zorg,2\n",
        encoding="utf-8")
    monkeypatch.setattr(codelists, "reference_file", lambda name: folder / name)
    with ctx.transaction() as s:
        assert codelists.ensure_defaults(s) == 2
        assert codelists.ensure_defaults(s) == 0
    with ctx.reading() as s:
        assert [i.label for i in codelists.list_items(s, "survey_theme")] == ["Mobiliteit", "Zorg"]
