"""survey.needs._need_rows indexes the responses by question once: the same rows, in the same order, as the former
computation that walked every response for every question (kept here as the reference)."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select

from regisseur_app.domain.core.codelists import CodeItem
from regisseur_app.domain.survey import dataset, needs
from regisseur_app.domain.survey.models import NUMBER, SCALE, YESNO, Survey


def _per_question(session, year: int) -> list[needs.NeedRow]:
    signals: dict = defaultdict(int)
    answers: dict = defaultdict(int)
    people: dict = defaultdict(set)
    names: dict[str, str] = {}
    for survey_id in session.scalars(select(Survey.id).where(Survey.year == year)):
        data = dataset.load(session, survey_id)
        names.update(data.municipality_names)
        for question in data.questions.values():
            linked = {o.id: o.service_category_id for o in question.options if o.service_category_id}
            values = {o.id: o.value for o in question.options}
            yes = question.options[0].id if question.kind == YESNO and question.options else None
            for facts in data.responses:
                if not facts.answered(question.id):
                    continue
                chosen = facts.options.get(question.id, [])
                for option_id, category in linked.items():
                    answers[(facts.nis_code, category)] += 1
                    people[(facts.nis_code, category)].add(facts.id)
                    signals[(facts.nis_code, category)] += option_id in chosen
                if question.service_category_id is None:
                    continue
                key = (facts.nis_code, question.service_category_id)
                if question.kind == SCALE:
                    hit = bool(chosen) and (values.get(chosen[0]) or 0) >= needs.HIGH_SCALE
                elif question.kind == YESNO:
                    hit = yes in chosen
                elif question.kind == NUMBER:
                    hit = facts.numbers.get(question.id, 0) > 0
                else:
                    continue
                answers[key] += 1
                people[key].add(facts.id)
                signals[key] += hit
    labels = dict(session.execute(select(CodeItem.id, CodeItem.label)).all())
    rows = [needs.NeedRow(nis, names.get(nis, nis), cat, labels.get(cat, str(cat)), signals[(nis, cat)], n,
                          len(people[(nis, cat)])) for (nis, cat), n in answers.items()]
    return sorted(rows, key=lambda r: (r.municipality, -r.score, r.category))


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
