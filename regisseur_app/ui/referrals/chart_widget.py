"""Charts drawn with QPainter (QtCharts is not part of PySide6-Essentials): the funnel from referral
to doorstroom, and the lead times (median and 75th percentile) per municipality."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

from regisseur_app.formatting import format_number

FUNNEL_COLOURS = ("#1f4e79", "#2e75b6", "#2e7d32", "#00897b", "#f9a825")
MEDIAN_COLOUR, P75_COLOUR = QColor("#2e75b6"), QColor("#9dc3e6")


class FunnelChart(QWidget):
    """Horizontal bars, one per stage, with the count and the share of the first stage."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = ""
        self.stages: list[tuple[str, int]] = []
        self.setMinimumHeight(200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_data(self, title: str, stages: list[tuple[str, int]]) -> None:
        self.title, self.stages = title, list(stages)
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(420, 220)

    def paintEvent(self, _event) -> None:  # noqa: ANN001, N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(QColor("#1f4e79"))
        painter.drawText(QRectF(8, 4, self.width() - 16, 20), Qt.AlignmentFlag.AlignLeft, self.title)
        painter.setFont(self.font())
        if not self.stages:
            painter.end()
            return
        top, label_width = 30, 190
        bar_height = max(14, min(30, (self.height() - top - 8) / len(self.stages) - 8))
        first = max(self.stages[0][1], 1)
        usable = max(self.width() - label_width - 110, 40)
        for i, (label, value) in enumerate(self.stages):
            y = top + i * (bar_height + 8)
            painter.setPen(QColor("#37474f"))
            painter.drawText(QRectF(8, y, label_width - 12, bar_height),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)
            width = usable * value / first
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(FUNNEL_COLOURS[i % len(FUNNEL_COLOURS)]))
            painter.drawRoundedRect(QRectF(label_width, y, max(width, 2), bar_height), 3, 3)
            painter.setPen(QColor("#263238"))
            share = f"{format_number(100 * value / first, 0)}%" if i else ""
            painter.drawText(QRectF(label_width + width + 6, y, 110, bar_height), Qt.AlignmentFlag.AlignVCenter,
                             f"{format_number(value)}  {share}".strip())
        painter.end()


class LeadTimeChart(QWidget):
    """Per municipality two bars: median and 75th percentile in days; '–' when there are no data."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = ""
        self.rows: list[tuple[str, float | None, float | None]] = []
        self.setMinimumHeight(220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_data(self, title: str, rows: list[tuple[str, float | None, float | None]]) -> None:
        self.title, self.rows = title, list(rows)
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(420, 240)

    def paintEvent(self, _event) -> None:  # noqa: ANN001, N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(QColor("#1f4e79"))
        painter.drawText(QRectF(8, 4, self.width() - 16, 20), Qt.AlignmentFlag.AlignLeft, self.title)
        painter.setFont(self.font())
        for x, colour, text in ((8, MEDIAN_COLOUR, "mediaan"), (100, P75_COLOUR, "75e percentiel")):
            painter.fillRect(QRectF(x, 28, 12, 12), colour)
            painter.setPen(QColor("#37474f"))
            painter.drawText(QRectF(x + 16, 24, 90, 20), Qt.AlignmentFlag.AlignVCenter, text)
        if not self.rows:
            painter.end()
            return
        top, label_width = 50, 110
        biggest = max([v for _n, m, p in self.rows for v in (m, p) if v is not None], default=0) or 1
        row_height = max(18, min(36, (self.height() - top - 8) / len(self.rows)))
        usable = max(self.width() - label_width - 70, 40)
        for i, (name, median, p75) in enumerate(self.rows):
            y = top + i * row_height
            painter.setPen(QColor("#37474f"))
            painter.drawText(QRectF(8, y, label_width - 14, row_height - 4),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, name)
            if median is None:
                painter.drawText(QRectF(label_width, y, 200, row_height - 4), Qt.AlignmentFlag.AlignVCenter,
                                 "– (geen gegevens)")
                continue
            half = (row_height - 6) / 2
            for j, (value, colour) in enumerate(((median, MEDIAN_COLOUR), (p75, P75_COLOUR))):
                width = usable * (value or 0) / biggest
                painter.fillRect(QRectF(label_width, y + j * half, max(width, 1), half - 1), colour)
                painter.setPen(QColor("#263238"))
                painter.drawText(QRectF(label_width + width + 4, y + j * half - 1, 60, half + 2),
                                 Qt.AlignmentFlag.AlignVCenter, format_number(round(value or 0)))
        painter.end()
