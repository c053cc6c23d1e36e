"""The Excel template round trip: export, edit cells with openpyxl, shuffle rows, add blank lines and an
extra column, re-import with a preview of every change, import through the operation (backup first);
and the refusals (another organisation or year, damaged layout, bad values) naming the cell."""

import random

import openpyxl
import pytest

from regisseur_app.domain.mvo.values import year_sheet
from regisseur_app.exchange.mvo.template import HEADER_ROW, ID_SHEET, write_template
from regisseur_app.exchange.mvo.template_import import TemplateError, read_template
from regisseur_app.operations import mvo as mvo_ops
from tests.unit.events_support import org
from tests.unit.mvo_support import put


@pytest.fixture
def two_orgs(ctx):
    with ctx.transaction() as s:
        first = org(s, "Kringwinkel Sjabloon", "kringwinkel")
        other = org(s, "Maatwerk Ander", "maatwerkbedrijf")
        put(s, first, 2024, dgw_personen="30", ton_ingezameld="500", mvo_beleid="nee")
        put(s, first, 2025, dgw_personen="31", omzet="1000")
    return first, other


def _template(ctx, tmp_path, org_id, year=2025):
    path = tmp_path / "sjabloon.xlsx"
    with ctx.reading() as s:
        write_template(s, org_id, year, path)
    return path


def _rows(sheet):
    """{code: row number} of the data rows."""
    return {sheet.cell(r, 1).value: r for r in range(HEADER_ROW + 1, sheet.max_row + 1) if sheet.cell(r, 1).value}


def test_template_identifies_organisation_and_year_and_shows_last_year(ctx, tmp_path, two_orgs):
    path = _template(ctx, tmp_path, two_orgs[0])
    book = openpyxl.load_workbook(path)
    sheet = book["MVO 2025"]
    assert book[ID_SHEET].sheet_state == "veryHidden"
    assert sheet.protection.sheet
    assert sheet["A2"].value == "Kringwinkel Sjabloon"
    headers = [c.value for c in sheet[HEADER_ROW]]
    assert headers[6:8] == ["Vorig jaar (2024)", "Waarde 2025"]
    rows = _rows(sheet)
    assert "vermeden_co2" not in rows  # computed: not in the template
    assert sheet.cell(rows["dgw_personen"], 7).value == "30"      # last year, for reference
    assert sheet.cell(rows["mvo_beleid"], 7).value == "nee"
    assert sheet.cell(rows["dgw_personen"], 8).value == 31         # this year's value so far
    assert not sheet.cell(rows["dgw_personen"], 8).protection.locked
    assert sheet.cell(rows["dgw_personen"], 1).protection.locked


def test_round_trip_with_shuffled_rows_blank_lines_and_an_extra_column(ctx, tmp_path, two_orgs):
    org_id = two_orgs[0]
    path = _template(ctx, tmp_path, org_id)
    book = openpyxl.load_workbook(path)
    sheet = book["MVO 2025"]
    rows = _rows(sheet)
    sheet.cell(rows["dgw_personen"], 8).value = 35           # 31 -> 35
    sheet.cell(rows["ziekteverzuim"], 8).value = "7,5"        # typed as Flemish text
    sheet.cell(rows["hergebruik_textiel"], 8).value = 120.5
    sheet.cell(rows["hergebruik_textiel"], 10).value = "weegbonnen 2025"
    sheet.cell(rows["mvo_beleid"], 8).value = "Ja"
    sheet.cell(rows["omzet"], 8).value = None                 # 1000 -> removed
    # shuffle the data rows, leave blank lines between them and add a column of the user's own
    data = [[c.value for c in sheet[r]] for r in range(HEADER_ROW + 1, sheet.max_row + 1)]
    random.Random(4).shuffle(data)
    sheet.delete_rows(HEADER_ROW + 1, sheet.max_row)
    line = HEADER_ROW + 1
    for values in data:
        for column, value in enumerate(values, start=1):
            sheet.cell(line, column).value = value
        sheet.cell(line, 13).value = "eigen notitie"
        line += 2
    sheet.cell(HEADER_ROW, 13).value = "Mijn notities"
    book.save(path)

    with ctx.reading() as s:
        preview = read_template(s, path, org_id, 2025)
    changes = {c.label: (c.old, c.new, c.detail) for c in preview.changes}
    assert changes == {
        "Doelgroepwerknemers (personen)": ("31", "35", ""),
        "Ziekteverzuim": ("", "7,5 %", ""),
        "Hergebruikt: textiel en kleding": ("", "120,5", "bron: weegbonnen 2025"),
        "Schriftelijk MVO-beleid": ("", "ja", ""),
        "Omzet": ("1.000", "", ""),
    }
    assert preview.ignored_columns == ["Mijn notities"] and preview.missing == []
    with ctx.reading() as s:  # the preview wrote nothing
        assert {r.indicator.code: r.number for r in year_sheet(s, org_id, 2025)}["dgw_personen"] == 31

    backups_before = set(ctx.paths.backup_dir.glob("*")) if ctx.paths.backup_dir.exists() else set()
    mvo_ops.import_template_values(ctx, org_id, 2025, preview.entries)
    assert set(ctx.paths.backup_dir.glob("*")) - backups_before  # a verified backup first
    with ctx.reading() as s:
        sheet_rows = {r.indicator.code: r for r in year_sheet(s, org_id, 2025)}
    assert sheet_rows["dgw_personen"].number == 35 and sheet_rows["ziekteverzuim"].number == 7.5
    assert sheet_rows["hergebruik_textiel"].source == "weegbonnen 2025"
    assert sheet_rows["mvo_beleid"].number == 1 and sheet_rows["omzet"].number is None
    assert sheet_rows["vermeden_co2"].number == pytest.approx(120.5 * 4.0)
    # the same file again changes nothing
    with ctx.reading() as s:
        assert read_template(s, path, org_id, 2025).changes == []


