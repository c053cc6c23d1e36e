"""Organisation import: mapping, preview statuses, Dutch row errors, all-or-nothing writes (real SQLite)."""

import openpyxl
import pytest
from sqlalchemy import func, select
from stdnum.be import nn

from regisseur_app.domain.core import codelists
from regisseur_app.domain.core import organisation_service as orgs
from regisseur_app.domain.core.organisations import Organisation
from regisseur_app.exchange.core.org_import import ORGANISATION_FIELDS, import_organisations, preview_organisations
from regisseur_app.exchange.importing import ImportRejected, MappingError, PreviewRow, guess_mapping
from regisseur_app.exchange.tabular import read_table

HEADER = "Naam;KBO-nummer;Type;Zetelgemeente;Actief in;Dienstencategorieën;Doelgroepwerknemers;Opmerkingen\n"


def table_from(tmp_path, text, name="orgs.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return read_table(path)


def mapping_for(table):
    return guess_mapping(table.headers, ORGANISATION_FIELDS)


def org_count(ctx):
    with ctx.reading() as session:  # a fresh session: sees only what was committed
        return session.scalar(select(func.count()).select_from(Organisation))


def type_id(session, code="maatwerkbedrijf"):
    return next(i.id for i in codelists.list_items(session, codelists.ORGANISATION_TYPE) if i.code == code)


def add_org(ctx, name, kbo="", **extra):
    with ctx.transaction() as session:
        return orgs.save_organisation(session, orgs.OrganisationInput(
            name=name, type_id=type_id(session), kbo_number=kbo, **extra))


def test_each_preview_row_shows_the_mapped_cells_of_its_own_row(ctx, tmp_path):
    """The values the preview table shows are the file's mapped cells of that row (taken from the columns when
    asked), for new, existing and faulty rows alike, and compare like any PreviewRow."""
    add_org(ctx, "Bestaat Al")
    table = table_from(tmp_path, "Naam;Type;Opmerkingen;Niet gebruikt\n"
                                 "Nieuw A;Maatwerkbedrijf;'=eerste;x\n"
                                 "Bestaat al;Maatwerkbedrijf;;y\n"
                                 "Fout C;Geen type;derde;z\n")
    with ctx.reading() as session:
        preview = preview_organisations(session, table, mapping_for(table))
    assert [(r.line, r.status) for r in preview.rows] == [(2, "nieuw"), (3, "overslaan"), (4, "fout")]
    assert [r.values for r in preview.rows] == [
        {"name": "Nieuw A", "type": "Maatwerkbedrijf", "notes": "=eerste"},  # our export's quote removed
        {"name": "Bestaat al", "type": "Maatwerkbedrijf", "notes": ""},
        {"name": "Fout C", "type": "Geen type", "notes": "derde"}]
    first = preview.rows[0]
    assert first == PreviewRow(2, {"name": "Nieuw A", "type": "Maatwerkbedrijf", "notes": "=eerste"}, "nieuw", [])
    assert first.values is first.values  # made once


def test_csv_semicolon_cp1252_imports_everything(ctx, tmp_path):
    table = table_from(tmp_path, HEADER
                       + "Groen Werkt é;0403.170.701;Maatwerkbedrijf;Bekkevoort;Bekkevoort, Glabbeek / Geetbets;"
                         "Hergebruik/kringwinkel/Textiel;1.234;\n"
                       + "Kringwinkel Ëlsa;;kringwinkel;24028;;groenonderhoud;12,0;ok\n", encoding="cp1252")
    with ctx.transaction() as session:
        preview = preview_organisations(session, table, mapping_for(table))
        assert (preview.new_count, preview.error_count, preview.ok) == (2, 0, True)
        assert [r.status for r in preview.rows] == ["nieuw", "nieuw"]
        result = import_organisations(session, table, mapping_for(table))
    assert (result.created, result.updated, result.skipped) == (2, 0, 0)
    with ctx.reading() as session:
        rows = {r.name: r for r in orgs.list_organisations(session)}
        first = orgs.get_organisation(session, rows["Groen Werkt é"].id)
    groen, kring = rows["Groen Werkt é"], rows["Kringwinkel Ëlsa"]
    assert groen.kbo_number == "0403.170.701"
    assert groen.type_label == "Maatwerkbedrijf"
    assert groen.seat_name == "Bekkevoort"
    assert groen.municipalities == "Bekkevoort, Geetbets, Glabbeek"
    assert groen.categories == "Hergebruik/kringwinkel, Textiel"
    assert groen.target_group_employees == 1234
    assert first.municipality_codes == ["24008", "24028", "24137"]
    assert (kring.kbo_number, kring.type_label, kring.seat_name, kring.target_group_employees) == (
        "", "Kringwinkel", "Geetbets", 12)
    assert kring.categories == "Groenonderhoud"


def test_csv_comma_utf8_bom_with_synonym_headers(ctx, tmp_path):
    table = table_from(tmp_path, "\ufeffOndernemingsnummer,Organisatienaam,Soort,Gemeente\n"
                                 "BE 0202.239.951,Buurtwerk Zoë,LDE-initiatief,tielt-winge\n")
    mapping = mapping_for(table)
    assert (mapping["kbo_number"], mapping["name"], mapping["type"], mapping["seat"]) == (0, 1, 2, 3)
    with ctx.transaction() as session:
        assert import_organisations(session, table, mapping).created == 1
    with ctx.reading() as session:
        (row,) = orgs.list_organisations(session)
    assert (row.name, row.kbo_number, row.type_label, row.seat_name) == (
        "Buurtwerk Zoë", "0202.239.951", "LDE-initiatief", "Tielt-Winge")


def test_xlsx_kbo_typed_as_number_gets_its_leading_zero(ctx, tmp_path):
    path = tmp_path / "orgs.xlsx"
    workbook = openpyxl.Workbook()
    workbook.active.append(["Naam", "KBO-nummer", "Type", "Doelgroepwerknemers", "Postcode"])
    workbook.active.append(["Groen Werkt", 403170701, "Maatwerkbedrijf", 12.0, 3460])
    workbook.save(path)
    table = read_table(path)
    with ctx.transaction() as session:
        import_organisations(session, table, mapping_for(table))
    with ctx.reading() as session:
        org = session.scalars(select(Organisation)).one()
    assert (org.kbo_number, org.target_group_employees, org.postcode) == ("0403170701", 12, "3460")


def test_guess_mapping_accents_case_synonyms_and_labels_first():
    headers = ["ONDERNEMINGSNR", "naam", "Gemeente", "Zetelgemeente", "Diensten-categorieen", "Aantal DGW", "x"]
    mapping = guess_mapping(headers, ORGANISATION_FIELDS)
    assert mapping["kbo_number"] == 0
    assert mapping["name"] == 1
    assert mapping["seat"] == 3  # the exact label wins over the synonym "gemeente"
    assert mapping["categories"] == 4
    assert mapping["type"] is None and mapping["website"] is None
    assert list(mapping) == list(ORGANISATION_FIELDS)
    for header in ("kbo", "BTW-nummer", "Ondernemingsnummer", "kbo nr."):
        assert guess_mapping(["Naam", header], ORGANISATION_FIELDS)["kbo_number"] == 1, header
    assert guess_mapping(["Naam", "Nummer"], ORGANISATION_FIELDS)["kbo_number"] is None


def test_bad_row_in_the_middle_rejects_the_whole_file(ctx, tmp_path):
    add_org(ctx, "Bestaande vzw")
    table = table_from(tmp_path, HEADER
                       + "Eerste;0403.170.701;Maatwerkbedrijf;;;;;\n"
                       + "Tweede;;Kringwinkel;;;;;\n"
                       + "Derde;0403.170.702;Kringwinkel;;;;;\n"
                       + "Vierde;;Kringwinkel;;;;;\n")
    with ctx.transaction() as session:
        preview = preview_organisations(session, table, mapping_for(table))
        assert [r.status for r in preview.rows] == ["nieuw", "nieuw", "fout", "nieuw"]
        assert preview.rows[2].line == 4
        assert preview.rows[2].messages[0].startswith("KBO-nummer: ")
        assert "controlegetal" in preview.rows[2].messages[0]
        with pytest.raises(ImportRejected) as info:
            import_organisations(session, table, mapping_for(table))
    # the transaction above committed: import_organisations itself wrote nothing
    assert org_count(ctx) == 1
    message = str(info.value)
    assert "'orgs.csv'" in message and "rij 4, KBO-nummer: " in message and "niets gewijzigd" in message
    assert info.value.preview.error_count == 1
    with ctx.reading() as session:
        assert orgs.find_by_name(session, "Eerste") is None


def test_rejected_import_inside_transaction_rolls_back(ctx, tmp_path):
    table = table_from(tmp_path, HEADER + "Goed;;Kringwinkel;;;;;\nSlecht;;Bakkerij;;;;;\n")
    before = org_count(ctx)
    with pytest.raises(ImportRejected, match="rij 3, Type: 'Bakkerij' is geen gekend type"):
        with ctx.transaction() as session:
            import_organisations(session, table, mapping_for(table))
    assert org_count(ctx) == before == 0


def test_duplicates_within_the_file(ctx, tmp_path):
    table = table_from(tmp_path, HEADER
                       + "Een;0403.170.701;Kringwinkel;;;;;\n"
                       + "Twee;;Kringwinkel;;;;;\n"
                       + "Drie;BE0403170701;Kringwinkel;;;;;\n"
                       + "TWEE;;Kringwinkel;;;;;\n")
    with ctx.transaction() as session:
        preview = preview_organisations(session, table, mapping_for(table))
    assert [r.status for r in preview.rows] == ["nieuw", "nieuw", "fout", "fout"]
    assert preview.rows[2].messages == ["KBO-nummer: dubbel in het bestand: zelfde KBO-nummer als rij 2."]
    assert preview.rows[3].messages == ["Naam: dubbel in het bestand: zelfde naam als rij 3."]
    assert "rij 4, KBO-nummer: dubbel in het bestand" in preview.error_summary()


def test_duplicate_against_database_skip(ctx, tmp_path):
    org_id = add_org(ctx, "Groen Werkt vzw", "0403170701", city="Bekkevoort", notes="oud")
    add_org(ctx, "Café Ré")
    table = table_from(tmp_path, HEADER
                       + "Andere naam;0403.170.701;Kringwinkel;;;;;nieuw\n"
                       + "cafe re;;Kringwinkel;;;;;\n"
                       + "Nieuw;;Kringwinkel;;;;;\n")
    with ctx.transaction() as session:
        preview = preview_organisations(session, table, mapping_for(table), on_duplicate="skip")
        assert [r.status for r in preview.rows] == ["overslaan", "overslaan", "nieuw"]
        assert preview.rows[0].target_id == org_id
        assert "Groen Werkt vzw" in preview.rows[0].messages[0]
        result = import_organisations(session, table, mapping_for(table), on_duplicate="skip")
    assert (result.created, result.updated, result.skipped) == (1, 0, 2)
    with ctx.reading() as session:
        data = orgs.get_organisation(session, org_id)
    assert (data.name, data.notes, data.type_id is not None) == ("Groen Werkt vzw", "oud", True)
    assert org_count(ctx) == 3


def test_duplicate_against_database_update_overwrites_only_filled_cells(ctx, tmp_path):
    org_id = add_org(ctx, "Groen Werkt vzw", "0403170701", city="Bekkevoort", notes="oud",
                     seat_nis_code="24008", municipality_codes=["24008"])
    table = table_from(tmp_path, "Naam;KBO-nummer;Type;Plaats;Actief in;Opmerkingen\n"
                                 "Groen Werkt;0403170701;;;Glabbeek;nieuw\n")
    with ctx.transaction() as session:
        preview = preview_organisations(session, table, mapping_for(table), on_duplicate="update")
        assert [r.status for r in preview.rows] == ["bijwerken"]
        assert preview.update_count == 1
        result = import_organisations(session, table, mapping_for(table), on_duplicate="update")
    assert (result.created, result.updated, result.skipped) == (0, 1, 0)
    with ctx.reading() as session:
        data = orgs.get_organisation(session, org_id)
    assert data.name == "Groen Werkt"
    assert data.notes == "nieuw"
    assert data.city == "Bekkevoort"  # empty cell: kept
    assert data.seat_nis_code == "24008"
    assert data.municipality_codes == ["24137"]
    assert data.type_id is not None
    assert org_count(ctx) == 1


def test_same_name_different_kbo_is_a_new_organisation(ctx, tmp_path):
    add_org(ctx, "Kringwinkel", "0403170701")
    table = table_from(tmp_path, HEADER + "Kringwinkel;0202.239.951;Kringwinkel;;;;;\n")
    with ctx.transaction() as session:
        preview = preview_organisations(session, table, mapping_for(table))
    assert [r.status for r in preview.rows] == ["nieuw"]


def test_two_rows_pointing_at_the_same_existing_organisation(ctx, tmp_path):
    add_org(ctx, "Groen Werkt", "0403170701")
    table = table_from(tmp_path, HEADER + "Nieuwe naam;0403170701;Kringwinkel;;;;;\nGroen Werkt;;Kringwinkel;;;;;\n")
    with ctx.transaction() as session:
        preview = preview_organisations(session, table, mapping_for(table), on_duplicate="update")
    assert [r.status for r in preview.rows] == ["bijwerken", "fout"]
    assert "dezelfde bestaande organisatie als rij 2" in preview.rows[1].messages[0]


def test_unknown_type_lists_the_choices(ctx, tmp_path):
    table = table_from(tmp_path, HEADER + "Bakker;;Bakkerij;;;;;\n")
    with ctx.transaction() as session:
        preview = preview_organisations(session, table, mapping_for(table))
    (message,) = preview.rows[0].messages
    assert message.startswith("Type: 'Bakkerij' is geen gekend type (kies uit: Maatwerkbedrijf, ")
    assert preview.error_count == 1


def test_unknown_municipalities(ctx, tmp_path):
    table = table_from(tmp_path, HEADER + "A;;Kringwinkel;Atlantis;Bekkevoort, Utopia;;;\n")
    with ctx.transaction() as session:
        preview = preview_organisations(session, table, mapping_for(table))
    assert preview.rows[0].messages == [
        "Zetelgemeente: onbekende gemeente 'Atlantis' (gebruik de naam of de NIS-code, bv. 24008).",
        "Actief in: onbekende gemeente(n): 'Utopia'.",
    ]


def test_national_number_in_notes_is_refused(ctx, tmp_path):
    assert nn.is_valid("85073003328")
    table = table_from(tmp_path, HEADER + "A;;Kringwinkel;;;;;klant 85.07.30-033.28 doorverwezen\n")
    with ctx.transaction() as session:
        preview = preview_organisations(session, table, mapping_for(table))
        with pytest.raises(ImportRejected, match="rij 2, Opmerkingen: .*rijksregister"):
            import_organisations(session, table, mapping_for(table))
    assert preview.rows[0].status == "fout"
    assert org_count(ctx) == 0


def test_target_group_employees_must_be_a_whole_number(ctx, tmp_path):
    table = table_from(tmp_path, HEADER + "A;;Kringwinkel;;;;12,5;\nB;;Kringwinkel;;;;veel;\nC;;Kringwinkel;;;;-3;\n")
    with ctx.transaction() as session:
        preview = preview_organisations(session, table, mapping_for(table))
    assert [r.messages[0] for r in preview.rows] == [
        "Doelgroepwerknemers: '12,5' is geen geheel aantal.",
        "Doelgroepwerknemers: 'veel' is geen geldig getal.",
        "Doelgroepwerknemers: Het aantal doelgroepwerknemers moet tussen 0 en 100.000 liggen.",
    ]


def test_error_names_the_files_own_header(ctx, tmp_path):
    table = table_from(tmp_path, "Naam;Ondernemingsnr;Type\nA;123;Kringwinkel\n")
    with ctx.transaction() as session:
        preview = preview_organisations(session, table, mapping_for(table))
    assert preview.rows[0].messages[0].startswith("KBO-nummer (kolom 'Ondernemingsnr'): ")


def test_missing_required_mapping_is_an_error_before_rows(ctx, tmp_path):
    table = table_from(tmp_path, "Naam;Soortje\nA;Kringwinkel\n")
    mapping = mapping_for(table)
    assert mapping["type"] is None
    with ctx.transaction() as session:
        with pytest.raises(MappingError, match="'Type'.*verplicht"):
            preview_organisations(session, table, mapping)
        with pytest.raises(MappingError, match="'orgs.csv'"):
            import_organisations(session, table, mapping)
        with pytest.raises(MappingError, match="kolom 9 bestaat niet"):
            preview_organisations(session, table, {**mapping, "type": 8})
        with pytest.raises(ValueError):
            preview_organisations(session, table, {**mapping, "type": 1}, on_duplicate="overwrite")
        ok = preview_organisations(session, table, {**mapping, "type": 1})
    assert ok.ok and ok.new_count == 1


def test_error_summary_is_limited(ctx, tmp_path):
    table = table_from(tmp_path, HEADER + "".join(f"Org {i};;Bakkerij;;;;;\n" for i in range(15)))
    with ctx.transaction() as session:
        preview = preview_organisations(session, table, mapping_for(table))
    summary = preview.error_summary(limit=10)
    assert summary.count("\n- rij ") == 10
    assert "rij 11, Type" in summary and "rij 12, Type" not in summary
    assert summary.endswith("… en nog 5 andere fout(en).")
    assert "15 rijen bevatten fouten" in summary


def test_progress_is_reported_and_raising_cancels(ctx, tmp_path):
    table = table_from(tmp_path, HEADER + "".join(f"Org {i};;Kringwinkel;;;;;\n" for i in range(600)))
    calls = []
    with ctx.transaction() as session:
        import_organisations(session, table, mapping_for(table), progress=lambda d, t: calls.append((d, t)))
    assert calls[-1] == (1200, 1200) and calls[0][0] < calls[-1][0] and len(calls) >= 4
    assert org_count(ctx) == 600

    class Cancelled(Exception):
        pass

    def cancel(done, total):
        if done > total // 2:
            raise Cancelled

    other = table_from(tmp_path, HEADER + "".join(f"Ander {i};;Kringwinkel;;;;;\n" for i in range(600)), "b.csv")
    with pytest.raises(Cancelled):
        with ctx.transaction() as session:
            import_organisations(session, other, mapping_for(other), progress=cancel)
    assert org_count(ctx) == 600


def test_imported_record_equals_what_the_service_saves(ctx, tmp_path):
    """The importer writes without save_organisation's per-row queries: it must store the same thing."""
    table = table_from(tmp_path, "Naam;KBO-nummer;Type;Straat en nummer;Postcode;Plaats;Zetelgemeente;Actief in;"
                                 "Dienstencategorieën;Doelgroepwerknemers;Website;Opmerkingen\n"
                                 " Groen Werkt ;403170701;Maatwerkbedrijf; Dorp 1 ;3460;Bekkevoort;Bekkevoort;"
                                 "Glabbeek, Bekkevoort, Glabbeek;Textiel;7;www.groen.example;nota\n")
    with ctx.transaction() as session:
        import_organisations(session, table, mapping_for(table))
        expected = orgs.OrganisationInput(
            name="Groen Werkt", type_id=type_id(session), kbo_number="0202.239.951", street="Dorp 1",
            postcode="3460", city="Bekkevoort", seat_nis_code="24008", municipality_codes=["24137", "24008"],
            category_ids=[codelists.find_item(session, codelists.SERVICE_CATEGORY, "Textiel")],
            target_group_employees=7, website="www.groen.example", notes="nota")
        service_id = orgs.save_organisation(session, expected)
    with ctx.reading() as session:
        imported_id = orgs.find_by_kbo(session, "0403170701")
        imported = orgs.get_organisation(session, imported_id)
        saved = orgs.get_organisation(session, service_id)
    assert imported.kbo_number == "0403.170.701"
    imported.kbo_number = saved.kbo_number
    assert imported == saved


def test_links_are_visible_in_the_same_session_after_import(ctx, tmp_path):
    table = table_from(tmp_path, HEADER + "A;;Kringwinkel;;Bekkevoort, Glabbeek;Textiel;;\n")
    with ctx.transaction() as session:
        import_organisations(session, table, mapping_for(table))
        (row,) = orgs.list_organisations(session)
        assert (row.municipalities, row.categories) == ("Bekkevoort, Glabbeek", "Textiel")
