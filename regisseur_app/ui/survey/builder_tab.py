"""Vragenlijst: the questions of the survey in order (new, edit, delete, move up/down; sections: new,
rename, delete) and the ways out to respondents (printable PDF, XLSForm for KoboToolbox/ODK, Excel template)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from regisseur_app.context import AppContext
from regisseur_app.domain.core.base import ValidationError
from regisseur_app.domain.survey.views import SurveyView, survey_view
from regisseur_app.operations import survey as ops
from regisseur_app.ui.survey.outputs import KINDS, write_output
from regisseur_app.ui.survey.question_dialog import QuestionDialog
from regisseur_app.ui.survey.question_model import QuestionModel
from regisseur_app.ui.table_base import read_only_table, sorting_proxy


class BuilderTab(QWidget):
    status_message = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.survey_id: int | None = None
        self.view: SurveyView | None = None
        self.model = QuestionModel(self)
        self.table = read_only_table(sorting_proxy(self.model), "questions")
        self.table.setSortingEnabled(False)  # the order is the questionnaire's
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        for column, width in enumerate((40, 90, 110, 360, 130, 220)):
            self.table.setColumnWidth(column, width)
        self.hint = QLabel("Nog geen vragen. Voeg een vraag toe met 'Nieuwe vraag…' (Ctrl+N).", objectName="hint")
        self.hint.setStyleSheet("color: #555;")
        self.buttons: dict[str, QPushButton] = {}
        bar = QHBoxLayout()
        for name, text, slot in (("new_question", "Nieuwe vraag…", lambda: self.open_editor(None)),
                                 ("edit_question", "Bewerken…", self.edit_selected),
                                 ("delete_question", "Verwijderen…", self.delete_selected),
                                 ("up", "Omhoog", lambda: self.move(-1)), ("down", "Omlaag", lambda: self.move(1)),
                                 ("new_section", "Nieuwe rubriek…", self.new_section),
                                 ("sections", "Rubrieken…", self.edit_sections)):
            button = QPushButton(text, objectName=name)
            button.clicked.connect(slot)
            bar.addWidget(button)
            self.buttons[name] = button
        self.buttons["up"].setToolTip("Vraag omhoog (Ctrl+↑)")
        self.buttons["down"].setToolTip("Vraag omlaag (Ctrl+↓)")
        bar.addStretch()
        self.out_bar = QHBoxLayout()
        self.out_bar.addWidget(QLabel("Naar de respondenten:"))
        for kind, name in (("pdf", "print_pdf"), ("xlsform", "export_xlsform"), ("template", "export_template")):
            button = QPushButton(KINDS[kind][0] + "…", objectName=name)
            button.clicked.connect(lambda _c=False, k=kind: self.write(k))
            self.out_bar.addWidget(button)
            self.buttons[name] = button
        self.buttons["export_xlsform"].setToolTip("Het open formulierformaat van KoboToolbox, ODK en SurveyCTO; "
                                                  "gecontroleerd met pyxform")
        self.out_bar.addStretch()
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(self.out_bar)
        QShortcut(QKeySequence("Ctrl+Up"), self.table, activated=lambda: self.move(-1))
        QShortcut(QKeySequence("Ctrl+Down"), self.table, activated=lambda: self.move(1))
        QShortcut(QKeySequence(Qt.Key.Key_Return), self.table, activated=self.edit_selected)
        QShortcut(QKeySequence(Qt.Key.Key_Delete), self.table, activated=self.delete_selected)

    def write(self, kind: str) -> None:
        if self.view is None or not self.view.questions:
            QMessageBox.information(self, "Geen vragen", "Deze peiling heeft nog geen vragen.")
            return
        target = write_output(self, self.ctx, self.view.id, self.view.title, kind)
        if target is not None:
            self.status_message.emit(f"Bewaard: {target}")

    def set_survey(self, survey_id: int | None) -> None:
        self.survey_id = survey_id
        self.refresh()

    def refresh(self) -> None:
        current = self.selected()
        if self.survey_id is None:
            self.view = None
            self.model.set_rows([])
        else:
            with self.ctx.reading() as session:
                self.view = survey_view(session, self.survey_id)
            self.model.set_rows(list(self.view.questions))
        self.hint.setVisible(self.view is not None and not self.view.questions)
        for button in self.buttons.values():
            button.setEnabled(self.survey_id is not None)
        if current is not None:
            self.select_question(current.id)

    def selected(self):  # noqa: ANN201
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select_question(self, question_id: int) -> None:
        for row in range(self.model.rowCount()):
            if self.model.row_at(row).id == question_id:
                self.table.selectRow(row)
                return

    def open_editor(self, question) -> None:  # noqa: ANN001
        if self.view is None:
            return
        dialog = QuestionDialog(self.ctx, self.view.id, self.view.sections, question, self)
        if dialog.exec():
            self.refresh()
            self.select_question(dialog.saved_id)
            self.status_message.emit("Vraag bewaard.")

    def edit_selected(self) -> None:
        question = self.selected()
        if question is not None:
            self.open_editor(question)

    def delete_selected(self) -> None:
        question = self.selected()
        if question is None:
            return
        answer = QMessageBox.question(
            self, "Vraag verwijderen",
            f"Vraag {question.position} '{question.text}' verwijderen? De antwoorden op deze vraag worden ook "
            "verwijderd.")
        if answer != QMessageBox.StandardButton.Yes:
            return
        ops.delete_question(self.ctx, question.id)
        self.refresh()
        self.status_message.emit("Vraag verwijderd.")

    def move(self, step: int) -> None:
        question = self.selected()
        if question is None:
            return
        ops.move_question(self.ctx, question.id, step)
        self.refresh()
        self.select_question(question.id)

    def new_section(self) -> None:
        if self.survey_id is None:
            return
        title, ok = QInputDialog.getText(self, "Nieuwe rubriek", "Titel van de rubriek:")
        if not ok:
            return
        try:
            ops.save_section(self.ctx, self.survey_id, title)
        except ValidationError as exc:
            QMessageBox.warning(self, "Rubriek niet bewaard", "\n".join(exc.errors.values()))
            return
        self.status_message.emit(f"Rubriek '{title.strip()}' toegevoegd; kies ze bij een vraag. "
                                 "Ongedaan maken met Ctrl+Z.")

    def edit_sections(self) -> None:
        """Rename or delete rubrieken (SectionsDialog); the questions show the new names at once."""
        if self.survey_id is None:
            return
        from regisseur_app.ui.survey.sections_dialog import SectionsDialog

        SectionsDialog(self.ctx, self.survey_id, self).exec()
        self.refresh()
