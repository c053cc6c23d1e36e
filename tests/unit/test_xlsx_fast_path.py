"""The fast xlsx path (python-calamine after the pre-scan) gives exactly what the defused streaming reader
gives, and is not taken where calamine could allocate a huge rectangle or read something differently."""

import zipfile
from datetime import date, datetime, time, timedelta

import openpyxl
import openpyxl.formatting.rule
import pytest

from regisseur_app.exchange import xlsx_reader, xlsx_scan
from regisseur_app.exchange.tabular import MAX_CELLS, TableReadError, read_table
from tests.unit.test_xlsx_stream import workbook


def both(path):
    """Every non-blank row as (row number, [cell text, ...]) from the streaming reader and from calamine (the
    raw rows, before the header search, so leading blank columns show); calamine must not have given up."""
    from python_calamine import CalamineWorkbook

    from regisseur_app.exchange.xlsx_stream import iter_rows

    def texts(rows):
        out = []
        for number, values in rows:
            cells = [xlsx_reader.cell_text(v) for v in values]
            while cells and not cells[-1]:
                cells.pop()
            if cells:
                out.append((number, cells))
        return out

    with zipfile.ZipFile(path) as archive:
        stream = texts(iter_rows(archive, 501))
    sheet = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0)
    fast = texts(xlsx_reader._calamine_rows(sheet, 501))
    return stream, fast


