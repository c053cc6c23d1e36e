"""Hostile and odd input files: each is read or refused with a Dutch message, in bounded time and memory
(measured in a child process with getrusage), and nothing is written to the database."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from regisseur_app.exchange.tabular import MAX_CELLS, MAX_COLUMNS, TableReadError, read_table
from tests.reliability.helpers import ROOT

LIMIT_S, LIMIT_MB = 10, 400


def measured(path: Path, reader: str = "") -> dict:
    """read_table in a child process; reader "stream" forces the streaming xlsx reader (else calamine where
    the pre-scan allows it)."""
    env = {**os.environ, "REGISSEUR_XLSX_READER": reader}
    result = subprocess.run([sys.executable, "-m", "tests.reliability.hostile_child", str(path)], cwd=ROOT,
                            capture_output=True, text=True, timeout=120, env=env)
    assert result.returncode == 0, result.stderr[-800:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def _xlsx(path: Path, sheet_xml: str, shared: str | None = None) -> Path:
    """A minimal valid workbook with this sheet XML (written by hand: the hostile shapes Excel never makes)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/'
                   '2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-'
                   'package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
                   '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument'
                   '.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType='
                   '"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')
        z.writestr("_rels/.rels",
                   '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
                   'officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        z.writestr("xl/workbook.xml",
                   '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/'
                   'spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
                   'relationships"><sheets><sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels",
                   '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
                   'officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
        z.writestr("xl/worksheets/sheet1.xml",
                   '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
                   f'spreadsheetml/2006/main"><sheetData>{sheet_xml}</sheetData></worksheet>')
    return path


def _cells(row: int, values: list[str]) -> str:
    from openpyxl.utils import get_column_letter

    cells = "".join(f'<c r="{get_column_letter(i + 1)}{row}" t="inlineStr"><is><t>{v}</t></is></c>'
                    for i, v in enumerate(values))
    return f'<row r="{row}">{cells}</row>'


def wide_header(tmp_path: Path) -> Path:
    """16.384 header columns and 100.000 short rows (the 583 KB file that took 7,8 GB)."""
    header = _cells(1, [f"K{i}" for i in range(16384)])
    rows = "".join(f'<row r="{r}"><c r="A{r}"><v>{r}</v></c></row>' for r in range(2, 100_002))
    return _xlsx(tmp_path / "breed.xlsx", header + rows)


def many_cells(tmp_path: Path) -> Path:
    """More cells than MAX_CELLS in a small file (numbers compress well)."""
    rows = [_cells(1, ["A", "B", "C", "D"])]
    rows += [f'<row r="{r}">' + "".join(f'<c r="{c}{r}"><v>1</v></c>' for c in "ABCD") + "</row>"
             for r in range(2, MAX_CELLS // 4 + 50)]
    return _xlsx(tmp_path / "veel.xlsx", "".join(rows))


def junk_elements(tmp_path: Path) -> Path:
    """A header and a row, then 9 million empty elements that are no cells (all parsing time, no data)."""
    return _xlsx(tmp_path / "rommel.xlsx", _cells(1, ["Naam", "Type"]) + _cells(2, ["a", "b"]) + "<x/>" * 9_000_000)


def huge_styles(tmp_path: Path) -> Path:
    """A styles part of 25 MB (read whole, so it would be a tree of millions of elements)."""
    path = _xlsx(tmp_path / "stijl.xlsx", _cells(1, ["Naam"]) + _cells(2, ["a"]))
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/styles.xml", "<styleSheet>" + "<numFmt/>" * 2_800_000 + "</styleSheet>")
    return path


def late_nul_csv(tmp_path: Path) -> Path:
    path = tmp_path / "nul.csv"
    body = "".join(f"Organisatie {i};Sociale onderneming\n" for i in range(3000))
    path.write_bytes(("Naam;Type\n" + body).encode() + b"Stiekem\x00;Sociale onderneming\n")
    return path


CASES = {"16.384 kolommen": wide_header, "te veel cellen": many_cells, "9 miljoen lege elementen": junk_elements,
         "stijlen van 25 MB": huge_styles, "NUL na 64 KiB": late_nul_csv}


@pytest.mark.parametrize("reader", ["", "stream"])
@pytest.mark.parametrize("name", list(CASES))
def test_hostile_file_refused_in_bounded_time_and_memory(tmp_path, name, reader):
    path = CASES[name](tmp_path)
    result = measured(path, reader)
    assert result["outcome"].startswith("geweigerd: "), result
    assert result["seconds"] < LIMIT_S and result["peak_mb"] < LIMIT_MB, result
    assert "beschadigd" not in result["outcome"]


def test_wide_header_message_names_the_limit(tmp_path):
    with pytest.raises(TableReadError, match=f"maximaal {MAX_COLUMNS}"):
        read_table(wide_header(tmp_path))


def test_control_character_is_refused_with_row_and_column(tmp_path):
    with pytest.raises(TableReadError) as caught:
        read_table(late_nul_csv(tmp_path))
    assert "rij 3002" in str(caught.value) and "kolom 'Naam'" in str(caught.value)


def test_utf16_unicode_text_from_excel_is_read(tmp_path):
    path = tmp_path / "unicode.csv"
    path.write_bytes("Naam\tGemeente\nDe Wroeter vzw\tBeernem\nKringwinkel Zuiderkempen\tGeel\n".encode("utf-16"))
    table = read_table(path)
    assert table.headers == ["Naam", "Gemeente"]
    assert table.rows[1] == ["Kringwinkel Zuiderkempen", "Geel"]
    assert table.encoding == "utf-16"


def test_an_export_survives_a_stored_control_character(tmp_path):
    import openpyxl
    import pandas as pd

    from regisseur_app.exchange.export import export_frame

    target = tmp_path / "uit.xlsx"
    export_frame(pd.DataFrame({"Naam": ["Goed", "Slecht\x00naam"]}), target, "Organisaties")
    values = [c.value for c in openpyxl.load_workbook(target).active["A"]]
    assert values == ["Naam", "Goed", "Slecht\ufffdnaam"]


def test_hostile_import_writes_nothing(app_ctx, tmp_path):
    from regisseur_app.exchange.core.org_import import ORGANISATION_FIELDS, import_organisations
    from regisseur_app.exchange.importing import guess_mapping
    from regisseur_app.operations.imports import import_table
    from tests.reliability.helpers import count

    before = count(app_ctx.db_path, "organisation")
    with pytest.raises(TableReadError):
        table = read_table(late_nul_csv(tmp_path))
        import_table(app_ctx, import_organisations, table, guess_mapping(table.headers, ORGANISATION_FIELDS))
    assert count(app_ctx.db_path, "organisation") == before


def test_one_far_cell_does_not_make_calamine_allocate_the_sheet(tmp_path):
    """A cell at XFD1048576 would make python-calamine allocate 17 billion cells: the pre-scan sees it and the
    streaming reader reads the file, in bounded time and memory."""
    path = _xlsx(tmp_path / "ver.xlsx", _cells(1, ["Naam"]) + _cells(2, ["Groen Werkt"])
                 + '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>')
    result = measured(path)
    assert result["outcome"] == "gelezen: 1 rijen", result
    assert result["seconds"] < LIMIT_S and result["peak_mb"] < LIMIT_MB, result
