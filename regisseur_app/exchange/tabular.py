"""Read a .csv or .xlsx file into a RawTable of stripped strings, with Dutch errors for bad files.

CSV: UTF-8 (with or without BOM), UTF-16 with a BOM (Excel's "Unicode-tekst") or else cp1252; delimiter
';', ',' or tab, sniffed.
XLSX: see xlsx_reader (defused XML, zip-bomb cap, cell cap before parsing, first worksheet, values).

Bounded in time and memory whatever the file (docs/reliability.md): at most MAX_COLUMNS columns in the
header, at most MAX_CELLS cells (rows × header columns) counted while the rows stream in, and a
control character (NUL and the like) refused with its row and column instead of being stored.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from regisseur_app.formatting import format_bytes, format_number
from regisseur_app.gc_pause import gc_paused
from regisseur_app.storage.engine import fold

MAX_ROWS = 100_000
MAX_BYTES = 50 * 1024 * 1024
MAX_COLUMNS = 500
MAX_CELLS = 1_500_000  # e.g. 100.000 rows of 15 columns; keeps a file under 400 MB and 10 s
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
SUPPORTED_MESSAGE = "Dit bestandstype wordt niet ondersteund: kies een .xlsx- of .csv-bestand"
_DELIMITERS = (";", ",", "\t")
_DELIMITER_NAMES = {";": "puntkomma", ",": "komma", "\t": "tab"}
_SNIFF_RECORDS = 50
_DATA_LIKE = re.compile(r"^[\d\s.,/+-]+$")  # a number, date, KBO or phone number: data, not a column name
_YEAR = re.compile(r"^(19|20)\d\d$")


class TableReadError(Exception):
    """A file cannot be read as a table. The message is Dutch and names the file."""


@dataclass
class RawTable:
    """A file's table as read: header, rows of stripped texts (as wide as the header) and each row's line in the
    file. Not changed after reading: an import takes over the check of its preview only for the same object."""

    headers: list[str]
    rows: list[list[str]]
    source: str
    encoding: str | None = None
    delimiter: str | None = None
    line_numbers: list[int] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.rows)


def read_table(path: Path, max_rows: int = MAX_ROWS, max_bytes: int = MAX_BYTES) -> RawTable:
    """Read the first sheet of an .xlsx or a .csv file. Raises TableReadError (Dutch message)."""
    path = Path(path)
    name = path.name
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        extra = " (het oude .xls-formaat: sla het in Excel op als .xlsx)" if suffix == ".xls" else ""
        raise TableReadError(f"{SUPPORTED_MESSAGE}{extra}. Bestand: '{name}'.")
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise TableReadError(f"Het bestand '{name}' kan niet geopend worden ({exc.strerror or exc}).") from exc
    if size == 0:
        raise TableReadError(f"Het bestand '{name}' is leeg.")
    if size > max_bytes:
        raise TableReadError(
            f"Het bestand '{name}' is te groot ({format_bytes(size)}; maximaal {format_bytes(max_bytes)}).")
    with gc_paused():
        if suffix == ".xlsx":
            from regisseur_app.exchange.xlsx_reader import read_xlsx_records

            return build_table(read_xlsx_records(path, max_rows), name, max_rows, None, None, strict_width=False,
                               stripped=True)
        records, encoding, delimiter = _read_csv_records(path)
        return build_table(records, name, max_rows, encoding, delimiter, strict_width=True)


def build_table(records, source: str, max_rows: int, encoding: str | None, delimiter: str | None,
                strict_width: bool, stripped: bool = False) -> RawTable:
    """Turn (line, cells) records into a RawTable: header checks, blank rows skipped, widths fixed.
    `stripped`: the cells are stripped texts already (the xlsx reader's). Control characters are looked for
    in all rows at once; before any error of a later row is raised too, so the first row at fault is named."""
    rows: list[list[str]] = []
    lines: list[int] = []
    found: list = []  # [header, its line] once seen
    try:
        _fill(records, source, max_rows, delimiter, strict_width, stripped, rows, lines, found)
    except TableReadError:
        if rows:
            _check_controls_of(rows, lines, found[0], source)
        raise
    if not found:
        raise TableReadError(f"Het bestand '{source}' is leeg: er staat geen kopregel en geen gegevens in.")
    header, header_line = found
    _check_controls_of(rows, lines, header, source)
    if not rows:
        raise TableReadError(f"Het bestand '{source}' bevat alleen een kopregel (rij {header_line}) en geen "
                             "gegevens.")
    return RawTable(headers=header, rows=rows, source=source, encoding=encoding, delimiter=delimiter,
                    line_numbers=lines)


def _fill(records, source: str, max_rows: int, delimiter: str | None, strict_width: bool, stripped: bool,
          rows: list[list[str]], lines: list[int], found: list) -> None:
    """Append the data rows (cut or padded to the header's width) and their lines; put the header in `found`."""
    records = iter(records)
    for line, cells in records:
        if not stripped:
            cells = [c.strip() for c in cells]
        if any(cells):
            header = _check_header(cells, source, line)
            _check_controls(header, header, source, line)
            found[:] = header, line
            break
    else:
        return
    width = len(header)
    within_cells = MAX_CELLS // width  # (rows + 1) * width > MAX_CELLS  <=>  rows >= MAX_CELLS // width
    append, append_line = rows.append, lines.append
    for line, cells in records:
        if not stripped:
            cells = [c.strip() for c in cells]
        if not any(cells):
            continue
        count = len(rows)
        if count >= max_rows:
            raise TableReadError(f"Het bestand '{source}' heeft meer dan {format_number(max_rows)} rijen. "
                                 "Splits het op in kleinere bestanden.")
        if len(cells) != width:
            if len(cells) > width:
                if strict_width and any(cells[width:]):
                    raise TableReadError(
                        f"'{source}', rij {line}: deze rij heeft {len(cells)} waarden maar de kopregel (rij "
                        f"{found[1]}) heeft {width} kolommen. Staat er een scheidingsteken "
                        f"({_DELIMITER_NAMES.get(delimiter or '', delimiter)}) in een waarde zonder "
                        "aanhalingstekens?")
                cells = cells[:width]
            else:
                cells = cells + [""] * (width - len(cells))
        if count >= within_cells:
            raise TableReadError(f"Het bestand '{source}' is te groot om in te lezen: meer dan "
                                 f"{format_number(MAX_CELLS)} cellen ({format_number(width)} kolommen). "
                                 "Splits het op in kleinere bestanden of verwijder overbodige kolommen.")
        append(cells)
        append_line(line)


def _check_controls_of(rows: list[list[str]], lines: list[int], header: list[str], source: str) -> None:
    """_check_controls of every row, with one search over all their cells (a row at fault is then found)."""
    if not _has_control("\n".join(map("\n".join, rows))):  # '\n' is no control character here
        return
    for cells, line in zip(rows, lines, strict=True):
        _check_controls(cells, header, source, line)


# the bytes of _CONTROL's characters: in UTF-8 each is that one byte, and no other character has a byte below 0x80
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0b, 0x0c, *range(0x0e, 0x20), 0x7f])


