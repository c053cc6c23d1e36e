"""Municipality reference list, participation and edits (mergers happen)."""

import pytest

from regisseur_app.domain.core import codelists, municipalities
from regisseur_app.domain.core.base import ValidationError
from regisseur_app.domain.core.municipalities import MunicipalityData


def test_reference_list_is_loaded_once(app_ctx):
    with app_ctx.reading() as s:
        everything = municipalities.list_municipalities(s)
        assert municipalities.load_reference_list(s) == 0
    assert len(everything) == 300
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
