"""Plain, detached views of a questionnaire for the UI and the exports (no lazy loading after the session)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from regisseur_app.domain.core.codelists import CodeItem
from regisseur_app.domain.survey.models import QUESTION_KINDS, WITH_OPTIONS
from regisseur_app.domain.survey.questionnaire import get_survey


@dataclass(frozen=True)
class OptionView:
    id: int
    code: str
    label: str
    value: float | None
    category_id: int | None
    category: str


@dataclass(frozen=True)
class QuestionView:
    id: int
    position: int
    code: str
    text: str
    kind: str
    required: bool
    help_text: str
    section_id: int | None
    section: str
    category_id: int | None
    category: str
    options: tuple[OptionView, ...]

    @property
    def kind_label(self) -> str:
        return QUESTION_KINDS.get(self.kind, self.kind)

    @property
    def has_options(self) -> bool:
        return self.kind in WITH_OPTIONS

    @property
    def links(self) -> str:
        """The service categories this question measures need for, for a list column."""
        found = [self.category] if self.category else []
        found += [o.category for o in self.options if o.category]
        return ", ".join(dict.fromkeys(found))


@dataclass(frozen=True)
class SurveyView:
    id: int
    title: str
    year: int
    audience_id: int
    audience: str
    intro: str
    form_code: str
    sections: tuple[tuple[int, str], ...]
    questions: tuple[QuestionView, ...]

    def question(self, question_id: int) -> QuestionView:
        return next(q for q in self.questions if q.id == question_id)


def survey_view(session: Session, survey_id: int) -> SurveyView:
    survey = get_survey(session, survey_id)
    labels = {i.id: i.label for i in session.query(CodeItem)}
    sections = {s.id: s.title for s in survey.sections}
    questions = tuple(QuestionView(
        q.id, q.position, q.code, q.text, q.kind, q.required, q.help_text, q.section_id,
        sections.get(q.section_id, ""), q.service_category_id, labels.get(q.service_category_id, ""),
        tuple(OptionView(o.id, o.code, o.label, o.value, o.service_category_id, labels.get(o.service_category_id, ""))
              for o in q.options)) for q in survey.questions)
    return SurveyView(survey.id, survey.title, survey.year, survey.audience_id, labels.get(survey.audience_id, ""),
                      survey.intro, survey.form_code or f"peiling_{survey.id}", tuple(sections.items()), questions)
