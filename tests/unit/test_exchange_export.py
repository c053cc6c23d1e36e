"""Export: formula injection neutralised, numbers stay numbers, atomic writes, and a CSV that re-imports."""

from datetime import date

import openpyxl
import pandas as pd
import pytest

from regisseur_app.context import AppPaths
from regisseur_app.domain.core import codelists
from regisseur_app.domain.core import contact_service as contacts
from regisseur_app.domain.core import organisation_service as orgs
from regisseur_app.domain.core.setup import complete_setup
from regisseur_app.exchange.core.contact_import import CONTACT_FIELDS, import_contacts
from regisseur_app.exchange.core.org_import import ORGANISATION_FIELDS, import_organisations, preview_organisations
from regisseur_app.exchange.export import (
    ExportError,
    contacts_frame,
    export_frame,
    neutralise,
    organisations_frame,
)
from regisseur_app.exchange.importing import guess_mapping
from regisseur_app.exchange.tabular import read_table
from regisseur_app.startup import open_context

NASTY = ['=HYPERLINK("http://evil.example","klik")', "+32 470 12 34 56", "@SUM(A1:A2)", "-2+3"]


@pytest.mark.parametrize("value, expected", [
    ("=1+1", "'=1+1"), ("+32", "'+32"), ("-5", "'-5"), ("@x", "'@x"), ("\tx", "'\tx"), ("\rx", "'\rx"),
    ("Groen Werkt", "Groen Werkt"), ("", ""), ("a=b", "a=b"), (-5, -5), (12.5, 12.5), (None, None),
])
def test_neutralise(value, expected):
    assert neutralise(value) == expected


def _seed(ctx):
    with ctx.transaction() as session:
        type_id = next(i.id for i in codelists.list_items(session, codelists.ORGANISATION_TYPE)
                       if i.code == "kringwinkel")
        textiel = codelists.find_item(session, codelists.SERVICE_CATEGORY, "Textiel")
        hergebruik = codelists.find_item(session, codelists.SERVICE_CATEGORY, "Hergebruik/kringwinkel")
        first = orgs.save_organisation(session, orgs.OrganisationInput(
            "Kringwinkel Zoë", type_id, kbo_number="403170701", city="Bekkevoort", seat_nis_code="24008",
            municipality_codes=["24008", "24137"], category_ids=[textiel, hergebruik], target_group_employees=1234))
        for name in NASTY:
            orgs.save_organisation(session, orgs.OrganisationInput(name, type_id, target_group_employees=3))
        contacts.save_contact(session, contacts.ContactInput(
            name="An Peeters", function="coördinator", organisation_id=first, email="an@zoe.example",
            phone="+32 470 12 34 56", municipality_codes=["24008"]))
    with ctx.reading() as session:
        return orgs.list_organisations(session), contacts.list_contacts(session)


