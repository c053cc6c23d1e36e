"""The 'Behoeftepeiling' page: pick a survey (new, edit, copy to next year, delete), then its tabs:
Vragenlijst, Respondenten, Antwoorden, Analyse, Vergelijking, Noodscores."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QMessageBox, QPushButton, QTabWidget, QVBoxLayout, QWidget

from regisseur_app.context import AppContext
from regisseur_app.domain.survey import questionnaire
from regisseur_app.formatting import counted
from regisseur_app.operations import survey as ops
from regisseur_app.ui.page import Command, Page, ReadMarks
from regisseur_app.ui.survey.analysis_tab import AnalysisTab
from regisseur_app.ui.survey.builder_tab import BuilderTab
from regisseur_app.ui.survey.comparison_tab import ComparisonTab
from regisseur_app.ui.survey.needs_tab import NeedsTab
from regisseur_app.ui.survey.respondents_tab import RespondentsTab
from regisseur_app.ui.survey.responses_tab import ResponsesTab
from regisseur_app.ui.survey.survey_dialog import SurveyDialog

BUILDER, RESPONDENTS, RESPONSES, ANALYSIS, COMPARISON, NEEDS = range(6)


class SurveyPage(Page):
    COMMANDS = frozenset({Command.NEW, Command.IMPORT, Command.EXPORT, Command.SEARCH})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.survey_combo = QComboBox(objectName="survey_choice")
        self.survey_combo.setMinimumContentsLength(40)
        self.survey_combo.currentIndexChanged.connect(lambda _i: self._survey_changed())
        self.buttons: dict[str, QPushButton] = {}
        top = QHBoxLayout()
        top.addWidget(QLabel("Peiling:"))
        top.addWidget(self.survey_combo, 1)
        for name, text, slot in (("new_survey", "Nieuwe peiling…", lambda: self.open_editor(None)),
                                 ("edit_survey", "Bewerken…", self.edit_survey),
                                 ("copy_survey", "Kopiëren naar volgend jaar", self.copy_survey),
                                 ("delete_survey", "Verwijderen…", self.delete_survey)):
            button = QPushButton(text, objectName=name)
            button.clicked.connect(slot)
            top.addWidget(button)
            self.buttons[name] = button
        self.buttons["new_survey"].setToolTip("Nieuwe peiling (Ctrl+N)")
        self.buttons["copy_survey"].setToolTip("Een kopie met dezelfde vragen voor het volgende jaar; de antwoorden "
                                               "worden dan met dit jaar vergeleken")
        self.empty = QLabel("Nog geen behoeftepeiling. Maak er een met 'Nieuwe peiling…' (Ctrl+N).", objectName="hint")
        self.empty.setStyleSheet("color: #555;")
        self.builder = BuilderTab(ctx)
        self.respondents = RespondentsTab(ctx)
        self.responses = ResponsesTab(ctx)
        self.analysis = AnalysisTab(ctx)
        self.comparison = ComparisonTab(ctx)
        self.needs = NeedsTab(ctx)
        self.tabs = QTabWidget(objectName="survey_tabs")
        for widget, title in ((self.builder, "Vragenlijst"), (self.respondents, "Respondenten"),
                              (self.responses, "Antwoorden"), (self.analysis, "Analyse"),
                              (self.comparison, "Vergelijking met vorig jaar"), (self.needs, "Noodscores")):
            self.tabs.addTab(widget, title)
            if hasattr(widget, "status_message"):
                widget.status_message.connect(self.status_message)
        self._read = ReadMarks(ctx)  # per tab, the survey and data of its last read
        self.tabs.currentChanged.connect(lambda _i: self._tab_changed())
        self.responses.changed.connect(self._reload_surveys)
        self.import_button = QPushButton("Importeren…", objectName="import_answers")
        self.import_button.setToolTip("Antwoorden uit Microsoft Forms, Google Forms, LimeSurvey, KoboToolbox/ODK of "
                                      "het Excel-sjabloon (Ctrl+I)")
        self.import_button.clicked.connect(self.import_file)
        self.responses.add_button(self.import_button)
        self.export_button = QPushButton("Resultaten (Excel)…", objectName="export_results")
        self.export_button.setToolTip("Eén werkblad per vraag, per gemeente naast elkaar, plus de ruwe antwoorden "
                                      "(Ctrl+E)")
        self.export_button.clicked.connect(self.export_list)
        self.analysis.add_button(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.empty)
        layout.addWidget(self.tabs, 1)
        self.comparison.reload_choices()
        self._reload_surveys(read=False)  # the tab on screen is read when the page is shown (the window's refresh)

    # ---- page protocol ------------------------------------------------------------------------------
    def reload_choices(self) -> None:
        self.comparison.reload_choices()
        self._reload_surveys()

    def refresh(self) -> None:
        self._refresh_tab()

    def focus_search(self) -> None:
        self.tabs.setCurrentIndex(RESPONSES)
        self.responses.search.setFocus()

    def open_editor(self, _item) -> None:  # noqa: ANN001
        dialog = SurveyDialog(self.ctx, None, self)
        if dialog.exec():
            self._reload_surveys(dialog.saved_id)
            self.tabs.setCurrentIndex(BUILDER)
            self.status_message.emit("Peiling aangemaakt: voeg nu de vragen toe.")

    def import_file(self) -> None:
        from regisseur_app.ui.survey.import_dialog import SurveyImportDialog

        if self.survey_id() is None:
            QMessageBox.information(self, "Geen peiling", "Kies of maak eerst een peiling.")
            return
        dialog = SurveyImportDialog(self.ctx, self.survey_id(), self)
        if dialog.exec() and dialog.outcome is not None:
            self._reload_surveys()
            self.tabs.setCurrentIndex(RESPONSES)
            self.status_message.emit(f"{counted(dialog.outcome.added, 'antwoord', 'antwoorden')} geïmporteerd.")

    def export_list(self) -> None:
        from regisseur_app.ui.survey.outputs import write_output

        if self.survey_id() is None:
            return
        title = self.survey_combo.currentText().split(" (")[0]
        target = write_output(self, self.ctx, self.survey_id(), title, "results")
        if target is not None:
            self.status_message.emit(f"Resultaten bewaard: {target}")

    # ---- surveys ------------------------------------------------------------------------------------
    def survey_id(self) -> int | None:
        return self.survey_combo.currentData()

    def _reload_surveys(self, select: int | None = None, *, read: bool = True) -> None:
        current = select or self.survey_id()
        with self.ctx.reading() as session:
            rows = questionnaire.list_surveys(session)
        self.survey_combo.blockSignals(True)
        self.survey_combo.clear()
        for row in rows:
            self.survey_combo.addItem(f"{row.year} – {row.title} ({row.audience}; "
                                      f"{counted(row.questions, 'vraag', 'vragen')}, "
                                      f"{counted(row.responses, 'antwoord', 'antwoorden')})", row.id)
        self.survey_combo.setCurrentIndex(max(0, self.survey_combo.findData(current)))
        self.survey_combo.blockSignals(False)
        self._survey_changed(read)

    def _survey_changed(self, read: bool = True) -> None:
        has = self.survey_id() is not None
        self.empty.setVisible(not has)
        for name in ("edit_survey", "copy_survey", "delete_survey"):
            self.buttons[name].setEnabled(has)
        if read:
            self._tab_changed()

    def _refresh_tab(self) -> None:
        widget = self.tabs.currentWidget()
        if widget is self.needs:
            self.needs.refresh()
        else:
            widget.set_survey(self.survey_id())
        self._read.mark(widget, self._survey_of(widget))

    def _survey_of(self, widget: QWidget) -> int | None:
        """Besides the data and the day, what a tab shows depends on the survey chosen; not so the need scores
        (those of the latest survey year)."""
        return None if widget is self.needs else self.survey_id()

    def _tab_changed(self) -> None:
        """A tab shown again, or another survey chosen, is read again only when what it shows depends on changed
        since its last read (the answers or the need scores took 0,3-0,7 s on the large region)."""
        widget = self.tabs.currentWidget()
        if self._read.stale(widget, self._survey_of(widget)):
            self._refresh_tab()

    def edit_survey(self) -> None:
        if self.survey_id() is not None and SurveyDialog(self.ctx, self.survey_id(), self).exec():
            self._reload_surveys()

    def copy_survey(self) -> None:
        if self.survey_id() is None:
            return
        new_id = ops.copy_survey(self.ctx, self.survey_id())
        self._reload_surveys(new_id)
        self.status_message.emit("Peiling gekopieerd naar het volgende jaar (zelfde vragen, nog geen antwoorden).")

    def delete_survey(self) -> None:
        if self.survey_id() is None:
            return
        text = self.survey_combo.currentText()
        if QMessageBox.question(self, "Peiling verwijderen",
                                f"De peiling '{text}' met al haar vragen, respondenten en antwoorden verwijderen? "
                                "Er wordt eerst een back-up gemaakt.") != QMessageBox.StandardButton.Yes:
            return
        ops.delete_survey(self.ctx, self.survey_id())
        self._reload_surveys()
        self.status_message.emit("Peiling verwijderd.")
