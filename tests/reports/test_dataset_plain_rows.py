"""`survey.dataset.load` reads the questions with their options and the responses with their answers as plain
rows in two selects: the same survey, questions, options and answers, in the same order, as the former load
of question and option objects and separate response and answer selects (kept below as the reference)."""

from __future__ import annotations

from sqlalchemy import event, select, update
from sqlalchemy.orm import selectinload

from regisseur_app.domain.survey import dataset
from regisseur_app.domain.survey.models import Survey, SurveyAnswer, SurveyQuestion, SurveyResponse
from tests.unit.survey_support import BEKKEVOORT, GEETBETS, build_survey


def _former(session, survey_id: int, nis_code: str | None = None):
    """The former `dataset.load` (ORM objects), reduced to plain values for comparison."""
    survey = session.get(Survey, survey_id)
    questions = list(session.scalars(
        select(SurveyQuestion).where(SurveyQuestion.survey_id == survey_id)
        .options(selectinload(SurveyQuestion.options)).order_by(SurveyQuestion.position)))
    query = select(SurveyResponse.id, SurveyResponse.nis_code, SurveyResponse.audience_id).where(
        SurveyResponse.survey_id == survey_id).order_by(SurveyResponse.id)
    if nis_code:
        query = query.where(SurveyResponse.nis_code == nis_code)
    facts = {rid: dataset.Facts(rid, nis, audience or (survey.audience_id if survey else None))
             for rid, nis, audience in session.execute(query)}
    answers = (select(SurveyAnswer.response_id, SurveyAnswer.question_id, SurveyAnswer.option_id,
                      SurveyAnswer.number_value, SurveyAnswer.text_value)
               .join(SurveyResponse, SurveyResponse.id == SurveyAnswer.response_id)
               .where(SurveyResponse.survey_id == survey_id).order_by(SurveyResponse.id, SurveyAnswer.id))
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
    head = (survey.id, survey.title, survey.year, survey.audience_id) if survey else None
    return head, [_question(q.id, q.position, q.code, q.text, q.kind, q.service_category_id,
                            [(o.id, o.code, o.label, o.value, o.service_category_id) for o in q.options])
                  for q in questions], [_facts(f) for f in facts.values()]


def _question(*values):
    return tuple(values[:-1]) + (list(values[-1]),)


def _facts(f: dataset.Facts):
    # lists of items: the order of the answers counts too
    return (f.id, f.nis_code, f.audience_id, list(f.options.items()), list(f.numbers.items()),
            list(f.texts.items()))


def _now(session, survey_id: int, nis_code: str | None = None):
    data = dataset.load(session, survey_id, nis_code)
    assert list(data.questions) == [q.id for q in data.questions.values()]
    return (tuple(data.survey) if data.survey else None,
            [_question(*q[:-1], [tuple(o) for o in q.options]) for q in data.questions.values()],
            [_facts(f) for f in data.responses])


def test_the_demo_surveys_load_as_before(demo_ctx):
    with demo_ctx.reading() as session:
        surveys = list(session.scalars(select(Survey.id)))
        places = [None] + sorted(set(session.scalars(select(SurveyResponse.nis_code)))) + ["00000"]
        assert surveys and len(places) > 3
        checked = 0
        for survey_id in surveys:
            for nis_code in places:
                before = _former(session, survey_id, nis_code)
                assert _now(session, survey_id, nis_code) == before
                checked += len(before[2])
        assert checked > 100
        assert _now(session, 999_999) == _former(session, 999_999) == (None, [], [])


def test_responses_without_answers_own_audiences_and_equal_positions(app_ctx):
    with app_ctx.transaction() as session:
        built = build_survey(session)
        # two questions on the same position, one response without answers, one with an audience of its own
        first, second = built.q["single"], built.q["multi"]
        session.execute(update(SurveyQuestion).where(SurveyQuestion.id.in_([first, second])).values(position=1))
        response_ids = list(session.scalars(select(SurveyResponse.id).where(
            SurveyResponse.survey_id == built.survey_id).order_by(SurveyResponse.id)))
        session.execute(update(SurveyResponse).where(SurveyResponse.id == response_ids[1])
                        .values(audience_id=built.categories["klusjes"]))
        session.execute(SurveyAnswer.__table__.delete().where(SurveyAnswer.response_id == response_ids[2]))
    with app_ctx.reading() as session:
        for nis_code in (None, BEKKEVOORT, GEETBETS):
            now = _now(session, built.survey_id, nis_code)
            before = _former(session, built.survey_id, nis_code)
            # the former order of questions on one position was the database's choice: compare as sets there
            assert sorted(now[1]) == sorted(before[1]) and now[0] == before[0] and now[2] == before[2]
        data = dataset.load(session, built.survey_id)
        assert [f.id for f in data.responses] == response_ids
        empty = data.responses[2]
        assert (empty.options, empty.numbers, empty.texts) == ({}, {}, {})
        assert data.responses[1].audience_id == built.categories["klusjes"]
        assert data.responses[0].audience_id == data.survey.audience_id
        assert list(data.questions)[:2] == sorted([first, second])


def test_the_surveys_are_read_once_per_session_and_a_write_is_seen(demo_ctx):
    with demo_ctx.transaction() as session:
        survey_id = session.scalar(select(Survey.id).order_by(Survey.id.desc()))
        first = dataset.load(session, survey_id)
        seen: list[str] = []
        listener = lambda _c, _cur, statement, *_a: seen.append(statement)  # noqa: E731
        event.listen(session.get_bind(), "before_cursor_execute", listener)
        again = dataset.load(session, survey_id)
        assert again.survey == first.survey and not [s for s in seen if "FROM survey " in s + " "]
        infos = dataset.survey_infos(session)
        assert list(infos) == sorted(session.scalars(select(Survey.id)))
        infos.clear()  # the caller's own dict
        assert dataset.survey_infos(session)
        session.get(Survey, survey_id).title = "Andere titel"
        assert dataset.load(session, survey_id).survey.title == "Andere titel"
        event.remove(session.get_bind(), "before_cursor_execute", listener)
        session.rollback()
