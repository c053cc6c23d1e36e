"""The college chart (pdf_chart's drawing) painted straight onto the page's canvas.

reportlab draws a chart by turning every widget (the bar chart, its two axes, a label per bar and per axis
tick, the legend) into a tree of shapes and walking that tree: about 16 ms for the three charts of a report,
half of it for the labels. `CanvasChart.draw` paints the same lines, rectangles and strings in the same order
from the configured `HorizontalBarChart` (reportlab's own value axis still chooses the ticks), so the page
looks the same; only the legend, a handful of shapes, goes through reportlab's renderer. A chart this code
does not know (negative values, another plot) is drawn by reportlab as before."""

from __future__ import annotations

from reportlab.graphics import renderPDF
from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.pdfbase.pdfmetrics import stringWidth

BASELINE = 0.4  # a one-line label centred on y has its baseline 0,4 font size lower (reportlab's Label)


class CanvasChart(Drawing):
    """A Drawing holding a title String (or a 'Geen gegevens' String), optionally a HorizontalBarChart and a
    Legend, as pdf_chart builds it; painted without the shape tree."""

    def draw(self, showBoundary=None) -> None:  # noqa: ANN001, ARG002 - Drawing's signature
        plots = [c for c in self.contents if isinstance(c, HorizontalBarChart)]
        known = all(isinstance(c, String | HorizontalBarChart | Legend) for c in self.contents) \
            and tuple(self.transform) == (1, 0, 0, 1, 0, 0)  # not scaled or moved by a caller
        if not known or len(plots) > 1 or any(v is not None and v < 0 for p in plots for row in p.data for v in row):
            renderPDF.draw(self, self.canv, 0, 0)
            return
        canv = self.canv
        canv.saveState()
        for item in self.contents:
            if isinstance(item, String):
                _string(canv, item.x, item.y, item.text, item.fontName, item.fontSize, item.fillColor, item.textAnchor)
            elif isinstance(item, HorizontalBarChart):
                _plot(canv, item)
            else:
                renderPDF.draw(Drawing(self.width, self.height, item), canv, 0, 0)
        canv.restoreState()


def _string(canv, x, y, text, font, size, colour, anchor="start") -> None:  # noqa: ANN001
    canv.setFont(font, size)
    canv.setFillColor(colour)
    if anchor == "middle":
        canv.drawCentredString(x, y, text)
    elif anchor == "end":
        canv.drawRightString(x, y, text)
    else:
        canv.drawString(x, y, text)


def _line(canv, x1, y1, x2, y2, colour, width) -> None:  # noqa: ANN001
    canv.setStrokeColor(colour)
    canv.setLineWidth(width)
    canv.line(x1, y1, x2, y2)


def _plot(canv, plot: HorizontalBarChart) -> None:  # noqa: ANN001
    """Grid, bars, bar labels, category axis, value axis: reportlab's order (BarChart._drawFinish)."""
    value_axis, category_axis = plot.valueAxis, plot.categoryAxis
    value_axis.setPosition(plot.x, plot.y, plot.width)
    value_axis.configure(plot.data)  # 'parallel' bars: the data as they are
    ticks = list(value_axis._tickValues)  # noqa: SLF001 - the ticks reportlab chose
    top = plot.y + plot.height
    if value_axis.visibleGrid:
        for tick in ticks:
            x = value_axis.scale(tick)
            _line(canv, x, plot.y, x, top, value_axis.gridStrokeColor, value_axis.gridStrokeWidth)
    data = [[v or 0 for v in row] for row in plot.data]
    n_series, n_categories = len(data), max(len(row) for row in data)
    band = plot.height / n_categories
    scale = band / (plot.groupSpacing + n_series * plot.barWidth + (n_series - 1) * plot.barSpacing)
    thickness = plot.barWidth * scale
    origin = value_axis.scale(0)
    boxes = []
    for row_index, row in enumerate(data):
        offset = scale * (plot.groupSpacing / 2 + row_index * (plot.barWidth + plot.barSpacing))
        style = plot.bars[row_index]
        canv.setFillColor(style.fillColor)
        for category, value in enumerate(row):
            y = plot.y + category * band + offset
            length = value_axis.scale(value) - origin
            canv.rect(origin, y, length, thickness, stroke=0, fill=1)
            boxes.append((value, origin + length, y + thickness / 2))
    labels = plot.barLabels
    for value, end, middle in boxes:
        text = plot.barLabelFormat(value)
        if text:
            _string(canv, end + labels.dx, middle + labels.dy - BASELINE * labels.fontSize, text, labels.fontName,
                    labels.fontSize, labels.fillColor)
    # the category axis: its line, a tick at every band's edge, the names right-aligned left of the axis
    x, colour, width = plot.x, category_axis.strokeColor, category_axis.strokeWidth
    _line(canv, x, plot.y, x, top, colour, width)
    for edge in range(n_categories + 1):
        y = plot.y + edge * band
        _line(canv, x, y, x - category_axis.tickLeft, y, colour, width)
    names = category_axis.labels
    for category, name in enumerate(category_axis.categoryNames):
        y = plot.y + (category + 0.5) * band + names.dy - BASELINE * names.fontSize
        right = x + names.dx
        _string(canv, right - stringWidth(name, names.fontName, names.fontSize), y, name, names.fontName,
                names.fontSize, names.fillColor)
    # the value axis: its line, a tick down at every value, the value centred under its tick
    colour, width = value_axis.strokeColor, value_axis.strokeWidth
    _line(canv, plot.x, plot.y, plot.x + plot.width, plot.y, colour, width)
    for tick in ticks:
        x = value_axis.scale(tick)
        _line(canv, x, plot.y, x, plot.y - value_axis.tickDown, colour, width)
    numbers = value_axis.labels
    for tick in ticks:
        text = value_axis.labelTextFormat(tick)
        x = value_axis.scale(tick) - stringWidth(text, numbers.fontName, numbers.fontSize) / 2
        _string(canv, x, plot.y + numbers.dy - numbers.fontSize, text, numbers.fontName, numbers.fontSize,
                numbers.fillColor)
