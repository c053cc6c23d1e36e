"""The table of contents of the college report in one layout pass.

reportlab's TableOfContents needs `multiBuild`: the whole document is laid out twice (or more) so that the
page numbers, known only after the first pass, can be printed. Here the entries are known before layout
(the summary and the section titles), so the contents take their final height at once; the page number of
each entry is a PDF form XObject placed at the end of its line now and defined when the canvas is saved
(`pdf_document`'s NumberedCanvas keeps every page until then for 'Pagina X van Y' anyway), from the pages
the doc template recorded for the headings. A form keeps the number in the line's place in the content, so
a text extraction or a screen reader reads 'title ... page' as before."""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

NUMBER_ROOM = 22  # points kept free at the right for the page number
DOT_GAP = 6


def number_form(index: int) -> str:
    """The name of the form that holds the page number of entry `index` (right-aligned on its origin)."""
    return f"toc-page-{index}"


class Contents(Flowable):
    """One line per entry: the title, a dotted leader and, drawn later, the page number (a link to the
    heading's bookmark `section-<index>`)."""

    def __init__(self, entries: list[str], style: ParagraphStyle) -> None:
        super().__init__()
        self.entries = entries
        self.style = style

    def wrap(self, available_width: float, _available_height: float) -> tuple[float, float]:
        self.width = available_width
        self.height = self.style.leading * len(self.entries)
        return self.width, self.height

    def split(self, _available_width: float, _available_height: float) -> list[Flowable]:
        return []  # a few lines: kept whole, on the next page if need be

    def draw(self) -> None:
        canv, style = self.canv, self.style
        size, leading = style.fontSize, style.leading
        dot = stringWidth(". ", style.fontName, size)
        canv.toc_entries = self.entries
        canv.saveState()
        canv.setFont(style.fontName, size)
        canv.setFillColor(style.textColor)
        for index, title in enumerate(self.entries):
            y = self.height - (index + 1) * leading + (leading - size) / 2
            canv.drawString(0, y, title)
            start = stringWidth(title, style.fontName, size) + DOT_GAP
            count = int((self.width - NUMBER_ROOM - start) // dot)
            if count > 0:
                canv.drawRightString(self.width - NUMBER_ROOM + dot / 2, y, ". " * count)
            canv.saveState()
            canv.translate(self.width, y)
            canv.doForm(number_form(index))  # defined when the canvas is saved, once the page is known
            canv.restoreState()
            canv.linkRect("", f"section-{index}", (0, y - 2, self.width, y + size), relative=1)
        canv.restoreState()


def page_numbers(entries: list[str], headings: list[tuple[str, int]]) -> list[int | None]:
    """The page of each entry: the heading at the same position, or (should they differ) the first heading
    with the same text; None when the heading was never placed."""
    result: list[int | None] = []
    for index, title in enumerate(entries):
        if index < len(headings) and headings[index][0] == title:
            result.append(headings[index][1])
        else:
            result.append(next((page for text, page in headings if text == title), None))
    return result
