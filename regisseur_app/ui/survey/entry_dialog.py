"""The entry form generated from the questionnaire, for keying in paper forms quickly: Tab moves on,
choices are picked by typing (a digit for a scale point, the first letters of an option), Ctrl+Enter
saves and starts the next form. Also used to edit one response."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from regisseur_app.context import AppContext
from regisseur_app.domain.core import municipalities
from regisseur_app.domain.core.base import ValidationError
from regisseur_app.domain.survey import respondents, responses
from regisseur_app.domain.survey.models import MULTI, NUMBER, SCALE, TEXT
from regisseur_app.domain.survey.responses import ResponseInput
from regisseur_app.domain.survey.views import QuestionView, survey_view
from regisseur_app.formatting import format_number, parse_number
from regisseur_app.operations import survey as ops
from regisseur_app.ui.widgets import FieldErrors


class EntryDialog(QDialog):
    def __init__(self, ctx: AppContext, survey_id: int, response_id: int | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.survey_id, self.response_id = ctx, survey_id, response_id
        self.saved = 0
        with ctx.reading() as session:
            self.view = survey_view(session, survey_id)
            places = municipalities.list_municipalities(session, participating_only=True)
            invitees = respondents.list_respondents(session, survey_id)
            existing = responses.load_response(session, response_id) if response_id else None
        self.setWindowTitle(f"{'Antwoord bewerken' if response_id else 'Antwoorden ingeven'} – {self.view.title}")
        self.resize(900, 780)
        self.municipality_combo = QComboBox(objectName="entry_municipality")
        self.municipality_combo.addItem("(kies)", None)
        for m in places:
            self.municipality_combo.addItem(m.name, m.nis_code)
        self.respondent_combo = QComboBox(objectName="entry_respondent")
        self.respondent_combo.addItem("(niet uitgenodigd of onbekend)", None)
        for r in invitees:
            label = " – ".join(x for x in (r.municipality, r.organisation, r.contact) if x)
            self.respondent_combo.addItem(label, (r.id, r.nis_code))
        self.respondent_combo.currentIndexChanged.connect(lambda _i: self._respondent_chosen())
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # a long question puts its field below
        self.errors = FieldErrors(form)
        self.errors.add_row("municipality", "Gemeente:", self.municipality_combo)
        self.errors.add_row("respondent", "Respondent:", self.respondent_combo)
        self.widgets: dict[int, QWidget] = {}
        section = None
        for question in self.view.questions:
            if question.section and question.section != section:
                section = question.section
                title = QLabel(f"<b>{section}</b>")
                form.addRow(title)
            widget = self._widget(question)
            self.widgets[question.id] = widget
            label = f"{question.position}. {question.text}" + (" *" if question.required else "")
            self.errors.add_row(f"q{question.id}", label, widget)
        self.errors.add_row("answers", "", QLabel(""))
        body = QWidget()
        body.setLayout(form)
        scroll = QScrollArea(widgetResizable=True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        self.count_label = QLabel(objectName="entry_count")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText("Bewaren")
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("Sluiten")
        self.next_button = QPushButton("Bewaren en volgende", objectName="save_next")
        self.next_button.setToolTip("Bewaren en een leeg formulier voor het volgende antwoord (Ctrl+Enter)")
        self.next_button.setVisible(response_id is None)
        self.next_button.clicked.connect(lambda: self.save(next_form=True))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label)
        bottom.addStretch()
        bottom.addWidget(self.next_button)
        bottom.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addLayout(bottom)
        QShortcut(QKeySequence("Ctrl+Return"), self, activated=lambda: self.save(next_form=response_id is None))
        if existing is not None:
            self._load(existing)
        self.municipality_combo.setFocus()

    def _widget(self, question: QuestionView) -> QWidget:
        name = f"answer_{question.code}"
        if question.kind == MULTI:
            box = QWidget(objectName=name)
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            for option in question.options:
                check = QCheckBox(option.label)
                check.setProperty("option_id", option.id)
                column.addWidget(check)
            return box
        if question.kind == NUMBER:
            return QLineEdit(objectName=name, placeholderText="getal, bv. 1.250 of 3,5")
        if question.kind == TEXT:
            edit = QPlainTextEdit(objectName=name)
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(60)
            return edit
        combo = QComboBox(objectName=name)
        combo.addItem("(geen antwoord)", None)
        for option in question.options:
            text = f"{int(option.value)} – {option.label}" if question.kind == SCALE else option.label
            combo.addItem(text, option.id)
        return combo

    def _respondent_chosen(self) -> None:
        data = self.respondent_combo.currentData()
        if data:
            self.municipality_combo.setCurrentIndex(max(0, self.municipality_combo.findData(data[1])))

    def _load(self, data: ResponseInput) -> None:
        self.municipality_combo.setCurrentIndex(max(0, self.municipality_combo.findData(data.nis_code)))
        for i in range(self.respondent_combo.count()):
            value = self.respondent_combo.itemData(i)
            if value and value[0] == data.respondent_id:
                self.respondent_combo.setCurrentIndex(i)
        for qid, value in data.answers.items():
            widget = self.widgets.get(qid)
            if isinstance(widget, QComboBox):
                widget.setCurrentIndex(max(0, widget.findData(value[0] if value else None)))
            elif isinstance(widget, QLineEdit):
                widget.setText(format_number(value, 0 if float(value).is_integer() else 2))
            elif isinstance(widget, QPlainTextEdit):
                widget.setPlainText(str(value))
            elif widget is not None:
                for check in widget.findChildren(QCheckBox):
                    check.setChecked(check.property("option_id") in value)

    def answers(self) -> tuple[dict, dict[str, str]]:
        answers: dict = {}
        errors: dict[str, str] = {}
        for question in self.view.questions:
            widget = self.widgets[question.id]
            if isinstance(widget, QComboBox):
                answers[question.id] = [widget.currentData()] if widget.currentData() else []
            elif isinstance(widget, QLineEdit):
                text = widget.text().strip()
                try:
                    answers[question.id] = float(parse_number(text)) if text else None
                except ValueError as exc:
                    errors[f"q{question.id}"] = f"{exc}."
            elif isinstance(widget, QPlainTextEdit):
                answers[question.id] = widget.toPlainText()
            else:
                answers[question.id] = [c.property("option_id") for c in widget.findChildren(QCheckBox) if c.isChecked()]
        return answers, errors

    def save(self, next_form: bool = False) -> None:
        answers, errors = self.answers()
        if errors:
            self.errors.show(errors)
            return
        respondent = self.respondent_combo.currentData()
        data = ResponseInput(self.municipality_combo.currentData(), answers, respondent[0] if respondent else None)
        try:
            ops.save_response(self.ctx, self.survey_id, data, self.response_id)
        except ValidationError as exc:
            self.errors.show(exc.errors)
            return
        self.saved += 1
        if not next_form:
            self.accept()
            return
        self._clear()
        self.count_label.setText(f"{self.saved} antwoord(en) bewaard in deze reeks.")

    def _clear(self) -> None:
        self.errors.show({})
        self.respondent_combo.setCurrentIndex(0)
        for widget in self.widgets.values():
            if isinstance(widget, QComboBox):
                widget.setCurrentIndex(0)
            elif isinstance(widget, (QLineEdit, QPlainTextEdit)):
                widget.clear()
            else:
                for check in widget.findChildren(QCheckBox):
                    check.setChecked(False)
        self.municipality_combo.setFocus()
