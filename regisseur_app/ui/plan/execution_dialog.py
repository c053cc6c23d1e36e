"""Edit an action in one municipality: status, owner, period, result, notes."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from regisseur_app.context import AppContext
from regisseur_app.domain.core.base import ValidationError
from regisseur_app.domain.plan import service
from regisseur_app.domain.plan.models import STATUS_LABELS
from regisseur_app.operations import plan as ops
from regisseur_app.ui.plan.common import OptionalDate
from regisseur_app.ui.widgets import FieldErrors, save_cancel_buttons


class ExecutionDialog(QDialog):
    def __init__(self, ctx: AppContext, execution: service.ExecutionRow, action_title: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.execution_id = ctx, execution.id
        self.setWindowTitle(f"{action_title} – {execution.municipality}")
        self.resize(560, 480)
        self.status_combo = QComboBox(objectName="execution_status")
        for code, label in STATUS_LABELS.items():
            self.status_combo.addItem(label, code)
        self.status_combo.setCurrentIndex(self.status_combo.findData(execution.status))
        self.owner_edit = QLineEdit(execution.owner, objectName="execution_owner")
        self.owner_edit.setPlaceholderText("bv. Regisseur, schepen, OCMW")
        self.start_edit = OptionalDate(execution.start_date, "geen begindatum", "execution_start")
        self.end_edit = OptionalDate(execution.end_date, "geen einddatum", "execution_end")
        self.result_edit = QPlainTextEdit(execution.result, objectName="execution_result")
        self.result_edit.setFixedHeight(80)
        self.notes_edit = QPlainTextEdit(execution.notes, objectName="execution_notes")
        self.notes_edit.setFixedHeight(80)
        form = QFormLayout()
        self.errors = FieldErrors(form)
        for key, label, widget in (("status", "Status", self.status_combo), ("owner", "Verantwoordelijke", self.owner_edit),
                                   ("start_date", "Van", self.start_edit), ("end_date", "Tot", self.end_edit),
                                   ("result", "Resultaat", self.result_edit), ("notes", "Notities", self.notes_edit)):
            self.errors.add_row(key, label, widget)
        buttons = save_cancel_buttons(self.save, self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def data(self) -> service.ExecutionInput:
        return service.ExecutionInput(self.status_combo.currentData(), self.owner_edit.text(), self.start_edit.value(),
                                      self.end_edit.value(), self.notes_edit.toPlainText(),
                                      self.result_edit.toPlainText())

    def save(self) -> None:
        try:
            ops.update_execution(self.ctx, self.execution_id, self.data())
        except ValidationError as error:
            self.errors.show(error.errors)
            return
        self.accept()
