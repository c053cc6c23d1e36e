"""Read the first worksheet of an .xlsx safely: defused XML, a zip-bomb cap, values instead of formulas.

Bounded whatever the file: before any XML is parsed, every part of the package is scanned unpacked, 1 MB
at a time, by C-speed byte searches (xlsx_scan.check_cell_count): a file with more than tabular.MAX_CELLS cells
(<c>) or shared strings (<si>) is refused, and the scan notes where the furthest cell lies (the largest
row and column of the cells' r="AB12" references) and whether anything needs the streaming reader.

Two readers give the same records (the same row numbers, cell texts, header search and Dutch messages):
- python-calamine (Rust, about four times faster), only when the scan proves it safe and equal. calamine
  loads a sheet as a dense rectangle from its first to its furthest cell, so one cell at XFD1048576 would
  ask for billions of cells before any check could run; it is therefore used only when every cell tag in
  every part carries a plain reference (so no cell can lie outside what was measured) and the rectangle
  (furthest row x furthest column) is within MAX_CELLS. It is not used when a part holds a DTD, a comment
  or CDATA ("<!": a DTD and its entities are what defusedxml refuses), an error cell (t="e": calamine
  shows it as blank), Excel's _xHHHH_ escapes or rich text with unpreserved edge spaces (calamine changes
  those texts), or UTF-16/32 text (the byte scan could not see its cells). calamine expands no entities.
  A time of day or an integer of 16 digits or more (whose text calamine could give differently) sends the
  file back to the streaming reader, as does any error calamine raises.
- otherwise the streaming reader (xlsx_stream: defusedxml's expat parser, rows one at a time, at most
  MAX_COLUMNS + 1 wide, no row padded past the header's width; a DTD or entity is refused in Dutch).
Not openpyxl's reader: it builds an element tree per row and took about five times as long as the stream.
Known difference: a date serial beyond the year 9999 is refused by the streaming reader as damaged,
while calamine reads the number.
"""

from __future__ import annotations

import logging
import os
import zipfile
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from pathlib import Path

from regisseur_app.exchange.tabular import MAX_CELLS, MAX_COLUMNS, TableReadError, _check_header
from regisseur_app.exchange.xlsx_columns import text_rows
from regisseur_app.exchange.xlsx_scan import MAX_UNCOMPRESSED, check_cell_count, check_zip
from regisseur_app.formatting import format_date, format_datetime, format_number

log = logging.getLogger(__name__)

_HEADER_SEARCH_ROWS = 50


def read_xlsx_records(path: Path, max_rows: int, max_uncompressed: int = MAX_UNCOMPRESSED,
                      fast: bool | None = None) -> list:
    """Return [(row number, [cell text, ...]), ...] of the first worksheet. Raises TableReadError.
    `fast`: None chooses (calamine when the pre-scan allows it), False forces the streaming reader."""
    name = path.name
    check_zip(path, max_uncompressed)
    scan = check_cell_count(path)
    if fast is None:
        fast = FAST_READER
    if fast and scan.fast_ok():
        records = _read_fast(path, max_rows, name)
        if records is not None:
            return records
    return _read_streaming(path, max_rows, name)


FAST_READER = os.environ.get("REGISSEUR_XLSX_READER", "") != "stream"  # the switch the tests run both ways


def _read_streaming(path: Path, max_rows: int, name: str) -> list:
    import openpyxl  # its number-format and Excel-date helpers; it reports whether defusedxml is there

    if not getattr(openpyxl, "DEFUSEDXML", False):
        raise TableReadError("Excel-bestanden kunnen niet veilig gelezen worden: het onderdeel 'defusedxml' "
                             "ontbreekt in deze installatie. Gebruik een .csv-bestand of installeer Regisseur opnieuw.")
    from regisseur_app.exchange.xlsx_stream import iter_rows

    try:
        with zipfile.ZipFile(path) as archive:
            return list(_records(iter_rows(archive, MAX_COLUMNS + 1), max_rows, name))
    except TableReadError:
        raise
    except MemoryError as exc:
        raise TableReadError(f"Het Excel-bestand '{name}' is te groot om in te lezen (onvoldoende geheugen). "
                             "Splits het op in kleinere bestanden.") from exc
    except Exception as exc:  # bad XML, a missing part, a bad reference, a refused entity
        raise TableReadError(_unreadable(name, exc)) from exc


class _NotSame(Exception):
    """A value calamine cannot give exactly as the streaming reader would: read the file that way."""


def _read_fast(path: Path, max_rows: int, name: str) -> list | None:  # noqa: ARG001 - as _read_streaming
    """The records through python-calamine, or None when the streaming reader must read the file (calamine
    cannot read it, or a value is one whose text could differ: see _value_text). Every row is read: the scan
    bounded calamine's rectangle by MAX_CELLS, and build_table reports a row past `max_rows`."""
    try:
        from python_calamine import CalamineWorkbook
    except ImportError:
        return None
    try:
        sheet = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0)
        return _calamine_records(sheet, name)
    except TableReadError:
        raise
    except Exception as exc:  # noqa: BLE001 - _NotSame, or anything calamine refuses: the streaming reader decides
        log.info("xlsx %s read by the streaming reader: %r", name, exc)
        return None


