"""The pre-scan of an .xlsx before any XML is parsed: caps, and what decides the reader (see xlsx_reader).

Every part of the package is read unpacked, 1 MB at a time, with C-speed byte searches (bytes.count, `in`,
regular expressions that start with a literal): the zip and part sizes, the cells and shared strings
against MAX_CELLS, the XML elements of a sheet against MAX_ELEMENTS; and, for the fast reader, the
furthest row and column of the cells' references and the markers of what only the streaming reader reads
the same way.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from regisseur_app.exchange.tabular import MAX_CELLS, TableReadError
from regisseur_app.formatting import format_bytes, format_number

MAX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_ELEMENTS = 8_000_000  # '<' in one worksheet: 1.500.000 cells of <c><v>..</v></c> and their rows fit
MAX_WHOLE_PART = 20 * 1024 * 1024  # workbook, relationships and styles are parsed whole

_CELL_TAGS = (b"<c ", b"<c>", b"<c/")
_PREFIXED_CELL_TAGS = (b":c ", b":c>", b":c/")  # <x:c ...>: counted when ':c' occurs at all
_ALL_CELL_TAGS = _CELL_TAGS + _PREFIXED_CELL_TAGS
_STRING_TAGS = (b"<si>", b"<si ", b":si>", b":si ")
_BLOCK = 1 << 20
# a cell's reference written first, as every spreadsheet program writes it: <c r="AB12" (each pattern starts
# with a literal, which the regex engine finds fast)
_REF = {b"<": (re.compile(rb'<c r="([A-Z]{1,3})[0-9]'), re.compile(rb'<c r="[A-Z]{1,3}([0-9]{1,7})"')),
        b":": (re.compile(rb':c r="([A-Z]{1,3})[0-9]'), re.compile(rb':c r="[A-Z]{1,3}([0-9]{1,7})"'))}
# a cell tag (<c followed by white space, '/' or '>') without such a reference right after its name
_UNREFERENCED = re.compile(rb'<c(?=[\s/>])(?! r="[A-Z]{1,3}[0-9]{1,7}")')
_PREFIXED_CELL_SPACE = re.compile(rb":c[\t\n\r]")
_ESCAPE = re.compile(rb"_x[0-9A-Fa-f]{4}_")  # Excel's _x000D_ escapes: calamine decodes them, the stream does not
# what only the streaming reader reads the same way: a DTD, comment or CDATA (<!), an error cell (t="e")
# (each after a one-byte search: memchr, far faster than a search for the marker, which is usually absent)
_SLOW_MARKERS = ((b"!", b"<!"), (b'"', b'"e"'), (b"'", b"'e'"))
# whitespace at the edge of a rich-text run: calamine drops it unless xml:space="preserve", the stream keeps it
_EDGES = (b"t> ", b"t>\t", b"t>\n", b"t>\r", b" </", b"\t</", b"\n</", b"\r</")


@dataclass
class Scan:
    """What the pre-scan saw in all parts of the package, to decide whether the fast reader may be used."""

    max_row: int = 0
    max_col: int = 0
    cells: int = 0  # cell tags (<c ...>, <x:c ...>)
    referenced: int = 0  # cells whose first attribute is a plain reference r="AB12"
    plain: bool = True  # no DTD, comment, CDATA, error cell, _xHHHH_ escape or odd cell tag
    _rows: set[bytes] = field(default_factory=set, repr=False)
    _letters: set[bytes] = field(default_factory=set, repr=False)

    def fast_ok(self, max_cells: int = MAX_CELLS) -> bool:
        """True when calamine may read the package: every cell has a plain reference, so the rectangle it
        allocates (rows x columns up to the furthest cell) is known and within the cap, and nothing in it
        is read differently from the streaming reader."""
        return self.plain and self.cells == self.referenced and self.max_row * self.max_col <= max_cells

    def _finish(self) -> None:
        self.max_row = max(map(int, self._rows), default=0)
        self.max_col = max((_column_number(letters) for letters in self._letters), default=0)
        self._rows, self._letters = set(), set()


def _column_number(letters: bytes) -> int:
    number = 0
    for char in letters:
        number = number * 26 + char - 64
    return number


def check_cell_count(path: Path, max_cells: int = MAX_CELLS) -> Scan:
    """Count cells and shared strings in the unpacked XML, 1 MB at a time, and refuse a file with too many;
    also refuse a worksheet or string table with more XML elements than such a table needs (each element
    costs parsing time, whatever it is), and an oversized part that is read whole (workbook, styles).
    Every part is scanned (a relationship may point a sheet anywhere); the Scan returned says how far the
    furthest cell lies and whether anything needs the streaming reader."""
    name = path.name
    scan = Scan()
    try:
        with zipfile.ZipFile(path) as archive:
            for info in archive.infolist():
                member = info.filename.lower()
                if member.startswith("xl/worksheets/") and member.endswith(".xml"):
                    tags, what = _ALL_CELL_TAGS, "cellen"
                elif member.endswith("sharedstrings.xml"):
                    tags, what = _STRING_TAGS, "teksten"
                else:
                    if member.endswith((".xml", ".rels")) and info.file_size > MAX_WHOLE_PART:
                        raise TableReadError(
                            f"Het Excel-bestand '{name}' is te ingewikkeld om in te lezen (het onderdeel "
                            f"{info.filename} is {format_bytes(info.file_size)}). Kopieer de gegevens naar een "
                            "nieuwe werkmap, sla die op en probeer opnieuw.")
                    tags, what = (), ""
                counted, elements = _scan_part(archive, info, tags, max_cells, scan)
                if counted > max_cells:
                    raise TableReadError(
                        f"Het Excel-bestand '{name}' is te groot om in te lezen: meer dan {format_number(max_cells)} "
                        f"{what}. Splits het op in kleinere bestanden of verwijder overbodige kolommen.")
                if tags and elements > MAX_ELEMENTS:
                    raise TableReadError(
                        f"Het Excel-bestand '{name}' is te ingewikkeld om in te lezen (meer dan "
                        f"{format_number(MAX_ELEMENTS)} onderdelen in één werkblad). Kopieer de gegevens naar een "
                        "nieuwe werkmap, sla die op en probeer opnieuw.")
    except (zipfile.BadZipFile, OSError, RuntimeError, EOFError) as exc:
        raise TableReadError(f"'{name}' is een beschadigd .xlsx-bestand ({exc}).") from exc
    scan._finish()
    return scan


def _scan_part(archive: zipfile.ZipFile, info: zipfile.ZipInfo, tags: tuple[bytes, ...], limit: int,
               scan: Scan) -> tuple[int, int]:
    """(occurrences of `tags`, number of '<') in one part, stopping early once either is over its limit; adds
    the part's cells, references and markers to `scan`. Each block is cut before its last '<', so a tag, a
    reference or a marker (none holds a '<' past its first byte) is seen whole in exactly one block."""
    count = elements = 0
    carry = b""
    with archive.open(info) as stream:
        while True:
            chunk = stream.read(_BLOCK)
            block = carry + chunk
            if not chunk:
                carry = b""
            else:
                cut = block.rfind(b"<")
                if 0 <= cut and len(block) - cut <= 4096:
                    block, carry = block[:cut], block[cut:]
                else:  # no tag starts near the end: overlap 64 bytes (seen twice at worst: more cells, refused)
                    carry = block[-64:]
            cells = scan.cells
            _scan_block(block, scan)
            if tags is _ALL_CELL_TAGS:
                count += scan.cells - cells  # counted there
            elif tags:
                count += sum(block.count(tag) for tag in tags)
            elements += block.count(b"<")
            if not chunk or count > limit or (tags and elements > MAX_ELEMENTS):
                break
    return count, elements


def _scan_block(block: bytes, scan: Scan) -> None:
    """Add one block's cells (tags, references, furthest row and column) and slow-path markers to `scan`."""
    if _UNREFERENCED.search(block) is None:  # every <c ...> is <c r="AB12": its reference says where it lies
        letters, digits = _REF[b"<"]
        rows = digits.findall(block)
        if rows:
            scan.cells += len(rows)
            scan.referenced += len(rows)
            scan._rows.update(rows)
            scan._letters.update(letters.findall(block))
    else:
        scan.cells += sum(block.count(tag) for tag in _CELL_TAGS)
        scan.plain = False
    if b":c" in block:  # <x:c ...>: a namespace prefix, as some libraries write
        cells = sum(block.count(tag) for tag in _PREFIXED_CELL_TAGS)
        if cells:
            scan.cells += cells
            letters, digits = _REF[b":"]
            scan._letters.update(letters.findall(block))
            rows = digits.findall(block)
            scan.referenced += len(rows)
            scan._rows.update(rows)
        if _PREFIXED_CELL_SPACE.search(block):
            scan.plain = False  # a tag that is not counted above
    if scan.plain and (any(first in block and marker in block for first, marker in _SLOW_MARKERS)
                       or b"\x00" in block and (b"<\x00" in block or b"\x00<" in block)  # UTF-16/32: bytes unseen
                       or b"_" in block and b"_x" in block and _ESCAPE.search(block)
                       or (b"</r>" in block or b":r>" in block) and any(edge in block for edge in _EDGES)):
        scan.plain = False


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
