"""Read the first worksheet of an .xlsx safely: defused XML, a zip-bomb cap, values instead of formulas.

Bounded whatever the file: before any XML is parsed, the cells (<c>) of the worksheets and the shared
strings (<si>) are counted in the unpacked stream (a C-speed byte count) and a file with more than
tabular.MAX_CELLS is refused; rows stream in one at a time (xlsx_stream: defusedxml's SAX parser),
at most MAX_COLUMNS + 1 wide, and no row is padded past the header's width. Not python-calamine,
though fast: it loads a sheet as a dense rectangle, so one cell at XFD1048576 asks for billions of
cells before any check could run; and not openpyxl's reader any more: it builds an element tree per
row and took about five times as long.
"""

from __future__ import annotations

import logging
import zipfile
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from pathlib import Path

from regisseur_app.exchange.tabular import MAX_CELLS, MAX_COLUMNS, TableReadError, _check_header
from regisseur_app.formatting import format_bytes, format_date, format_datetime, format_number

log = logging.getLogger(__name__)

MAX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_ELEMENTS = 8_000_000  # '<' in one worksheet: 1.500.000 cells of <c><v>..</v></c> and their rows fit
MAX_WHOLE_PART = 20 * 1024 * 1024  # workbook, relationships and styles are parsed whole
_HEADER_SEARCH_ROWS = 50


def read_xlsx_records(path: Path, max_rows: int, max_uncompressed: int = MAX_UNCOMPRESSED) -> list:
    """Return [(row number, [cell text, ...]), ...] of the first worksheet. Raises TableReadError."""
    name = path.name
    check_zip(path, max_uncompressed)
    check_cell_count(path)
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


_CELL_TAGS = (b"<c ", b"<c>", b"<c/>", b":c ", b":c>")
_STRING_TAGS = (b"<si>", b"<si ", b":si>", b":si ")


def check_cell_count(path: Path, max_cells: int = MAX_CELLS) -> None:
    """Count cells and shared strings in the unpacked XML, 1 MB at a time, and refuse a file with too many;
    also refuse a worksheet or string table with more XML elements than such a table needs (each element
    costs parsing time, whatever it is), and an oversized part that is read whole (workbook, styles)."""
    name = path.name
    try:
        with zipfile.ZipFile(path) as archive:
            for info in archive.infolist():
                member = info.filename.lower()
                if member.startswith("xl/worksheets/") and member.endswith(".xml"):
                    tags, what = _CELL_TAGS, "cellen"
                elif member.endswith("sharedstrings.xml"):
                    tags, what = _STRING_TAGS, "teksten"
                else:
                    if member.endswith((".xml", ".rels")) and info.file_size > MAX_WHOLE_PART:
                        raise TableReadError(
                            f"Het Excel-bestand '{name}' is te ingewikkeld om in te lezen (het onderdeel "
                            f"{info.filename} is {format_bytes(info.file_size)}). Kopieer de gegevens naar een "
                            "nieuwe werkmap, sla die op en probeer opnieuw.")
                    continue
                counted, elements = _count_tags(archive, info, tags, max_cells)
                if counted > max_cells:
                    raise TableReadError(
                        f"Het Excel-bestand '{name}' is te groot om in te lezen: meer dan {format_number(max_cells)} "
                        f"{what}. Splits het op in kleinere bestanden of verwijder overbodige kolommen.")
                if elements > MAX_ELEMENTS:
                    raise TableReadError(
                        f"Het Excel-bestand '{name}' is te ingewikkeld om in te lezen (meer dan "
                        f"{format_number(MAX_ELEMENTS)} onderdelen in één werkblad). Kopieer de gegevens naar een "
                        "nieuwe werkmap, sla die op en probeer opnieuw.")
    except (zipfile.BadZipFile, OSError, RuntimeError, EOFError) as exc:
        raise TableReadError(f"'{name}' is een beschadigd .xlsx-bestand ({exc}).") from exc


def _count_tags(archive: zipfile.ZipFile, info: zipfile.ZipInfo, tags: tuple[bytes, ...],
                limit: int) -> tuple[int, int]:
    """(occurrences of `tags`, number of '<'), stopping early once either is over its limit."""
    count = elements = 0
    tail = b""
    with archive.open(info) as stream:
        while chunk := stream.read(1 << 20):
            block = tail + chunk
            count += sum(block.count(tag) for tag in tags)
            elements += chunk.count(b"<")
            if count > limit or elements > MAX_ELEMENTS:
                break
            tail = block[-4:]
            count -= sum(tail.count(tag) for tag in tags)  # counted again with the next block
    return count, elements


def check_zip(path: Path, max_uncompressed: int = MAX_UNCOMPRESSED) -> None:
    """Refuse a file that is not a zip (so not an .xlsx) or that unpacks to more than the cap."""
    name = path.name
    if not zipfile.is_zipfile(path):
        raise TableReadError(
            f"'{name}' is geen geldig .xlsx-bestand (het is geen Excel-werkmap; misschien een ouder .xls-bestand, "
            "een beveiligd bestand of een ander bestand met een .xlsx-extensie). Open het in Excel en sla het op "
            "als 'Excel-werkmap (.xlsx)'.")
    try:
        with zipfile.ZipFile(path) as archive:
            total = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError) as exc:
        raise TableReadError(f"'{name}' is een beschadigd .xlsx-bestand ({exc}).") from exc
    if total > max_uncompressed:
        raise TableReadError(f"'{name}' is uitgepakt te groot ({format_bytes(total)}; maximaal "
                             f"{format_bytes(max_uncompressed)}). Het wordt niet geopend.")


def _records(rows, max_rows: int, name: str) -> Iterator[tuple[int, list[str]]]:  # noqa: ANN001
    """The header (first non-blank row among the first rows, at most MAX_COLUMNS + 1 wide: a wider one is
    refused at once) and the data rows cut at the header's width; stops past the row and cell caps."""
    width = 0
    data_rows = 0
    for number, values in rows:
        cells = [cell_text(v) for v in values[:width or None]]
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
