"""Antwoorden: the responses of the survey (search as you type), keyed in with the entry form, edited,
deleted after confirmation, or imported from a survey tool's export."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QMessageBox, QPushButton, QVBoxLayout, QWidget

from regisseur_app.context import AppContext
from regisseur_app.domain.survey import responses
from regisseur_app.formatting import counted
from regisseur_app.operations import survey as ops
from regisseur_app.storage.engine import fold
from regisseur_app.ui.survey.entry_dialog import EntryDialog
from regisseur_app.ui.survey.response_model import ResponseModel
from regisseur_app.ui.table_base import read_only_table, sorting_proxy


class ResponsesTab(QWidget):
    status_message = Signal(str)
    changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.survey_id: int | None = None
        self.rows: list = []
        self.model = ResponseModel(self)
        self.table = read_only_table(sorting_proxy(self.model), "responses")
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        self.search = QLineEdit(objectName="response_search", placeholderText="Zoeken (gemeente, respondent, bron…)")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _t: self._show())
        self.hint = QLabel("Nog geen antwoorden: geef ze in met 'Antwoorden ingeven…' of importeer een export van "
                           "Microsoft Forms, Google Forms, LimeSurvey of KoboToolbox.", wordWrap=True)
        self.hint.setStyleSheet("color: #555;")
        self.count_label = QLabel(objectName="response_count")
        self.entry_button = QPushButton("Antwoorden ingeven…", objectName="enter_answers")
        self.entry_button.setToolTip("Formulier op basis van de vragenlijst (Ctrl+Enter: bewaren en volgende)")
        self.entry_button.clicked.connect(self.enter)
        self.edit_button = QPushButton("Bewerken…", objectName="edit_response")
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button = QPushButton("Verwijderen…", objectName="delete_response")
        self.delete_button.clicked.connect(self.delete_selected)
        self.bar = QHBoxLayout()
        for w in (self.entry_button, self.edit_button, self.delete_button):
            self.bar.addWidget(w)
        self.bar.addStretch()
        self.bar.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(self.bar)
        QShortcut(QKeySequence(Qt.Key.Key_Delete), self.table, activated=self.delete_selected)
        QShortcut(QKeySequence(Qt.Key.Key_Return), self.table, activated=self.edit_selected)

    def add_button(self, button: QPushButton) -> None:
        self.bar.insertWidget(3, button)

    def set_survey(self, survey_id: int | None) -> None:
        self.survey_id = survey_id
        self.refresh()

    def refresh(self) -> None:
        if self.survey_id is None:
            self.rows = []
        else:
            with self.ctx.reading() as session:
                self.rows = responses.list_responses(session, self.survey_id)
        for button in (self.entry_button, self.edit_button, self.delete_button):
            button.setEnabled(self.survey_id is not None)
        self._show()

    def _show(self) -> None:
        needle = fold(self.search.text())
        shown = [r for r in self.rows if not needle or needle in fold(
            f"{r.municipality} {r.respondent} {r.source} {r.external_id}")]
        self.model.set_rows(shown)
        self.hint.setVisible(self.survey_id is not None and not self.rows)
        self.count_label.setText(counted(len(shown), "antwoord", "antwoorden")
                                 + (f" van {len(self.rows)}" if len(shown) != len(self.rows) else ""))

    def selected_ids(self) -> list[int]:
        proxy = self.table.model()
        return [self.model.row_at(proxy.mapToSource(i).row()).id for i in self.table.selectionModel().selectedRows()]

    def enter(self) -> None:
        if self.survey_id is None:
            return
        dialog = EntryDialog(self.ctx, self.survey_id, parent=self)
        dialog.exec()
        if dialog.saved:
            self.refresh()
            self.changed.emit()
            self.status_message.emit(f"{counted(dialog.saved, 'antwoord', 'antwoorden')} bewaard.")

    def edit_selected(self) -> None:
        ids = self.selected_ids()
        if not ids or self.survey_id is None:
            return
        if EntryDialog(self.ctx, self.survey_id, ids[0], self).exec():
            self.refresh()
            self.changed.emit()
            self.status_message.emit("Antwoord bewaard.")

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        answer = QMessageBox.question(self, "Antwoorden verwijderen",
                                      f"{counted(len(ids), 'antwoord', 'antwoorden')} verwijderen? Dit kan niet "
                                      "ongedaan gemaakt worden (een back-up wel).")
        if answer != QMessageBox.StandardButton.Yes:
            return
        removed = ops.delete_responses(self.ctx, ids)
        self.refresh()
        self.changed.emit()
        self.status_message.emit(f"{counted(removed, 'antwoord', 'antwoorden')} verwijderd.")
