"""New or edit a survey: title, year, audience, introduction."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from regisseur_app.context import AppContext
from regisseur_app.domain.core import codelists
from regisseur_app.domain.core.base import ValidationError
from regisseur_app.domain.survey.models import SURVEY_AUDIENCE
from regisseur_app.domain.survey.questionnaire import SurveyInput
from regisseur_app.domain.survey.views import survey_view
from regisseur_app.operations import survey as ops
from regisseur_app.ui.widgets import FieldErrors, save_cancel_buttons


class SurveyDialog(QDialog):
    def __init__(self, ctx: AppContext, survey_id: int | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.survey_id, self.saved_id = ctx, survey_id, survey_id
        self.setWindowTitle("Peiling bewerken" if survey_id else "Nieuwe peiling")
        self.resize(560, 380)
        with ctx.reading() as session:
            audiences = codelists.list_items(session, SURVEY_AUDIENCE)
            existing = survey_view(session, survey_id) if survey_id else None
        self.title_edit = QLineEdit(objectName="survey_title")
        self.year_spin = QSpinBox(objectName="survey_year", minimum=2000, maximum=2100, value=date.today().year)
        self.audience_combo = QComboBox(objectName="survey_audience")
        for item in audiences:
            self.audience_combo.addItem(item.label, item.id)
        self.intro_edit = QPlainTextEdit(objectName="survey_intro")
        self.intro_edit.setPlaceholderText("Inleiding bovenaan de vragenlijst (waarom, hoe lang het duurt…)")
        self.intro_edit.setTabChangesFocus(True)
        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.errors.add_row("title", "Titel:", self.title_edit)
        self.errors.add_row("year", "Jaar:", self.year_spin)
        self.errors.add_row("audience", "Doelgroep:", self.audience_combo)
        self.errors.add_row("intro", "Inleiding:", self.intro_edit)
        buttons = save_cancel_buttons(self.save, self.reject, "Bewaren")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        if existing is not None:
            self.title_edit.setText(existing.title)
            self.year_spin.setValue(existing.year)
            self.audience_combo.setCurrentIndex(max(0, self.audience_combo.findData(existing.audience_id)))
            self.intro_edit.setPlainText(existing.intro)

    def save(self) -> None:
        data = SurveyInput(self.title_edit.text(), self.year_spin.value(), self.audience_combo.currentData(),
                           self.intro_edit.toPlainText())
        try:
            self.saved_id = ops.save_survey(self.ctx, data, self.survey_id)
        except ValidationError as exc:
            self.errors.show(exc.errors)
            return
        self.accept()