def every_type(path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet["C3"] = "Naam"  # the used area starts at C3: row numbers and leading columns must come back
    sheet["D3"] = "Waarde"
    sheet["E3"] = "Opmerking"
    values = [("tekst", None), (" met spaties ", None), ("", None), (12, None), (12.0, None), (-0.0, None),
              (1.5, None), (3.14159265358979, None), (1.5e-7, None), (123456789012345, None), (0.25, "0%"),
              (0.256, "0.00%"), (1234.5, "#,##0.00 [$€-813]"), (True, None), (False, None),
              (date(2024, 3, 1), None), (datetime(2024, 3, 1, 13, 45, 12), None), (datetime(2024, 3, 1), None),
              (timedelta(hours=30, minutes=15), None), (45000, "dd/mm/yyyy"), (45000.5, "d/m/yyyy h:mm"),
              (45000, "[$-813]dddd d mmmm yyyy"), (45000, "mmm-yy"), (1.25, "[h]:mm:ss"), (36.5, "[mm]:ss"),
              (60, "dd/mm/yyyy"), (1, "dd/mm/yyyy"), (45000, "General"), (5, "@"), ("0403.170.701", None),
              ("Zoë & Noël <vzw>", None), ("regel een\nregel twee", None), (None, None), ("12", "@")]
    for row, (value, number_format) in enumerate(values, start=4):
        sheet.cell(row=row, column=3, value=f"rij {row}")
        cell = sheet.cell(row=row, column=4, value=value)
        if number_format:
            cell.number_format = number_format
    sheet["E10"] = "laatste kolom"
    sheet["D60"] = "ver weg"  # after blank rows
    sheet.column_dimensions["C"].width = 30  # <cols><col .../>: elements that start like a cell but are none
    sheet.conditional_formatting.add("D4:D9", openpyxl.formatting.rule.CellIsRule(operator="greaterThan",
                                                                                  formula=["1"]))
    book.save(path)
    return path


def test_every_value_type_written_by_openpyxl_reads_the_same_cell_by_cell(tmp_path):
    path = every_type(tmp_path / "types.xlsx")
    assert xlsx_scan.check_cell_count(path).fast_ok()  # the file read through read_table takes the fast path
    stream, fast = both(path)
    assert [number for number, _ in stream] == [number for number, _ in fast]
    for (number, expected), (_, got) in zip(stream, fast, strict=True):
        assert got == expected, f"rij {number}"
    by_row = dict(fast)
    assert by_row[3] == ["", "", "Naam", "Waarde", "Opmerking"]
    assert by_row[17] == ["", "", "rij 17", "WAAR"]  # a boolean as Excel shows it in Dutch
    assert by_row[21][3] == "01/03/2024"  # a datetime at midnight is a date
    assert by_row[60] == ["", "", "", "ver weg"]


def test_shared_and_inline_strings_formula_results_and_booleans(tmp_path):
    shared = ('<si><t>Naam</t></si><si><t>Bedrag</t></si><si><r><t xml:space="preserve">Groen </t></r><r><rPr><b/>'
              '</rPr><t>Werkt</t></r><rPh sb="0" eb="1"><t>ふりがな</t></rPh></si>')
    sheet = ('<row r="2"><c r="B2" t="s"><v>0</v></c><c r="C2" t="s"><v>1</v></c><c r="D2" t="inlineStr">'
             '<is><t>Actief</t></is></c></row>'
             '<row r="4"><c r="B4" t="s"><v>2</v></c><c r="C4"><f>SUM(1,2)</f><v>3</v></c>'
             '<c r="D4" t="b"><v>1</v></c></row>'
             '<row r="5"><c r="B5" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="C5"><v>2.50</v></c>'
             '<c r="D5" t="b"><v>0</v></c></row>')
    path = workbook(tmp_path / "excel.xlsx", sheet, shared)
    stream, fast = both(path)
    assert fast == stream == [(2, ["", "Naam", "Bedrag", "Actief"]), (4, ["", "Groen Werkt", "3", "WAAR"]),
                              (5, ["", "ab", "2,5", "ONWAAR"])]
    path = workbook(tmp_path / "a1.xlsx", sheet.replace('"B', '"A').replace('"C', '"B').replace('"D', '"C'), shared)
    records = xlsx_reader._read_fast(path, 10, path.name)  # the whole path: header search, blank rows
    assert records == xlsx_reader._read_streaming(path, 10, path.name) == [
        (2, ["Naam", "Bedrag", "Actief"]), (4, ["Groen Werkt", "3", "WAAR"]), (5, ["ab", "2,5", "ONWAAR"])]


def test_the_1904_date_system(tmp_path):
    styles = '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs>'
    sheet = ('<row r="1"><c r="A1" t="inlineStr"><is><t>Datum</t></is></c></row>'
             '<row r="2"><c r="A2" s="1"><v>366</v></c></row>')
    stream, fast = both(workbook(tmp_path / "mac.xlsx", sheet, styles=styles, pr='<workbookPr date1904="1"/>'))
    assert fast == stream == [(1, ["Datum"]), (2, ["01/01/1905"])]


def refuse_calamine(monkeypatch):
    def fail(*_args):
        raise AssertionError("calamine must not read this file")

    monkeypatch.setattr(xlsx_reader, "_read_fast", fail)


def test_a_cell_far_off_keeps_calamine_away(tmp_path, monkeypatch):
    sheet = ('<row r="1"><c r="A1" t="inlineStr"><is><t>Naam</t></is></c></row>'
             '<row r="2"><c r="A2" t="inlineStr"><is><t>x</t></is></c></row>'
             '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>')
    path = workbook(tmp_path / "ver.xlsx", sheet)
    scan = xlsx_scan.check_cell_count(path)
    assert (scan.max_row, scan.max_col) == (1_048_576, 16_384) and not scan.fast_ok()
    refuse_calamine(monkeypatch)
    assert read_table(path).rows == [["x"]]  # the streaming reader reads it, as before


def test_a_rectangle_just_over_the_cell_cap_is_read_by_the_stream(tmp_path, monkeypatch):
    rows = MAX_CELLS // 4 + 1
    sheet = ('<row r="1"><c r="A1" t="inlineStr"><is><t>Naam</t></is></c></row>'
             f'<row r="{rows}"><c r="D{rows}"><v>1</v></c></row>')
    path = workbook(tmp_path / "rechthoek.xlsx", sheet)
    scan = xlsx_scan.check_cell_count(path)
    assert scan.max_row * scan.max_col == 4 * rows > MAX_CELLS and not scan.fast_ok()
    sheet_ok = sheet.replace(f'"{rows}"', f'"{rows - 1}"').replace(f"D{rows}", f"D{rows - 1}")
    assert xlsx_scan.check_cell_count(workbook(tmp_path / "net.xlsx", sheet_ok)).fast_ok()


@pytest.mark.parametrize("cell", ['<c t="inlineStr"><is><t>y</t></is></c>',  # no reference
                                  '<c t="inlineStr" r="A2"><is><t>y</t></is></c>',  # reference not first
                                  '<c\nr="A2" t="inlineStr"><is><t>y</t></is></c>',  # a line break in the tag
                                  "<c r='A2' t='inlineStr'><is><t>y</t></is></c>"])  # single quotes
def test_a_cell_without_a_plain_reference_keeps_calamine_away(tmp_path, monkeypatch, cell):
    sheet = f'<row r="1"><c r="A1" t="inlineStr"><is><t>Naam</t></is></c></row><row r="2">{cell}</row>'
    path = workbook(tmp_path / "zonder.xlsx", sheet)
    assert not xlsx_scan.check_cell_count(path).fast_ok()
    refuse_calamine(monkeypatch)
    assert read_table(path).rows == [["y"]]


def test_a_dtd_keeps_calamine_away_and_is_refused_in_dutch(tmp_path, monkeypatch):
    path = workbook(tmp_path / "dtd.xlsx", '<row r="1"><c r="A1" t="inlineStr"><is><t>&x;</t></is></c></row>')
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    parts["xl/workbook.xml"] = b'<!DOCTYPE w [<!ENTITY x "boem">]>' + parts["xl/workbook.xml"]
    parts["xl/worksheets/sheet1.xml"] = b'<!DOCTYPE w [<!ENTITY x "boem">]>' + parts["xl/worksheets/sheet1.xml"]
    with zipfile.ZipFile(path, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    assert not xlsx_scan.check_cell_count(path).plain
    refuse_calamine(monkeypatch)
    with pytest.raises(TableReadError, match="onveilige XML-inhoud"):
        read_table(path)


def test_rich_text_with_unpreserved_spaces_is_read_by_the_stream(tmp_path, monkeypatch):
    shared = '<si><t>Naam</t></si><si><r><t>Groen </t></r><r><t>Werkt</t></r></si>'
    sheet = '<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="s"><v>1</v></c></row>'
    path = workbook(tmp_path / "rijk.xlsx", sheet, shared)
    assert not xlsx_scan.check_cell_count(path).plain
    refuse_calamine(monkeypatch)
    assert read_table(path).rows == [["Groen Werkt"]]


def test_error_cells_and_excel_escapes_are_read_by_the_stream(tmp_path, monkeypatch):
    sheet = ('<row r="1"><c r="A1" t="inlineStr"><is><t>Naam</t></is></c><c r="B1" t="inlineStr"><is><t>Som</t>'
             '</is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>a_x000D_b</t></is></c><c r="B2" t="e">'
             '<v>#N/A</v></c></row>')
    path = workbook(tmp_path / "fout.xlsx", sheet)
    assert not xlsx_scan.check_cell_count(path).plain
    refuse_calamine(monkeypatch)
    assert read_table(path).rows == [["a_x000D_b", "#N/A"]]


@pytest.mark.parametrize("value", [time(8, 30), 10**15 + 1])
def test_values_calamine_might_show_otherwise_go_to_the_stream(tmp_path, value):
    book = openpyxl.Workbook()
    book.active.append(["Naam", "Waarde"])
    book.active.append(["a", value])
    path = tmp_path / "anders.xlsx"
    book.save(path)
    assert xlsx_scan.check_cell_count(path).fast_ok()
    assert xlsx_reader._read_fast(path, 10, path.name) is None
    expected = "08:30" if isinstance(value, time) else str(value)
    assert read_table(path).rows == [["a", expected]]


def test_a_reference_split_across_blocks_is_seen_once(tmp_path, monkeypatch):
    path = every_type(tmp_path / "types.xlsx")
    whole = xlsx_scan.check_cell_count(path)
    for size in (7, 13, 64):  # every tag and reference is cut somewhere
        monkeypatch.setattr(xlsx_scan, "_BLOCK", size)
        assert xlsx_scan.check_cell_count(path) == whole
    assert (whole.max_row, whole.max_col, whole.cells) == (60, 5, whole.referenced)


def test_a_part_that_inflates_past_its_declared_size_is_not_read_further(tmp_path):
    """The scan reads each part up to its declared size; a part that goes on (here stored; deflated alike: to a cell at
    XFD1048576) must not be read further by calamine either: its zip reader stops with an error there, and the
    streaming reader then gives its Dutch message."""
    import struct
    import zlib

    head = '<row r="1"><c r="A1" t="inlineStr"><is><t>Naam</t></is></c></row>'
    tail = '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
    path = workbook(tmp_path / "liegt.xlsx", head + tail)
    real = zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml")
    declared = real[:real.index(b'<row r="1048576"')]
    raw = bytearray(path.read_bytes())
    for signature, offset in ((b"PK\x03\x04", 14), (b"PK\x01\x02", 16)):  # local header, central directory
        pos = raw.find(signature)
        while pos >= 0:
            crc, packed, size = struct.unpack_from("<III", raw, pos + offset)
            if crc == zlib.crc32(real) and size == len(real):
                struct.pack_into("<III", raw, pos + offset, zlib.crc32(declared), packed, len(declared))
            pos = raw.find(signature, pos + 4)
    path.write_bytes(bytes(raw))
    assert zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml") == declared  # what the scan sees
    assert xlsx_scan.check_cell_count(path).fast_ok()
    assert xlsx_reader._read_fast(path, 10, path.name) is None
    with pytest.raises(TableReadError, match="beschadigd"):
        read_table(path)


def _rows(first: int, last: int, columns: str = "ABC") -> str:
    return "".join(f'<row r="{r}">' + "".join(f'<c r="{c}{r}" t="inlineStr"><is><t>{c}{r}</t></is></c>' for c in columns)
                   + "</row>" for r in range(first, last + 1))


@pytest.mark.parametrize("far, expected", [("XFD1048576", (1_048_576, 16_384)),  # beyond the last row and column
                                           ("D12", (300, 4)),  # one column further, in an early row
                                           ("A999", (999, 3))])  # a row further than the last one
def test_a_cell_beyond_the_last_reference_is_found_wherever_it_lies(tmp_path, monkeypatch, far, expected):
    """The block's last reference only proposes the bound; a cell outside it anywhere in the block (here in row
    12 of 300) is found, and the furthest cell is then counted exactly, however the blocks are cut."""
    cells = f'<c r="A12" t="inlineStr"><is><t>x</t></is></c><c r="{far}"><v>1</v></c>'
    path = workbook(tmp_path / "midden.xlsx", _rows(1, 11) + f'<row r="12">{cells}</row>' + _rows(13, 300))
    for size in (64, 1000, 1 << 20):
        monkeypatch.setattr(xlsx_scan, "_BLOCK", size)
        scan = xlsx_scan.check_cell_count(path)
        assert (scan.max_row, scan.max_col) == expected
        assert scan.cells == scan.referenced == 300 * 3 - 2 + 1
    assert scan.fast_ok() == (far != "XFD1048576")


def test_prefixed_cells_are_counted_and_bounded(tmp_path):
    ns = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    sheet = (f'<row r="1" {ns}><x:c r="A1" t="inlineStr"><x:is><x:t>Naam</x:t></x:is></x:c></row>'
             f'<row r="2" {ns}><x:c r="XFD1048576"><x:v>1</x:v></x:c></row>')
    scan = xlsx_scan.check_cell_count(workbook(tmp_path / "prefix.xlsx", sheet))
    assert (scan.max_row, scan.max_col, scan.referenced) == (1_048_576, 16_384, 2) and not scan.fast_ok()


def test_the_bound_patterns_match_exactly_the_references_within_the_bound():
    for row, col in ((1, 1), (9, 26), (10, 27), (10001, 7), (99, 52), (100, 702), (1_048_576, 16_384), (120, 703)):
        outside = xlsx_scan._outside(row, col)
        for r in sorted({1, 2, 9, 10, 11, 99, 100, 101, row - 1, row, row + 1, row * 10}):
            for c in sorted({1, 2, 26, 27, 52, 53, 702, 703, col - 1, col, col + 1} - {0}):
                tag = f'<c r="{xlsx_scan._column_letters(c)}{r}">'.encode()
                assert (outside.search(tag) is None) == (1 <= r <= row and c <= col), (row, col, tag)
        for tag in (b'<c r="A01">', b'<c r="a1">', b"<c>", b"<c/>", b'<c\nr="A1">', b"<c r='A1'>", b'<c t="s" r="A1">',
                    b'<c r="A0">', b'<c r="AAAA1">'):
            assert outside.search(tag) is not None, tag
        assert outside.search(b'<col min="1"/><cols><cfRule/>') is None  # no cell tags


def test_a_part_too_small_to_hold_too_many_elements_is_not_counted(tmp_path, monkeypatch):
    monkeypatch.setattr(xlsx_scan, "MAX_ELEMENTS", 1000)
    head = '<row r="1"><c r="A1" t="inlineStr"><is><t>Naam</t></is></c></row>'
    # '<x/>' x 600: under 3 bytes a '<' cannot go over the cap (each element takes at least 3 bytes)
    assert xlsx_scan.check_cell_count(workbook(tmp_path / "klein.xlsx", head + "<x/>" * 600)).fast_ok()
    with pytest.raises(TableReadError, match="te ingewikkeld"):  # 1.200 elements in a part declared over 3.000 bytes
        xlsx_scan.check_cell_count(workbook(tmp_path / "groot.xlsx", head + "<x/>" * 1200))
