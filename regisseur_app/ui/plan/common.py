"""Small shared pieces of the plan UI: status colours, an optional date field, running an operation with a
Dutch error message."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QMessageBox, QWidget

from regisseur_app.domain.core.base import ValidationError
from regisseur_app.domain.plan import kpis, subsidy
from regisseur_app.domain.plan.models import NOT_STARTED, POSTPONED, REALISED, RUNNING

STATUS_COLOURS = {NOT_STARTED: "#6b6b6b", RUNNING: "#1f5fa8", REALISED: "#1b7a3a", POSTPONED: "#a15c00"}
CHECK_STYLE = {subsidy.MET: ("✔", "#1b7a3a", "#e3f3e8"), subsidy.AT_RISK: ("◷", "#a15c00", "#fff1d6"),
               subsidy.NOT_MET: ("✘", "#b00020", "#fbe3e6"), subsidy.NOT_APPLICABLE: ("–", "#6b6b6b", "#f0f0f0")}
KPI_COLOURS = {kpis.REACHED: "#1b7a3a", kpis.ON_TRACK: "#1b7a3a", kpis.BEHIND: "#a15c00", kpis.MISSED: "#b00020",
               kpis.FUTURE: "#6b6b6b", kpis.NO_TARGET: "#6b6b6b", kpis.NO_SOURCE: "#6b6b6b"}


def colour(code: str) -> QColor:
    return QColor(code)


class OptionalDate(QWidget):
    """A dd/mm/jjjj date with a 'geen' check box (no date)."""

    def __init__(self, value: date | None = None, none_label: str = "geen", object_name: str = "",
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.edit = QDateEdit(objectName=object_name)
        self.edit.setDisplayFormat("dd/MM/yyyy")
        self.edit.setCalendarPopup(True)
        self.edit.setMinimumDate(QDate(2000, 1, 1))
        self.none_check = QCheckBox(none_label, objectName=f"{object_name}_none")
        self.none_check.toggled.connect(lambda on: self.edit.setEnabled(not on))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(self.none_check)
        layout.addStretch()
        self.set_value(value)

    def set_value(self, value: date | None) -> None:
        shown = value or date.today()
        self.edit.setDate(QDate(shown.year, shown.month, shown.day))
        self.none_check.setChecked(value is None)
        self.edit.setEnabled(value is not None)

    def value(self) -> date | None:
        if self.none_check.isChecked():
            return None
        q = self.edit.date()
        return date(q.year(), q.month(), q.day())


def run_op(parent: QWidget, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> tuple[bool, Any]:
    """Run an operation; a ValidationError becomes a Dutch message box. Returns (ok, result)."""
    try:
        return True, fn(*args, **kwargs)
    except ValidationError as error:
        QMessageBox.warning(parent, "Niet gelukt", "\n".join(error.errors.values()))
        return False, None


def confirm(parent: QWidget, title: str, text: str) -> bool:
    answer = QMessageBox.question(parent, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes
