"""A `content.Table` as a reportlab Table that a college member reads without stumbling: the header repeats
on every page the table runs over, numbers (and their headers) are right-aligned, header words are never
broken in the middle (a header wraps at spaces; when a word does not fit, the whole table's font shrinks),
column widths follow the content, and a total row is bold."""

from __future__ import annotations

from typing import NamedTuple

from reportlab.platypus import Table as RLTable
from reportlab.platypus import TableStyle

from regisseur_app.reports.college.cells import cell_text, header_text
from regisseur_app.reports.college.table_canvas import CanvasTable
from regisseur_app.reports.college.table_styles import PAD, cell_styles
from regisseur_app.reports.college.text_width import text_width as stringWidth
from regisseur_app.reports.content import Table
from regisseur_app.reports.pdf_base import BRAND, FONT, FONT_BOLD, GRID, ZEBRA, register_fonts

BASE_SIZE = 8.5
MIN_SIZE = 6.0


def _longest_word(text: str, font: str, size: float) -> float:
    return max((stringWidth(word, font, size) for word in text.split()), default=0.0)


def _word_width(text: str, width: float, font: str, size: float) -> float:
    """_longest_word of `text` whose whole width is `width`: a text that is one word is not measured again."""
    words = text.split()
    if len(words) == 1 and words[0] == text:
        return width
    return max((stringWidth(word, font, size) for word in words), default=0.0)


def _two_lines(text: str, size: float) -> float:
    """The narrowest width at which `text` wraps (at spaces) into at most two lines."""
    words = text.split()
    if len(words) < 2:
        return stringWidth(text, FONT_BOLD, size)
    return min(max(stringWidth(" ".join(words[:k]), FONT_BOLD, size), stringWidth(" ".join(words[k:]), FONT_BOLD, size))
               for k in range(1, len(words)))


def column_widths(table: Table, width: float, size: float = BASE_SIZE, pad: float = PAD) -> tuple[list[float], float]:
    """(widths, font size): every header word and every number fits on one line; wrap only at spaces."""
    widths, size, _measured = _measure(table, width, size, pad)
    return widths, size


class _Measured(NamedTuple):
    """What column_widths read: per column the cells' texts and their widths in `font` at the chosen size."""

    texts: list[list[str]]
    widths: list[list[float]]
    font: str


def _measure(table: Table, width: float, size: float = BASE_SIZE, pad: float = PAD
             ) -> tuple[list[float], float, _Measured]:
    register_fonts()
    heads = [header_text(c) for c in table.columns]
    texts = [[cell_text(row[i] if i < len(row) else None, c) for row in table.rows]
             for i, c in enumerate(table.columns)]
    body_font = FONT_BOLD if table.total_row else FONT
    while True:
        minimum, natural, comfy, measured = [], [], [], []
        for i, column in enumerate(table.columns):
            cells = [stringWidth(t, body_font, size) for t in texts[i]]
            measured.append(cells)
            head_word = _longest_word(heads[i], FONT_BOLD, size)
            head_full = stringWidth(heads[i], FONT_BOLD, size)
            if column.numeric:  # a number is never broken: its whole width
                low = max([head_word, *cells]) + 2 * pad
            else:  # a text breaks at spaces: its longest word
                low = max([head_word, *(_word_width(t, w, body_font, size)
                                        for t, w in zip(texts[i], cells, strict=True))]) + 2 * pad
            full = max([head_full, *cells]) + 2 * pad
            minimum.append(low)
            natural.append(max(low, full))
            # a number column is comfortable when its header takes at most two lines
            comfy.append(min(max(low, _two_lines(heads[i], size) + 2 * pad), max(low, full)) if column.numeric else low)
        if sum(minimum) <= width or size <= MIN_SIZE:
            break
        size = max(MIN_SIZE, size * min(0.95, width / sum(minimum)))
    found = _Measured(texts, measured, body_font)
    if sum(natural) <= width:
        spare = width - sum(natural)
        text_cols = [i for i, c in enumerate(table.columns) if not c.numeric]
        share = sum(natural[i] for i in text_cols) or 1
        widths = [w + (spare * w / share if i in text_cols else 0) for i, w in enumerate(natural)]
        return _even_numbers(table, widths), size, found
    # too wide: fill up in steps (number headers on two lines, then the text, then the rest)
    widths = list(minimum)
    for target, columns in ((comfy, "numeric"), (natural, "text"), (natural, "numeric")):
        chosen = [i for i, c in enumerate(table.columns) if c.numeric == (columns == "numeric")]
        _grow(widths, target, chosen, width - sum(widths))
    return widths, size, found


