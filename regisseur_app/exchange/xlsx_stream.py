"""A streaming reader of the first worksheet of an .xlsx: rows come out one at a time, in bounded memory.

Every XML part goes through defusedxml (a DTD, entity declarations and external references are refused):
the small parts through its ElementTree, the shared strings and the sheet 256 KB at a time through the
expat parser defusedxml configures, and a row is handed
on as soon as it is complete, cut at `max_col` columns. Values follow openpyxl's read-only, data-only
mode (cached formula results; numbers with a date format become dates), using openpyxl's own helpers for
formats and Excel serial dates. About five times faster than openpyxl's reader, which builds an element
tree per row (docs/reliability.md). xlsx_reader uses it for every file the pre-scan does not hand to
python-calamine (a DTD, a cell far off or without a plain reference, error cells, ...), and as the
reference the calamine path is tested against.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Iterator
from datetime import datetime

from defusedxml import ElementTree as SafeTree
from defusedxml.expatreader import create_parser

_CHUNK = 256 * 1024
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_LETTERS = re.compile(r"^[A-Z]{1,3}$")
_COLUMNS: dict[str, int] = {}  # "AB" -> 28, filled as columns are met


class XlsxStructureError(ValueError):
    """The package is not a workbook we can read (missing part, bad reference)."""


def _local(name: str) -> str:
    return name.rpartition(":")[2]


def _tag(element) -> str:  # noqa: ANN001
    return element.tag.rpartition("}")[2]


def _column_index(letters: str) -> int:
    index = 0
    for char in letters:
        index = index * 26 + ord(char) - 64
    return index


def _parse(archive: zipfile.ZipFile, member: str, handler) -> Iterator[None]:  # noqa: ANN001
    """Feed `member` chunk by chunk to the expat parser that defusedxml configures (its handlers refuse a
    DTD, entity declarations and external references), with `handler`'s element and text callbacks set
    directly on it (not through the SAX layer, which builds an attributes object per element). Yields
    after each chunk: rows may be ready."""
    reader = create_parser(forbid_dtd=True, forbid_entities=True, forbid_external=True)
    reader.reset()  # creates the pyexpat parser with defusedxml's protective handlers
    expat = reader._parser
    expat.buffer_text = True
    expat.StartElementHandler = handler.start
    expat.EndElementHandler = handler.end
    expat.CharacterDataHandler = handler.characters
    with archive.open(member) as stream:
        while chunk := stream.read(_CHUNK):
            expat.Parse(chunk, False)
            yield
    expat.Parse(b"", True)
    yield


class _SharedStrings:
    def __init__(self) -> None:
        self.strings: list[str] = []
        self._parts: list[str] = []
        self._in_text = self._in_phonetic = False

    def start(self, name, attrs):  # noqa: ANN001
        name = _local(name)
        if name == "si":
            self._parts = []
        elif name == "t" and not self._in_phonetic:
            self._in_text = True
        elif name == "rPh":
            self._in_phonetic = True

    def end(self, name):  # noqa: ANN001
        name = _local(name)
        if name == "si":
            self.strings.append("".join(self._parts))
        elif name == "t":
            self._in_text = False
        elif name == "rPh":
            self._in_phonetic = False

    def characters(self, content):  # noqa: ANN001
        if self._in_text:
            self._parts.append(content)


class _Sheet:
    """Collects finished rows in `ready` as (row number, {column: value})."""

    def __init__(self, strings: list[str], dates: set[int], durations: set[int], epoch: datetime, max_col: int):
        self.strings, self.dates, self.durations, self.epoch, self.max_col = strings, dates, durations, epoch, max_col
        self.ready: list[tuple[int, dict[int, object]]] = []
        self._row_number = 0
        self._cells: dict[int, object] = {}
        self._column = 0
        self._type = "n"
        self._style = 0
        self._text: list[str] = []
        self._collect = False
        self._in_inline = False

    def start(self, name, attrs):  # noqa: ANN001 - the hot path: one call per element of the sheet
        if ":" in name:
            name = name.rpartition(":")[2]
        if name == "c":
            ref = attrs.get("r")
            if ref:
                letters = ref.rstrip("0123456789")
                column = _COLUMNS.get(letters)
                if column is None:
                    column = _COLUMNS[letters] = _column_index(letters) if _LETTERS.match(letters) else 0
                self._column = column or self._column + 1
            else:
                self._column += 1
            self._type = attrs.get("t", "n")
            style = attrs.get("s")
            self._style = int(style) if style else 0
            self._text = []
        elif name == "v" or (name == "t" and self._in_inline):
            self._collect = True
        elif name == "is":
            self._in_inline = True
        elif name == "row":
            number = attrs.get("r")
            self._row_number = int(number) if number and number.isdigit() else self._row_number + 1
            self._cells = {}
            self._column = 0

    def end(self, name):  # noqa: ANN001
        if ":" in name:
            name = name.rpartition(":")[2]
        if name == "v" or name == "t":
            self._collect = False
        elif name == "c":
            if self._text and self._column <= self.max_col:
                self._cells[self._column] = self._value("".join(self._text))
        elif name == "is":
            self._in_inline = False
        elif name == "row":
            if self._cells:
                self.ready.append((self._row_number, self._cells))

    def characters(self, content):  # noqa: ANN001
        if self._collect:
            self._text.append(content)

    def _value(self, text: str) -> object:
        kind = self._type
        if kind == "s":
            index = int(text)
            return self.strings[index] if 0 <= index < len(self.strings) else ""
        if kind in ("inlineStr", "str", "e"):
            return text
        if kind == "b":
            return text.strip() in ("1", "true")
        if kind == "d":
            return datetime.fromisoformat(text.strip().rstrip("Z"))
        number: float | int = float(text) if any(c in text for c in ".eE") else int(text)
        if self._style in self.dates:
            from openpyxl.utils.datetime import from_excel

            return from_excel(number, self.epoch, timedelta=self._style in self.durations)
        return number


def _workbook_parts(archive: zipfile.ZipFile) -> tuple[str, str | None, str | None, bool]:
    """(first sheet's member, shared strings member, styles member, 1904 dates)."""
    names = set(archive.namelist())
    root_rels = SafeTree.fromstring(archive.read("_rels/.rels"))
    workbook = next((r.get("Target").lstrip("/") for r in root_rels if r.get("Type", "").endswith("/officeDocument")),
                    "xl/workbook.xml")
    base = posixpath.dirname(workbook)
    rels_name = posixpath.join(base, "_rels", posixpath.basename(workbook) + ".rels")
    targets: dict[str, tuple[str, str]] = {}
    for rel in SafeTree.fromstring(archive.read(rels_name)):
        target = rel.get("Target", "")
        path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(base, target))
        targets[rel.get("Id", "")] = (rel.get("Type", "").rpartition("/")[2], path)
    book = SafeTree.fromstring(archive.read(workbook))
    sheets = [e for e in book.iter() if _tag(e) == "sheet"]
    if not sheets or sheets[0].get(_REL) not in targets:
        raise XlsxStructureError("no worksheet")
    sheet = targets[sheets[0].get(_REL)][1]
    if sheet not in names:
        raise XlsxStructureError(f"missing {sheet}")
    date1904 = any(_tag(e) == "workbookPr" and e.get("date1904") in ("1", "true") for e in book.iter())
    by_kind = {kind: path for kind, path in targets.values() if path in names}
    return sheet, by_kind.get("sharedStrings"), by_kind.get("styles"), date1904


