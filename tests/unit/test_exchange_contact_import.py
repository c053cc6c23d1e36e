"""Contact import: organisation matched on name or KBO number, e-mail checks, duplicates, privacy guard."""

import pytest
from sqlalchemy import func, select

from regisseur_app.domain.core import codelists
from regisseur_app.domain.core import contact_service as contacts
from regisseur_app.domain.core import organisation_service as orgs
from regisseur_app.domain.core.organisations import Contact
from regisseur_app.exchange.core.contact_import import CONTACT_FIELDS, import_contacts, preview_contacts
from regisseur_app.exchange.importing import ImportRejected, guess_mapping
from regisseur_app.exchange.tabular import read_table

HEADER = "Naam;Functie;Organisatie;E-mail;Telefoon;Gemeenten;Opmerkingen\n"


def table_from(tmp_path, text, name="contacten.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_table(path)


def mapping_for(table):
    return guess_mapping(table.headers, CONTACT_FIELDS)


def contact_count(ctx):
    with ctx.reading() as session:
        return session.scalar(select(func.count()).select_from(Contact))


@pytest.fixture
def org_ids(ctx):
    with ctx.transaction() as session:
        type_id = codelists.list_items(session, codelists.ORGANISATION_TYPE)[0].id
        return {
            "cafe": orgs.save_organisation(session, orgs.OrganisationInput("Café Ré vzw", type_id)),
            "groen": orgs.save_organisation(session, orgs.OrganisationInput("Groen Werkt", type_id,
                                                                            kbo_number="0403170701")),
        }


def test_guess_mapping_for_contacts():
    mapping = guess_mapping(["Volledige naam", "E-mailadres", "GSM", "Bedrijf", "Gemeente", "Rol"], CONTACT_FIELDS)
    assert mapping == {"name": 0, "function": 5, "organisation": 3, "email": 1, "phone": 2,
                       "municipalities": 4, "notes": None}
    assert guess_mapping(["Naam", "mail"], CONTACT_FIELDS)["email"] == 1
    assert guess_mapping(["Naam", "Email"], CONTACT_FIELDS)["email"] == 1


def test_contacts_matched_on_organisation_name_and_kbo(ctx, tmp_path, org_ids):
    table = table_from(tmp_path, HEADER
                       + "An Peeters;coördinator;CAFE RE VZW;An.Peeters@Cafe.example;016 12 34 56;Bekkevoort;\n"
                       + "Jan Janssens;;0403.170.701;;;Glabbeek, Geetbets;\n"
                       + "Zonder Organisatie;;;;;;\n")
    with ctx.transaction() as session:
        preview = preview_contacts(session, table, mapping_for(table))
        assert [r.status for r in preview.rows] == ["nieuw", "nieuw", "nieuw"]
        result = import_contacts(session, table, mapping_for(table))
    assert (result.created, result.updated, result.skipped) == (3, 0, 0)
    with ctx.reading() as session:
        rows = {r.name: r for r in contacts.list_contacts(session)}
    an, jan = rows["An Peeters"], rows["Jan Janssens"]
    assert (an.organisation_id, an.email, an.function, an.municipalities) == (
        org_ids["cafe"], "an.peeters@cafe.example", "coördinator", "Bekkevoort")
    assert (jan.organisation_id, jan.municipalities) == (org_ids["groen"], "Geetbets, Glabbeek")
    assert rows["Zonder Organisatie"].organisation_id is None


def test_unknown_organisation_is_an_error_on_that_row(ctx, tmp_path, org_ids):
    table = table_from(tmp_path, HEADER + "A;;Groen Werkt;;;;\nB;;Onbekend bvba;;;;\n")
    with ctx.transaction() as session:
        with pytest.raises(ImportRejected) as info:
            import_contacts(session, table, mapping_for(table))
    assert [r.status for r in info.value.preview.rows] == ["nieuw", "fout"]
    assert "rij 3, Organisatie: organisatie 'Onbekend bvba' is niet gevonden" in str(info.value)
    assert "'contacten.csv'" in str(info.value)
    assert contact_count(ctx) == 0


def test_bad_email_and_phone(ctx, tmp_path):
    table = table_from(tmp_path, HEADER + "A;;;an@;;;\nB;;;;12;;\n")
    with ctx.transaction() as session:
        preview = preview_contacts(session, table, mapping_for(table))
    assert preview.rows[0].messages == ["E-mail: 'an@' is geen geldig e-mailadres (bv. naam@organisatie.be)."]
    assert preview.rows[1].messages[0].startswith("Telefoon: '12' is geen geldig telefoonnummer")
    assert preview.error_count == 2


def test_national_number_in_function_is_refused(ctx, tmp_path):
    table = table_from(tmp_path, HEADER + "A;cliënt 85073003328;;;;;\n")
    with ctx.transaction() as session:
        preview = preview_contacts(session, table, mapping_for(table))
    assert preview.rows[0].status == "fout"
    assert preview.rows[0].messages[0].startswith("Functie: Dit veld bevat een rijksregister- of BIS-nummer")


def test_duplicate_email_in_file(ctx, tmp_path):
    table = table_from(tmp_path, HEADER + "A;;;a@x.example;;;\nB;;;A@X.example;;;\n")
    with ctx.transaction() as session:
        preview = preview_contacts(session, table, mapping_for(table))
    assert [r.status for r in preview.rows] == ["nieuw", "fout"]
    assert preview.rows[1].messages == ["E-mail: dubbel in het bestand: zelfde e-mailadres als rij 2."]


def test_duplicate_against_database_skip_and_update(ctx, tmp_path, org_ids):
    with ctx.transaction() as session:
        contact_id = contacts.save_contact(session, contacts.ContactInput(
            name="An Peeters", function="oud", email="an@x.example", organisation_id=org_ids["cafe"],
            phone="016 12 34 56"))
    text = HEADER + "Anneke Peeters;coördinator;;AN@x.example;;;\nJan;;;;;;\n"
    table = table_from(tmp_path, text)
    with ctx.transaction() as session:
        preview = preview_contacts(session, table, mapping_for(table), on_duplicate="skip")
        assert [r.status for r in preview.rows] == ["overslaan", "nieuw"]
        assert preview.rows[0].target_id == contact_id
        result = import_contacts(session, table, mapping_for(table), on_duplicate="skip")
    assert (result.created, result.skipped) == (1, 1)
    with ctx.reading() as session:
        assert contacts.get_contact(session, contact_id).function == "oud"

    table = table_from(tmp_path, text.replace("Jan;", "Jan;nieuw;"), "tweede.csv")
    with ctx.transaction() as session:
        preview = preview_contacts(session, table, mapping_for(table), on_duplicate="update")
        assert [r.status for r in preview.rows] == ["bijwerken", "bijwerken"]
        result = import_contacts(session, table, mapping_for(table), on_duplicate="update")
    assert (result.created, result.updated, result.skipped) == (0, 2, 0)
    with ctx.reading() as session:
        data = contacts.get_contact(session, contact_id)
    assert (data.name, data.function, data.organisation_id, data.phone) == (
        "Anneke Peeters", "coördinator", org_ids["cafe"], "016 12 34 56")
    assert contact_count(ctx) == 2


def test_same_name_at_same_organisation_is_a_duplicate(ctx, tmp_path, org_ids):
    with ctx.transaction() as session:
        contacts.save_contact(session, contacts.ContactInput(name="Jan Janssens", organisation_id=org_ids["groen"]))
    table = table_from(tmp_path, HEADER + "jan janssens;;Groen Werkt;;;;\nJan Janssens;;Café Ré vzw;;;;\n")
    with ctx.transaction() as session:
        preview = preview_contacts(session, table, mapping_for(table))
    assert [r.status for r in preview.rows] == ["overslaan", "nieuw"]
