"""College tables write their cells as one text object (reports/college/table_canvas.py) and look exactly like
reportlab's Table drawing the same cells: both are rasterised (pypdfium2) and compared pixel by pixel and
character box by character box, also for the parts of a table split over pages."""

from __future__ import annotations

import io

import pypdfium2
from reportlab.platypus import Paragraph
from reportlab.platypus import Table as RLTable

from regisseur_app.reports.college.pdf_table import pdf_table
from regisseur_app.reports.college.table_canvas import CanvasTable
from regisseur_app.reports.content import Column, Table
from regisseur_app.reports.pdf_base import styles

TABLE = Table("Doorverwijzingen", [Column("Gemeente"), Column("Toelichting"), Column("Aantal", True),
                                   Column("Bedrag", True, 2, "€"), Column("Aandeel in de regio", True, 1, "%")],
              [[f"Gemeente {i}", "een uitleg die te lang is voor haar kolom en dus over meer regels loopt " * (i % 3),
                i * 7, i * 1234.5, None if i == 3 else i / 3] for i in range(30)] + [["Totaal", "", 3045, 9.5, 100.0]],
              total_row=True)


def _rendered(tables: list[RLTable], width: float) -> tuple[list[bytes], list[tuple[str, tuple[float, ...]]]]:
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(width + 20, 900))
    for table in tables:
        _w, height = table.wrapOn(canvas, width, 880)
        table.drawOn(canvas, 10, 890 - height)
        canvas.showPage()
    canvas.save()
    pixels, chars = [], []
    for page in pypdfium2.PdfDocument(out.getvalue()):
        text = page.get_textpage()
        chars += sorted((text.get_text_range(i, 1), tuple(round(v, 2) for v in text.get_charbox(i)))
                        for i in range(text.count_chars()))
        pixels.append(page.render(scale=2).to_pil().convert("RGB").tobytes())
    return pixels, chars


def _as_reportlab(table: RLTable) -> RLTable:
    table.__class__ = RLTable
    return table


def test_the_table_written_as_one_text_object_looks_like_reportlabs():
    width = 480
    table = pdf_table(TABLE, width)
    assert isinstance(table, CanvasTable)
    parts = table.split(width, 500)  # the first rows, then the rest under the repeated header
    assert len(parts) == 2 and all(isinstance(p, CanvasTable) for p in parts)
    pixels, chars = _rendered(parts, width)
    reportlab_pixels, reportlab_chars = _rendered([_as_reportlab(p) for p in pdf_table(TABLE, width).split(width, 500)],
                                                  width)
    assert [c for c, _box in chars] == [c for c, _box in reportlab_chars]
    assert any(c == "€" for c, _box in chars)
    assert all(abs(a - b) <= 0.02 for (_c, box), (_d, other) in zip(chars, reportlab_chars, strict=True)
               for a, b in zip(box, other, strict=True))
    assert pixels == reportlab_pixels


def test_a_cell_that_is_not_plain_text_is_left_to_reportlab():
    body = styles()["body"]
    table = CanvasTable([["tekst", Paragraph("<b>vet</b> en gewoon", body)], ["rechts", "x"]],
                        colWidths=[100, 200], style=[("ALIGN", (0, 1), (0, 1), "CENTRE")])
    pixels, chars = _rendered([table], 300)
    reference = _as_reportlab(CanvasTable([["tekst", Paragraph("<b>vet</b> en gewoon", body)], ["rechts", "x"]],
                                          colWidths=[100, 200], style=[("ALIGN", (0, 1), (0, 1), "CENTRE")]))
    assert (pixels, chars) == _rendered([reference], 300)
    assert {"v", "g", "x"} <= {c for c, _box in chars}  # the paragraph and the centred cell were drawn
