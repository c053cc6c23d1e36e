"""The history of one referral drawn as a vertical timeline: a dot per step, the date, the status,
the days since the previous step, the organisation and the note."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from regisseur_app.domain.referrals.models import (
    CLOSED,
    DROPPED_OUT,
    NEGATIVE,
    NO_FOLLOW_UP,
    POSITIVE,
    REGULAR_WORK,
    STARTED,
)
from regisseur_app.domain.referrals.service import StepRow
from regisseur_app.formatting import format_date, format_number

ROW_HEIGHT = 58
LEFT = 112
COLOURS = {POSITIVE: "#2e7d32", STARTED: "#1565c0", REGULAR_WORK: "#00897b", NEGATIVE: "#c62828",
           NO_FOLLOW_UP: "#8d6e63", DROPPED_OUT: "#ef6c00", CLOSED: "#616161"}


class TimelineWidget(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.steps: list[StepRow] = []
        self.stale_note = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

    def set_steps(self, steps: list[StepRow], stale_note: str = "") -> None:
        self.steps = list(steps)
        self.stale_note = stale_note
        self.setMinimumHeight(self.sizeHint().height())
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(520, 16 + ROW_HEIGHT * len(self.steps) + (30 if self.stale_note else 0))

    def texts(self) -> list[str]:
        """What each row says (used by tests and for accessibility)."""
        result = []
        for step in self.steps:
            parts = [format_date(step.step_date), step.status_label]
            if step.days_since_previous is not None:
                parts.append(f"+{format_number(step.days_since_previous)} d")
            if step.organisation_name:
                parts.append(step.organisation_name)
            if step.note:
                parts.append(step.note)
            result.append(" · ".join(parts))
        return result

    def paintEvent(self, _event) -> None:  # noqa: ANN001, N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        base = self.font()
        bold = QFont(base)
        bold.setBold(True)
        small = QFont(base)
        small.setPointSizeF(max(base.pointSizeF() - 1, 7))
        x = LEFT - 16
        if len(self.steps) > 1:
            painter.setPen(QPen(QColor("#b0bec5"), 2))
            painter.drawLine(x, 8 + 10, x, 8 + ROW_HEIGHT * (len(self.steps) - 1) + 10)
        width = self.width()
        for i, step in enumerate(self.steps):
            top = 8 + ROW_HEIGHT * i
            colour = QColor(COLOURS.get(step.status, "#455a64"))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawEllipse(QRectF(x - 6, top + 4, 12, 12))
            painter.setPen(QColor("#37474f"))
            painter.setFont(base)
            painter.drawText(QRectF(0, top, LEFT - 30, 20), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             format_date(step.step_date))
            if step.days_since_previous is not None:
                painter.setFont(small)
                painter.setPen(QColor("#78909c"))
                painter.drawText(QRectF(0, top + 20, LEFT - 30, 18),
                                 Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                                 f"+{format_number(step.days_since_previous)} dagen")
            painter.setFont(bold)
            painter.setPen(colour)
            title = step.status_label + (f" — {step.organisation_name}" if step.organisation_name else "")
            painter.drawText(QRectF(LEFT, top, width - LEFT - 8, 20), Qt.AlignmentFlag.AlignVCenter, title)
            if step.note:
                painter.setFont(base)
                painter.setPen(QColor("#455a64"))
                painter.drawText(QRectF(LEFT, top + 20, width - LEFT - 8, ROW_HEIGHT - 24),
                                 Qt.TextFlag.TextWordWrap, step.note)
        if self.stale_note:
            painter.setFont(bold)
            painter.setPen(QColor("#bf360c"))
            painter.drawText(QRectF(LEFT, 8 + ROW_HEIGHT * len(self.steps), width - LEFT - 8, 24),
                             Qt.AlignmentFlag.AlignVCenter, self.stale_note)
        painter.end()