def _grow(widths: list[float], target: list[float], chosen: list[int], room: float) -> None:
    """Widen the chosen columns toward `target`, in proportion to what each still lacks, within `room`."""
    lacking = {i: max(target[i] - widths[i], 0.0) for i in chosen}
    need = sum(lacking.values())
    if room <= 0 or need <= 0:
        return
    factor = min(1.0, room / need)
    for i, gap in lacking.items():
        widths[i] += gap * factor


def _even_numbers(table: Table, widths: list[float]) -> list[float]:
    """Numeric columns side by side get one width (the widest of them), taken from the text columns."""
    numeric = [i for i, c in enumerate(table.columns) if c.numeric]
    text = [i for i, c in enumerate(table.columns) if not c.numeric]
    if len(numeric) < 2 or not text:
        return widths
    widest = max(widths[i] for i in numeric)
    needed = sum(widest - widths[i] for i in numeric)
    available = sum(widths[i] for i in text)
    if needed >= available * 0.4:
        return widths
    result = list(widths)
    for i in numeric:
        result[i] = widest
    for i in text:
        result[i] = widths[i] - needed * widths[i] / available
    return result


def wrapped(text: str, font: str, size: float, width: float) -> str:
    """`text` broken at spaces into lines no wider than `width` (a word wider than that keeps a line of its own,
    whole), as a paragraph would break it; the lines joined by newlines for a plain-text table cell."""
    lines = []
    for part in text.split("\n"):
        line = ""
        for word in part.split():
            longer = f"{line} {word}" if line else word
            if line and stringWidth(longer, font, size) > width:
                lines.append(line)
                line = word
            else:
                line = longer
        lines.append(line)
    return "\n".join(lines)


def pdf_table(table: Table, width: float) -> RLTable:
    """Every cell is plain text in the table's font, broken at spaces into the lines that fit its column
    (`wrapped`): reportlab lays out and draws such a cell line by line without parsing and wrapping a
    paragraph, at the same size and leading, aligned by the table style (numbers and their headers right,
    headers bold and white on the brand colour, at the bottom of their row)."""
    widths, size, measured = _measure(table, width)  # the cells' texts and widths: not worked out twice
    leading = size * 1.25
    body: list[list[str]] = [[wrapped(header_text(c), FONT_BOLD, size, widths[i] - 2 * PAD)
                              for i, c in enumerate(table.columns)]]
    last = len(table.rows) - 1
    for r in range(len(table.rows)):
        font = FONT_BOLD if table.total_row and r == last else FONT
        line: list[str] = []
        for i in range(len(table.columns)):
            text = measured.texts[i][r]
            text_width = measured.widths[i][r] if font == measured.font else stringWidth(text, font, size)
            if "\n" in text or text_width > widths[i] - 2 * PAD:
                text = wrapped(text, font, size, widths[i] - 2 * PAD)
            line.append(text)
        body.append(line)
    total = table.total_row and len(body) > 1
    styles = cell_styles(len(body), [c.numeric for c in table.columns], size, leading, total)
    # one text object per table (table_canvas); the cells' fonts, colours, alignment and padding in `styles`
    result = CanvasTable(body, colWidths=widths, repeatRows=1, hAlign="LEFT", cellStyles=styles)
    commands: list[tuple] = [("BACKGROUND", (0, 0), (-1, 0), BRAND), ("LINEBELOW", (0, 0), (-1, -1), 0.25, GRID)]
    for index in range(2, len(body), 2):
        commands.append(("BACKGROUND", (0, index), (-1, index), ZEBRA))
    if total:
        commands.append(("LINEABOVE", (0, -1), (-1, -1), 1, BRAND))
    result.setStyle(TableStyle(commands))
    return result
