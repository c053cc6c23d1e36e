"""The streaming xlsx reader on the shapes Excel and other programs write that openpyxl's writer does not."""

import zipfile

import pytest

from regisseur_app.exchange import xlsx_reader
from regisseur_app.exchange.tabular import TableReadError, read_table


@pytest.fixture(autouse=True, params=["calamine", "stream"])
def xlsx_path(request, monkeypatch):
    """Every test here runs with both xlsx readers: the fast one (python-calamine, where the pre-scan allows
    it) and the defused streaming one; they must give the same tables and the same Dutch messages."""
    monkeypatch.setattr(xlsx_reader, "FAST_READER", request.param == "calamine")
    return request.param

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def workbook(path, sheet: str, shared: str | None = None, styles: str | None = None, pr: str = ""):
    rels = f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>'
    if shared:
        rels += f'<Relationship Id="rId2" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>'
    if styles:
        rels += f'<Relationship Id="rId3" Type="{REL}/styles" Target="styles.xml"/>'
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("_rels/.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                   f'relationships"><Relationship Id="r" Type="{REL}/officeDocument" Target="xl/workbook.xml"/>'
                   "</Relationships>")
        z.writestr("xl/_rels/workbook.xml.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/'
                   f'package/2006/relationships">{rels}</Relationships>')
        z.writestr("xl/workbook.xml", f'<workbook {NS} xmlns:r="{REL}">{pr}<sheets><sheet name="Blad1" '
                   'sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/worksheets/sheet1.xml", f"<worksheet {NS}><sheetData>{sheet}</sheetData></worksheet>")
        if shared:
            z.writestr("xl/sharedStrings.xml", f"<sst {NS}>{shared}</sst>")
        if styles:
            z.writestr("xl/styles.xml", f"<styleSheet {NS}>{styles}</styleSheet>")
    return path


def test_shared_rich_text_formula_results_errors_and_cells_without_references(tmp_path):
    shared = ('<si><t>Naam</t></si><si><t>Type</t></si>'
              '<si><r><t>Groen </t></r><r><rPr><b/></rPr><t>Werkt</t></r><rPh><t>ふりがな</t></rPh></si>')
    sheet = ('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr">'
             '<is><t>Aantal</t></is></c></row>'
             '<row r="2"><c t="s"><v>2</v></c><c t="str"><f>"Kring"&amp;"winkel"</f><v>Kringwinkel</v></c>'
             '<c><f>1+1</f><v>2</v></c></row>'
             '<row r="5"><c r="A5" t="inlineStr"><is><t>Fout</t></is></c><c r="C5" t="e"><v>#DEEL/0!</v></c></row>')
    table = read_table(workbook(tmp_path / "excel.xlsx", sheet, shared))
    assert table.headers == ["Naam", "Type", "Aantal"]
    assert table.rows == [["Groen Werkt", "Kringwinkel", "2"], ["Fout", "", "#DEEL/0!"]]
    assert table.line_numbers == [2, 5]


def test_dates_by_number_format_also_in_the_1904_system(tmp_path):
    styles = ('<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>'
              '<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/></cellXfs>')
    sheet = ('<row r="1"><c r="A1" t="inlineStr"><is><t>Datum</t></is></c><c r="B1" t="inlineStr"><is><t>Getal'
             '</t></is></c></row><row r="2"><c r="A2" s="1"><v>1</v></c><c r="B2"><v>45000.5</v></c></row>'
             '<row r="3"><c r="A3" s="2"><v>366</v></c><c r="B3"><v>12</v></c></row>')
    table = read_table(workbook(tmp_path / "mac.xlsx", sheet, styles=styles, pr='<workbookPr date1904="1"/>'))
    assert table.rows == [["02/01/1904", "45000,5"], ["01/01/1905", "12"]]


def test_a_document_type_declaration_is_refused(tmp_path):
    sheet = '<row r="1"><c r="A1" t="inlineStr"><is><t>Naam</t></is></c></row>'
    path = workbook(tmp_path / "dtd.xlsx", sheet)
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    parts["xl/worksheets/sheet1.xml"] = b'<!DOCTYPE x SYSTEM "http://example.invalid/x.dtd">' + parts[
        "xl/worksheets/sheet1.xml"]
    with zipfile.ZipFile(path, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    with pytest.raises(TableReadError, match="onveilige XML-inhoud"):
        read_table(path)
