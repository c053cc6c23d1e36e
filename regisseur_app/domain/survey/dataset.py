"""The answers of one survey in memory, by response: what statistics and cross-tabs read (the need scores count
in SQL, survey.needs).

A survey of the region has at most some thousands of responses; one query per table loads them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from regisseur_app.domain.core.codelists import CodeItem
from regisseur_app.domain.core.memo import remembered
from regisseur_app.domain.core.municipalities import Municipality
from regisseur_app.domain.survey.models import Survey, SurveyAnswer, SurveyOption, SurveyQuestion, SurveyResponse


class SurveyInfo(NamedTuple):
    """What the analyses read of the survey itself."""

    id: int
    title: str
    year: int
    audience_id: int


class OptionInfo(NamedTuple):
    id: int
    code: str
    label: str
    value: float | None
    service_category_id: int | None


class QuestionInfo(NamedTuple):
    """A question as the analyses read it: its options in their order (plain values, detached from the
    session: the survey's statistics, cross-tabs, need scores, comparison and exports never write)."""

    id: int
    position: int
    code: str
    text: str
    kind: str
    service_category_id: int | None
    options: tuple[OptionInfo, ...]


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
    survey: SurveyInfo | None  # None for a survey id that does not exist
    questions: dict[int, QuestionInfo]
    responses: list[Facts]
    municipality_names: dict[str, str]
    audience_names: dict[int, str]

    def question(self, question_id: int) -> QuestionInfo:
        return self.questions[question_id]


def shared(session: Session, survey_id: int) -> Dataset:
    """`load(session, survey_id)`, once per session while it does not write (domain.core.memo: forgotten on any
    flush, DML statement or end of transaction): the batch of college reports reads each survey once for all its
    municipalities and the region. Read-only for its callers: never modify it."""
    return remembered(session, ("survey_dataset", survey_id), lambda: load(session, survey_id))


def load(session: Session, survey_id: int, nis_code: str | None = None) -> Dataset:
    """All responses of a survey (of one municipality when nis_code is given)."""
    survey = survey_infos(session).get(survey_id)
    return Dataset(survey, questions(session, survey_id),
                   responses(session, survey_id, nis_code, survey.audience_id if survey else None),
                   municipality_names(session), code_labels(session))


def questions(session: Session, survey_id: int) -> dict[int, QuestionInfo]:
    """The survey's questions by id, in their order, each with its options in theirs: one select (questions
    joined with their options) instead of loading question and option objects."""
    query = (select(SurveyQuestion.id, SurveyQuestion.position, SurveyQuestion.code, SurveyQuestion.text,
                    SurveyQuestion.kind, SurveyQuestion.service_category_id, SurveyOption.id, SurveyOption.code,
                    SurveyOption.label, SurveyOption.value, SurveyOption.service_category_id)
             .outerjoin(SurveyOption, SurveyOption.question_id == SurveyQuestion.id)
             .where(SurveyQuestion.survey_id == survey_id)
             .order_by(SurveyQuestion.position, SurveyQuestion.id, SurveyOption.position, SurveyOption.id))
    heads: dict[int, tuple] = {}
    options: dict[int, list[OptionInfo]] = {}
    for row in session.execute(query):
        qid = row[0]
        if qid not in heads:
            heads[qid], options[qid] = tuple(row[1:6]), []
        if row[6] is not None:
            options[qid].append(OptionInfo(*row[6:]))
    return {qid: QuestionInfo(qid, *head, tuple(options[qid])) for qid, head in heads.items()}


def responses(session: Session, survey_id: int, nis_code: str | None, audience_id: int | None) -> list[Facts]:
    """The survey's responses (of one municipality when nis_code is given) in the order of their ids, each
    with its answers in the order they were written; a response without an audience of its own gets
    `audience_id` (the survey's). One select: the responses joined with their answers."""
    query = (select(SurveyResponse.id, SurveyResponse.nis_code, SurveyResponse.audience_id,
                    SurveyAnswer.question_id, SurveyAnswer.option_id, SurveyAnswer.number_value,
                    SurveyAnswer.text_value)
             .outerjoin(SurveyAnswer, SurveyAnswer.response_id == SurveyResponse.id)
             .where(SurveyResponse.survey_id == survey_id)
             # by response first, so the database walks the response index in order instead of sorting every
             # answer of the survey
             .order_by(SurveyResponse.id, SurveyAnswer.id))
    if nis_code:
        query = query.where(SurveyResponse.nis_code == nis_code)
    found: list[Facts] = []
    response: Facts | None = None
    for rid, nis, audience, qid, option_id, number, text in session.execute(query):
        if response is None or rid != response.id:
            response = Facts(rid, nis, audience or audience_id)
            found.append(response)
        if qid is None:  # a response without answers
            continue
        if option_id is not None:
            response.options.setdefault(qid, []).append(option_id)
        elif number is not None:
            response.numbers[qid] = number
        elif text:
            response.texts[qid] = text
    return found


def survey_infos(session: Session) -> dict[int, SurveyInfo]:
    """Every survey by id (in the order of the ids), read once per session while it does not write: each dataset
    and the need scores (the surveys of a year) ask; a dict of the caller's own."""
    return dict(remembered(session, ("survey_infos",), lambda: {
        row.id: SurveyInfo(*row) for row in session.execute(
            select(Survey.id, Survey.title, Survey.year, Survey.audience_id).order_by(Survey.id))}))


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
