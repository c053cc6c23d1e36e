"""Date widgets in dd/mm/jjjj with a calendar popup, and a period chooser for filters."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QWidget

CUSTOM = "custom"


def date_edit(value: date | None = None, object_name: str = "") -> QDateEdit:
    edit = QDateEdit(objectName=object_name)
    edit.setDisplayFormat("dd/MM/yyyy")
    edit.setCalendarPopup(True)
    edit.setMaximumDate(QDate.currentDate())
    edit.setMinimumDate(QDate(2000, 1, 1))
    edit.setDate(to_qdate(value or date.today()))
    return edit


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class PeriodChooser(QWidget):
    """'Alle periodes', a calendar year, the last 12 months, or a custom from-to range."""

    changed = Signal()

    def __init__(self, years: list[int], all_label: str = "Alle periodes", parent: QWidget | None = None):
        super().__init__(parent)
        self.combo = QComboBox(objectName="period")
        self.combo.addItem(all_label, None)
        self.combo.addItem("Laatste 12 maanden", "last12")
        for year in sorted(years, reverse=True):
            self.combo.addItem(str(year), year)
        self.combo.addItem("Aangepast…", CUSTOM)
        self.from_edit = date_edit(date(date.today().year, 1, 1), "period_from")
        self.to_edit = date_edit(date.today(), "period_to")
        self.to_label = QLabel("tot")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.combo, self.from_edit, self.to_label, self.to_edit):
            layout.addWidget(widget)
        self.combo.currentIndexChanged.connect(self._combo_changed)
        self.from_edit.dateChanged.connect(lambda _d: self.changed.emit())
        self.to_edit.dateChanged.connect(lambda _d: self.changed.emit())
        self._combo_changed()

    def _combo_changed(self) -> None:
        custom = self.combo.currentData() == CUSTOM
        for widget in (self.from_edit, self.to_label, self.to_edit):
            widget.setVisible(custom)
        self.changed.emit()

    def select_year(self, year: int) -> None:
        index = self.combo.findData(year)
        if index >= 0:
            self.combo.setCurrentIndex(index)

    def period(self) -> tuple[date | None, date | None]:
        choice = self.combo.currentData()
        today = date.today()
        if choice is None:
            return None, None
        if choice == "last12":
            return date(today.year - 1, today.month, 1), today
        if choice == CUSTOM:
            return to_date(self.from_edit.date()), to_date(self.to_edit.date())
        return date(choice, 1, 1), date(choice, 12, 31)
