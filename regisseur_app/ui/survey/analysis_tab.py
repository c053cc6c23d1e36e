"""Analyse: one question at a time, overall and per municipality side by side, or crossed with audience or
any single-choice question; a bar chart (stacked bars for scales), mean/median for scales and numbers,
open answers with a filter. Groups with fewer than 5 answers are marked as too small to interpret."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from regisseur_app.context import AppContext
from regisseur_app.domain.survey import dataset, stats
from regisseur_app.domain.survey.models import NUMBER, SCALE, TEXT
from regisseur_app.formatting import format_number
from regisseur_app.ui.analysis.charts import BarChart
from regisseur_app.ui.fit_contents import fit_to_contents
from regisseur_app.ui.survey.stacked_chart import StackedBarChart
from regisseur_app.ui.survey.stats_model import StatsModel
from regisseur_app.ui.survey.text_model import TextAnswerModel
from regisseur_app.ui.table_base import read_only_table, sorting_proxy

BARS, STACKED = range(2)


class AnalysisTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.survey_id: int | None = None
        self.data: dataset.Dataset | None = None
        self.texts: list[tuple[str, str]] = []
        self.question_combo = QComboBox(objectName="analysis_question")
        self.question_combo.setMinimumContentsLength(50)
        self.group_combo = QComboBox(objectName="analysis_grouping")
        self.group_combo.setMinimumContentsLength(30)
        self.question_combo.currentIndexChanged.connect(lambda _i: self._question_changed())
        self.group_combo.currentIndexChanged.connect(lambda _i: self.show_question())
        bar = QHBoxLayout()
        bar.addWidget(QLabel("Vraag:"))
        bar.addWidget(self.question_combo, 3)
        bar.addWidget(QLabel("Uitsplitsen naar:"))
        bar.addWidget(self.group_combo, 2)
        self.bar = bar
        self.model = StatsModel(self)
        self.table = QTableView(objectName="question_stats")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        fit_to_contents(self.table)
        self.text_model = TextAnswerModel(self)
        self.text_table = read_only_table(sorting_proxy(self.text_model), "open_answers")
        self.text_filter = QLineEdit(objectName="open_filter", placeholderText="Filter de open antwoorden…")
        self.text_filter.setClearButtonEnabled(True)
        self.text_filter.textChanged.connect(lambda _t: self._show_texts())
        texts = QWidget()
        text_layout = QVBoxLayout(texts)
        text_layout.setContentsMargins(0, 0, 0, 0)
        text_layout.addWidget(self.text_filter)
        text_layout.addWidget(self.text_table)
        self.bars = BarChart()
        self.stacked = StackedBarChart()
        self.charts = QStackedWidget(objectName="survey_chart")
        self.charts.addWidget(self.bars)
        self.charts.addWidget(self.stacked)
        self.body = QStackedWidget()
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(self.charts)
        split.setSizes([560, 440])
        self.body.addWidget(split)
        self.body.addWidget(texts)
        self.note = QLabel(objectName="analysis_note", wordWrap=True)
        self.note.setStyleSheet("color: #555;")
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.note)

    def add_button(self, button) -> None:  # noqa: ANN001
        self.bar.addWidget(button)

    def set_survey(self, survey_id: int | None) -> None:
        self.survey_id = survey_id
        self.refresh()

    def refresh(self) -> None:
        current = self.question_combo.currentData()
        self.data = None
        if self.survey_id is not None:
            with self.ctx.reading() as session:
                self.data = dataset.load(session, self.survey_id)
        self.question_combo.blockSignals(True)
        self.question_combo.clear()
        for q in (self.data.questions.values() if self.data else ()):
            self.question_combo.addItem(f"{q.position}. {q.text}", q.id)
        self.question_combo.setCurrentIndex(max(0, self.question_combo.findData(current)))
        self.question_combo.blockSignals(False)
        self._question_changed()

    def _question_changed(self) -> None:
        current = self.group_combo.currentData()
        self.group_combo.blockSignals(True)
        self.group_combo.clear()
        if self.data is not None and self.question_combo.currentData() is not None:
            for g in stats.groupings(self.data, self.question_combo.currentData()):
                self.group_combo.addItem(g.label, g)
            index = next((i for i in range(self.group_combo.count())
                          if current is not None and self.group_combo.itemData(i).key == current.key), 0)
            self.group_combo.setCurrentIndex(index)
        self.group_combo.blockSignals(False)
        self.show_question()

    def show_question(self) -> None:
        qid = self.question_combo.currentData()
        if self.data is None or qid is None:
            self.model.set_table(None)
            self.note.setText("Deze peiling heeft nog geen vragen." if self.survey_id else "Kies of maak een peiling.")
            return
        table = stats.question_table(self.data, qid, self.group_combo.currentData())
        self.model.set_table(table)
        question = self.data.questions[qid]
        self.group_combo.setEnabled(question.kind != TEXT)
        if question.kind == TEXT:
            self.body.setCurrentIndex(1)
            self.texts = table.texts
            self._show_texts()
        else:
            self.body.setCurrentIndex(0)
            self._chart(table)
        small = [g.label for g in table.groups[1:] if g.small]
        parts = [f"Beantwoord door {table.n} van {len(self.data.responses)} respondenten."]
        if table.summaries and table.summaries[0].n:
            s = table.summaries[0]
            parts.append(f"Gemiddelde {format_number(s.mean, 2)}, mediaan {format_number(s.median, 1)}"
                         + (f", som {format_number(s.total, 0 if s.total.is_integer() else 2)}"
                            if question.kind == NUMBER else "") + ".")
        if question.kind not in (TEXT, NUMBER) and question.kind != SCALE:
            parts.append("Percentages van wie de vraag beantwoordde (bij meervoudige keuze kan de som boven 100 % "
                         "liggen).")
        if small:
            parts.append(f"Minder dan {stats.SMALL} antwoorden, {stats.SMALL_LABEL}: {', '.join(small)}.")
        self.note.setText(" ".join(parts))

    def _chart(self, table: stats.QuestionTable) -> None:
        if table.kind == SCALE:
            groups = table.groups
            series = [(r.label, [p or 0.0 for p in r.percents]) for r in table.rows]
            self.stacked.set_data(f"Verdeling per {table.grouping.label.lower()} (%)", [g.label for g in groups],
                                  series, [g.small for g in groups])
            self.charts.setCurrentIndex(STACKED)
        elif table.kind == NUMBER:
            groups = table.groups[1:]
            self.bars.set_data(f"Gemiddelde per {table.grouping.label.lower()}", [g.label for g in groups],
                               [s.mean for s in table.summaries[1:]], 1,
                               ("regio", table.summaries[0].mean) if table.summaries[0].mean is not None else None)
            self.charts.setCurrentIndex(BARS)
        else:
            self.bars.set_data("Aandeel van de antwoorden (%)", [r.label for r in table.rows],
                               [r.percents[0] for r in table.rows], 1)
            self.charts.setCurrentIndex(BARS)

    def _show_texts(self) -> None:
        self.text_model.set_rows(stats.filter_texts(self.texts, self.text_filter.text()))
