"""Widths of the strings of a college report, each measured once per process.

A demo report asks reportlab for the width of ≈ 5.000 strings (column widths, line breaks in cells, right-aligned
cells), most of them more than once and many the same in every report (headers, names, small numbers); a
string's width in a registered font and size never changes. Bounded: forgotten when it grows past LIMIT."""

from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth

LIMIT = 100_000
_known: dict[tuple[str, str, float], float] = {}


def text_width(text: str, font: str, size: float) -> float:
    key = (text, font, size)
    width = _known.get(key)
    if width is None:
        if len(_known) >= LIMIT:
            _known.clear()
        width = _known[key] = stringWidth(text, font, size)
    return width
