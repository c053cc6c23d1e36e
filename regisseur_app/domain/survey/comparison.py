"""Comparison with the previous year's survey, for the questions that match (same code, or the same text,
and the same kind): per option the % now and then and the difference in percentage points; for scales and
numbers the mean now and then.

The figures are those of the survey's statistics (stats.question_table, its total column) for the same
answers; they are counted in SQL per question and option (two grouped queries per survey) instead of loading
every response with its answers (≈ 30.000 answers a survey on the large region, read twice per comparison);
only the answers to number questions (and to a scale where someone chose two options) are read one by one, for
their means.
tests/unit/test_survey_comparison_tally.py compares the result with the former computation."""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from typing import NamedTuple

from sqlalchemy import case, distinct, func, or_, select
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

    # the tables' columns, not the mapped classes': plain rows, without the ORM's per-row loading
    answer, response = SurveyAnswer.__table__.c, SurveyResponse.__table__.c

    def answers(*columns):  # noqa: ANN002, ANN202
        query = select(*columns).join_from(SurveyAnswer.__table__, SurveyResponse.__table__,
                                           response.id == answer.response_id).where(response.survey_id == survey_id)
        return query.where(response.nis_code == nis_code) if nis_code else query

    # an answer counts as given as the dataset reads it: an option, else a number, else a non-empty text
    given = or_(answer.option_id.is_not(None), answer.number_value.is_not(None), answer.text_value != "")
    people = func.count(distinct(answer.response_id))
    answered: dict[int, int] = {}
    with_option: dict[int, int] = {}  # respondents with at least one option
    for question_id, n, optioned in session.execute(
            answers(answer.question_id, people,
                    func.count(distinct(case((answer.option_id.is_not(None), answer.response_id)))))
            .where(given).group_by(answer.question_id)).all():
        answered[question_id], with_option[question_id] = n, optioned
    chosen: dict[int, dict[int, int]] = {}
    option_rows: dict[int, int] = {}
    for question_id, option_id, count, rows in session.execute(
            answers(answer.question_id, answer.option_id, people, func.count())
            .where(answer.option_id.is_not(None)).group_by(answer.question_id, answer.option_id)).all():
        chosen.setdefault(question_id, {})[option_id] = count
        option_rows[question_id] = option_rows.get(question_id, 0) + rows
    # a scale's mean is of each respondent's first option: when nobody gave two, the counts per option say it;
    # numbers (the last one per respondent) and scales with two options somewhere are read answer by answer
    single = {q.id for q in questions.values()
              if q.kind == SCALE and option_rows.get(q.id, 0) == with_option.get(q.id, 0)}
    measured = [q.id for q in questions.values() if q.kind in (SCALE, NUMBER) and q.id not in single]
    firsts: dict[int, dict[int, int]] = {}     # scale question -> response -> its first option
    numbers: dict[int, dict[int, float]] = {}  # number question -> response -> its (last) number
    if measured:
        for response_id, question_id, option_id, number in session.execute(
                answers(answer.response_id, answer.question_id, answer.option_id, answer.number_value)
                .where(answer.question_id.in_(measured),
                       or_(answer.option_id.is_not(None), answer.number_value.is_not(None)))
                .order_by(answer.response_id, answer.id)).all():
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
            if question.id in single:  # the same values, in another order: fmean adds exactly (math.fsum)
                values = [value[o] for o, count in chosen.get(question.id, {}).items() for _ in range(count)]
            else:
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
