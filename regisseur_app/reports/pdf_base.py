"""The common look of every Regisseur PDF: a font with € and accents, styles, tables, header/footer,
'pagina X van Y', and an atomic write (a failed report leaves no half file)."""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen import canvas as pdf_canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Table, TableStyle

from regisseur_app import __version__
from regisseur_app.formatting import format_date
from regisseur_app.paths import resources_dir
from regisseur_app.reports.subset_font import SubsetFont

# reportlab checks every attribute set on a chart widget or shape against its declared type, "a big help when
# developing" that "slows down shapes" (reportlab.graphics.shapes); our charts are fixed code covered by tests.
# validateSetattr reads the setting at each call, so this holds also for classes already defined.
rl_config.shapeChecking = 0

FONT = "RegisseurSans"
FONT_BOLD = "RegisseurSans-Bold"
BRAND = colors.HexColor("#1f4e79")
ZEBRA = colors.HexColor("#f2f5f9")
GRID = colors.HexColor("#c9d3df")


class ReportError(RuntimeError):
    """A report could not be written; the message is Dutch."""


_FONTS_LOCK = threading.Lock()
_fonts_registered = False


def register_fonts() -> None:
    """Read and register the fonts, once per process; a report on a worker thread while the Rapporten page
    prepares (operations.reports.prepare) waits until both are registered instead of finding only the first."""
    global _fonts_registered
    if _fonts_registered:
        return
    with _FONTS_LOCK:
        if _fonts_registered:
            return
        folder = resources_dir() / "fonts"
        pdfmetrics.registerFont(SubsetFont(FONT, str(folder / "DejaVuSans.ttf")))
        pdfmetrics.registerFont(SubsetFont(FONT_BOLD, str(folder / "DejaVuSans-Bold.ttf")))
        pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD)
        _fonts_registered = True


def styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    body = ParagraphStyle("body", fontName=FONT, fontSize=9.5, leading=12.5)
    return {
        "title": ParagraphStyle("title", parent=body, fontName=FONT_BOLD, fontSize=18, leading=22,
                                textColor=BRAND, spaceAfter=4),
        "subtitle": ParagraphStyle("subtitle", parent=body, fontSize=11, leading=14, textColor=colors.grey,
                                   spaceAfter=10),
        "h2": ParagraphStyle("h2", parent=body, fontName=FONT_BOLD, fontSize=13, leading=16, textColor=BRAND,
                             spaceBefore=10, spaceAfter=5),
        "body": body,
        "small": ParagraphStyle("small", parent=body, fontSize=8, leading=10, textColor=colors.grey),
        "cell": ParagraphStyle("cell", parent=body, fontSize=8.5, leading=10.5),
        "cell_right": ParagraphStyle("cell_right", parent=body, fontSize=8.5, leading=10.5, alignment=TA_RIGHT),
        "cell_head": ParagraphStyle("cell_head", parent=body, fontName=FONT_BOLD, fontSize=8.5, leading=10.5,
                                    textColor=colors.white),
        "cell_head_right": ParagraphStyle("cell_head_right", parent=body, fontName=FONT_BOLD, fontSize=8.5,
                                          leading=10.5, textColor=colors.white, alignment=TA_RIGHT),
    }


CELL_PADDING = 12.5  # a table cell's left and right padding (reportlab: 6 + 6) and a little air


def longest_word(text: str, font: str, size: float) -> float:
    register_fonts()
    return max((pdfmetrics.stringWidth(word, font, size) for word in str(text).split()), default=0.0)


def fit_widths(headers: Sequence[str], widths: Sequence[float], font: str = FONT_BOLD, size: float = 8.5
               ) -> list[float]:
    """Column widths (same total) in which every header word fits whole: a column too narrow for its longest
    header word ("Doorverwezen", "Tewerkstelling") takes the room from columns that have some to spare."""
    need = [longest_word(h, font, size) + CELL_PADDING for h in headers]
    result = list(widths)
    deficit = sum(max(0.0, n - w) for n, w in zip(need, result, strict=True))
    slack = {i: w - n for i, (n, w) in enumerate(zip(need, result, strict=True)) if w > n}
    spare = sum(slack.values())
    if not deficit or not spare:
        return result
    scale = min(1.0, spare / deficit)  # when there is not enough room, each short column gets its share
    taken = 0.0
    for i, (n, w) in enumerate(zip(need, list(result), strict=True)):
        if w < n:
            result[i] = w + (n - w) * scale
            taken += (n - w) * scale
    for i, room in slack.items():
        result[i] -= taken * room / spare
    return result


