"""Add or edit one agenda item."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFormLayout, QLineEdit, QVBoxLayout, QWidget

from regisseur_app.context import AppContext
from regisseur_app.domain.core.base import ValidationError
from regisseur_app.domain.events.agenda import AgendaInput, AgendaRow
from regisseur_app.operations import events as event_ops
from regisseur_app.ui.widgets import FieldErrors, save_cancel_buttons


class AgendaItemDialog(QDialog):
    def __init__(self, ctx: AppContext, event_id: int, row: AgendaRow | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.event_id, self.row = ctx, event_id, row
        self.setWindowTitle("Nieuw agendapunt" if row is None else "Agendapunt bewerken")
        self.time_edit = QLineEdit(objectName="start_time", placeholderText="uu:mm (mag leeg)")
        self.time_edit.setMaximumWidth(120)
        self.title_edit = QLineEdit(objectName="agenda_title")
        self.speaker_edit = QLineEdit(objectName="speaker")
        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.errors.add_row("start_time", "Uur", self.time_edit)
        self.errors.add_row("title", "Onderwerp *", self.title_edit)
        self.errors.add_row("speaker", "Spreker", self.speaker_edit)
        if row is not None:
            self.time_edit.setText(row.start_time)
            self.title_edit.setText(row.title)
            self.speaker_edit.setText(row.speaker)
        buttons = save_cancel_buttons(self.save, self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(460, 200)

    def save(self) -> None:
        data = AgendaInput(self.title_edit.text(), self.time_edit.text(), self.speaker_edit.text())
        try:
            event_ops.save_agenda_item(self.ctx, self.event_id, data, self.row.id if self.row else None)
        except ValidationError as exc:
            self.errors.show(exc.errors)
            return
        self.accept()
