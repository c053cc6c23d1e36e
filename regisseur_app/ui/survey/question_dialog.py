"""New or edit a question: text, type, section, required, the service category it measures, options."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from regisseur_app.context import AppContext
from regisseur_app.domain.core import codelists
from regisseur_app.domain.core.base import ValidationError
from regisseur_app.domain.survey.models import (
    DEFAULT_SCALE,
    NO,
    NUMBER,
    QUESTION_KINDS,
    SCALE,
    USER_OPTIONS,
    WITH_OPTIONS,
    YES,
    YESNO,
)
from regisseur_app.domain.survey.questionnaire import OptionInput, QuestionInput
from regisseur_app.domain.survey.views import QuestionView
from regisseur_app.operations import survey as ops
from regisseur_app.ui.survey.option_editor import OptionEditor
from regisseur_app.ui.widgets import FieldErrors, save_cancel_buttons

LINKABLE = (SCALE, YESNO, NUMBER)


class QuestionDialog(QDialog):
    def __init__(self, ctx: AppContext, survey_id: int, sections: tuple[tuple[int, str], ...],
                 question: QuestionView | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.survey_id, self.question = ctx, survey_id, question
        self.saved_id = question.id if question else None
        self.setWindowTitle("Vraag bewerken" if question else "Nieuwe vraag")
        self.resize(760, 620)
        with ctx.reading() as session:
            categories = [(c.id, c.label) for c in codelists.list_items(session, codelists.SERVICE_CATEGORY)]
        self.text_edit = QLineEdit(objectName="question_text")
        self.kind_combo = QComboBox(objectName="question_kind")
        for code, label in QUESTION_KINDS.items():
            self.kind_combo.addItem(label, code)
        self.section_combo = QComboBox(objectName="question_section")
        self.section_combo.addItem("(geen rubriek)", None)
        for sid, title in sections:
            self.section_combo.addItem(title, sid)
        self.code_edit = QLineEdit(objectName="question_code", placeholderText="automatisch (v1, v2…)")
        self.required_check = QCheckBox("Verplicht te beantwoorden", objectName="question_required")
        self.help_edit = QLineEdit(objectName="question_help")
        self.category_combo = QComboBox(objectName="question_category")
        self.category_combo.addItem("—", None)
        for cid, label in categories:
            self.category_combo.addItem(label, cid)
        self.category_hint = QLabel(wordWrap=True)
        self.category_hint.setStyleSheet("color: #555;")
        self.options = OptionEditor(categories)
        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.errors.add_row("text", "Vraag:", self.text_edit)
        self.errors.add_row("kind", "Soort:", self.kind_combo)
        self.errors.add_row("section", "Rubriek:", self.section_combo)
        self.errors.add_row("code", "Code:", self.code_edit)
        form.addRow("", self.required_check)
        self.errors.add_row("help_text", "Toelichting:", self.help_edit)
        self.errors.add_row("category", "Meet nood aan:", self.category_combo)
        form.addRow("", self.category_hint)
        self.errors.add_row("options", "Antwoorden:", self.options)
        buttons = save_cancel_buttons(self.save, self.reject, "Bewaren")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.kind_combo.currentIndexChanged.connect(lambda _i: self._kind_changed())
        if question is not None:
            self.text_edit.setText(question.text)
            self.kind_combo.setCurrentIndex(self.kind_combo.findData(question.kind))
            self.section_combo.setCurrentIndex(max(0, self.section_combo.findData(question.section_id)))
            self.code_edit.setText(question.code)
            self.required_check.setChecked(question.required)
            self.help_edit.setText(question.help_text)
            self.category_combo.setCurrentIndex(max(0, self.category_combo.findData(question.category_id)))
            self.options.set_options([OptionInput(o.label, o.category_id, o.id) for o in question.options])
        self._kind_changed(initial=question is not None)

    def kind(self) -> str:
        return self.kind_combo.currentData()

    def _kind_changed(self, initial: bool = False) -> None:
        kind = self.kind()
        self.options.setVisible(kind in WITH_OPTIONS)
        self.options.set_fixed(kind not in USER_OPTIONS)
        if not initial:
            if kind == SCALE:
                self.options.set_options([OptionInput(label) for label in DEFAULT_SCALE])
            elif kind == YESNO:
                self.options.set_options([OptionInput(YES), OptionInput(NO)])
            elif kind in USER_OPTIONS and len(self.options.options()) in (0, 2, 5) and not self.question:
                self.options.set_options([OptionInput(""), OptionInput("")])
        linkable = kind in LINKABLE
        self.category_combo.setEnabled(linkable)
        if not linkable:
            self.category_combo.setCurrentIndex(0)
        self.category_hint.setText({
            SCALE: "Een antwoord 4 of 5 telt als nood voor deze categorie.",
            YESNO: "Het antwoord 'Ja' telt als nood voor deze categorie.",
            NUMBER: "Een getal groter dan 0 telt als nood voor deze categorie.",
        }.get(kind, "Koppel hieronder elke antwoordmogelijkheid die nood aangeeft aan een dienstencategorie."
              if kind in USER_OPTIONS else "Een open vraag meet geen nood."))

    def save(self) -> None:
        kind = self.kind()
        data = QuestionInput(self.text_edit.text(), kind, self.section_combo.currentData(),
                             self.required_check.isChecked(), self.category_combo.currentData(),
                             self.help_edit.text(), self.options.options() if kind in WITH_OPTIONS else [],
                             self.code_edit.text())
        try:
            self.saved_id = ops.save_question(self.ctx, self.survey_id, data, self.question.id if self.question else None)
        except ValidationError as exc:
            self.errors.show(exc.errors)
            return
        self.accept()
