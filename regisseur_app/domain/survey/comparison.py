"""Comparison with the previous year's survey, for the questions that match (same code, or the same text,
and the same kind): per option the % now and then and the difference in percentage points; for scales and
numbers the mean now and then."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from regisseur_app.domain.survey import dataset, questionnaire, stats
from regisseur_app.domain.survey.dataset import QuestionInfo
from regisseur_app.domain.survey.models import NUMBER, SCALE, TEXT
from regisseur_app.storage.engine import fold


@dataclass(frozen=True)
class ComparisonRow:
    question: str
    answer: str       # option label, or "gemiddelde"
    now: float | None
    n_now: int
    before: float | None
    n_before: int
    unit: str         # "%" or "" (a mean)

    @property
    def difference(self) -> float | None:
        return None if self.now is None or self.before is None else self.now - self.before

    @property
    def small(self) -> bool:
        return self.n_now < stats.SMALL or self.n_before < stats.SMALL


@dataclass
class Comparison:
    year_now: int
    year_before: int | None
    title_before: str
    rows: list[ComparisonRow]
    unmatched: list[str]  # questions of this year without a match last year


def _match(question: QuestionInfo, previous: list[QuestionInfo]) -> QuestionInfo | None:
    for other in previous:
        if other.kind == question.kind and other.code == question.code and fold(other.text) == fold(question.text):
            return other
    for other in previous:
        if other.kind == question.kind and fold(other.text) == fold(question.text):
            return other
    return None


def compare(session: Session, survey_id: int, nis_code: str | None = None) -> Comparison:
    now = dataset.load(session, survey_id, nis_code)
    previous = questionnaire.previous_survey(session, survey_id)
    if previous is None:
        return Comparison(now.survey.year, None, "", [], [q.text for q in now.questions.values()])
    before = dataset.load(session, previous.id, nis_code)
    rows: list[ComparisonRow] = []
    unmatched: list[str] = []
    for question in now.questions.values():
        if question.kind == TEXT:
            continue
        other = _match(question, list(before.questions.values()))
        if other is None:
            unmatched.append(question.text)
            continue
        a, b = stats.question_table(now, question.id), stats.question_table(before, other.id)
        if question.kind in (SCALE, NUMBER):
            rows.append(ComparisonRow(question.text, "gemiddelde", a.summaries[0].mean, a.n, b.summaries[0].mean,
                                      b.n, ""))
        if question.kind != NUMBER:
            old = {fold(r.label): r for r in b.rows}
            for row in a.rows:
                match = old.get(fold(row.label))
                rows.append(ComparisonRow(question.text, row.label, row.percents[0], a.n,
                                          match.percents[0] if match else None, b.n, "%"))
    return Comparison(now.survey.year, previous.year, previous.title, rows, unmatched)
