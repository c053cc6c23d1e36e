"""Comparison with the previous year's survey, for the questions that match (same code, or the same text,
and the same kind): per option the % now and then and the difference in percentage points; for scales and
numbers the mean now and then.

The figures are those of the survey's statistics (stats.question_table, its total column) for the same
answers; they are counted in SQL per question and option (two grouped queries per survey) instead of loading
every response with its answers (≈ 30.000 answers a survey on the large region, read twice per comparison);
only the answers to scale and number questions are read one by one, for their means.
tests/unit/test_survey_comparison_tally.py compares the result with the former computation."""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from typing import NamedTuple

from sqlalchemy import distinct, func, or_, select
from sqlalchemy.orm import Session

from regisseur_app.domain.survey import dataset, questionnaire, stats
from regisseur_app.domain.survey.dataset import QuestionInfo
from regisseur_app.domain.survey.models import MULTI, NUMBER, SCALE, SINGLE, TEXT, YESNO, SurveyAnswer, SurveyResponse
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


class Tally(NamedTuple):
    """One question of one survey (and municipality) as the comparison reads it: what the total column of
    stats.question_table gives."""

    n: int                          # respondents who answered it (an option, a number or a text)
    percents: list[tuple[str, float | None]]  # per option in its order: label, % of n who chose it
    mean: float | None              # scales: of each respondent's first option's value; numbers: of the numbers


def tallies(session: Session, survey_id: int, questions: dict[int, QuestionInfo], nis_code: str | None = None
            ) -> dict[int, Tally]:
    """Per question of the survey (of the responses of one municipality when nis_code is given)."""

    def answers(*columns):  # noqa: ANN002, ANN202
        query = (select(*columns).join(SurveyResponse, SurveyResponse.id == SurveyAnswer.response_id)
                 .where(SurveyResponse.survey_id == survey_id))
        return query.where(SurveyResponse.nis_code == nis_code) if nis_code else query

    # an answer counts as given as the dataset reads it: an option, else a number, else a non-empty text
    given = or_(SurveyAnswer.option_id.is_not(None), SurveyAnswer.number_value.is_not(None),
                SurveyAnswer.text_value != "")
    people = func.count(distinct(SurveyAnswer.response_id))
    answered = dict(session.execute(answers(SurveyAnswer.question_id, people).where(given)
                                    .group_by(SurveyAnswer.question_id)).all())
    chosen: dict[int, dict[int, int]] = {}
    for question_id, option_id, count in session.execute(
            answers(SurveyAnswer.question_id, SurveyAnswer.option_id, people)
            .where(SurveyAnswer.option_id.is_not(None)).group_by(SurveyAnswer.question_id, SurveyAnswer.option_id)):
        chosen.setdefault(question_id, {})[option_id] = count
    measured = [q.id for q in questions.values() if q.kind in (SCALE, NUMBER)]
    firsts: dict[int, dict[int, int]] = {}     # scale question -> response -> its first option
    numbers: dict[int, dict[int, float]] = {}  # number question -> response -> its (last) number
    if measured:
        for response_id, question_id, option_id, number in session.execute(
                answers(SurveyAnswer.response_id, SurveyAnswer.question_id, SurveyAnswer.option_id,
                        SurveyAnswer.number_value)
                .where(SurveyAnswer.question_id.in_(measured),
                       or_(SurveyAnswer.option_id.is_not(None), SurveyAnswer.number_value.is_not(None)))
                .order_by(SurveyAnswer.response_id, SurveyAnswer.id)):
            if option_id is not None:
                firsts.setdefault(question_id, {}).setdefault(response_id, option_id)
            else:
                numbers.setdefault(question_id, {})[response_id] = number
    found = {}
    for question in questions.values():
        n = answered.get(question.id, 0)
        percents = []
        if question.kind in (SINGLE, MULTI, SCALE, YESNO):
            counts = chosen.get(question.id, {})
            percents = [(o.label, 100.0 * counts.get(o.id, 0) / n if n else None) for o in question.options]
        values: list[float] = []
        if question.kind == SCALE:
            value = {o.id: o.value for o in question.options}
            values = [value[o] for o in firsts.get(question.id, {}).values()]
        elif question.kind == NUMBER:
            values = list(numbers.get(question.id, {}).values())
        found[question.id] = Tally(n, percents, statistics.fmean(values) if values else None)
    return found


def _match(question: QuestionInfo, previous: list[QuestionInfo]) -> QuestionInfo | None:
    for other in previous:
        if other.kind == question.kind and other.code == question.code and fold(other.text) == fold(question.text):
            return other
    for other in previous:
        if other.kind == question.kind and fold(other.text) == fold(question.text):
            return other
    return None


def compare(session: Session, survey_id: int, nis_code: str | None = None) -> Comparison:
    survey = dataset.survey_infos(session)[survey_id]
    asked = dataset.questions(session, survey_id)
    previous = questionnaire.previous_survey(session, survey_id)
    if previous is None:
        return Comparison(survey.year, None, "", [], [q.text for q in asked.values()])
    asked_before = dataset.questions(session, previous.id)
    now, before = tallies(session, survey_id, asked, nis_code), tallies(session, previous.id, asked_before, nis_code)
    rows: list[ComparisonRow] = []
    unmatched: list[str] = []
    for question in asked.values():
        if question.kind == TEXT:
            continue
        other = _match(question, list(asked_before.values()))
        if other is None:
            unmatched.append(question.text)
            continue
        a, b = now[question.id], before[other.id]
        if question.kind in (SCALE, NUMBER):
            rows.append(ComparisonRow(question.text, "gemiddelde", a.mean, a.n, b.mean, b.n, ""))
        if question.kind != NUMBER:
            old = {fold(label): percent for label, percent in b.percents}
            for label, percent in a.percents:
                rows.append(ComparisonRow(question.text, label, percent, a.n, old.get(fold(label)), b.n, "%"))
    return Comparison(survey.year, previous.year, previous.title, rows, unmatched)
