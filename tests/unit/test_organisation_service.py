"""Organisation and contact services against a real SQLite file."""

import pytest
from stdnum.be import nn

from regisseur_app.domain.core import codelists, contact_service, organisation_service
from regisseur_app.domain.core.base import ValidationError
from regisseur_app.domain.core.contact_service import ContactFilter, ContactInput
from regisseur_app.domain.core.organisation_service import OrganisationFilter, OrganisationInput


def _type_id(session, code="maatwerkbedrijf"):
    return next(i.id for i in codelists.list_items(session, codelists.ORGANISATION_TYPE) if i.code == code)


def _category_id(session, code):
    return next(i.id for i in codelists.list_items(session, codelists.SERVICE_CATEGORY) if i.code == code)


def test_create_and_read_back(app_ctx):
    with app_ctx.transaction() as s:
        org_id = organisation_service.save_organisation(s, OrganisationInput(
            name="  Groen Werkt vzw ", type_id=_type_id(s), kbo_number="BE 0403.170.701", postcode="3460",
            city="Bekkevoort", seat_nis_code="24008", municipality_codes=["24008", "24137"],
            category_ids=[_category_id(s, "groenonderhoud")], target_group_employees=42,
            website="www.groenwerkt.example"))
    with app_ctx.reading() as s:
        data = organisation_service.get_organisation(s, org_id)
        rows = organisation_service.list_organisations(s)
    assert data.name == "Groen Werkt vzw"
    assert data.kbo_number == "0403.170.701"
    assert data.municipality_codes == ["24008", "24137"]
    assert [r.municipalities for r in rows] == ["Bekkevoort, Glabbeek"]
    assert rows[0].categories == "Groenonderhoud"


def test_kbo_one_series_and_leading_zero_kept(app_ctx):
    with app_ctx.transaction() as s:
        a = organisation_service.save_organisation(s, OrganisationInput("A", _type_id(s), kbo_number="1000000021"))
        b = organisation_service.save_organisation(s, OrganisationInput("B", _type_id(s), kbo_number="403170701"))
    with app_ctx.reading() as s:
        assert organisation_service.get_organisation(s, a).kbo_number == "1000.000.021"
        assert organisation_service.get_organisation(s, b).kbo_number == "0403.170.701"
        assert organisation_service.find_by_kbo(s, "0403170701") == b


@pytest.mark.parametrize("kbo, fragment", [
    ("0403.170.702", "controlegetal"),
    ("12345", "0xxx.xxx.xxx"),
    ("2403.170.701", "KBO-nummer"),
])
def test_bad_kbo_refused_with_dutch_message(app_ctx, kbo, fragment):
    with app_ctx.transaction() as s, pytest.raises(ValidationError) as info:
        organisation_service.save_organisation(s, OrganisationInput("X", _type_id(s), kbo_number=kbo))
    assert fragment in info.value.errors["kbo_number"]


def test_duplicate_kbo_refused_and_nothing_written(app_ctx):
    with app_ctx.transaction() as s:
        organisation_service.save_organisation(s, OrganisationInput("Eerste", _type_id(s), kbo_number="0403170701"))
    with pytest.raises(ValidationError) as info, app_ctx.transaction() as s:
        organisation_service.save_organisation(s, OrganisationInput("Tweede", _type_id(s), kbo_number="0403.170.701"))
    assert "Eerste" in info.value.errors["kbo_number"]
    with app_ctx.reading() as s:
        assert [r.name for r in organisation_service.list_organisations(s)] == ["Eerste"]


def test_required_fields_and_formats(app_ctx):
    with app_ctx.reading() as s:
        errors = organisation_service.validate_organisation(s, OrganisationInput(
            name="", type_id=None, postcode="123", website="geen adres", target_group_employees=-1,
            seat_nis_code="99999"))
    assert set(errors) == {"name", "type_id", "postcode", "website", "target_group_employees", "seat_nis_code"}


def test_national_number_refused_in_notes(app_ctx):
    number = "85.07.30-033.28"
    assert nn.is_valid(number.replace(".", "").replace("-", ""))
    with app_ctx.reading() as s:
        errors = organisation_service.validate_organisation(
            s, OrganisationInput("X", _type_id(s), notes=f"cliënt {number} doorverwezen"))
    assert "rijksregister" in errors["notes"]


def test_search_is_accent_and_case_insensitive_and_filters(app_ctx):
    with app_ctx.transaction() as s:
        organisation_service.save_organisation(s, OrganisationInput(
            "Kringwinkel Hageland", _type_id(s, "kringwinkel"), municipality_codes=["24028"]))
        organisation_service.save_organisation(s, OrganisationInput(
            "Café Ré-Start", _type_id(s, "lde"), seat_nis_code="24008"))
        organisation_service.save_organisation(s, OrganisationInput("50% Zorg", _type_id(s, "arbeidszorg")))
    with app_ctx.reading() as s:
        def names(**kw):
            return [r.name for r in organisation_service.list_organisations(s, OrganisationFilter(**kw))]
        assert names(text="re-start") == ["Café Ré-Start"]
        assert names(text="CAFE") == ["Café Ré-Start"]
        assert names(text="%") == ["50% Zorg"]
        assert names(nis_code="24028") == ["Kringwinkel Hageland"]
        assert names(nis_code="24008") == ["Café Ré-Start"]
        assert names(type_id=_type_id(s, "arbeidszorg")) == ["50% Zorg"]


def test_archive_and_bring_back(app_ctx):
    with app_ctx.transaction() as s:
        org_id = organisation_service.save_organisation(s, OrganisationInput("Oud", _type_id(s)))
    with app_ctx.transaction() as s:
        assert organisation_service.set_archived(s, [org_id], True) == 1
    with app_ctx.reading() as s:
        assert organisation_service.list_organisations(s) == []
        assert [r.name for r in organisation_service.list_organisations(s, OrganisationFilter(archived=True))] == ["Oud"]
    with app_ctx.transaction() as s:
        organisation_service.set_archived(s, [org_id], False)
    with app_ctx.reading() as s:
        assert [r.name for r in organisation_service.list_organisations(s)] == ["Oud"]


def test_contacts_on_their_organisation(app_ctx):
    with app_ctx.transaction() as s:
        org_id = organisation_service.save_organisation(s, OrganisationInput("Werkplek vzw", _type_id(s)))
        contact_service.save_contact(s, ContactInput("An Peeters", "jobcoach", org_id, "AN@werkplek.example",
                                                     "016 12 34 56", ["24008"]))
        contact_service.save_contact(s, ContactInput("Jan Elders", "schepen"))
    with app_ctx.reading() as s:
        on_org = contact_service.list_contacts(s, ContactFilter(organisation_id=org_id))
        rows = organisation_service.list_organisations(s)
        by_org_name = contact_service.list_contacts(s, ContactFilter(text="werkplek"))
    assert [(c.name, c.email) for c in on_org] == [("An Peeters", "an@werkplek.example")]
    assert rows[0].contact_count == 1
    assert [c.name for c in by_org_name] == ["An Peeters"]


@pytest.mark.parametrize("field, value", [("email", "an@"), ("email", "an werkplek.be"), ("phone", "12"),
                                          ("phone", "bel me maar")])
def test_contact_validation(app_ctx, field, value):
    data = ContactInput("An", **{field: value})
    with app_ctx.reading() as s:
        assert field in contact_service.validate_contact(s, data)