def _calamine_records(sheet, name: str) -> list:  # noqa: ANN001
    """What _records makes of xlsx_stream.iter_rows, from calamine's rectangle: calamine starts at the first used
    row and column, so rows are numbered from there and the columns before it are put back. The data rows are
    turned into texts a column at a time (xlsx_columns), at most as wide as the header."""
    start = sheet.start
    if start is None:
        return []
    first_row, first_col = start
    pad = [""] * first_col
    values = sheet.to_python(skip_empty_area=True)  # from `start` on; a rectangle within MAX_CELLS (the scan)
    for index, row in enumerate(values[:_HEADER_SEARCH_ROWS]):  # the header: the first row that is not blank
        cells = _texts(row, _WIDEST - first_col, pad)
        if cells:
            number = first_row + 1 + index
            if number > _HEADER_SEARCH_ROWS:
                return []
            _check_header(list(cells), name, number)  # refuse a wide header before any row
            break
    else:
        return []
    rows = text_rows(values[index + 1:], len(cells) - first_col, first_col, _value_text)
    records = [(number, cells)]
    for number, cells in enumerate(rows, start=number + 1):  # noqa: B020 - the header's are kept above
        if cells and not cells[-1]:  # without its trailing empty cells; a blank row is left out
            cells.pop()
            while cells and not cells[-1]:
                cells.pop()
            if not cells:
                continue
        records.append((number, cells))
    return records


def _texts(values: list, keep: int, pad: list[str]) -> list[str]:
    """A row's cells as texts, at most `keep` of calamine's values after the `pad` of leading columns, without
    its trailing empty cells (build_table pads to the header's width; a row is never wider than that)."""
    if len(values) > keep:
        values = values[:max(0, keep)]
    try:
        cells = list(map(str.strip, values))  # a row of texts only: most rows
    except TypeError:
        cells = [v.strip() if v.__class__ is str else _value_text(v) for v in values]
    if pad:
        cells = pad + cells
    while cells and not cells[-1]:
        cells.pop()
    return cells


_WIDEST = MAX_COLUMNS + 1  # the header search reads at most this wide: a wider header is refused at once


def _value_text(value: object) -> str:
    """cell_text of a value that is not a text; raises _NotSame for a time of day (calamine turns a negative
    date serial into 00:00, and rounds a time just under midnight differently) and for an integer of 16 digits
    or more (calamine reads every number as a float)."""
    if value.__class__ is float:
        if value.is_integer():
            if abs(value) >= 1e15:
                raise _NotSame("large integer")
            return str(int(value))
        return format(value, ".15g").replace(".", ",")
    if value.__class__ is time:
        raise _NotSame("time of day")
    return cell_text(value)


def _calamine_rows(sheet, max_col: int) -> Iterator[tuple[int, list[object]]]:  # noqa: ANN001
    """(row number, values) as xlsx_stream.iter_rows gives them (the raw values, for comparing the readers)."""
    start = sheet.start
    if start is None:
        return
    first_row, first_col = start
    pad = [None] * first_col
    for offset, values in enumerate(sheet.to_python(skip_empty_area=True)):
        yield first_row + 1 + offset, (pad + values if first_col else values)[:max_col]


def _records(rows, max_rows: int, name: str) -> Iterator[tuple[int, list[str]]]:  # noqa: ANN001
    """The header (first non-blank row among the first rows, at most MAX_COLUMNS + 1 wide: a wider one is
    refused at once) and the data rows cut at the header's width; stops past the row and cell caps."""
    width = 0
    data_rows = 0
    for number, values in rows:
        cells = [v.strip() if v.__class__ is str else cell_text(v) for v in values[:width or None]]
        while cells and not cells[-1].strip():
            cells.pop()  # build_table pads to the header's width; a row is never wider than that
        if not cells:
            continue
        if not width:
            if number > _HEADER_SEARCH_ROWS:
                return
            width = len(cells)
            _check_header([c.strip() for c in cells], name, number)  # refuse a wide header before any row
            yield number, cells
            continue
        data_rows += 1
        yield number, cells
        if data_rows > max_rows or data_rows * width > MAX_CELLS:
            return  # build_table reports "more than max_rows" or too many cells; stop reading here


def cell_text(value: object) -> str:
    """An Excel value as the text the user sees, the Flemish way (12.0 -> '12', dates dd/mm/jjjj)."""
    kind = value.__class__
    if kind is str:  # most cells: first
        return value.strip()
    if kind is float:  # every number calamine reads
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return format(value, ".15g").replace(".", ",")
    if value is None:
        return ""
    if isinstance(value, bool):
        return "WAAR" if value else "ONWAAR"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return format(value, ".15g").replace(".", ",")
    if isinstance(value, datetime):
        return format_date(value) if value.time() == time() else format_datetime(value)
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, timedelta):
        return format_number(value.total_seconds() / 3600, 2) + " u"
    return str(value).strip()


def _unreadable(name: str, exc: BaseException) -> str:
    log.warning("cannot read %s: %r", name, exc)
    seen: BaseException | None = exc
    while seen is not None:  # openpyxl wraps the defusedxml refusal in a ValueError
        if type(seen).__module__.startswith("defusedxml"):
            return f"'{name}' bevat onveilige XML-inhoud (entiteiten) en wordt niet geopend."
        seen = seen.__cause__ or seen.__context__
    return (f"Het Excel-bestand '{name}' kan niet gelezen worden: het is beschadigd of geen gewone Excel-werkmap. "
            "Open het in Excel en sla het opnieuw op als 'Excel-werkmap (.xlsx)'.")