def _has_control(text: str) -> bool:
    """_CONTROL.search(text) is not None, five times faster on a large text: the control bytes deleted from its
    UTF-8 (a C loop over the bytes) leave it shorter exactly when it holds one."""
    data = text.encode("utf-8", "surrogatepass")
    return len(data.translate(None, _CONTROL_BYTES)) != len(data)


def _check_controls(cells: list[str], header: list[str], source: str, line: int) -> None:
    if not _CONTROL.search("\n".join(cells)):  # one search per row ('\n' is no control character here)
        return
    for index, text in enumerate(cells):
        found = _CONTROL.search(text)
        if found:
            column = header[index] if index < len(header) else str(index + 1)
            raise TableReadError(
                f"'{source}', rij {line}, kolom '{column}': bevat een onzichtbaar stuurteken (code "
                f"{ord(found.group())}). Verwijder het in het bestand en probeer opnieuw; er is niets ingelezen.")


def _check_header(cells: list[str], source: str, line: int) -> list[str]:
    while cells and not cells[-1]:
        cells = cells[:-1]  # trailing empty columns, as Excel writes them: ignored
    if len(cells) > MAX_COLUMNS:
        raise TableReadError(f"'{source}', rij {line} (kopregel): {format_number(len(cells))} kolommen; maximaal "
                             f"{format_number(MAX_COLUMNS)}. Verwijder de overbodige kolommen en probeer opnieuw.")
    for index, text in enumerate(cells):
        if not text:
            raise TableReadError(f"'{source}', rij {line} (kopregel): kolom {index + 1} heeft geen naam. "
                                 "Geef elke kolom een titel in de eerste rij.")
    for text in cells:
        if _DATA_LIKE.match(text) and not _YEAR.match(text):
            raise TableReadError(f"'{source}', rij {line}: de eerste rij lijkt geen kopregel ('{text}' is geen "
                                 "kolomnaam). Zet de kolomnamen (bv. Naam, Type) in de eerste rij.")
    seen: dict[str, int] = {}
    for index, text in enumerate(cells):
        key = fold(text)
        if key in seen:
            raise TableReadError(f"'{source}', rij {line} (kopregel): de kolomnaam '{text}' komt twee keer voor "
                                 f"(kolom {seen[key] + 1} en {index + 1}). Geef elke kolom een andere naam.")
        seen[key] = index
    return cells


