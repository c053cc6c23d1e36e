"""read_table: CSV encodings and delimiters, safe .xlsx reading, and the Dutch errors for bad files."""

import zipfile
from datetime import date, datetime

import openpyxl
import pytest

from regisseur_app.exchange import xlsx_reader
from regisseur_app.exchange.tabular import TableReadError, read_table


@pytest.fixture(autouse=True, params=["calamine", "stream"])
def xlsx_path(request, monkeypatch):
    """Every test here runs with both xlsx readers: the fast one (python-calamine, where the pre-scan allows
    it) and the defused streaming one; they must give the same tables and the same Dutch messages."""
    monkeypatch.setattr(xlsx_reader, "FAST_READER", request.param == "calamine")
    return request.param


def test_csv_semicolon_cp1252_with_accents_quotes_and_blank_lines(tmp_path):
    path = tmp_path / "organisaties.csv"
    text = ('Naam;KBO-nummer;Opmerkingen\r\n'
            'Café Ré;0403.170.701;"regel een\r\nregel twee; met puntkomma"\r\n'
            '\r\n'
            ';;\r\n'
            '  Zoë en Noël  ;0202239951;\r\n')
    path.write_bytes(text.encode("cp1252"))
    table = read_table(path)
    assert table.encoding == "cp1252"
    assert table.delimiter == ";"
    assert table.source == "organisaties.csv"
    assert table.headers == ["Naam", "KBO-nummer", "Opmerkingen"]
    assert table.rows == [["Café Ré", "0403.170.701", "regel een\r\nregel twee; met puntkomma"],
                          ["Zoë en Noël", "0202239951", ""]]
    # rows as Excel numbers them: the quoted line break stays in row 2; rows 3 and 4 are blank
    assert table.line_numbers == [2, 5]


def test_csv_comma_utf8_with_bom_pads_short_rows(tmp_path):
    path = tmp_path / "lijst.csv"
    path.write_bytes("\ufeffNaam,Type,Plaats\nKringwinkel Ë,Kringwinkel,\"Tielt-Winge, centrum\"\nSolo\n"
                     .encode("utf-8"))
    table = read_table(path)
    assert table.encoding == "utf-8-sig"
    assert table.delimiter == ","
    assert table.headers == ["Naam", "Type", "Plaats"]  # no BOM glued to the first header
    assert table.rows == [["Kringwinkel Ë", "Kringwinkel", "Tielt-Winge, centrum"], ["Solo", "", ""]]


def test_csv_plain_utf8_and_tab_delimiter(tmp_path):
    path = tmp_path / "tab.csv"
    path.write_text("Naam\tE-mail\nAn Peeters\tan@voorbeeld.be\n", encoding="utf-8")
    table = read_table(path)
    assert (table.encoding, table.delimiter) == ("utf-8", "\t")
    assert table.rows == [["An Peeters", "an@voorbeeld.be"]]


def test_sniffing_prefers_the_consistent_delimiter(tmp_path):
    # commas inside the values, semicolons as separators: ';' gives the same width on every row
    path = tmp_path / "adres.csv"
    path.write_text("Naam;Straat en nummer\nA, B en C;Dorp 1, bus 2\nD;Kerkstraat 3\n", encoding="utf-8")
    table = read_table(path)
    assert table.delimiter == ";"
    assert table.rows[0] == ["A, B en C", "Dorp 1, bus 2"]


def test_csv_row_wider_than_header_is_refused_with_row_number(tmp_path):
    path = tmp_path / "scheef.csv"
    path.write_text("Naam;Type\nA;Kringwinkel\nB;Kringwinkel;extra\n", encoding="utf-8")
    with pytest.raises(TableReadError, match=r"'scheef.csv', rij 3: .*3 waarden.*2 kolommen"):
        read_table(path)


def test_xlsx_values_become_flemish_text(tmp_path):
    path = tmp_path / "organisaties.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Naam", "KBO-nummer", "Doelgroepwerknemers", "Sinds", "Ratio", "Actief"])
    sheet.append(["Groen Werkt", 403170701, 12.0, date(2024, 3, 5), 0.25, True])
    sheet.append([None, None, None, None, None, None])
    sheet.append(["  Kringwinkel Ë ", "0202.239.951", 7, datetime(2025, 12, 31, 14, 30), None, False])
    workbook.create_sheet("Tweede blad").append(["niet", "gelezen"])
    workbook.save(path)
    table = read_table(path)
    assert table.encoding is None and table.delimiter is None
    assert table.headers == ["Naam", "KBO-nummer", "Doelgroepwerknemers", "Sinds", "Ratio", "Actief"]
    assert table.rows == [
        ["Groen Werkt", "403170701", "12", "05/03/2024", "0,25", "WAAR"],
        ["Kringwinkel Ë", "0202.239.951", "7", "31/12/2025 14:30", "", "ONWAAR"],
    ]
    assert table.line_numbers == [2, 4]


