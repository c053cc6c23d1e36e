"""Stacked bars (one bar per group, the share of each scale point stacked to 100 %), painted like the
analysis charts (QtCharts is not in PySide6-Essentials): reuses their frame, axis and palette."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QWidget

from regisseur_app.formatting import format_number
from regisseur_app.ui.analysis.charts import _Chart

SCALE_COLOURS = ["#c0392b", "#e67e22", "#bdc3c7", "#7fb77e", "#2e7d32"]


class StackedBarChart(_Chart):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.groups: list[str] = []
        self.series: list[tuple[str, list[float]]] = []  # (scale point label, % per group)
        self.small: list[bool] = []

    def set_data(self, title: str, groups: list[str], series: list[tuple[str, list[float]]],
                 small: list[bool] | None = None) -> None:
        self.title, self.groups, self.series = title, groups, series
        self.small = small or [False] * len(groups)
        self.update()

    def paintEvent(self, _event) -> None:  # noqa: N802, ANN001
        painter = QPainter(self)
        area = self._frame(painter)
        if not self.groups or not any(v for _l, values in self.series for v in values):
            self._empty(painter, area)
            return
        metrics = painter.fontMetrics()
        legend_height = metrics.height() + 8
        left = metrics.horizontalAdvance("100") + 14
        plot = QRectF(area.left() + left, area.top() + 6, area.width() - left - 12,
                      area.height() - 2 * metrics.height() - legend_height - 16)
        self._value_axis(painter, plot, 100.0)
        slot = plot.width() / len(self.groups)
        for i, group in enumerate(self.groups):
            x = plot.left() + i * slot + slot * 0.18
            bottom = plot.bottom()
            for n, (_label, values) in enumerate(self.series):
                height = plot.height() * (values[i] or 0) / 100
                colour = QColor(SCALE_COLOURS[n % len(SCALE_COLOURS)])
                if self.small[i]:
                    colour.setAlpha(90)
                painter.fillRect(QRectF(x, bottom - height, slot * 0.64, height), colour)
                if height > metrics.height():
                    painter.setPen(QColor("#222222"))
                    painter.drawText(QRectF(x, bottom - height, slot * 0.64, height), Qt.AlignmentFlag.AlignCenter,
                                     format_number(values[i], 0))
                bottom -= height
            painter.setPen(QColor("#222222"))
            text = group + (" (te klein)" if self.small[i] else "")
            shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(slot) - 4)
            painter.drawText(QRectF(plot.left() + i * slot, plot.bottom() + 4, slot, metrics.height()),
                             Qt.AlignmentFlag.AlignCenter, shown)
        x = plot.left()
        y = area.bottom() - legend_height
        for n, (label, _values) in enumerate(self.series):
            painter.fillRect(QRectF(x, y + 3, 12, 12), QColor(SCALE_COLOURS[n % len(SCALE_COLOURS)]))
            painter.setPen(QColor("#222222"))
            width = metrics.horizontalAdvance(label) + 10
            painter.drawText(QRectF(x + 16, y, width, metrics.height() + 4), Qt.AlignmentFlag.AlignLeft, label)
            x += width + 24
