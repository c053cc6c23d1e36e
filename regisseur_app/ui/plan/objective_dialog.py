"""Add or edit an objective: number, title, description."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFormLayout, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from regisseur_app.context import AppContext
from regisseur_app.domain.core.base import ValidationError
from regisseur_app.domain.plan import service
from regisseur_app.operations import plan as ops
from regisseur_app.ui.widgets import FieldErrors, save_cancel_buttons


class ObjectiveDialog(QDialog):
    def __init__(self, ctx: AppContext, objective_id: int | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.objective_id = ctx, objective_id
        self.setWindowTitle("Nieuwe doelstelling" if objective_id is None else "Doelstelling bewerken")
        self.resize(560, 340)
        with ctx.reading() as session:
            existing = service.get_objective(session, objective_id) if objective_id else None
            count = len(service.list_plan(session))
        self.number_edit = QLineEdit(existing.number if existing else str(count + 1), objectName="objective_number")
        self.title_edit = QLineEdit(existing.title if existing else "", objectName="objective_title")
        self.description_edit = QPlainTextEdit(existing.description if existing else "",
                                               objectName="objective_description")
        form = QFormLayout()
        self.errors = FieldErrors(form)
        for key, label, widget in (("number", "Nummer *", self.number_edit), ("title", "Titel *", self.title_edit),
                                   ("description", "Beschrijving", self.description_edit)):
            self.errors.add_row(key, label, widget)
        buttons = save_cancel_buttons(self.save, self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def save(self) -> None:
        data = service.ObjectiveInput(self.number_edit.text(), self.title_edit.text(), self.description_edit.toPlainText())
        try:
            self.objective_id = ops.save_objective(self.ctx, data, self.objective_id)
        except ValidationError as error:
            self.errors.show(error.errors)
            return
        self.accept()
