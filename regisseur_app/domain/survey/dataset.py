"""The answers of one survey in memory, by response: what statistics, cross-tabs and need scores read.

A survey of the region has at most some thousands of responses; one query per table loads them."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from regisseur_app.domain.core.codelists import CodeItem
from regisseur_app.domain.core.memo import remembered
from regisseur_app.domain.core.municipalities import Municipality
from regisseur_app.domain.survey.models import Survey, SurveyAnswer, SurveyQuestion, SurveyResponse


@dataclass
class Facts:
    """One response: where it comes from and its answers by question id."""

    id: int
    nis_code: str
    audience_id: int | None
    options: dict[int, list[int]] = field(default_factory=dict)
    numbers: dict[int, float] = field(default_factory=dict)
    texts: dict[int, str] = field(default_factory=dict)

    def answered(self, question_id: int) -> bool:
        return question_id in self.options or question_id in self.numbers or question_id in self.texts


@dataclass
class Dataset:
    survey: Survey
    questions: dict[int, SurveyQuestion]
    responses: list[Facts]
    municipality_names: dict[str, str]
    audience_names: dict[int, str]

    def question(self, question_id: int) -> SurveyQuestion:
        return self.questions[question_id]


def shared(session: Session, survey_id: int) -> Dataset:
    """`load(session, survey_id)`, once per session while it does not write (domain.core.memo: forgotten on any
    flush, DML statement or end of transaction): the report's survey section and the need scores of the gap
    list and of the survey section read the same datasets. Read-only for its callers: never modify it."""
    return remembered(session, ("survey_dataset", survey_id), lambda: load(session, survey_id))


def load(session: Session, survey_id: int, nis_code: str | None = None) -> Dataset:
    """All responses of a survey (of one municipality when nis_code is given)."""
    survey = session.get(Survey, survey_id)
    questions = {q.id: q for q in session.scalars(
        select(SurveyQuestion).where(SurveyQuestion.survey_id == survey_id)
        .options(selectinload(SurveyQuestion.options)).order_by(SurveyQuestion.position))}
    query = select(SurveyResponse.id, SurveyResponse.nis_code, SurveyResponse.audience_id).where(
        SurveyResponse.survey_id == survey_id).order_by(SurveyResponse.id)
    if nis_code:
        query = query.where(SurveyResponse.nis_code == nis_code)
    facts = {rid: Facts(rid, nis, audience or (survey.audience_id if survey else None))
             for rid, nis, audience in session.execute(query)}
    answers = (select(SurveyAnswer.response_id, SurveyAnswer.question_id, SurveyAnswer.option_id,
                      SurveyAnswer.number_value, SurveyAnswer.text_value)
               .join(SurveyResponse, SurveyResponse.id == SurveyAnswer.response_id)
               .where(SurveyResponse.survey_id == survey_id)
               # each response's answers in the order they were written; by response first, so the database
               # walks the response index in order instead of sorting every answer of the survey
               .order_by(SurveyResponse.id, SurveyAnswer.id))
    for rid, qid, option_id, number, text in session.execute(answers):
        response = facts.get(rid)
        if response is None:
            continue
        if option_id is not None:
            response.options.setdefault(qid, []).append(option_id)
        elif number is not None:
            response.numbers[qid] = number
        elif text:
            response.texts[qid] = text
    return Dataset(survey, questions, list(facts.values()), municipality_names(session), code_labels(session))


def municipality_names(session: Session) -> dict[str, str]:
    """NIS code -> name of every municipality, read once per session while it does not write (every dataset
    and need score of a report asks); a dict of the caller's own."""
    return dict(remembered(session, ("municipality_names",),
                           lambda: dict(session.execute(select(Municipality.nis_code, Municipality.name)).all())))


def code_labels(session: Session) -> dict[int, str]:
    """Code item id -> label of every code list, read once per session while it does not write; a dict of the
    caller's own."""
    return dict(remembered(session, ("code_labels",),
                           lambda: dict(session.execute(select(CodeItem.id, CodeItem.label)).all())))
