"""The 'Gegevens' tab of an event: title, type, start/end, location, capacity, status, audiences,
municipalities, partners, description; validation messages at the field."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QDateTime
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import QComboBox, QDateTimeEdit, QFormLayout, QLineEdit, QPlainTextEdit, QWidget

from regisseur_app.domain.events.models import EVENT_STATUSES, PLANNED
from regisseur_app.domain.events.service import EventInput
from regisseur_app.ui.widgets import CheckList, FieldErrors

QT_DATETIME_FORMAT = "dd/MM/yyyy HH:mm"


def to_qt(value: datetime) -> QDateTime:
    return QDateTime(value.year, value.month, value.day, value.hour, value.minute, 0)


def from_qt(value: QDateTime) -> datetime:
    d, t = value.date(), value.time()
    return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())


class EventForm(QWidget):
    def __init__(self, types, audiences, municipalities, organisations, parent: QWidget | None = None):  # noqa: ANN001
        super().__init__(parent)
        self.title_edit = QLineEdit(objectName="title")
        self.type_combo = QComboBox(objectName="type")
        self.type_combo.addItem("— kies een soort —", None)
        for item in types:
            self.type_combo.addItem(item.label, item.id)
        self.start_edit = self._datetime_edit("starts_at")
        self.end_edit = self._datetime_edit("ends_at")
        default_start = (datetime.now() + timedelta(days=30)).replace(hour=14, minute=0, second=0, microsecond=0)
        self.start_edit.setDateTime(to_qt(default_start))
        self.end_edit.setDateTime(to_qt(default_start + timedelta(hours=3)))
        self._duration = timedelta(hours=3)
        self.start_edit.dateTimeChanged.connect(self._start_moved)
        self.end_edit.dateTimeChanged.connect(self._end_moved)
        self.location_edit = QLineEdit(objectName="location", placeholderText="bv. Ontmoetingscentrum, Dorpsstraat 1")
        self.capacity_edit = QLineEdit(objectName="capacity", placeholderText="leeg = onbeperkt")
        self.capacity_edit.setValidator(QIntValidator(1, 100_000, self))
        self.capacity_edit.setMaximumWidth(140)
        self.status_combo = QComboBox(objectName="status")
        for code, label in EVENT_STATUSES.items():
            self.status_combo.addItem(label, code)
        self.status_combo.setCurrentIndex(self.status_combo.findData(PLANNED))
        self.audience_list = CheckList([(a.id, a.label) for a in audiences])
        self.municipality_list = CheckList([(m.nis_code, m.name) for m in municipalities])
        self.partner_list = CheckList([(o.id, o.name) for o in organisations], with_filter=True)
        for widget in (self.audience_list, self.municipality_list):
            widget.list.setMaximumHeight(120)
        self.partner_list.list.setMinimumHeight(120)
        self.description_edit = QPlainTextEdit(objectName="description")
        self.description_edit.setMaximumHeight(90)
        form = QFormLayout(self)
        self.errors = FieldErrors(form)
        for key, label, widget in (
                ("title", "Titel *", self.title_edit), ("type_id", "Soort *", self.type_combo),
                ("starts_at", "Begin *", self.start_edit), ("ends_at", "Einde *", self.end_edit),
                ("location", "Locatie", self.location_edit), ("capacity", "Capaciteit", self.capacity_edit),
                ("status", "Status", self.status_combo), ("audience_ids", "Doelgroepen", self.audience_list),
                ("municipality_codes", "Betrokken gemeenten", self.municipality_list),
                ("partner_ids", "Partnerorganisaties", self.partner_list),
                ("description", "Beschrijving", self.description_edit)):
            self.errors.add_row(key, label, widget)

    def _datetime_edit(self, name: str) -> QDateTimeEdit:
        edit = QDateTimeEdit(objectName=name)
        edit.setDisplayFormat(QT_DATETIME_FORMAT)
        edit.setCalendarPopup(True)
        edit.setMinimumWidth(170)
        edit.setMaximumWidth(220)
        return edit

    def _start_moved(self, value: QDateTime) -> None:
        """Keep the duration when the start moves, so the end never silently lands before the start."""
        self.end_edit.blockSignals(True)
        self.end_edit.setDateTime(to_qt(from_qt(value) + self._duration))
        self.end_edit.blockSignals(False)

    def _end_moved(self, value: QDateTime) -> None:
        self._duration = from_qt(value) - from_qt(self.start_edit.dateTime())

    def load(self, data: EventInput, extra_types=()) -> None:  # noqa: ANN001
        for item_id, label in extra_types:
            self.type_combo.addItem(f"{label} (niet meer in gebruik)", item_id)
        self.title_edit.setText(data.title)
        self.type_combo.setCurrentIndex(max(0, self.type_combo.findData(data.type_id)))
        self.start_edit.setDateTime(to_qt(data.starts_at))
        self.end_edit.setDateTime(to_qt(data.ends_at))
        self._duration = data.ends_at - data.starts_at
        self.location_edit.setText(data.location)
        self.capacity_edit.setText("" if data.capacity is None else str(data.capacity))
        self.status_combo.setCurrentIndex(max(0, self.status_combo.findData(data.status)))
        self.audience_list.set_checked(data.audience_ids)
        self.municipality_list.set_checked(data.municipality_codes)
        self.partner_list.set_checked(data.partner_ids)
        self.description_edit.setPlainText(data.description)

    def collect(self, report: str = "") -> EventInput:
        capacity = self.capacity_edit.text().strip()
        return EventInput(
            title=self.title_edit.text(), type_id=self.type_combo.currentData(),
            starts_at=from_qt(self.start_edit.dateTime()), ends_at=from_qt(self.end_edit.dateTime()),
            location=self.location_edit.text(), description=self.description_edit.toPlainText(),
            audience_ids=self.audience_list.checked_values(),
            municipality_codes=self.municipality_list.checked_values(),
            partner_ids=self.partner_list.checked_values(),
            capacity=int(capacity) if capacity.isdigit() else None, status=self.status_combo.currentData(),
            report=report)
