"""The page machinery of the college report: a cover page without header, then pages with a running header
(report and period left, association right) and the footer 'Pagina X van Y'; the page numbers of the table
of contents (pdf_contents) and PDF bookmarks for every section heading; an atomic write (a failed report
leaves no half file). One layout pass: everything that needs the page count or a heading's page is drawn
when the canvas is saved."""

from __future__ import annotations

import os
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas as pdf_canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, NextPageTemplate, PageTemplate, Paragraph

from regisseur_app.formatting import format_date
from regisseur_app.reports.college.pdf_contents import number_form, page_numbers
from regisseur_app.reports.pdf_base import BRAND, FONT, GRID, ReportError, register_fonts

MARGIN = 18 * mm
HEADING_STYLE = "college_h1"


def _numbered_canvas(header_left: str, header_right: str, footer_left: str):  # noqa: ANN202
    class NumberedCanvas(pdf_canvas.Canvas):
        """Keeps every page until the end, then draws header and footer knowing the page count."""

        def __init__(self, *args, **kwargs):  # noqa: ANN002, ANN003
            super().__init__(*args, **kwargs)
            self._saved: list[dict] = []

        def showPage(self) -> None:  # noqa: N802
            self._saved.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._saved)
            numbers = page_numbers(self.__dict__.get("toc_entries", []), self.__dict__.get("toc_headings", []))
            bookmarks = self.__dict__.get("late_bookmarks", [])
            for state in self._saved:
                self.__dict__.update(state)
                if self._pageNumber > 1:
                    self._decorate(total)
                for page, key in bookmarks:
                    if page == self._pageNumber:
                        self.bookmarkPage(key)
                super().showPage()
            for index, number in enumerate(numbers):
                self.beginForm(number_form(index), -40, -4, 2, 14)
                self.setFont(FONT, 10)
                self.drawRightString(0, 0, "" if number is None else str(number))
                self.endForm()
            super().save()

        def _decorate(self, total: int) -> None:
            width, height = self._pagesize
            self.saveState()
            self.setStrokeColor(GRID)
            self.setLineWidth(0.5)
            self.line(MARGIN, height - 12 * mm, width - MARGIN, height - 12 * mm)
            self.setFont(FONT, 7.5)
            self.setFillColor(colors.HexColor("#555555"))
            self.drawString(MARGIN, height - 10.5 * mm, header_left)
            self.drawRightString(width - MARGIN, height - 10.5 * mm, header_right)
            self.drawString(MARGIN, 9 * mm, footer_left)
            self.setFillColor(BRAND)
            self.drawRightString(width - MARGIN, 9 * mm, f"Pagina {self._pageNumber} van {total}")
            self.restoreState()

    return NumberedCanvas


class CollegeDocTemplate(BaseDocTemplate):
    """Two page templates ('cover', 'page'); headings of style HEADING_STYLE feed the TOC and the bookmarks."""

    def __init__(self, filename: str, **kwargs):  # noqa: ANN003
        super().__init__(filename, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=18 * mm,
                         bottomMargin=17 * mm, **kwargs)
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="body")
        self.addPageTemplates([PageTemplate("cover", [frame]), PageTemplate("page", [frame])])
        self._heading_count = 0

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802
        if isinstance(flowable, Paragraph) and flowable.style.name == HEADING_STYLE:
            text = flowable.getPlainText()
            key = f"section-{self._heading_count}"
            self._heading_count += 1
            # the bookmark is set when the page is really written (NumberedCanvas.save): set now, every
            # bookmark would point at page 1, because no page has reached the PDF yet
            self.canv.__dict__.setdefault("late_bookmarks", []).append((self.page, key))
            self.canv.addOutlineEntry(text, key, level=0)
            self.canv.__dict__.setdefault("toc_headings", []).append((text, self.page))

    def handle_documentBegin(self) -> None:  # noqa: N802
        self._heading_count = 0
        super().handle_documentBegin()


def build_document(path: Path, story: list[Flowable], title: str, header_left: str, header_right: str,
                   author: str) -> Path:
    """Write the story (cover first) to `path` via a temporary file; ReportError (Dutch) on failure."""
    from datetime import date

    register_fonts()
    path = Path(path)
    tmp = path.with_name(f".{path.name}.tmp")
    doc = CollegeDocTemplate(str(tmp), title=title, author=author or "Regisseur", subject=header_left,
                             creator="Regisseur")
    canvasmaker = _numbered_canvas(header_left, header_right, f"Opgemaakt op {format_date(date.today())}")
    try:
        doc.build([NextPageTemplate("page"), *story], canvasmaker=canvasmaker)
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ReportError(f"Het PDF-bestand {path} kon niet geschreven worden: {exc.strerror or exc}. "
                          "Is het nog geopend in een ander programma?") from exc
    return path