def test_xlsx_export_neutralises_and_keeps_numbers(ctx, tmp_path):
    org_rows, _ = _seed(ctx)
    path = tmp_path / "organisaties.xlsx"
    export_frame(organisations_frame(org_rows), path, "Organisaties")
    sheet = openpyxl.load_workbook(path).active
    assert sheet.title == "Organisaties"
    headers = [c.value for c in sheet[1]]
    assert headers[:12] == [ORGANISATION_FIELDS[k] for k in (
        "name", "kbo_number", "type", "street", "postcode", "city", "seat", "municipalities", "categories",
        "target_group_employees", "website", "notes")]
    assert all(c.font.bold for c in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:N{len(org_rows) + 1}"
    names = {}
    for row in sheet.iter_rows(min_row=2):
        names[row[0].value] = row
        assert row[0].data_type == "s"
    for nasty in NASTY:
        cell = names[nasty][0]  # the value is kept as typed, as text with Excel's quote prefix
        assert cell.value == nasty and cell.data_type == "s" and cell.quotePrefix
    zoe = names["Kringwinkel Zoë"]
    assert zoe[1].value == "0403.170.701"
    assert zoe[7].value == "Bekkevoort, Glabbeek"
    assert zoe[9].value == 1234 and zoe[9].data_type == "n"
    assert zoe[12].value == 1 and zoe[12].data_type == "n"  # contact count
    assert 10 <= sheet.column_dimensions["A"].width <= 60


def test_xlsx_export_of_a_generic_frame_with_dates_and_gaps(tmp_path):
    frame = pd.DataFrame({"Datum": [date(2025, 12, 31), None], "Aantal": pd.array([5, None], dtype="Int64"),
                          "Tekst": ["=cmd", None]})
    path = tmp_path / "x.xlsx"
    export_frame(frame, path, "Blad: [test]/2025?")
    sheet = openpyxl.load_workbook(path).active
    assert sheet.title == "Blad- -test--2025-"
    assert sheet["A2"].is_date and sheet["A2"].number_format == "DD/MM/YYYY"
    assert sheet["B2"].value == 5 and sheet["B3"].value is None
    assert sheet["C2"].value == "=cmd" and sheet["C2"].data_type == "s" and sheet["C3"].value is None


def test_csv_export_is_flemish_excel_csv_and_round_trips(ctx, tmp_path):
    org_rows, contact_rows = _seed(ctx)
    org_path, contact_path = tmp_path / "organisaties.csv", tmp_path / "contacten.csv"
    export_frame(organisations_frame(org_rows), org_path, "Organisaties")
    export_frame(contacts_frame(contact_rows), contact_path, "Contacten")
    raw = org_path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("Naam;KBO-nummer;Type;Straat en nummer;Postcode;Plaats;")
    assert "'=HYPERLINK" in text and "\n=" not in text
    assert "Kringwinkel Zoë;0403.170.701;Kringwinkel;;;Bekkevoort;Bekkevoort;Bekkevoort, Glabbeek;" in text

    table = read_table(org_path)
    assert (table.delimiter, table.encoding) == (";", "utf-8-sig")
    mapping = guess_mapping(table.headers, ORGANISATION_FIELDS)
    with ctx.transaction() as session:  # same database: every row is already there
        preview = preview_organisations(session, table, mapping)
    assert preview.ok and preview.skip_count == len(org_rows)

    fresh = open_context(AppPaths.for_db(tmp_path / "b.sqlite", log_dir=tmp_path / "l", config_dir=tmp_path / "c"))
    try:
        with fresh.transaction() as session:
            complete_setup(session, "IGO twee", ["24008", "24137"])
        with fresh.transaction() as session:
            assert import_organisations(session, table, mapping).created == len(org_rows)
            contact_table = read_table(contact_path)
            import_contacts(session, contact_table, guess_mapping(contact_table.headers, CONTACT_FIELDS))
        with fresh.reading() as session:
            again, again_contacts = orgs.list_organisations(session), contacts.list_contacts(session)
    finally:
        fresh.close()
    strip = lambda rows: sorted((r.name, r.kbo_number, r.type_label, r.city, r.seat_name, r.municipalities,  # noqa
                                 r.categories, r.target_group_employees, r.contact_count) for r in rows)
    assert strip(again) == strip(org_rows)
    assert [(c.name, c.function, c.organisation_name, c.email, c.phone, c.municipalities) for c in again_contacts] \
        == [(c.name, c.function, c.organisation_name, c.email, c.phone, c.municipalities) for c in contact_rows]


def test_failed_export_leaves_no_file_and_no_temp(tmp_path):
    frame = pd.DataFrame({"Naam": ["a"]})
    target = tmp_path / "bezet.xlsx"
    target.mkdir()  # a folder where the file should go: the final rename fails
    with pytest.raises(ExportError, match="'bezet.xlsx' kan niet bewaard worden"):
        export_frame(frame, target, "Blad")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bezet.xlsx"]
    with pytest.raises(ExportError, match="bestaat niet"):
        export_frame(frame, tmp_path / "weg" / "x.csv", "Blad")
    with pytest.raises(ExportError, match="eindigt op .xlsx of .csv"):
        export_frame(frame, tmp_path / "x.pdf", "Blad")


def test_export_replaces_an_existing_file_completely(tmp_path):
    path = tmp_path / "lijst.csv"
    path.write_text("oude inhoud die veel langer is dan de nieuwe\n" * 100, encoding="utf-8")
    export_frame(pd.DataFrame({"Naam": ["a"], "Getal": [1.5]}), path, "Blad")
    assert path.read_bytes().decode("utf-8-sig") == "Naam;Getal\r\na;1,5\r\n"
    assert [p.name for p in tmp_path.iterdir()] == ["lijst.csv"]


def test_the_workbook_writers_do_not_load_pandas():
    """pandas costs ~0,25 s to import: the college-report workbook and the other openpyxl workbooks that only
    need export's helpers (neutralise, save_workbook, sheet_name) do not load it."""
    import subprocess
    import sys

    code = ("import sys; import regisseur_app.exchange.export, regisseur_app.exchange.reports.workbook; "
            "print('pandas' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_csv_cells_of_missing_pandas_values_are_empty(tmp_path):
    frame = pd.DataFrame({"n": pd.array([1, None], dtype="Int64"), "d": [pd.Timestamp("2025-03-01"), pd.NaT]})
    export_frame(frame, tmp_path / "x.csv", "x")
    lines = (tmp_path / "x.csv").read_text(encoding="utf-8-sig").splitlines()
    assert lines == ["n;d", "1;01/03/2025", ";"]
