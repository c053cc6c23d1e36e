"""The pre-scan of an .xlsx before any XML is parsed: caps, and what decides the reader (see xlsx_reader).

Every part of the package is read unpacked, 1 MB at a time, with C-speed byte searches (bytes.count, `in`,
regular expressions that start with a literal): the zip and part sizes, the cells and shared strings
against MAX_CELLS, the XML elements of a sheet against MAX_ELEMENTS; and, for the fast reader, the
furthest row and column of the cells' references and the markers of what only the streaming reader reads
the same way.

The furthest cell of a block is found without collecting every reference: the block's last reference
(spreadsheet programs write rows in order) proposes a bound, and one regular-expression search proves that
no cell tag of the block lies outside it or lacks a plain reference. Only when that search finds one is
every reference of the block collected (the exact, slower way). Either way the maxima are those of real
cells, so the result does not depend on where the blocks are cut.
"""

from __future__ import annotations

import functools
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from regisseur_app.exchange.tabular import MAX_CELLS, TableReadError
from regisseur_app.formatting import format_bytes, format_number

MAX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_ELEMENTS = 8_000_000  # '<' in one worksheet: 1.500.000 cells of <c><v>..</v></c> and their rows fit
MAX_WHOLE_PART = 20 * 1024 * 1024  # workbook, relationships and styles are parsed whole
# an element takes at least 3 bytes ('<a>'; a '<' in text must be escaped, and the parsers stop at a bare one):
# a part of at most this size cannot hold more than MAX_ELEMENTS, so its '<' need not be counted
_ELEMENT_BYTES = 3

_CELL_TAGS = (b"<c ", b"<c>", b"<c/")
_PREFIXED_CELL_TAGS = (b":c ", b":c>", b":c/")  # <x:c ...>: counted when ':c' occurs at all
_ALL_CELL_TAGS = _CELL_TAGS + _PREFIXED_CELL_TAGS
_STRING_TAGS = (b"<si>", b"<si ", b":si>", b":si ")
_BLOCK = 1 << 20
_PLAIN_REF = b'<c r="'
# a cell's reference written first, as every spreadsheet program writes it: <c r="AB12" (each pattern starts
# with a literal, which the regex engine finds fast)
_REF = {b"<": (re.compile(rb'<c r="([A-Z]{1,3})[0-9]'), re.compile(rb'<c r="[A-Z]{1,3}([0-9]{1,7})"')),
        b":": (re.compile(rb':c r="([A-Z]{1,3})[0-9]'), re.compile(rb':c r="[A-Z]{1,3}([0-9]{1,7})"'))}
_LAST_REF = re.compile(rb'([A-Z]{1,3})([0-9]{1,7})"')  # the reference after the block's last <c r="
# a cell tag (<c followed by white space, '/' or '>') without such a reference right after its name
_UNREFERENCED = re.compile(rb'<c(?=[\s/>])(?! r="[A-Z]{1,3}[0-9]{1,7}")')
_PREFIXED_CELL_SPACE = re.compile(rb":c[\t\n\r]")
_PREFIXED = re.compile(rb":(?:c[\s/>]|r>)")  # a prefixed cell tag (<x:c ...>) or the end of a prefixed run (</x:r>)
_ESCAPE = re.compile(rb"_x[0-9A-Fa-f]{4}_")  # Excel's _x000D_ escapes: calamine decodes them, the stream does not
# what only the streaming reader reads the same way: a DTD, comment or CDATA (<!), an error cell (t="e")
# (after a one-byte search where that byte is rare: memchr; a regular expression with a literal start is
# searched about twice as fast as `in` by CPython)
_SLOW_MARKERS = ((b"!", re.compile(rb"<!")), (b'"', re.compile(rb'"e"')), (b"'", re.compile(rb"'e'")))
_RUN_END = re.compile(rb"</r>")
# whitespace at the edge of a rich-text run: calamine drops it unless xml:space="preserve", the stream keeps it
_EDGES = (re.compile(rb"t>[ \t\n\r]"), re.compile(rb"</(?<=[ \t\n\r]</)"))


@dataclass
class Scan:
    """What the pre-scan saw in all parts of the package, to decide whether the fast reader may be used."""

    max_row: int = 0
    max_col: int = 0
    cells: int = 0  # cell tags (<c ...>, <x:c ...>)
    referenced: int = 0  # cells whose first attribute is a plain reference r="AB12"
    plain: bool = True  # no DTD, comment, CDATA, error cell, _xHHHH_ escape or odd cell tag

    def fast_ok(self, max_cells: int = MAX_CELLS) -> bool:
        """True when calamine may read the package: every cell has a plain reference, so the rectangle it
        allocates (rows x columns up to the furthest cell) is known and within the cap, and nothing in it
        is read differently from the streaming reader."""
        return self.plain and self.cells == self.referenced and self.max_row * self.max_col <= max_cells

    def _reach(self, rows: list[bytes], letters: list[bytes]) -> None:
        if rows:
            self.max_row = max(self.max_row, max(map(int, rows)))
        if letters:
            self.max_col = max(self.max_col, max(map(_column_number, set(letters))))


