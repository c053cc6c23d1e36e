"""Vector charts for the MVO report (reportlab.graphics): grouped vertical bars per year, nl-BE labels."""

from __future__ import annotations

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from regisseur_app.formatting import format_number
from regisseur_app.reports.pdf_base import BRAND, FONT, FONT_BOLD, register_fonts

COLOURS = [BRAND, colors.HexColor("#9dbbd8"), colors.HexColor("#e09f3e"), colors.HexColor("#6a994e"),
           colors.HexColor("#9e2a2b"), colors.HexColor("#7f7f7f")]


def bar_chart(title: str, categories: list[str], series: list[tuple[str, list[float | None]]], width: float,
              height: float = 150, unit: str = "", decimals: int | None = None) -> Drawing:
    """Bars per category (e.g. per year), one colour per series with a legend; values above the bars."""
    register_fonts()
    drawing = Drawing(width, height)
    drawing.add(String(0, height - 10, title + (f" ({unit})" if unit else ""), fontName=FONT_BOLD, fontSize=9,
                       fillColor=BRAND))
    values = [v for _n, data in series for v in data if v is not None]
    if not values or not categories:
        drawing.add(String(width / 2, height / 2, "Geen gegevens", fontName=FONT, fontSize=9, textAnchor="middle"))
        return drawing
    top = max(values)
    if decimals is None:
        decimals = 0 if top >= 100 else 1
    plot = VerticalBarChart()
    legend_room = 16 if len(series) > 1 else 0
    plot.x, plot.y = 40, 18 + legend_room
    plot.width = width - 50
    plot.height = height - 44 - legend_room
    plot.data = [[v if v is not None else 0 for v in data] for _n, data in series]
    plot.categoryAxis.categoryNames = categories
    plot.categoryAxis.labels.fontName = FONT
    plot.categoryAxis.labels.fontSize = 7.5
    plot.valueAxis.valueMin = 0
    plot.valueAxis.valueMax = top * 1.15 if top > 0 else 1
    plot.valueAxis.labels.fontName = FONT
    plot.valueAxis.labels.fontSize = 7
    plot.valueAxis.labelTextFormat = lambda v: format_number(v, 0 if top >= 10 else 1)
    plot.valueAxis.visibleGrid = True
    plot.valueAxis.gridStrokeColor = colors.HexColor("#e3e8ee")
    plot.barLabelFormat = lambda v: format_number(v, decimals)
    plot.barLabels.fontName = FONT
    plot.barLabels.fontSize = 6.5
    plot.barLabels.dy = 3
    plot.barLabels.boxAnchor = "s"
    plot.groupSpacing = 8
    for index in range(len(series)):
        plot.bars[index].fillColor = COLOURS[index % len(COLOURS)]
        plot.bars[index].strokeColor = None
    drawing.add(plot)
    if len(series) > 1:
        legend = Legend()
        legend.x, legend.y = 40, 8
        legend.fontName = FONT
        legend.fontSize = 7.5
        legend.columnMaximum = 1
        legend.alignment = "right"
        legend.deltax = max(stringWidth(name, FONT, 7.5) for name, _d in series) + 24
        legend.dxTextSpace = 4
        legend.colorNamePairs = [(COLOURS[i % len(COLOURS)], name) for i, (name, _d) in enumerate(series)]
        drawing.add(legend)
    return drawing