def _read_csv_records(path: Path) -> tuple[Iterator[tuple[int, list[str]]], str, str]:
    """The records stream (build_table stops at its caps; the whole file is never a list of rows)."""
    name = path.name
    data = path.read_bytes()
    utf16 = data.startswith((b"\xff\xfe", b"\xfe\xff"))
    if not utf16 and b"\x00" in data[:65536]:
        raise TableReadError(f"Het bestand '{name}' is geen tekstbestand (CSV). Kies een .csv- of .xlsx-bestand.")
    text, encoding = _decode(data, name)
    del data
    delimiter = _sniff_delimiter(text)

    def records() -> Iterator[tuple[int, list[str]]]:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
        number = 0
        try:
            # numbered as Excel shows the rows: a quoted value with a line break stays one row
            for number, cells in enumerate(reader, start=1):  # noqa: B007 - number used after the loop
                yield number, cells
        except csv.Error as exc:
            raise TableReadError(f"'{name}', rij {number + 1}: deze rij is geen geldige CSV ({exc}). "
                                 "Controleer de aanhalingstekens.") from exc

    return records(), encoding, delimiter


def _decode(data: bytes, name: str) -> tuple[str, str]:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode-tekst": UTF-16 with a BOM
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise TableReadError(f"De tekens in '{name}' kunnen niet gelezen worden (beschadigde UTF-16-tekst). "
                                 "Sla het bestand in Excel op als 'CSV UTF-8'.") from exc
    try:
        return data.decode("utf-8-sig"), "utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError as exc:
        raise TableReadError(f"De tekens in '{name}' kunnen niet gelezen worden (geen UTF-8 en geen Windows-1252). "
                             "Sla het bestand in Excel op als 'CSV UTF-8'.") from exc


def _sniff_delimiter(text: str) -> str:
    """The delimiter that gives the header most columns with the most rows of that same width."""
    best, best_score = ";", (-1, -1)
    for delimiter in _DELIMITERS:
        widths = []
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        try:
            for cells in reader:
                if any(c.strip() for c in cells):
                    widths.append(len(cells))
                if len(widths) >= _SNIFF_RECORDS:
                    break
        except csv.Error:
            continue
        if not widths or widths[0] < 2:
            continue
        consistent = sum(1 for w in widths[1:] if w == widths[0])
        score = (consistent, widths[0])
        if score > best_score:
            best, best_score = delimiter, score
    return best