def test_xlsx_header_not_on_first_row_and_cells_right_of_header_ignored(tmp_path):
    path = tmp_path / "verschoven.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet["A3"], sheet["B3"] = "Naam", "Type"
    sheet["A4"], sheet["B4"], sheet["D4"] = "Groen Werkt", "Maatwerkbedrijf", "losse notitie"
    workbook.save(path)
    table = read_table(path)
    assert table.headers == ["Naam", "Type"]
    assert table.rows == [["Groen Werkt", "Maatwerkbedrijf"]]
    assert table.line_numbers == [4]


def test_openpyxl_reads_through_defusedxml():
    assert openpyxl.DEFUSEDXML is True


def test_xlsx_refused_without_defusedxml(tmp_path, monkeypatch, xlsx_path):
    path = tmp_path / "a.xlsx"
    workbook = openpyxl.Workbook()
    workbook.active.append(["Naam"])
    workbook.active.append(["x"])
    workbook.save(path)
    monkeypatch.setattr(openpyxl, "DEFUSEDXML", False)
    if xlsx_path == "calamine":  # a plain file needs no defusedxml: calamine reads it, nothing is expanded
        assert read_table(path).rows == [["x"]]
        return
    with pytest.raises(TableReadError, match="defusedxml"):
        read_table(path)


def test_xlsx_with_xml_entities_is_refused(tmp_path):
    path = tmp_path / "bom.xlsx"
    workbook = openpyxl.Workbook()
    workbook.active.append(["Naam"])
    workbook.active.append(["x"])
    workbook.save(path)
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode("utf-8")
    assert sheet.startswith("<worksheet")
    doctype = '<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
    parts["xl/worksheets/sheet1.xml"] = (doctype + sheet).encode("utf-8")
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    with pytest.raises(TableReadError, match="'bom.xlsx' bevat onveilige XML-inhoud"):
        read_table(path)


def test_zip_bomb_cap(tmp_path):
    path = tmp_path / "groot.xlsx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/leeg.bin", b"\0" * 2_000_000)
    assert path.stat().st_size < 100_000
    with pytest.raises(TableReadError, match="uitgepakt te groot"):
        xlsx_reader.check_zip(path, max_uncompressed=1_000_000)
    xlsx_reader.check_zip(path, max_uncompressed=3_000_000)  # under the cap: accepted


def test_zip_that_is_no_workbook(tmp_path):
    path = tmp_path / "archief.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "geen werkmap")
    with pytest.raises(TableReadError, match="'archief.xlsx' kan niet gelezen worden: het is beschadigd"):
        read_table(path)