def fitted(text: str, style: ParagraphStyle, width: float) -> Paragraph:
    """A cell paragraph whose words are never split: when the longest word does not fit in `width`, the font
    gets smaller (down to 6 pt) instead of breaking 'verantwoordelijke' in two."""
    size = style.fontSize
    while size > 6 and longest_word(text, style.fontName, size) + CELL_PADDING > width:
        size -= 0.25
    if size != style.fontSize:
        style = ParagraphStyle(f"{style.name}_{size}", parent=style, fontSize=size, leading=size * 1.22)
    return Paragraph(_escape(str(text)).replace("\n", "<br/>"), style)


def data_table(headers: Sequence[str], rows: Sequence[Sequence[object]], col_widths: Sequence[float] | None = None,
               right_align: Sequence[int] = (), total_row: bool = False) -> Table:
    """A table with a coloured header repeated on every page, zebra rows and right-aligned numbers (their
    header too, so a number sits under its own header). With `col_widths`, header words are never split."""
    st = styles()
    right = set(right_align)
    if col_widths is not None:
        col_widths = fit_widths(headers, col_widths)
        body = [[fitted(h, st["cell_head_right" if i in right else "cell_head"], col_widths[i])
                 for i, h in enumerate(headers)]]
        for row in rows:
            body.append([fitted("" if v is None else str(v), st["cell_right"] if i in right else st["cell"],
                                col_widths[i]) for i, v in enumerate(row)])
    else:
        body = [[Paragraph(_escape(h), st["cell_head_right" if i in right else "cell_head"])
                 for i, h in enumerate(headers)]]
        for row in rows:
            body.append([Paragraph(_escape("" if v is None else str(v)),
                                   st["cell_right"] if i in right else st["cell"]) for i, v in enumerate(row)])
    table = Table(body, colWidths=col_widths, repeatRows=1)
    commands = [
        ("BACKGROUND", (0, 0), (-1, 0), BRAND),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, GRID),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    for index in range(1, len(body)):
        if index % 2 == 0:
            commands.append(("BACKGROUND", (0, index), (-1, index), ZEBRA))
    if total_row and len(body) > 1:
        commands += [("LINEABOVE", (0, -1), (-1, -1), 1, BRAND), ("FONTNAME", (0, -1), (-1, -1), FONT_BOLD)]
    table.setStyle(TableStyle(commands))
    return table


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def paragraph(text: str, style: str = "body") -> Paragraph:
    """A paragraph of plain text (escaped; newlines kept)."""
    return Paragraph(_escape(text).replace("\n", "<br/>"), styles()[style])


def _numbered_canvas(header_left: str, header_right: str):  # noqa: ANN202
    class NumberedCanvas(pdf_canvas.Canvas):
        """Draws header and footer after the last page is known, for 'pagina X van Y'."""

        def __init__(self, *args, **kwargs):  # noqa: ANN002, ANN003
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self) -> None:  # noqa: N802
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._decorate(total)
                super().showPage()
            super().save()

        def _decorate(self, total: int) -> None:
            width, height = self._pagesize
            self.saveState()
            self.setFont(FONT, 8)
            self.setFillColor(colors.grey)
            self.drawString(15 * mm, height - 10 * mm, header_left)
            self.drawRightString(width - 15 * mm, height - 10 * mm, header_right)
            self.drawString(15 * mm, 8 * mm, f"Gemaakt met Regisseur {__version__} op {format_date(date.today())}")
            self.drawRightString(width - 15 * mm, 8 * mm, f"Pagina {self._pageNumber} van {total}")
            self.restoreState()

    return NumberedCanvas


def build_pdf(path: Path, story: list[Flowable], title: str, header_left: str = "", header_right: str = "",
              wide: bool = False) -> Path:
    """Write the story to `path` via a temporary file; raise ReportError (Dutch) on failure."""
    register_fonts()
    path = Path(path)
    tmp = path.with_name(f".{path.name}.tmp")
    pagesize = landscape(A4) if wide else A4
    doc = SimpleDocTemplate(str(tmp), pagesize=pagesize, title=title, author="Regisseur",
                            leftMargin=15 * mm, rightMargin=15 * mm, topMargin=16 * mm, bottomMargin=15 * mm)
    try:
        doc.build(story, canvasmaker=_numbered_canvas(header_left, header_right or title))
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ReportError(f"Het PDF-bestand {path} kon niet geschreven worden: {exc.strerror or exc}. "
                          "Is het nog geopend in een ander programma?") from exc
    return path


def content_width(wide: bool = False) -> float:
    width = (landscape(A4) if wide else A4)[0]
    return width - 30 * mm