def test_template_of_another_organisation_or_year_is_refused(ctx, tmp_path, two_orgs):
    first, other = two_orgs
    path = _template(ctx, tmp_path, first)
    with ctx.reading() as s, pytest.raises(TemplateError) as info:
        read_template(s, path, other, 2025)
    assert "sjabloon van 'Kringwinkel Sjabloon' voor 2025, niet van 'Maatwerk Ander' voor 2025" in str(info.value)
    with ctx.reading() as s, pytest.raises(TemplateError) as info:
        read_template(s, path, first, 2024)
    assert "voor 2025, niet van 'Kringwinkel Sjabloon' voor 2024" in str(info.value)


def test_damaged_layout_and_identity_are_refused(ctx, tmp_path, two_orgs):
    org_id = two_orgs[0]
    path = _template(ctx, tmp_path, org_id)
    book = openpyxl.load_workbook(path)
    book["MVO 2025"].cell(HEADER_ROW, 8).value = "Mijn waarde"
    book.save(path)
    with ctx.reading() as s, pytest.raises(TemplateError) as info:
        read_template(s, path, org_id, 2025)
    assert f"rij {HEADER_ROW}" in str(info.value) and "'Waarde 2025'" in str(info.value) and "beschadigd" in \
        str(info.value)

    book = openpyxl.load_workbook(_template(ctx, tmp_path, org_id))
    book[ID_SHEET]["B5"].value = 2024  # the year changed by hand: the checksum no longer matches
    book.save(path)
    with ctx.reading() as s, pytest.raises(TemplateError) as info:
        read_template(s, path, org_id, 2025)
    assert "controle klopt niet" in str(info.value)

    book = openpyxl.load_workbook(_template(ctx, tmp_path, org_id))
    del book[ID_SHEET]
    book.save(path)
    with ctx.reading() as s, pytest.raises(TemplateError) as info:
        read_template(s, path, org_id, 2025)
    assert "geen MVO-sjabloon" in str(info.value)

    (tmp_path / "kapot.xlsx").write_bytes(b"dit is geen excel")
    with ctx.reading() as s, pytest.raises(TemplateError) as info:
        read_template(s, tmp_path / "kapot.xlsx", org_id, 2025)
    assert "geen geldig .xlsx-bestand" in str(info.value)


def test_bad_values_name_the_cell_and_nothing_is_read(ctx, tmp_path, two_orgs):
    org_id = two_orgs[0]
    path = _template(ctx, tmp_path, org_id)
    book = openpyxl.load_workbook(path)
    sheet = book["MVO 2025"]
    rows = _rows(sheet)
    sheet.cell(rows["dgw_personen"], 8).value = "dertig"
    sheet.cell(rows["ziekteverzuim"], 8).value = 140
    sheet.cell(rows["ton_ingezameld"], 8).value = -3
    book.save(path)
    with ctx.reading() as s, pytest.raises(TemplateError) as info:
        read_template(s, path, org_id, 2025)
    text = str(info.value)
    assert text.startswith("3 problemen in 'sjabloon.xlsx'")
    assert f"cel H{rows['dgw_personen']} (Doelgroepwerknemers (personen)): 'dertig' is geen getal" in text
    assert f"cel H{rows['ziekteverzuim']} (Ziekteverzuim): 140 % ligt boven het maximum van 100 %" in text
    assert f"cel H{rows['ton_ingezameld']} (Ingezamelde goederen): een negatief getal (-3)" in text