def _date_styles(archive: zipfile.ZipFile, member: str | None) -> tuple[set[int], set[int]]:
    """Style indexes whose number format shows a date or time, and those that show a duration."""
    from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format, is_timedelta_format

    if member is None:
        return set(), set()
    styles = SafeTree.fromstring(archive.read(member))
    custom = {int(e.get("numFmtId", -1)): e.get("formatCode", "") for e in styles.iter() if _tag(e) == "numFmt"}
    dates: set[int] = set()
    durations: set[int] = set()
    xfs = next((e for e in styles.iter() if _tag(e) == "cellXfs"), None)
    for index, xf in enumerate(list(xfs) if xfs is not None else []):
        fmt_id = int(xf.get("numFmtId", 0) or 0)
        code = custom.get(fmt_id, BUILTIN_FORMATS.get(fmt_id, "General"))
        if is_date_format(code):
            dates.add(index)
            if is_timedelta_format(code):
                durations.add(index)
    return dates, durations


def iter_rows(archive: zipfile.ZipFile, max_col: int) -> Iterator[tuple[int, list[object]]]:
    """(row number, [values up to the last filled column, at most max_col]) of the first worksheet, blank
    rows left out. Raises XlsxStructureError, a defusedxml error or a SAX error for a bad file."""
    from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900

    sheet, shared, styles, date1904 = _workbook_parts(archive)
    strings = _SharedStrings()
    if shared is not None:
        for _ in _parse(archive, shared, strings):
            pass
    dates, durations = _date_styles(archive, styles)
    handler = _Sheet(strings.strings, dates, durations, CALENDAR_MAC_1904 if date1904 else CALENDAR_WINDOWS_1900,
                     max_col)
    for _ in _parse(archive, sheet, handler):
        for number, cells in handler.ready:
            width = max(cells)
            yield number, [cells.get(column) for column in range(1, width + 1)]
        handler.ready.clear()
