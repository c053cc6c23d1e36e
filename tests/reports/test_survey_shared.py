"""The survey datasets and need rows are read once per session while it does not write (the report's survey
section and its gap list both ask), equal to a fresh computation, and read again after the session writes."""

from __future__ import annotations

from sqlalchemy import delete, event, select

from regisseur_app.domain.survey import dataset, needs
from regisseur_app.domain.survey.models import Survey, SurveyAnswer, SurveyResponse


def _counting(session) -> list[str]:
    seen: list[str] = []
    event.listen(session.get_bind(), "before_cursor_execute",
                 lambda _c, _cur, statement, *_a: seen.append(statement))
    return seen


def test_need_rows_are_read_once_and_equal_a_fresh_computation(demo_ctx):
    with demo_ctx.reading() as session:
        year = needs.latest_year(session)
        fresh = needs._need_rows(session, year)
    assert fresh
    with demo_ctx.reading() as session:
        first = needs.need_rows(session, year)
        seen = _counting(session)
        again = needs.need_rows(session, year)
        answers_read = len([s for s in seen if "survey_answer" in s])
        survey_id = session.scalar(select(SurveyResponse.survey_id).join(Survey).where(Survey.year == year).limit(1))
        assert dataset.shared(session, survey_id) is dataset.shared(session, survey_id)
        assert len([s for s in seen if "survey_answer" in s]) == answers_read + 1  # the dataset read once
    assert first == again == fresh
    assert answers_read == 0  # nothing of the answers read again


def test_a_write_in_the_session_is_seen(demo_ctx):
    with demo_ctx.transaction() as session:
        year = needs.latest_year(session)
        before = needs.need_rows(session, year)
        survey_id = session.scalar(select(SurveyResponse.survey_id).join(Survey).where(Survey.year == year).limit(1))
        answers_before = sum(len(f.options) for f in dataset.shared(session, survey_id).responses)
        session.execute(delete(SurveyAnswer).where(SurveyAnswer.response_id.in_(
            select(SurveyResponse.id).where(SurveyResponse.survey_id == survey_id))))
        after = needs.need_rows(session, year)
        assert after == needs._need_rows(session, year)
        assert after != before
        assert sum(len(f.options) for f in dataset.shared(session, survey_id).responses) < answers_before
        session.rollback()