def _column_number(letters: bytes) -> int:
    number = 0
    for char in letters:
        number = number * 26 + char - 64
    return number


def _column_letters(number: int) -> str:
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _at_most(text: str, low: str, high: str) -> str:
    """A regex for the numbers written in the alphabet low..high (no leading `low` for digits; column letters
    have no zero) that are at most `text`'s: fewer characters, or as many and not after it."""
    size, first = len(text), chr(ord(low) + 1) if low == "0" else low
    options = [f"[{first}-{high}][{low}-{high}]{{0,{size - 2}}}"] if size > 1 else []
    for at, char in enumerate(text):
        start = first if at == 0 else low
        if char > start:
            rest = size - at - 1
            options.append(f"{text[:at]}[{start}-{chr(ord(char) - 1)}]" + (f"[{low}-{high}]{{{rest}}}" if rest else ""))
    options.append(text)
    return "(?:" + "|".join(options) + ")"


@functools.lru_cache(maxsize=64)
def _outside(max_row: int, max_col: int) -> re.Pattern[bytes]:
    """A cell tag that is not <c r="AB12" with a column up to `max_col` and a row up to `max_row`: found, it sends
    the block to the exact count; not found, every cell of the block lies within that bound."""
    columns = _at_most(_column_letters(max_col), "A", "Z") if max_col > 0 else "(?!)"
    rows = _at_most(str(max_row), "0", "9") if max_row > 0 else "(?!)"
    return re.compile(rb'<c(?=[\s/>])(?! r="' + f'{columns}{rows}"'.encode() + rb")")


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
    return scan


def _scan_part(archive: zipfile.ZipFile, info: zipfile.ZipInfo, tags: tuple[bytes, ...], limit: int,
               scan: Scan) -> tuple[int, int]:
    """(occurrences of `tags`, number of '<') in one part, stopping early once either is over its limit; adds
    the part's cells, references and markers to `scan`. Each block is cut before its last '<', so a tag, a
    reference or a marker (none holds a '<' past its first byte) is seen whole in exactly one block.
    Python's zip reader stops at the part's declared size (and fails on a wrong checksum), so a part declared
    small enough to hold at most MAX_ELEMENTS elements is not counted for them (0 is returned)."""
    count = elements = 0
    count_elements = bool(tags) and info.file_size > MAX_ELEMENTS * _ELEMENT_BYTES
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
            if count_elements:
                elements += block.count(b"<")
            if not chunk or count > limit or elements > MAX_ELEMENTS:
                break
    return count, elements


def _scan_block(block: bytes, scan: Scan) -> None:
    """Add one block's cells (tags, references, furthest row and column) and slow-path markers to `scan`."""
    bound = _bound(block, scan)
    if _outside(*bound).search(block) is None:  # every <c ...> is <c r="AB12" within the bound
        cells = block.count(_PLAIN_REF)
        if cells:
            scan.cells += cells
            scan.referenced += cells
            scan.max_row, scan.max_col = bound  # reached: the last reference, or an earlier block's furthest
    elif _UNREFERENCED.search(block) is None:  # every <c ...> is <c r="AB12": its reference says where it lies
        letters, digits = _REF[b"<"]
        rows = digits.findall(block)
        scan.cells += len(rows)
        scan.referenced += len(rows)
        scan._reach(rows, letters.findall(block))
    else:
        scan.cells += sum(block.count(tag) for tag in _CELL_TAGS)
        scan.plain = False
    prefixed = _PREFIXED.search(block) is not None
    if prefixed:  # <x:c ...>: a namespace prefix, as some libraries write
        cells = sum(block.count(tag) for tag in _PREFIXED_CELL_TAGS)
        if cells:
            scan.cells += cells
            letters, digits = _REF[b":"]
            rows = digits.findall(block)
            scan.referenced += len(rows)
            scan._reach(rows, letters.findall(block))
        if _PREFIXED_CELL_SPACE.search(block):
            scan.plain = False  # a tag that is not counted above
    if scan.plain and (any(first in block and marker.search(block) for first, marker in _SLOW_MARKERS)
                       or b"\x00" in block and (b"<\x00" in block or b"\x00<" in block)  # UTF-16/32: bytes unseen
                       or b"_" in block and b"_x" in block and _ESCAPE.search(block)
                       or ((prefixed and b":r>" in block) or _RUN_END.search(block))
                       and any(edge.search(block) for edge in _EDGES)):
        scan.plain = False


def _bound(block: bytes, scan: Scan) -> tuple[int, int]:
    """The furthest row and column seen so far, or further: the block's last plain reference, and the last one
    before its last '</row>' (the end of the last whole row, which is as wide as the rows usually are)."""
    row, col = scan.max_row, scan.max_col
    end = len(block)
    for _ in range(2):
        at = block.rfind(_PLAIN_REF, 0, end)
        found = _LAST_REF.match(block, at + len(_PLAIN_REF)) if at >= 0 else None
        if found is None:
            break
        row, col = max(row, int(found[2])), max(col, _column_number(found[1]))
        end = block.rfind(b"</row>", 0, at)
        if end < 0:
            break
    return row, col


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
