"""Read the first worksheet of an .xlsx safely: defused XML, a zip-bomb cap, values instead of formulas.

Bounded whatever the file: before openpyxl parses anything, the cells (<c>) of the worksheets and the
shared strings (<si>) are counted in the unpacked XML stream (a C-speed byte count) and a file with more
than tabular.MAX_CELLS is refused; the header is read at most MAX_COLUMNS + 1 wide and no row is padded
to a wider width than the header's (capped) width. openpyxl stays the reader (read-only mode, through
defusedxml): python-calamine is faster, but it loads a sheet as a dense rectangle, so one cell at
XFD1048576 asks for billions of cells before any check could run.
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
_HEADER_SEARCH_ROWS = 50


def read_xlsx_records(path: Path, max_rows: int, max_uncompressed: int = MAX_UNCOMPRESSED) -> list:
    """Return [(row number, [cell text, ...]), ...] of the first worksheet. Raises TableReadError."""
    name = path.name
    check_zip(path, max_uncompressed)
    check_cell_count(path)
    import openpyxl

    if not getattr(openpyxl, "DEFUSEDXML", False):
        raise TableReadError("Excel-bestanden kunnen niet veilig gelezen worden: het onderdeel 'defusedxml' "
                             "ontbreekt in deze installatie. Gebruik een .csv-bestand of installeer Regisseur opnieuw.")
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True, keep_links=False)
    except Exception as exc:  # openpyxl raises many kinds (KeyError, InvalidFileException, XML errors)
        raise TableReadError(_unreadable(name, exc)) from exc
    try:
        if not workbook.worksheets:
            raise TableReadError(f"Het Excel-bestand '{name}' bevat geen werkblad met gegevens.")
        sheet = workbook.worksheets[0]
        return list(_records(sheet, max_rows, name))
    except TableReadError:
        raise
    except MemoryError as exc:
        raise TableReadError(f"Het Excel-bestand '{name}' is te groot om in te lezen (onvoldoende geheugen). "
                             "Splits het op in kleinere bestanden.") from exc
    except Exception as exc:
        raise TableReadError(_unreadable(name, exc)) from exc
    finally:
        workbook.close()


_CELL_TAGS = (b"<c ", b"<c>", b"<c/>", b":c ", b":c>")
_STRING_TAGS = (b"<si>", b"<si ", b":si>", b":si ")


def check_cell_count(path: Path, max_cells: int = MAX_CELLS) -> None:
    """Count cells and shared strings in the unpacked XML, 1 MB at a time, and refuse a file with too many."""
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
                    continue
                if _count_tags(archive, info, tags, max_cells) > max_cells:
                    raise TableReadError(
                        f"Het Excel-bestand '{name}' is te groot om in te lezen: meer dan {format_number(max_cells)} "
                        f"{what}. Splits het op in kleinere bestanden of verwijder overbodige kolommen.")
    except (zipfile.BadZipFile, OSError, RuntimeError, EOFError) as exc:
        raise TableReadError(f"'{name}' is een beschadigd .xlsx-bestand ({exc}).") from exc


def _count_tags(archive: zipfile.ZipFile, info: zipfile.ZipInfo, tags: tuple[bytes, ...], limit: int) -> int:
    count, tail = 0, b""
    with archive.open(info) as stream:
        while chunk := stream.read(1 << 20):
            block = tail + chunk
            count += sum(block.count(tag) for tag in tags)
            if count > limit:
                return count
            tail = block[-4:]
            count -= sum(tail.count(tag) for tag in tags)  # counted again with the next block
    return count


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


def _records(sheet, max_rows: int, name: str) -> Iterator[tuple[int, list[str]]]:
    header_row, width = 0, 0
    # at most one column more than allowed: enough to refuse a too wide header, never 16.384 wide
    header_rows = sheet.iter_rows(max_row=_HEADER_SEARCH_ROWS, max_col=MAX_COLUMNS + 1, values_only=True)
    for number, values in enumerate(header_rows, start=1):
        cells = [cell_text(v) for v in values]
        if any(c.strip() for c in cells):
            header_row = number
            while cells and not cells[-1].strip():
                cells.pop()
            width = len(cells)
            _check_header([c.strip() for c in cells], name, number)  # refuse a wide header before any row
            yield number, cells
            break
    if not header_row:
        return
    data_rows = 0
    rows = sheet.iter_rows(min_row=header_row + 1, max_col=min(width, MAX_COLUMNS + 1), values_only=True)
    for number, values in enumerate(rows, start=header_row + 1):
        cells = [cell_text(v) for v in values]
        while cells and not cells[-1]:
            cells.pop()  # build_table pads to the header's width; a row is never wider than that
        if not any(cells):
            continue
        data_rows += 1
        if data_rows > max_rows + 1 or data_rows * width > MAX_CELLS + width:
            yield number, cells
            return  # build_table reports "more than max_rows" or too many cells; stop reading here
        yield number, cells


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
