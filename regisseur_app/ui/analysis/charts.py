"""Two small charts drawn with QPainter (QtCharts is not part of PySide6-Essentials): bars per
municipality and lines over the years. Labels in Dutch, numbers the nl-BE way."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from regisseur_app.formatting import format_number

PALETTE = ["#1f4e79", "#e07b39", "#4e9a4e", "#a23b72", "#c9a227", "#3c8dbc", "#7f7f7f", "#8c564b"]
AXIS = QColor("#666666")
GRID = QColor("#e3e7ed")


def nice_max(value: float) -> float:
    """A round upper bound for the axis: 1, 2, 2,5 or 5 times a power of ten."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * power:
            return step * power
    return 10 * power


def axis_decimals(top: float) -> int:
    """Decimals that show every quarter of the axis exactly (2,5 and 7,5 for a top of 10)."""
    for decimals in range(4):
        if all(abs(round(top * i / 4, decimals) - top * i / 4) < 1e-9 for i in range(5)):
            return decimals
    return 3


class _Chart(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = ""
        self.decimals = 0
        self.empty_text = "Geen gegevens"
        self.setMinimumSize(320, 220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def _frame(self, painter: QPainter) -> QRectF:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(QColor("#1f4e79"))
        title_height = painter.fontMetrics().height() + 6
        painter.drawText(QRectF(8, 4, self.width() - 16, title_height), Qt.AlignmentFlag.AlignLeft, self.title)
        painter.setFont(self.font())
        return QRectF(0, title_height + 4, self.width(), self.height() - title_height - 4)

    def _value_axis(self, painter: QPainter, plot: QRectF, top: float) -> None:
        metrics = painter.fontMetrics()
        decimals = axis_decimals(top)
        for i in range(5):
            value = top * i / 4
            y = plot.bottom() - plot.height() * i / 4
            painter.setPen(QPen(GRID, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(AXIS)
            text = format_number(value, decimals)
            painter.drawText(QRectF(0, y - metrics.height() / 2, plot.left() - 6, metrics.height()),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, text)
        painter.setPen(QPen(AXIS, 1))
        painter.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()))

    def _empty(self, painter: QPainter, area: QRectF) -> None:
        painter.setPen(AXIS)
        painter.drawText(area, Qt.AlignmentFlag.AlignCenter, self.empty_text)


class BarChart(_Chart):
    """One bar per municipality, the value above it; an optional dashed line for the average."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.labels: list[str] = []
        self.values: list[float | None] = []
        self.reference: tuple[str, float] | None = None

    def set_data(self, title: str, labels: list[str], values: list[float | None], decimals: int = 0,
                 reference: tuple[str, float] | None = None) -> None:
        self.title, self.labels, self.values, self.decimals, self.reference = title, labels, values, decimals, reference
        self.update()

    def paintEvent(self, _event) -> None:  # noqa: N802, ANN001
        painter = QPainter(self)
        area = self._frame(painter)
        known = [v for v in self.values if v is not None]
        if not known:
            self._empty(painter, area)
            return
        metrics = painter.fontMetrics()
        top = nice_max(max(known + ([self.reference[1]] if self.reference else [])))
        left = metrics.horizontalAdvance(format_number(top, axis_decimals(top))) + 14
        plot = QRectF(area.left() + left, area.top() + metrics.height() + 6, area.width() - left - 12,
                      area.height() - 2 * metrics.height() - 18)
        self._value_axis(painter, plot, top)
        slot = plot.width() / max(len(self.values), 1)
        for i, (label, value) in enumerate(zip(self.labels, self.values, strict=True)):
            x = plot.left() + i * slot
            if value is not None:
                height = plot.height() * value / top
                bar = QRectF(x + slot * 0.18, plot.bottom() - height, slot * 0.64, height)
                painter.fillRect(bar, QColor(PALETTE[0]))
                painter.setPen(QColor("#222222"))
                painter.drawText(QRectF(x, bar.top() - metrics.height() - 2, slot, metrics.height()),
                                 Qt.AlignmentFlag.AlignCenter, format_number(value, self.decimals))
            else:
                painter.setPen(AXIS)
                painter.drawText(QRectF(x, plot.bottom() - metrics.height() - 4, slot, metrics.height()),
                                 Qt.AlignmentFlag.AlignCenter, "geen waarde")
            painter.setPen(QColor("#222222"))
            shown = metrics.elidedText(label, Qt.TextElideMode.ElideRight, int(slot) - 4)
            painter.drawText(QRectF(x, plot.bottom() + 4, slot, metrics.height()), Qt.AlignmentFlag.AlignCenter, shown)
        if self.reference:
            name, value = self.reference
            y = plot.bottom() - plot.height() * value / top
            painter.setPen(QPen(QColor(PALETTE[1]), 1.5, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            text = f"– – {name}: {format_number(value, self.decimals)}"
            painter.setPen(QColor(PALETTE[1]))
            painter.drawText(QRectF(area.left(), area.top() - metrics.height() - 8, area.width() - 8,
                                    metrics.height() + 4), Qt.AlignmentFlag.AlignRight, text)


class LineChart(_Chart):
    """One line per municipality over the years, with a legend."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.years: list[int] = []
        self.lines: list[tuple[str, list[float | None]]] = []

    def set_data(self, title: str, years: list[int], lines: list[tuple[str, list[float | None]]],
                 decimals: int = 0) -> None:
        self.title, self.years, self.lines, self.decimals = title, years, lines, decimals
        self.update()

    def paintEvent(self, _event) -> None:  # noqa: N802, ANN001
        painter = QPainter(self)
        area = self._frame(painter)
        known = [v for _n, values in self.lines for v in values if v is not None]
        if not known or not self.years:
            self._empty(painter, area)
            return
        metrics = painter.fontMetrics()
        top = nice_max(max(known))
        left = metrics.horizontalAdvance(format_number(top, axis_decimals(top))) + 14
        legend_width = max(metrics.horizontalAdvance(name) for name, _v in self.lines) + 30
        plot = QRectF(area.left() + left, area.top() + 8, area.width() - left - legend_width - 16,
                      area.height() - metrics.height() - 22)
        self._value_axis(painter, plot, top)
        count = len(self.years)

        def x_of(i: int) -> float:
            return plot.left() + (plot.width() * (i + 0.5) / count)

        painter.setPen(AXIS)
        for i, year in enumerate(self.years):
            painter.drawText(QRectF(x_of(i) - 30, plot.bottom() + 4, 60, metrics.height()),
                             Qt.AlignmentFlag.AlignCenter, str(year))
        for n, (name, values) in enumerate(self.lines):
            colour = QColor(PALETTE[n % len(PALETTE)])
            painter.setPen(QPen(colour, 2))
            previous = None
            for i, value in enumerate(values):
                if value is None:
                    previous = None
                    continue
                point = QPointF(x_of(i), plot.bottom() - plot.height() * value / top)
                if previous is not None:
                    painter.drawLine(previous, point)
                painter.setBrush(colour)
                painter.drawEllipse(point, 3, 3)
                previous = point
            y = area.top() + 10 + n * (metrics.height() + 4)
            legend_x = plot.right() + 16
            painter.fillRect(QRectF(legend_x, y + metrics.height() / 2 - 2, 14, 4), colour)
            painter.setPen(QColor("#222222"))
            painter.drawText(QRectF(legend_x + 18, y, legend_width, metrics.height()), Qt.AlignmentFlag.AlignLeft,
                             name)
