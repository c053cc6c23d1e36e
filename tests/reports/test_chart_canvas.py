"""The college chart painted straight onto the canvas (reports/college/chart_canvas.py) looks exactly like
reportlab's own rendering of the same drawing: both are rasterised (pypdfium2) and compared pixel by pixel."""

from __future__ import annotations

import io

import pypdfium2
import pytest
from reportlab.graphics.shapes import Drawing
from reportlab.pdfgen.canvas import Canvas

from regisseur_app.reports.college.chart_canvas import CanvasChart
from regisseur_app.reports.college.pdf_chart import pdf_chart
from regisseur_app.reports.content import BarChart

CHARTS = [
    BarChart("Per 1.000 inwoners, 2025", ["Niet-werkende werkzoekenden", "Leefloongerechtigden", "Art. 60§7"],
             [("Bekkevoort", [29.72, 5.28, 0.45]), ("Regio", [27.6, 5.06, 0.64])], ""),
    BarChart("Acties per doelstelling (2025)", ["1", "2", "3", "4"],
             [("Niet gestart", [1.0, 0.0, 0.0, 1.0]), ("Lopend", [1.0, 2.0, 1.0, 0.0]),
              ("Gerealiseerd", [1.0, 1.0, 1.0, 0.0]), ("Uitgesteld", [0.0, 0.0, 0.0, 0.0])], "acties"),
    BarChart("Eén reeks met een erg lange categorie", ["a", "b" * 120, "c"], [("X", [3.0, 0.0, 7.0])], "stuks"),
    BarChart("Kommagetallen en een legende op meer rijen", ["a", "b"],
             [("X", [0.35, 1.27]), ("Een erg lange reeksnaam voor de legende", [None, 2.5]),
              ("Nog een lange reeksnaam hier", [1.0, 1.0]), ("Derde lange reeksnaam van de grafiek", [2.0, 0.1]),
              ("Vierde", [1, 1]), ("Vijfde reeks", [0.5, 0.5]), ("Zesde", [3, 3])], ""),
    BarChart("Grote getallen", ["a", "b", "c", "d"], [("X", [12345.0, 678.0, 0.0, 99999.0])], "€"),
    BarChart("Geen gegevens", [], [("X", [])], ""),
    BarChart("Negatief (reportlab tekent)", ["a", "b"], [("X", [-3.0, 5.0])], ""),
]


def _rendered(drawing: Drawing) -> tuple[bytes, list[tuple[str, tuple[float, ...]]]]:
    """The page's pixels and every character with its box (in points: finer than the pixels)."""
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(drawing.width + 20, drawing.height + 20))
    drawing.drawOn(canvas, 10, 10)
    canvas.save()
    page = pypdfium2.PdfDocument(out.getvalue())[0]
    text = page.get_textpage()
    chars = sorted((text.get_text_range(i, 1), tuple(round(v, 2) for v in text.get_charbox(i)))
                   for i in range(text.count_chars()))
    return page.render(scale=2).to_pil().convert("RGB").tobytes(), chars


@pytest.mark.parametrize("chart", CHARTS, ids=[c.title for c in CHARTS])
def test_the_chart_on_the_canvas_looks_like_reportlabs_rendering(chart: BarChart):
    drawing = pdf_chart(chart, 450)
    assert isinstance(drawing, CanvasChart)
    pixels, chars = _rendered(drawing)
    object.__setattr__(drawing, "__class__", Drawing)  # the same shapes, drawn by reportlab's renderer
    reportlab_pixels, reportlab_chars = _rendered(drawing)
    assert [c for c, _box in chars] == [c for c, _box in reportlab_chars]
    # a string centred by hand or by reportlab may land a rounding error (< 0,02 pt) apart
    assert all(abs(a - b) <= 0.02 for (_c, box), (_d, other) in zip(chars, reportlab_chars, strict=True)
               for a, b in zip(box, other, strict=True))
    assert pixels == reportlab_pixels
    assert len(set(pixels)) > 1 and chars  # something was drawn


def test_a_scaled_chart_is_left_to_reportlab():
    drawing = pdf_chart(CHARTS[0], 450)
    drawing.scale(0.5, 0.5)
    pixels, chars = _rendered(drawing)
    object.__setattr__(drawing, "__class__", Drawing)
    assert (pixels, chars) == _rendered(drawing)
