"""'Kopiëren als sjabloon': a new concept event with the same data and agenda on a new date."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from regisseur_app.context import AppContext
from regisseur_app.domain.core.base import ValidationError
from regisseur_app.domain.events import service as event_service
from regisseur_app.operations import events as event_ops
from regisseur_app.ui.events.event_form import QT_DATETIME_FORMAT, from_qt, to_qt
from regisseur_app.ui.widgets import FieldErrors


class CopyEventDialog(QDialog):
    def __init__(self, ctx: AppContext, event_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.event_id, self.new_id = ctx, event_id, None
        self.setWindowTitle("Kopiëren als sjabloon")
        with ctx.reading() as session:
            data = event_service.get_event(session, event_id)
        self.title_edit = QLineEdit(data.title, objectName="copy_title")
        self.start_edit = QDateTimeEdit(objectName="copy_start")
        self.start_edit.setDisplayFormat(QT_DATETIME_FORMAT)
        self.start_edit.setCalendarPopup(True)
        next_year = data.starts_at + timedelta(days=364)  # same weekday, a year later
        self.start_edit.setDateTime(to_qt(next_year))
        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.errors.add_row("title", "Titel", self.title_edit)
        self.errors.add_row("starts_at", "Nieuw begin", self.start_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Kopie maken")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuleren")
        buttons.accepted.connect(self.copy)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("De kopie krijgt de status 'Concept' en neemt de gegevens, de doelgroepen, de "
                                "gemeenten, de partners en de agenda over; geen deelnemers, verslag of acties.",
                                wordWrap=True))
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(520, 220)

    def copy(self) -> None:
        try:
            self.new_id = event_ops.copy_event(self.ctx, self.event_id, from_qt(self.start_edit.dateTime()),
                                               self.title_edit.text())
        except ValidationError as exc:
            self.errors.show(exc.errors)
            return
        self.accept()
