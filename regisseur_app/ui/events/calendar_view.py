"""'Kalender' tab of the events page: a month calendar with the event days highlighted and the events of
the chosen day beside it. Double-click (or Enter) opens an event."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QTextCharFormat
from PySide6.QtWidgets import QCalendarWidget, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from regisseur_app.context import AppContext
from regisseur_app.domain.events import service as event_service
from regisseur_app.domain.events.models import CANCELLED
from regisseur_app.formatting import format_date

EVENT_DAY = "#cfe2f3"
CANCELLED_DAY = "#eeeeee"


class CalendarView(QWidget):
    open_event = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.days: dict[date, list] = {}
        self.calendar = QCalendarWidget(objectName="event_calendar")
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.calendar.setGridVisible(True)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.calendar.currentPageChanged.connect(lambda _y, _m: self.refresh())
        self.calendar.selectionChanged.connect(self._show_day)
        self.calendar.activated.connect(lambda _d: self._open_first())
        self.day_label = QLabel(objectName="calendar_day")
        self.day_label.setStyleSheet("font-weight: bold; font-size: 11pt;")
        self.day_list = QListWidget(objectName="calendar_events")
        self.day_list.setWordWrap(True)
        self.day_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.day_list.itemActivated.connect(lambda item: self.open_event.emit(item.data(Qt.ItemDataRole.UserRole)))
        side = QVBoxLayout()
        side.addWidget(self.day_label)
        side.addWidget(self.day_list, 1)
        side.addWidget(QLabel("Dubbelklik op een evenement om het te openen. Dagen met een evenement zijn blauw.",
                              wordWrap=True))
        layout = QHBoxLayout(self)
        layout.addWidget(self.calendar, 3)
        layout.addLayout(side, 2)

    def refresh(self) -> None:
        year, month = self.calendar.yearShown(), self.calendar.monthShown()
        first = date(year, month, 1) - timedelta(days=7)
        last = date(year + (month == 12), month % 12 + 1, 1) + timedelta(days=14)
        with self.ctx.reading() as session:
            self.days = event_service.event_days(session, first, last)
        self.calendar.setDateTextFormat(QDate(), QTextCharFormat())  # clear all
        for day, rows in self.days.items():
            fmt = QTextCharFormat()
            active = [r for r in rows if r.status != CANCELLED]
            fmt.setBackground(QBrush(QColor(EVENT_DAY if active else CANCELLED_DAY)))
            fmt.setFontWeight(700)
            fmt.setToolTip("\n".join(f"{r.starts_at:%H:%M} {r.title} ({r.status_label})" for r in rows))
            self.calendar.setDateTextFormat(QDate(day.year, day.month, day.day), fmt)
        self._show_day()

    def show_date(self, day: date) -> None:
        self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))
        self.refresh()

    def _show_day(self) -> None:
        qd = self.calendar.selectedDate()
        day = date(qd.year(), qd.month(), qd.day())
        rows = self.days.get(day, [])
        self.day_label.setText(f"{format_date(day)}: {len(rows)} evenement(en)" if rows else
                               f"{format_date(day)}: geen evenementen")
        self.day_list.clear()
        for row in rows:
            item = QListWidgetItem(f"{row.starts_at:%H:%M}–{row.ends_at:%H:%M}  {row.title}\n"
                                   f"      {row.type_label} · {row.status_label} · {row.location}")
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            if row.status == CANCELLED:
                item.setForeground(QColor("#777777"))
            self.day_list.addItem(item)

    def _open_first(self) -> None:
        if self.day_list.count():
            self.open_event.emit(self.day_list.item(0).data(Qt.ItemDataRole.UserRole))
