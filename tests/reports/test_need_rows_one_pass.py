"""survey.needs._need_rows indexes the responses by question once: the same rows, in the same order, as the former
computation that walked every response for every question (kept here as the reference)."""

from __future__ import annotations

from sqlalchemy import select

from regisseur_app.domain.core.codelists import CodeItem
from regisseur_app.domain.survey import dataset, needs
from regisseur_app.domain.survey.models import NUMBER, Survey
from tests.reports.need_reference import Tally


def _per_question(session, year: int) -> list[needs.NeedRow]:
    tally = Tally()
    for survey_id in session.scalars(select(Survey.id).where(Survey.year == year)):
        data = dataset.load(session, survey_id)
        tally.names.update(data.municipality_names)
        for question in data.questions.values():
            tally.add(question, [facts for facts in data.responses if facts.answered(question.id)])
    return tally.rows(dict(session.execute(select(CodeItem.id, CodeItem.label)).all()))


def test_need_rows_equal_the_per_question_walk(demo_ctx):
    with demo_ctx.reading() as session:
        years = list(session.scalars(select(Survey.year).distinct()))
        assert years
        for year in years:
            expected = _per_question(session, year)
            assert needs._need_rows(session, year) == expected
        assert any(_per_question(session, year) for year in years)


def test_number_and_text_questions_linked_as_a_whole(demo_ctx):
    from regisseur_app.domain.survey.models import SurveyQuestion

    with demo_ctx.transaction() as session:
        category = session.scalar(select(SurveyQuestion.service_category_id)
                                  .where(SurveyQuestion.service_category_id.is_not(None)).limit(1))
        linked = 0
        for question in session.scalars(select(SurveyQuestion).where(SurveyQuestion.kind.in_([NUMBER, "text"]))):
            question.service_category_id = category
            linked += 1
        session.flush()
        assert linked
        for year in set(session.scalars(select(Survey.year))):
            assert needs._need_rows(session, year) == _per_question(session, year)
        session.rollback()
