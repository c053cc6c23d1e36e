"""A `content.BarChart` as a vector drawing (reportlab.graphics): horizontal bars, one colour per series with
a legend on its own row(s) under the title, category names left of the bars (shortened with '…' only when
they would take half the width), values at the end of each bar in nl-BE notation (whole numbers for counts)."""

from __future__ import annotations

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from regisseur_app.formatting import format_number
from regisseur_app.reports.college.chart_canvas import CanvasChart
from regisseur_app.reports.content import BarChart
from regisseur_app.reports.pdf_base import BRAND, FONT, FONT_BOLD, register_fonts

SERIES_COLOURS = [BRAND, colors.HexColor("#9dbbd8"), colors.HexColor("#e09f3e"), colors.HexColor("#6a994e"),
                  colors.HexColor("#9e2a2b"), colors.HexColor("#7f7f7f")]
LABEL_SIZE = 7.5


def _shorten(text: str, room: float) -> str:
    if stringWidth(text, FONT, LABEL_SIZE) <= room:
        return text
    while text and stringWidth(text + "…", FONT, LABEL_SIZE) > room:
        text = text[:-1]
    return text.rstrip() + "…"


LEGEND_SIZE = 7.5
LEGEND_ROW = 12  # points per legend row
TITLE_ROOM = 16  # the title's line above the legend


def _decimals(values: list[float]) -> int:
    biggest = max((abs(v) for v in values), default=0)
    return 0 if biggest >= 100 or all(float(v).is_integer() for v in values) else 1


def _legend_rows(names: list[str], width: float) -> tuple[int, float]:
    """The fewest rows in which the legend fits the width, and the width of one entry (swatch, gap, text)."""
    entry = max(stringWidth(name, FONT, LEGEND_SIZE) for name in names) + 30
    for rows in range(1, len(names) + 1):
        if -(-len(names) // rows) * entry <= width:
            return rows, entry
    return len(names), entry


def pdf_chart(chart: BarChart, width: float) -> CanvasChart:
    register_fonts()
    n_series = max(len(chart.series), 1)
    bar = 7 if n_series > 1 else 9
    group = bar * n_series + 6
    names = [name for name, _series in chart.series]
    legend_rows, legend_entry = _legend_rows(names, width) if n_series > 1 else (0, 0.0)
    legend_height = legend_rows * LEGEND_ROW + (4 if legend_rows else 0)
    plot_height = max(group * len(chart.categories), 30)
    height = plot_height + 34 + legend_height
    drawing = CanvasChart(width, height)  # painted straight onto the canvas (chart_canvas)
    drawing.add(String(0, height - 10, chart.title + (f" ({chart.unit})" if chart.unit else ""),
                       fontName=FONT_BOLD, fontSize=9, fillColor=BRAND))
    values = [v for _name, series in chart.series for v in series if v is not None]
    if not values or not chart.categories:
        drawing.add(String(width / 2, height / 2, "Geen gegevens", fontName=FONT, fontSize=9, textAnchor="middle"))
        return drawing
    room = width * 0.45
    labels = [_shorten(c, room) for c in chart.categories]
    label_width = max(stringWidth(label, FONT, LABEL_SIZE) for label in labels) + 8
    decimals = _decimals(values)
    plot = HorizontalBarChart()
    plot.x, plot.y = label_width, 14
    plot.width = width - label_width - 34
    plot.height = plot_height
    # reportlab draws the first category at the bottom: reverse so the list reads top-down
    # and the series within a group: the first series (the municipality) on top
    order = list(reversed(range(len(chart.series))))
    plot.data = [[(v if v is not None else 0) for v in reversed(chart.series[i][1])] for i in order]
    plot.categoryAxis.categoryNames = list(reversed(labels))
    plot.categoryAxis.labels.fontName = FONT
    plot.categoryAxis.labels.fontSize = LABEL_SIZE
    plot.categoryAxis.labels.boxAnchor = "e"
    plot.categoryAxis.labels.dx = -4
    plot.categoryAxis.strokeColor = colors.grey
    plot.valueAxis.valueMin = 0
    plot.valueAxis.valueMax = max(values) * 1.12 if max(values) > 0 else 1
    plot.valueAxis.labels.fontName = FONT
    plot.valueAxis.labels.fontSize = 7
    whole = all(float(v).is_integer() for v in values)
    plot.valueAxis.labelTextFormat = lambda v: format_number(v, 0 if max(values) >= 10 or whole else 1)
    if whole and max(values) <= 10:
        plot.valueAxis.valueStep = 1  # counts: no ticks at 0,5
    plot.valueAxis.strokeColor = colors.grey
    plot.valueAxis.visibleGrid = True
    plot.valueAxis.gridStrokeColor = colors.HexColor("#e3e8ee")
    plot.barWidth = bar
    plot.groupSpacing = 6
    plot.barSpacing = 0.5
    # with several series a zero bar gets no label: the table next to the chart has the numbers
    plot.barLabelFormat = (lambda v: "" if v == 0 else format_number(v, decimals)) if n_series > 1 else \
        (lambda v: format_number(v, decimals))
    plot.barLabels.fontName = FONT
    plot.barLabels.fontSize = 6.5
    plot.barLabels.boxAnchor = "w"
    plot.barLabels.dx = 2
    for position, index in enumerate(order):
        plot.bars[position].fillColor = SERIES_COLOURS[index % len(SERIES_COLOURS)]
        plot.bars[position].strokeColor = None
    drawing.add(plot)
    if n_series > 1:
        # under the title, left-aligned, as many entries per row as fit: never over the title or the bars
        legend = Legend()
        legend.x, legend.y = 0, height - TITLE_ROOM
        legend.alignment = "right"  # the swatch left of its text
        legend.columnMaximum = legend_rows
        legend.deltax = legend_entry
        legend.deltay = LEGEND_ROW
        legend.dy = legend.dx = 7
        legend.fontName = FONT
        legend.fontSize = LEGEND_SIZE
        legend.boxAnchor = "nw"
        legend.dxTextSpace = 4
        legend.colorNamePairs = [(SERIES_COLOURS[i % len(SERIES_COLOURS)], name)
                                 for i, (name, _s) in enumerate(chart.series)]
        drawing.add(legend)
    return drawing
