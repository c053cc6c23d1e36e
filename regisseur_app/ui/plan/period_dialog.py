"""The plan period: first and last year of the regierol plan."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialog, QFormLayout, QSpinBox, QVBoxLayout, QWidget

from regisseur_app.context import AppContext
from regisseur_app.domain.core.base import ValidationError
from regisseur_app.domain.plan.settings import plan_period
from regisseur_app.operations import plan as ops
from regisseur_app.ui.widgets import FieldErrors, save_cancel_buttons


class PeriodDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle("Planperiode")
        with ctx.reading() as session:
            period = plan_period(session)
        this_year = date.today().year
        self.start_spin = QSpinBox(objectName="period_start", minimum=2000, maximum=2100)
        self.end_spin = QSpinBox(objectName="period_end", minimum=2000, maximum=2100)
        self.start_spin.setValue(period.start_year if period else this_year)
        self.end_spin.setValue(period.end_year if period else this_year + 5)
        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.errors.add_row("start", "Eerste jaar", self.start_spin)
        self.errors.add_row("period", "Laatste jaar", self.end_spin)
        buttons = save_cancel_buttons(self.save, self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def save(self) -> None:
        try:
            ops.set_plan_period(self.ctx, self.start_spin.value(), self.end_spin.value())
        except ValidationError as error:
            self.errors.show(error.errors)
            return
        self.accept()
