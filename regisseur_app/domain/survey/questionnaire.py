"""Questionnaires: surveys, sections, questions and their ordered options; reorder; copy last year's."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from regisseur_app.domain.core.base import ValidationError
from regisseur_app.domain.core.codelists import CodeItem
from regisseur_app.domain.survey.models import (
    DEFAULT_SCALE,
    MULTI,
    NO,
    NUMBER,
    QUESTION_KINDS,
    SCALE,
    SINGLE,
    SURVEY_AUDIENCE,
    TEXT,
    USER_OPTIONS,
    YES,
    YESNO,
    Survey,
    SurveyOption,
    SurveyQuestion,
    SurveyResponse,
    SurveySection,
)
from regisseur_app.domain.survey.privacy import national_number_problem
from regisseur_app.storage.engine import fold

_CODE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,39}$")


@dataclass
class SurveyInput:
    title: str
    year: int
    audience_id: int | None
    intro: str = ""


@dataclass
class OptionInput:
    label: str
    category_id: int | None = None
    id: int | None = None  # an existing option keeps its id (its answers stay)


@dataclass
class QuestionInput:
    text: str
    kind: str
    section_id: int | None = None
    required: bool = False
    category_id: int | None = None
    help_text: str = ""
    options: list[OptionInput] = field(default_factory=list)
    code: str = ""


@dataclass(frozen=True)
class SurveyRow:
    id: int
    title: str
    year: int
    audience: str
    questions: int
    responses: int


def _text(errors: dict[str, str], key: str, value: str, label: str, limit: int, required: bool = True) -> str:
    value = (value or "").strip()
    if required and not value:
        errors[key] = f"{label} is verplicht."
    elif len(value) > limit:
        errors[key] = f"{label} is te lang (maximaal {limit} tekens)."
    else:
        problem = national_number_problem(value)
        if problem:
            errors[key] = problem
    return value


def list_surveys(session: Session) -> list[SurveyRow]:
    questions = (select(SurveyQuestion.survey_id, func.count().label("n"))
                 .group_by(SurveyQuestion.survey_id).subquery())
    responses = (select(SurveyResponse.survey_id, func.count().label("n"))
                 .group_by(SurveyResponse.survey_id).subquery())
    query = (select(Survey.id, Survey.title, Survey.year, CodeItem.label, questions.c.n, responses.c.n)
             .join(CodeItem, CodeItem.id == Survey.audience_id)
             .outerjoin(questions, questions.c.survey_id == Survey.id)
             .outerjoin(responses, responses.c.survey_id == Survey.id)
             .order_by(Survey.year.desc(), Survey.title))
    return [SurveyRow(i, t, y, a, q or 0, r or 0) for i, t, y, a, q, r in session.execute(query)]


def save_survey(session: Session, data: SurveyInput, survey_id: int | None = None) -> int:
    errors: dict[str, str] = {}
    title = _text(errors, "title", data.title, "De titel", 200)
    intro = _text(errors, "intro", data.intro, "De inleiding", 4000, required=False)
    if not isinstance(data.year, int) or not 2000 <= data.year <= 2100:
        errors["year"] = "Geef een jaar tussen 2000 en 2100."
    audience = session.get(CodeItem, data.audience_id) if data.audience_id else None
    if audience is None or audience.list_name != SURVEY_AUDIENCE:
        errors["audience"] = "Kies een doelgroep."
    if errors:
        raise ValidationError(errors)
    survey = session.get(Survey, survey_id) if survey_id else Survey()
    if survey is None:
        raise ValidationError({"title": "Deze peiling bestaat niet meer."})
    survey.title, survey.year, survey.audience_id, survey.intro = title, data.year, audience.id, intro
    if survey_id is None:
        session.add(survey)
        session.flush()
        survey.form_code = f"peiling_{survey.id}_{data.year}"
    return survey.id


def get_survey(session: Session, survey_id: int) -> Survey:
    survey = session.scalar(select(Survey).where(Survey.id == survey_id).options(
        selectinload(Survey.sections), selectinload(Survey.questions).selectinload(SurveyQuestion.options))
        .execution_options(populate_existing=True))
    if survey is None:
        raise ValidationError({"survey": "Deze peiling bestaat niet meer."})
    return survey


def delete_survey(session: Session, survey_id: int) -> None:
    survey = session.get(Survey, survey_id)
    if survey is not None:
        session.delete(survey)


def save_section(session: Session, survey_id: int, title: str, section_id: int | None = None) -> int:
    errors: dict[str, str] = {}
    title = _text(errors, "title", title, "De titel van de rubriek", 200)
    if errors:
        raise ValidationError(errors)
    if section_id:
        section = session.get(SurveySection, section_id)
        if section is None or section.survey_id != survey_id:
            raise ValidationError({"title": "Deze rubriek bestaat niet meer."})
        section.title = title
        return section.id
    last = session.scalar(select(func.max(SurveySection.position)).where(SurveySection.survey_id == survey_id))
    section = SurveySection(survey_id=survey_id, title=title, position=(last or 0) + 1)
    session.add(section)
    session.flush()
    return section.id


@dataclass(frozen=True)
class SectionSnapshot:
    """A section as it was before it was deleted, with its questions: enough to put it back (undo)."""

    id: int
    survey_id: int
    position: int
    title: str
    question_ids: tuple[int, ...]


def section_snapshot(session: Session, section_id: int) -> SectionSnapshot | None:
    section = session.get(SurveySection, section_id)
    if section is None:
        return None
    questions = session.scalars(select(SurveyQuestion.id).where(SurveyQuestion.section_id == section_id)
                                .order_by(SurveyQuestion.position))
    return SectionSnapshot(section.id, section.survey_id, section.position, section.title, tuple(questions))


def delete_section(session: Session, section_id: int) -> None:
    """Delete a section; its questions stay, without a section."""
    section = session.get(SurveySection, section_id)
    if section is not None:
        for question in session.scalars(select(SurveyQuestion).where(SurveyQuestion.section_id == section_id)):
            question.section_id = None
        session.delete(section)
        session.flush()


def restore_section(session: Session, snapshot: SectionSnapshot) -> None:
    """Put a deleted section back, with its id, place and the questions that were in it (still there)."""
    if session.get(Survey, snapshot.survey_id) is None:
        raise ValidationError({"title": "De peiling van deze rubriek bestaat niet meer."})
    if session.get(SurveySection, snapshot.id) is None:
        session.add(SurveySection(id=snapshot.id, survey_id=snapshot.survey_id, position=snapshot.position,
                                  title=snapshot.title))
        session.flush()
    for question in session.scalars(select(SurveyQuestion).where(SurveyQuestion.id.in_(snapshot.question_ids),
                                                                 SurveyQuestion.survey_id == snapshot.survey_id)):
        question.section_id = snapshot.id
    session.flush()


def section_question_counts(session: Session, survey_id: int) -> dict[int, int]:
    """Per section of the survey: how many questions are in it."""
    return dict(session.execute(select(SurveyQuestion.section_id, func.count()).where(
        SurveyQuestion.survey_id == survey_id, SurveyQuestion.section_id.is_not(None))
        .group_by(SurveyQuestion.section_id)).all())


def _next_code(session: Session, survey_id: int) -> str:
    codes = set(session.scalars(select(SurveyQuestion.code).where(SurveyQuestion.survey_id == survey_id)))
    n = len(codes) + 1
    while f"v{n}" in codes:
        n += 1
    return f"v{n}"


def validate_question(session: Session, survey_id: int, data: QuestionInput, question_id: int | None
                      ) -> dict[str, str]:
    errors: dict[str, str] = {}
    _text(errors, "text", data.text, "De vraag", 500)
    _text(errors, "help_text", data.help_text, "De toelichting", 300, required=False)
    if data.kind not in QUESTION_KINDS:
        errors["kind"] = "Kies een soort vraag."
    code = (data.code or "").strip()
    if code:
        if not _CODE.match(code):
            errors["code"] = ("De code bestaat uit letters, cijfers en _ en begint met een letter "
                              "(bv. v3 of nood_groen), maximaal 40 tekens.")
        elif session.scalar(select(SurveyQuestion.id).where(
                SurveyQuestion.survey_id == survey_id, SurveyQuestion.code == code,
                SurveyQuestion.id != (question_id or 0))):
            errors["code"] = f"De code '{code}' is al in gebruik in deze peiling."
    if data.kind in USER_OPTIONS:
        labels = [fold(o.label) for o in data.options if o.label.strip()]
        if len(labels) < 2:
            errors["options"] = "Geef minstens twee antwoordmogelijkheden."
        elif len(set(labels)) != len(labels):
            errors["options"] = "Twee antwoordmogelijkheden hebben dezelfde tekst."
        for option in data.options:
            problem = national_number_problem(option.label)
            if problem:
                errors["options"] = problem
    if data.kind == SCALE and data.options and len([o for o in data.options if o.label.strip()]) != 5:
        errors["options"] = "Een schaal heeft vijf punten, elk met een label."
    if data.category_id is not None and data.kind in (TEXT, SINGLE, MULTI):
        errors["category"] = ("Koppel bij een keuzevraag de antwoordmogelijkheden aan een dienstencategorie; "
                              "een open vraag kan niet gekoppeld worden.")
    return errors


def save_question(session: Session, survey_id: int, data: QuestionInput, question_id: int | None = None) -> int:
    errors = validate_question(session, survey_id, data, question_id)
    if errors:
        raise ValidationError(errors)
    if question_id:
        question = session.get(SurveyQuestion, question_id)
        if question is None:
            raise ValidationError({"text": "Deze vraag bestaat niet meer."})
        if question.kind != data.kind and _has_answers(session, question_id):
            raise ValidationError({"kind": "Deze vraag heeft al antwoorden: de soort kan niet meer veranderen."})
    else:
        last = session.scalar(select(func.max(SurveyQuestion.position)).where(SurveyQuestion.survey_id == survey_id))
        question = SurveyQuestion(survey_id=survey_id, position=(last or 0) + 1, code=_next_code(session, survey_id))
        session.add(question)
    question.text, question.kind, question.required = data.text.strip(), data.kind, data.required
    question.section_id, question.help_text = data.section_id, data.help_text.strip()
    question.service_category_id = data.category_id
    if data.code.strip():
        question.code = data.code.strip()
    _save_options(question, data)
    session.flush()
    return question.id


def _has_answers(session: Session, question_id: int) -> bool:
    from regisseur_app.domain.survey.models import SurveyAnswer

    return session.scalar(select(SurveyAnswer.id).where(SurveyAnswer.question_id == question_id).limit(1)) is not None


def _save_options(question: SurveyQuestion, data: QuestionInput) -> None:
    if data.kind in (NUMBER, TEXT):
        question.options = []
        return
    if data.kind == YESNO:
        wanted = data.options or [OptionInput(YES), OptionInput(NO)]
        wanted = wanted[:2]
    elif data.kind == SCALE:
        wanted = data.options or [OptionInput(label) for label in DEFAULT_SCALE]
    else:
        wanted = [o for o in data.options if o.label.strip()]
    existing = {o.id: o for o in question.options}
    kept: list[SurveyOption] = []
    used_codes: set[str] = set()
    for position, item in enumerate(wanted, start=1):
        option = existing.get(item.id) if item.id else None
        if option is None:
            option = SurveyOption()
        option.position, option.label, option.service_category_id = position, item.label.strip(), item.category_id
        if data.kind == SCALE:
            option.value, option.code = float(position), str(position)
        elif data.kind == YESNO:
            option.value, option.code = None, ("ja" if position == 1 else "nee")
        else:
            option.value = None
            if not option.code or option.code in used_codes:
                option.code = _option_code(option.label, used_codes)
        used_codes.add(option.code)
        kept.append(option)
    question.options = kept


def _option_code(label: str, used: set[str]) -> str:
    base = re.sub(r"[^a-z0-9]+", "_", fold(label)).strip("_")[:30] or "optie"
    if base[0].isdigit():
        base = f"o_{base}"
    code, n = base, 1
    while code in used:
        n += 1
        code = f"{base}_{n}"
    return code


def delete_question(session: Session, question_id: int) -> None:
    question = session.get(SurveyQuestion, question_id)
    if question is None:
        return
    survey_id = question.survey_id
    session.delete(question)
    session.flush()
    _renumber(session, survey_id)


def _renumber(session: Session, survey_id: int) -> None:
    questions = session.scalars(select(SurveyQuestion).where(SurveyQuestion.survey_id == survey_id)
                                .order_by(SurveyQuestion.position, SurveyQuestion.id))
    for position, question in enumerate(questions, start=1):
        question.position = position


def move_question(session: Session, question_id: int, step: int) -> bool:
    """Move a question up (step -1) or down (+1). Returns False at the edge."""
    question = session.get(SurveyQuestion, question_id)
    if question is None:
        return False
    _renumber(session, question.survey_id)
    session.flush()
    ordered = list(session.scalars(select(SurveyQuestion).where(SurveyQuestion.survey_id == question.survey_id)
                                   .order_by(SurveyQuestion.position)))
    index = ordered.index(question)
    other = index + step
    if not 0 <= other < len(ordered):
        return False
    ordered[index].position, ordered[other].position = ordered[other].position, ordered[index].position
    return True


def copy_survey(session: Session, survey_id: int, year: int | None = None, title: str | None = None) -> int:
    """A copy of a survey (sections, questions with their codes, options and category links), for a new
    year; it remembers the original as its previous survey, so the two are compared."""
    source = get_survey(session, survey_id)
    year = year or source.year + 1
    new_title = title or re.sub(r"\b(19|20)\d\d\b", str(year), source.title)
    if new_title == source.title and year != source.year:
        new_title = f"{source.title} {year}"
    new_id = save_survey(session, SurveyInput(new_title, year, source.audience_id, source.intro))
    copy = session.get(Survey, new_id)
    copy.previous_id = source.id
    sections = {}
    for section in source.sections:
        sections[section.id] = SurveySection(survey_id=new_id, position=section.position, title=section.title)
        session.add(sections[section.id])
    session.flush()
    for question in source.questions:
        session.add(SurveyQuestion(
            survey_id=new_id, position=question.position, code=question.code, text=question.text, kind=question.kind,
            required=question.required, help_text=question.help_text,
            section_id=sections[question.section_id].id if question.section_id in sections else None,
            service_category_id=question.service_category_id,
            options=[SurveyOption(position=o.position, code=o.code, label=o.label, value=o.value,
                                  service_category_id=o.service_category_id) for o in question.options]))
    session.flush()
    return new_id


def previous_survey(session: Session, survey_id: int) -> Survey | None:
    """Last year's survey to compare with: the one this was copied from, else the most recent earlier
    survey for the same audience."""
    survey = session.get(Survey, survey_id)
    if survey is None:
        return None
    if survey.previous_id:
        return session.get(Survey, survey.previous_id)
    return session.scalar(select(Survey).where(Survey.audience_id == survey.audience_id, Survey.year < survey.year)
                          .order_by(Survey.year.desc(), Survey.id.desc()).limit(1))
