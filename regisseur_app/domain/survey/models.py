"""Tables of the needs survey (behoeftepeiling): survey, section, question, option, respondent, response,
answer. Question types drive logic (statistics, forms, exports), so they are fixed values here; the
audiences are a code list (`survey_audience`). Questions and options may point at a service category
(`ServiceCategoryPointer`), which turns answers into need scores for the gap analysis."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from regisseur_app.domain.analysis.pointer import ServiceCategoryPointer
from regisseur_app.domain.core.base import Base, Timestamps

SURVEY_AUDIENCE = "survey_audience"

SINGLE, MULTI, SCALE, NUMBER, YESNO, TEXT = "single", "multi", "scale", "number", "yesno", "text"
QUESTION_KINDS = {
    SINGLE: "Enkelvoudige keuze", MULTI: "Meervoudige keuze", SCALE: "Schaal (1–5)", NUMBER: "Getal",
    YESNO: "Ja/nee", TEXT: "Open tekst",
}
# kinds whose answers are options (a scale's options carry the values 1..5)
WITH_OPTIONS = (SINGLE, MULTI, SCALE, YESNO)
# kinds whose options the user edits (scale and ja/nee options are made by the app; their labels editable)
USER_OPTIONS = (SINGLE, MULTI)
DEFAULT_SCALE = ("Helemaal niet", "Eerder niet", "Neutraal", "Eerder wel", "Helemaal wel")
YES, NO = "Ja", "Nee"

SOURCE_MANUAL = "manueel"
SOURCES = {SOURCE_MANUAL: "Manueel ingegeven", "msforms": "Microsoft Forms", "google": "Google Forms",
           "limesurvey": "LimeSurvey", "kobo": "KoboToolbox/ODK", "template": "Excel-sjabloon"}


class Survey(Timestamps, Base):
    __tablename__ = "survey"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200), index=True)
    year: Mapped[int] = mapped_column(Integer, index=True)
    audience_id: Mapped[int] = mapped_column(ForeignKey("code_item.id"))
    intro: Mapped[str] = mapped_column(Text, default="")
    # the survey this one was copied from (last year's), for the comparison; None: found by audience
    previous_id: Mapped[int | None] = mapped_column(ForeignKey("survey.id", ondelete="SET NULL"), nullable=True, index=True)
    # to make codes in exports unique (XLSForm form_id, LimeSurvey survey id)
    form_code: Mapped[str] = mapped_column(String(40), default="")

    sections: Mapped[list[SurveySection]] = relationship(
        back_populates="survey", cascade="all, delete-orphan", order_by="SurveySection.position")
    questions: Mapped[list[SurveyQuestion]] = relationship(
        back_populates="survey", cascade="all, delete-orphan", order_by="SurveyQuestion.position")


class SurveySection(Base):
    __tablename__ = "survey_section"

    id: Mapped[int] = mapped_column(primary_key=True)
    survey_id: Mapped[int] = mapped_column(ForeignKey("survey.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(String(200))

    survey: Mapped[Survey] = relationship(back_populates="sections")


class SurveyQuestion(ServiceCategoryPointer, Base):
    __tablename__ = "survey_question"
    __table_args__ = (UniqueConstraint("survey_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    survey_id: Mapped[int] = mapped_column(ForeignKey("survey.id", ondelete="CASCADE"), index=True)
    section_id: Mapped[int | None] = mapped_column(
        ForeignKey("survey_section.id", ondelete="SET NULL"), nullable=True, index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    # short stable code (XLSForm name, LimeSurvey question code, column of the Excel template)
    code: Mapped[str] = mapped_column(String(40))
    text: Mapped[str] = mapped_column(String(500))
    kind: Mapped[str] = mapped_column(String(10))
    required: Mapped[bool] = mapped_column(Boolean, default=False)
    help_text: Mapped[str] = mapped_column(String(300), default="")

    survey: Mapped[Survey] = relationship(back_populates="questions")
    options: Mapped[list[SurveyOption]] = relationship(
        back_populates="question", cascade="all, delete-orphan", order_by="SurveyOption.position")


class SurveyOption(ServiceCategoryPointer, Base):
    __tablename__ = "survey_option"

    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("survey_question.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    code: Mapped[str] = mapped_column(String(40))
    label: Mapped[str] = mapped_column(String(300))
    # the value of a scale point (1..5); None for other kinds
    value: Mapped[float | None] = mapped_column(Float, nullable=True)

    question: Mapped[SurveyQuestion] = relationship(back_populates="options")


class SurveyRespondent(Timestamps, Base):
    """Someone invited to answer: a municipality, optionally an organisation and a contact."""

    __tablename__ = "survey_respondent"

    id: Mapped[int] = mapped_column(primary_key=True)
    survey_id: Mapped[int] = mapped_column(ForeignKey("survey.id", ondelete="CASCADE"), index=True)
    nis_code: Mapped[str] = mapped_column(ForeignKey("municipality.nis_code", onupdate="CASCADE"))
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisation.id", ondelete="SET NULL"), nullable=True, index=True)
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contact.id", ondelete="SET NULL"), nullable=True, index=True)
    invited_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    reminded_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    notes: Mapped[str] = mapped_column(String(300), default="")


class SurveyResponse(Timestamps, Base):
    """One filled-in questionnaire. `external_id` is stable per source (the tool's id, or a hash of the
    row), so importing the same file again adds nothing."""

    __tablename__ = "survey_response"
    __table_args__ = (UniqueConstraint("survey_id", "external_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    survey_id: Mapped[int] = mapped_column(ForeignKey("survey.id", ondelete="CASCADE"), index=True)
    nis_code: Mapped[str] = mapped_column(ForeignKey("municipality.nis_code", onupdate="CASCADE"), index=True)
    respondent_id: Mapped[int | None] = mapped_column(
        ForeignKey("survey_respondent.id", ondelete="SET NULL"), nullable=True, index=True)
    audience_id: Mapped[int | None] = mapped_column(ForeignKey("code_item.id"), nullable=True)
    external_id: Mapped[str] = mapped_column(String(100))
    source: Mapped[str] = mapped_column(String(20), default=SOURCE_MANUAL)
    submitted_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)

    answers: Mapped[list[SurveyAnswer]] = relationship(back_populates="response", cascade="all, delete-orphan")


class SurveyAnswer(Base):
    """One answer: an option (one row per chosen option of a multiple choice), a number or a text."""

    __tablename__ = "survey_answer"

    id: Mapped[int] = mapped_column(primary_key=True)
    response_id: Mapped[int] = mapped_column(ForeignKey("survey_response.id", ondelete="CASCADE"), index=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("survey_question.id", ondelete="CASCADE"), index=True)
    option_id: Mapped[int | None] = mapped_column(
        ForeignKey("survey_option.id", ondelete="CASCADE"), nullable=True, index=True)
    number_value: Mapped[float | None] = mapped_column(Float, nullable=True)
    text_value: Mapped[str] = mapped_column(Text, default="")

    response: Mapped[SurveyResponse] = relationship(back_populates="answers")
