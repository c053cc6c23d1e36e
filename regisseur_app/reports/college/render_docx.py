"""The college report as an editable Word file (python-docx), so a municipal secretary can paste it into a
college decision: the same cover, summary, sections, tables (header row repeated over pages, numbers right-
aligned) and comments as the PDF, from the same content; a chart becomes a small table of its values."""

from __future__ import annotations

import io
import math
import os
from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from regisseur_app.formatting import format_date
from regisseur_app.reports.college.assemble import CollegeReport
from regisseur_app.reports.college.cells import cell_text, header_text
from regisseur_app.reports.college.pdf_table import column_widths
from regisseur_app.reports.college.render_pdf import period_words
from regisseur_app.reports.content import BarChart, Column, Table, Text
from regisseur_app.reports.pdf_base import ReportError

BRAND = RGBColor(0x1F, 0x4E, 0x79)
GREY = RGBColor(0x55, 0x55, 0x55)
WHITE = RGBColor(0xFF, 0xFF, 0xFF)
CONTENT_WIDTH_PT = (21.0 - 4.0) / 2.54 * 72  # A4 with 2 cm margins


def _field(run, instruction: str) -> None:  # noqa: ANN001
    """A Word field (PAGE, NUMPAGES) in a run: Word fills in the number."""
    for kind, text in (("begin", None), (None, instruction), ("separate", None), (None, "1"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        elif text == instruction:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = f" {instruction} "
        else:
            element = OxmlElement("w:t")
            element.text = text
        run._r.append(element)


def _repeat_header(row) -> None:  # noqa: ANN001
    properties = row._tr.get_or_add_trPr()
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    properties.append(flag)


def _table(document, block: Table) -> None:  # noqa: ANN001
    if block.title:
        title = document.add_paragraph()
        run = title.add_run(block.title)
        run.bold, run.font.color.rgb = True, BRAND
        title.paragraph_format.keep_with_next = True
    table = document.add_table(rows=1, cols=len(block.columns))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    # the PDF's rule (header words stay whole), with Word's wider cell margins (0,19 cm a side) and some air
    # … and in the font size those widths were worked out for (smaller for a wide table: at 8,5 pt Word
    # would break 'Gemeente' into 'Gemeent-e')
    widths, size = column_widths(block, CONTENT_WIDTH_PT, pad=7.5)
    _repeat_header(table.rows[0])
    for cell, column in zip(table.rows[0].cells, block.columns, strict=True):
        _fill(cell, header_text(column), column, bold=True, colour=WHITE, size=size)
        _shade(cell, "1F4E79")
    last = len(block.rows) - 1
    for r, row in enumerate(block.rows):
        cells = table.add_row().cells
        for i, column in enumerate(block.columns):
            _fill(cells[i], cell_text(row[i] if i < len(row) else None, column), column,
                  bold=block.total_row and r == last, size=size)
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Pt(width)  # the grid (LibreOffice reads this) …
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = Pt(width)  # … and every cell (Word reads this)
    if block.footnote:
        _note(document, block.footnote)
    document.add_paragraph()


def _shade(cell, fill: str) -> None:  # noqa: ANN001
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


def _fill(cell, text: str, column: Column, bold: bool = False, colour: RGBColor | None = None,  # noqa: ANN001
          size: float = 8.5) -> None:
    paragraph = cell.paragraphs[0]
    run = paragraph.add_run(text)
    run.font.size = Pt(math.floor(size * 2) / 2)  # Word keeps half points: never above the size worked out
    run.bold = bold or None
    if colour is not None:
        run.font.color.rgb = colour
    if column.numeric:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def _note(document, text: str) -> None:  # noqa: ANN001
    run = document.add_paragraph().add_run(text)
    run.font.size, run.font.color.rgb = Pt(8), GREY


def _chart(document, chart: BarChart) -> None:  # noqa: ANN001
    values = [v for _n, series in chart.series for v in series if v is not None]
    decimals = 0 if values and (max(values) >= 100 or all(float(v).is_integer() for v in values)) else 1
    columns = [Column(""), *[Column(name, True, decimals) for name, _s in chart.series]]
    rows = [[category, *[series[i] for _n, series in chart.series]] for i, category in enumerate(chart.categories)]
    _table(document, Table(chart.title, columns, rows))


def build_docx(report: CollegeReport) -> Document:
    document = Document()
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = "Calibri", Pt(10.5)
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2)
    section.different_first_page_header_footer = True
    header = section.header.paragraphs[0]
    header.text = f"{report.short_title} – {report.settings.association}"
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    footer.add_run("Pagina ")
    _field(footer.add_run(), "PAGE")
    footer.add_run(" van ")
    _field(footer.add_run(), "NUMPAGES")
    _cover(document, report)
    document.add_heading("Samenvatting", level=1)
    for title, messages in report.summary():
        document.add_heading(title, level=3)
        for message in messages:
            document.add_paragraph(message, style="List Bullet")
    for content in report.sections:
        document.add_page_break()
        document.add_heading(content.title, level=1)
        for block in content.blocks:
            if isinstance(block, Text):
                if block.style == "note":
                    _note(document, block.text)
                else:
                    document.add_paragraph(block.text)
            elif isinstance(block, Table):
                _table(document, block)
            elif isinstance(block, BarChart):
                _chart(document, block)
        comment = report.comments.get(content.key)
        if comment:
            heading = document.add_paragraph()
            run = heading.add_run("Commentaar van de regisseur")
            run.bold = True
            document.add_paragraph(comment)
    return document


def _cover(document, report: CollegeReport) -> None:  # noqa: ANN001
    settings = report.settings
    if settings.has_logo and settings.logo_kind == "png":
        try:
            document.add_picture(io.BytesIO(settings.logo), height=Cm(2.5))
        except Exception:  # noqa: BLE001 - a damaged logo must not stop the report
            pass
    name = document.add_paragraph().add_run(settings.association or "Regisseur lokale sociale economie")
    name.bold, name.font.color.rgb, name.font.size = True, BRAND, Pt(13)
    for _ in range(4):
        document.add_paragraph()
    title = document.add_paragraph().add_run(report.title)
    title.bold, title.font.size, title.font.color.rgb = True, Pt(24), BRAND
    if report.scope.is_region:
        document.add_paragraph(f"Gemeenten: {', '.join(report.places)}")
    document.add_paragraph(f"Periode: {period_words(report)}")
    document.add_paragraph(f"Datum: {format_date(report.made_on)}")
    if settings.sender:
        document.add_paragraph()
        document.add_paragraph(settings.sender)
    document.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)


def write_docx(report: CollegeReport, path: Path) -> Path:
    """Write the .docx via a temporary file; ReportError (Dutch) on failure."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        build_docx(report).save(str(tmp))
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ReportError(f"Het Word-bestand {path} kon niet geschreven worden: {exc.strerror or exc}. "
                          "Is het nog geopend in Word?") from exc
    return path



