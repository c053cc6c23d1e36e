"""Answers: one filled-in questionnaire (a response) with its answers; keyed in, edited, deleted."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, selectinload

from regisseur_app.domain.core.base import ValidationError
from regisseur_app.domain.core.municipalities import Municipality
from regisseur_app.domain.survey.models import (
    MULTI,
    NUMBER,
    SCALE,
    SOURCE_MANUAL,
    SOURCES,
    TEXT,
    Survey,
    SurveyAnswer,
    SurveyOption,
    SurveyQuestion,
    SurveyRespondent,
    SurveyResponse,
)
from regisseur_app.domain.survey.privacy import national_number_problem
from regisseur_app.formatting import format_number
from regisseur_app.storage.bulk import insert_many

AnswerValue = list[int] | float | str | None  # option ids, a number or a text; None/[]/"" = not answered
MAX_TEXT = 4000


@dataclass
class ResponseInput:
    nis_code: str | None
    answers: dict[int, AnswerValue] = field(default_factory=dict)
    respondent_id: int | None = None
    audience_id: int | None = None
    external_id: str = ""
    source: str = SOURCE_MANUAL
    submitted_at: datetime | None = None


@dataclass(frozen=True)
class ResponseRow:
    id: int
    municipality: str
    nis_code: str
    source: str
    submitted_at: datetime | None
    respondent: str
    answered: int
    external_id: str


def _questions(session: Session, survey_id: int) -> dict[int, SurveyQuestion]:
    query = (select(SurveyQuestion).where(SurveyQuestion.survey_id == survey_id)
             .options(selectinload(SurveyQuestion.options)))
    return {q.id: q for q in session.scalars(query)}


def validate_answers(questions: dict[int, SurveyQuestion], answers: dict[int, AnswerValue]) -> dict[str, str]:
    """Errors keyed 'q<id>' (Dutch, naming the question)."""
    errors: dict[str, str] = {}
    for qid, question in questions.items():
        value = answers.get(qid)
        key, name = f"q{qid}", f"Vraag '{question.text[:60]}'"
        empty = value is None or value == [] or (isinstance(value, str) and not value.strip())
        if empty:
            if question.required:
                errors[key] = f"{name} is verplicht."
            continue
        if question.kind == NUMBER:
            if not isinstance(value, (int, float)) or isinstance(value, bool):
                errors[key] = f"{name}: '{value}' is geen getal."
        elif question.kind == TEXT:
            text = str(value)
            if len(text) > MAX_TEXT:
                errors[key] = f"{name}: het antwoord is te lang (maximaal {format_number(MAX_TEXT)} tekens)."
            elif problem := national_number_problem(text):
                errors[key] = f"{name}: {problem}"
        else:
            chosen = list(value) if isinstance(value, (list, tuple)) else None
            valid = {o.id for o in question.options}
            if chosen is None or any(c not in valid for c in chosen):
                errors[key] = f"{name}: dit antwoord bestaat niet bij deze vraag."
            elif question.kind != MULTI and len(chosen) > 1:
                errors[key] = f"{name}: kies één antwoord."
    unknown = set(answers) - set(questions)
    if unknown:
        errors["answers"] = "Er zijn antwoorden op vragen die niet (meer) in deze peiling staan."
    return errors


ANSWER_COLUMNS = ("question_id", "option_id", "number_value", "text_value")


def answer_values(question, value: AnswerValue) -> list[tuple]:  # noqa: ANN001  (a SurveyQuestion or QuestionView)
    """The answer rows of one question's answer as tuples of ANSWER_COLUMNS (none when unanswered): one
    row per chosen option (a scale's row carries its value), or one number or text."""
    if value is None or value == [] or (isinstance(value, str) and not value.strip()):
        return []
    if question.kind == NUMBER:
        return [(question.id, None, float(value), "")]
    if question.kind == TEXT:
        return [(question.id, None, None, str(value).strip())]
    if question.kind == SCALE:
        options = {o.id: o.value for o in question.options}
        return [(question.id, oid, None if options[oid] is None else float(options[oid]), "")
                for oid in dict.fromkeys(value)]
    return [(question.id, oid, None, "") for oid in dict.fromkeys(value)]


def answer_rows(question: SurveyQuestion, value: AnswerValue) -> list[SurveyAnswer]:
    return [SurveyAnswer(**dict(zip(ANSWER_COLUMNS, row, strict=True))) for row in answer_values(question, value)]


def save_response(session: Session, survey_id: int, data: ResponseInput, response_id: int | None = None) -> int:
    questions = _questions(session, survey_id)
    errors = validate_answers(questions, data.answers)
    respondent = session.get(SurveyRespondent, data.respondent_id) if data.respondent_id else None
    nis_code = data.nis_code or (respondent.nis_code if respondent else None)
    if not nis_code or session.get(Municipality, nis_code) is None:
        errors["municipality"] = "Kies de gemeente van de respondent."
    if data.respondent_id and (respondent is None or respondent.survey_id != survey_id):
        errors["respondent"] = "Deze respondent hoort niet bij deze peiling."
    if not any(answer_rows(questions[q], v) for q, v in data.answers.items() if q in questions) and not errors:
        errors["answers"] = "Er is nog geen enkele vraag beantwoord."
    if errors:
        raise ValidationError(errors)
    if response_id:
        response = session.get(SurveyResponse, response_id)
        if response is None or response.survey_id != survey_id:
            raise ValidationError({"answers": "Dit antwoord bestaat niet meer."})
        response.answers = []
        session.flush()
    else:
        external = data.external_id or f"{SOURCE_MANUAL}-{uuid.uuid4().hex}"
        response = SurveyResponse(survey_id=survey_id, external_id=external, source=data.source,
                                  submitted_at=data.submitted_at or datetime.now().replace(microsecond=0))
        session.add(response)
    response.nis_code, response.respondent_id, response.audience_id = nis_code, data.respondent_id, data.audience_id
    response.answers = [row for qid, value in data.answers.items() for row in answer_rows(questions[qid], value)]
    session.flush()
    return response.id


def load_response(session: Session, response_id: int) -> ResponseInput:
    response = session.scalar(select(SurveyResponse).where(SurveyResponse.id == response_id)
                              .options(selectinload(SurveyResponse.answers)))
    if response is None:
        raise ValidationError({"answers": "Dit antwoord bestaat niet meer."})
    kinds = dict(session.execute(select(SurveyQuestion.id, SurveyQuestion.kind)
                                 .where(SurveyQuestion.survey_id == response.survey_id)).all())
    answers: dict[int, AnswerValue] = {}
    for answer in response.answers:
        kind = kinds.get(answer.question_id)
        if kind == NUMBER:
            answers[answer.question_id] = answer.number_value
        elif kind == TEXT:
            answers[answer.question_id] = answer.text_value
        else:
            answers.setdefault(answer.question_id, []).append(answer.option_id)
    return ResponseInput(response.nis_code, answers, response.respondent_id, response.audience_id,
                         response.external_id, response.source, response.submitted_at)


def delete_responses(session: Session, ids: list[int]) -> int:
    rows = list(session.scalars(select(SurveyResponse).where(SurveyResponse.id.in_(ids))))
    for row in rows:
        session.delete(row)
    return len(rows)


def list_responses(session: Session, survey_id: int) -> list[ResponseRow]:
    from regisseur_app.domain.core.organisations import Contact, Organisation

    # the questions answered, counted per response of this survey through the answers' response index (a
    # count grouped over every answer of every survey took 0,11 s on the large region)
    answered = (select(func.count(func.distinct(SurveyAnswer.question_id)))
                .where(SurveyAnswer.response_id == SurveyResponse.id).scalar_subquery())
    query = (select(SurveyResponse.id, Municipality.name, SurveyResponse.nis_code, SurveyResponse.source,
                    SurveyResponse.submitted_at, Organisation.name, Contact.name, answered, SurveyResponse.external_id)
             .join(Municipality, Municipality.nis_code == SurveyResponse.nis_code)
             .outerjoin(SurveyRespondent, SurveyRespondent.id == SurveyResponse.respondent_id)
             .outerjoin(Organisation, Organisation.id == SurveyRespondent.organisation_id)
             .outerjoin(Contact, Contact.id == SurveyRespondent.contact_id)
             .where(SurveyResponse.survey_id == survey_id).order_by(SurveyResponse.id))
    return [ResponseRow(rid, municipality, nis_code, SOURCES.get(source, source), submitted,
                        " – ".join(x for x in (org, contact) if x), n or 0, external)
            for rid, municipality, nis_code, source, submitted, org, contact, n, external in session.execute(query)]


RESPONSE_COLUMNS = ("external_id", "source", "submitted_at", "nis_code", "respondent_id", "audience_id")


def insert_responses(session: Session, survey_id: int, found: list[tuple[tuple, list[tuple]]]) -> None:
    """Write checked responses with their answers in bulk (an import of thousands), in the caller's
    transaction: `found` holds per response its values (RESPONSE_COLUMNS) and its answer rows
    (`answer_values`). One INSERT for the responses and one for the answers, each the driver's executemany.

    The responses get their ids here, the next ones after the largest, so each answer row carries its
    response's id without reading the new ids back. The survey's time stamp is set first: that statement
    takes the database's write lock, so no other writer can add a response between reading the largest id
    and inserting (SQLite; a server database would refuse a taken id with its primary key, and the
    transaction would be rolled back whole)."""
    if not found:
        return
    # the survey changed: its time stamp, and through this statement the data generation (backups), once
    session.execute(update(Survey).where(Survey.id == survey_id)
                    .values(updated_at=datetime.now().replace(microsecond=0)))
    table, answers = SurveyResponse.__table__, SurveyAnswer.__table__
    first = (session.scalar(select(func.max(table.c.id))) or 0) + 1
    dialect = session.get_bind().dialect
    moment = table.c.submitted_at.type.dialect_impl(dialect).bind_processor(dialect) or (lambda value: value)
    # in the table's column order, which the compiled INSERT takes as it is
    response_rows = [(rid, survey_id, nis, respondent, audience, external, source, moment(submitted))
                     for rid, ((external, source, submitted, nis, respondent, audience), _rows) in enumerate(found, first)]
    insert_many(session, table, ("id", "survey_id", "nis_code", "respondent_id", "audience_id", *RESPONSE_COLUMNS[:3]),
                response_rows, processed=True)
    # (answer_values gives what the driver takes: ids, floats, texts)
    answer_rows = [(rid, *row) for rid, (_columns, rows) in enumerate(found, first) for row in rows]
    insert_many(session, answers, ("response_id", *ANSWER_COLUMNS), answer_rows, processed=True)


def existing_external_ids(session: Session, survey_id: int) -> set[str]:
    return set(session.scalars(select(SurveyResponse.external_id).where(SurveyResponse.survey_id == survey_id)))


def option_lookup(session: Session, survey_id: int) -> dict[int, SurveyOption]:
    query = select(SurveyOption).join(SurveyQuestion).where(SurveyQuestion.survey_id == survey_id)
    return {o.id: o for o in session.scalars(query)}
