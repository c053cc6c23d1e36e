"""Respondenten: who was invited (municipality, organisation, contact), the response rate per
municipality, and reminders as .eml drafts for those who have not answered."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from regisseur_app.context import AppContext
from regisseur_app.domain.core.base import ValidationError
from regisseur_app.domain.survey import respondents
from regisseur_app.formatting import counted
from regisseur_app.operations import survey as ops
from regisseur_app.ui.survey.respondent_dialog import RespondentDialog
from regisseur_app.ui.survey.respondent_models import RateModel, RespondentModel
from regisseur_app.ui.table_base import read_only_table, sorting_proxy


class RespondentsTab(QWidget):
    status_message = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.survey_id: int | None = None
        self.model = RespondentModel(self)
        self.table = read_only_table(sorting_proxy(self.model), "respondents")
        for column, width in enumerate((110, 230, 170, 220, 110, 110)):
            self.table.setColumnWidth(column, width)
        self.rates = RateModel(self)
        self.rate_table = read_only_table(sorting_proxy(self.rates), "response_rates")
        self.hint = QLabel("Nog niemand uitgenodigd. Nodig respondenten uit per gemeente, met hun organisatie en "
                           "contactpersoon; dan volgt Regisseur de responsgraad op.", wordWrap=True)
        self.hint.setStyleSheet("color: #555;")
        self.invite_button = QPushButton("Uitnodigen…", objectName="invite")
        self.invite_button.clicked.connect(self.invite)
        self.delete_button = QPushButton("Verwijderen…", objectName="delete_respondent")
        self.delete_button.clicked.connect(self.delete_selected)
        self.remind_button = QPushButton("Herinneringen (.eml)…", objectName="reminders")
        self.remind_button.setToolTip("Een e-mailconcept per respondent die nog niet antwoordde")
        self.remind_button.clicked.connect(self.remind)
        bar = QHBoxLayout()
        for w in (self.invite_button, self.delete_button, self.remind_button):
            bar.addWidget(w)
        bar.addStretch()
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.hint)
        top_layout.addWidget(self.table)
        top_layout.addLayout(bar)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(QLabel("<b>Responsgraad per gemeente</b>"))
        bottom_layout.addWidget(self.rate_table)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        QShortcut(QKeySequence(Qt.Key.Key_Delete), self.table, activated=self.delete_selected)

    def set_survey(self, survey_id: int | None) -> None:
        self.survey_id = survey_id
        self.refresh()

    def refresh(self) -> None:
        rows, rates = [], []
        if self.survey_id is not None:
            with self.ctx.reading() as session:
                rows = respondents.list_respondents(session, self.survey_id)
                rates = respondents.response_rates(session, self.survey_id)
        self.model.set_rows(rows)
        self.rates.set_rows(rates)
        self.hint.setVisible(self.survey_id is not None and not rows)
        for button in (self.invite_button, self.delete_button, self.remind_button):
            button.setEnabled(self.survey_id is not None)

    def selected_ids(self) -> list[int]:
        proxy = self.table.model()
        return [self.model.row_at(proxy.mapToSource(i).row()).id for i in self.table.selectionModel().selectedRows()]

    def invite(self) -> None:
        if self.survey_id is not None and RespondentDialog(self.ctx, self.survey_id, self).exec():
            self.refresh()
            self.status_message.emit("Respondent uitgenodigd.")

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        if QMessageBox.question(self, "Respondenten verwijderen",
                                f"{counted(len(ids), 'respondent', 'respondenten')} verwijderen? Hun antwoorden "
                                "blijven bewaard (zonder koppeling).") != QMessageBox.StandardButton.Yes:
            return
        ops.delete_respondents(self.ctx, ids)
        self.refresh()

    def remind(self) -> None:
        if self.survey_id is None:
            return
        folder = QFileDialog.getExistingDirectory(self, "Map voor de herinneringen (.eml)")
        if not folder:
            return
        try:
            result = ops.write_reminders(self.ctx, self.survey_id, Path(folder), self.selected_ids() or None)
        except ValidationError as exc:
            QMessageBox.warning(self, "Geen herinneringen", "\n".join(exc.errors.values()))
            return
        self.refresh()
        text = f"{counted(len(result.written), 'herinnering', 'herinneringen')} geschreven in {folder}."
        if result.refused:
            text += "\nNiet mogelijk voor: " + "; ".join(result.refused) + "."
        QMessageBox.information(self, "Herinneringen", text)
        self.status_message.emit(text.splitlines()[0])