@pytest.mark.parametrize("name", ["oud.xls", "brief.docx", "data.ods", "zonder_extensie"])
def test_unsupported_extensions(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(b"Naam;Type\nA;B\n")
    with pytest.raises(TableReadError, match="Dit bestandstype wordt niet ondersteund: kies een .xlsx- of "
                                             ".csv-bestand") as info:
        read_table(path)
    assert name in str(info.value)


def test_text_file_renamed_to_xlsx(tmp_path):
    path = tmp_path / "nep.xlsx"
    path.write_text("Naam;Type\nA;Kringwinkel\n", encoding="utf-8")
    with pytest.raises(TableReadError, match="'nep.xlsx' is geen geldig .xlsx-bestand"):
        read_table(path)


@pytest.mark.parametrize("content", [b"", b"\r\n \r\n;;\r\n"])
def test_empty_file(tmp_path, content):
    path = tmp_path / "leeg.csv"
    path.write_bytes(content)
    with pytest.raises(TableReadError, match="'leeg.csv' is leeg"):
        read_table(path)


def test_header_only_file(tmp_path):
    path = tmp_path / "kop.csv"
    path.write_text("Naam;Type\n\n", encoding="utf-8")
    with pytest.raises(TableReadError, match="'kop.csv' bevat alleen een kopregel"):
        read_table(path)


def test_file_without_header_row(tmp_path):
    path = tmp_path / "geenkop.csv"
    path.write_text("Groen Werkt;0403.170.701;Maatwerkbedrijf\nB;0202.239.951;Kringwinkel\n", encoding="utf-8")
    with pytest.raises(TableReadError, match="lijkt geen kopregel"):
        read_table(path)


def test_duplicate_and_empty_header_names(tmp_path):
    dup = tmp_path / "dubbel.csv"
    dup.write_text("Naam;Type;naam\nA;B;C\n", encoding="utf-8")
    with pytest.raises(TableReadError, match="'naam' komt twee keer voor"):
        read_table(dup)
    empty = tmp_path / "gat.csv"
    empty.write_text("Naam;;Type\nA;x;B\n", encoding="utf-8")
    with pytest.raises(TableReadError, match="kolom 2 heeft geen naam"):
        read_table(empty)


def test_trailing_empty_header_columns_are_ignored(tmp_path):
    path = tmp_path / "excel.csv"
    path.write_text("Naam;Type;;\nA;B;;\n", encoding="utf-8")
    table = read_table(path)
    assert table.headers == ["Naam", "Type"]
    assert table.rows == [["A", "B"]]


def test_too_many_rows(tmp_path):
    path = tmp_path / "lang.csv"
    path.write_text("Naam;Type\n" + "".join(f"org {i};x\n" for i in range(100_001)), encoding="utf-8")
    with pytest.raises(TableReadError, match=r"Het bestand 'lang.csv' heeft meer dan 100\.000 rijen"):
        read_table(path)
    small = tmp_path / "klein.csv"
    small.write_text("Naam;Type\n" + "".join(f"org {i};x\n" for i in range(3)), encoding="utf-8")
    assert len(read_table(small, max_rows=3).rows) == 3
    with pytest.raises(TableReadError, match="meer dan 2 rijen"):
        read_table(small, max_rows=2)


def test_too_many_rows_xlsx(tmp_path):
    path = tmp_path / "lang.xlsx"
    workbook = openpyxl.Workbook()
    workbook.active.append(["Naam"])
    for i in range(6):
        workbook.active.append([f"org {i}"])
    workbook.save(path)
    assert len(read_table(path, max_rows=6).rows) == 6
    with pytest.raises(TableReadError, match="meer dan 5 rijen"):
        read_table(path, max_rows=5)


def test_file_too_large(tmp_path):
    path = tmp_path / "groot.csv"
    path.write_text("Naam;Type\nA;B\n", encoding="utf-8")
    with pytest.raises(TableReadError, match="'groot.csv' is te groot"):
        read_table(path, max_bytes=10)


def test_binary_file_named_csv(tmp_path):
    path = tmp_path / "foto.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(TableReadError, match="'foto.csv' is geen tekstbestand"):
        read_table(path)


def test_missing_file(tmp_path):
    with pytest.raises(TableReadError, match="'weg.csv' kan niet geopend worden"):
        read_table(tmp_path / "weg.csv")


def test_a_control_character_names_its_own_column_and_row(tmp_path):
    path = tmp_path / "stuur.csv"
    path.write_bytes(b"Naam;Type;Gemeente\nA;B;C\nD;E\x07x;F\n")
    with pytest.raises(TableReadError, match=r"rij 3, kolom 'Type': .*code 7"):
        read_table(path)


def test_the_control_search_of_all_rows_finds_what_the_pattern_finds():
    """_has_control (control bytes deleted from the UTF-8) against _CONTROL, for every character of the first
    planes alone, between others, and non-ASCII text with and without one."""
    from regisseur_app.exchange.tabular import _CONTROL, _has_control

    chars = [chr(c) for c in [*range(0x3000), 0xD7FF, 0xE000, 0xFEFF, 0xFFFD, 0x1F600, 0x10FFFF]]
    for char in chars:
        for text in (char, f"Café {char} Zoë", f"a\n{char}"):
            assert _has_control(text) is (_CONTROL.search(text) is not None), repr(text)
    assert _has_control("\n".join(chars))
    assert not _has_control("\n".join(c for c in chars if not _CONTROL.match(c)))
    assert not _has_control("Zoë\tNoël\r\n€ 1.234,50")


@pytest.mark.parametrize("later, max_rows", [('G;"H;I\n', 10),  # an unclosed quote at the end
                                              ("G;H;I;J\n", 10),  # a row wider than the header
                                              ("G;H;I\n", 2)])  # one row too many
def test_a_control_character_is_named_before_an_error_of_a_later_row(tmp_path, later, max_rows):
    """The rows are searched for control characters all at once; a row at fault before another error is still
    the one named, as when every row was checked as it was read."""
    path = tmp_path / "stuur.csv"
    path.write_bytes(b"Naam;Type;Gemeente\nA;B;C\nD;E\x07x;F\n" + later.encode())
    with pytest.raises(TableReadError, match=r"rij 3, kolom 'Type': .*code 7"):
        read_table(path, max_rows=max_rows)
    path.write_bytes(b"Naam;Type;Gemeente\nA;B;C\nD;Ex;F\n" + later.encode())
    with pytest.raises(TableReadError, match=r"rij 4|meer dan 2 rijen"):
        read_table(path, max_rows=max_rows)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_the_cell_cap_counts_rows_times_header_columns(tmp_path, monkeypatch, suffix):
    from regisseur_app.exchange import tabular, xlsx_reader

    monkeypatch.setattr(tabular, "MAX_CELLS", 12)
    monkeypatch.setattr(xlsx_reader, "MAX_CELLS", 12)

    def write(rows):
        path = tmp_path / f"cellen{rows}{suffix}"
        lines = [["Naam", "Type", "Gemeente"]] + [[f"org {i}", "x", ""] for i in range(rows)]
        if suffix == ".csv":
            path.write_text("".join(";".join(line) + "\n" for line in lines), encoding="utf-8")
        else:
            book = openpyxl.Workbook()
            for line in lines:
                book.active.append(line)
            book.save(path)
        return path

    assert read_table(write(4)).rows[-1] == ["org 3", "x", ""]  # 4 rows of 3 columns: 12 cells
    with pytest.raises(TableReadError, match=r"te groot om in te lezen: meer dan 12 cellen \(3 kolommen\)"):
        read_table(write(5))
