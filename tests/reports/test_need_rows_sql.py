"""survey.needs._need_rows counts the FORMULA in the database: the same rows, in the same order, as the former
computation that loaded every survey dataset of the year and tallied its answers in Python (kept here as the
reference), on generated data (every question kind linked as a whole and through options, several surveys a
year, several municipalities, unanswered questions, empty answers, odd rows the app does not write itself) and
on the demo data; one municipality's rows are the region's of that municipality; and it loads no dataset."""

from __future__ import annotations

import random
from collections import defaultdict

import pytest
from sqlalchemy import insert, select

from regisseur_app.domain.core import memo
from regisseur_app.domain.core.codelists import SERVICE_CATEGORY, find_item, list_items
from regisseur_app.domain.survey import dataset, needs
from regisseur_app.domain.survey.models import (
    MULTI,
    NUMBER,
    SCALE,
    SINGLE,
    SURVEY_AUDIENCE,
    TEXT,
    YESNO,
    Survey,
    SurveyAnswer,
    SurveyOption,
    SurveyQuestion,
    SurveyResponse,
)
from tests.conftest import FIVE
from tests.reports.need_reference import Tally


def _former(session, year: int) -> list[needs.NeedRow]:
    """The computation before the need rows were counted in SQL (loading each survey dataset of the year)."""
    tally = Tally()
    for survey_id in [s.id for s in dataset.survey_infos(session).values() if s.year == year]:
        data = dataset.load(session, survey_id)
        tally.names.update(data.municipality_names)
        linked = [q for q in data.questions.values()
                  if q.service_category_id is not None or any(o.service_category_id for o in q.options)]
        answering: dict = defaultdict(list)
        for facts in data.responses:
            for question_id in (facts.options.keys() | facts.numbers.keys() | facts.texts.keys()) & {q.id for q in linked}:
                answering[question_id].append(facts)
        for question in linked:
            tally.add(question, answering.get(question.id, ()))
    return tally.rows(dataset.code_labels(session))


def _generate(session, rng: random.Random) -> list[int]:
    """Surveys in three years (two and three in the first two, one without responses in the last), each with
    questions of every kind linked at random; responses from the five municipalities and one more."""
    categories = [c.id for c in list_items(session, SERVICE_CATEGORY)][:6]
    audience = find_item(session, SURVEY_AUDIENCE, "lokaal_bestuur")
    places = [*FIVE, "24001"]
    answer_rows: list[dict] = []
    response_id = 0
    earlier: list[SurveyQuestion] = []  # the questions of the surveys made before
    for year, count, answered in ((2024, 2, True), (2025, 3, True), (2026, 1, False)):
        for n in range(count):
            survey = Survey(title=f"Peiling {year} {n}", year=year, audience_id=audience)
            session.add(survey)
            session.flush()
            questions = []
            for position, kind in enumerate(rng.sample([SINGLE, MULTI, SCALE, NUMBER, YESNO, TEXT] * 2, 12)):
                whole = rng.choice(categories) if rng.random() < 0.6 else None
                question = SurveyQuestion(survey_id=survey.id, position=position, code=f"q{position}",
                                          text=f"Vraag {position}", kind=kind, service_category_id=whole)
                labels = {SINGLE: "ABC", MULTI: "VWXYZ", SCALE: "12345", YESNO: "JN"}.get(kind, "")
                # positions out of the order of the ids: the first option ('ja') is the first by position
                for order, label in zip(rng.sample(range(len(labels)), len(labels)), labels, strict=True):
                    linked = rng.choice(categories + [whole]) if rng.random() < 0.4 else None
                    value = (float(label) if label.isdigit() and rng.random() < 0.9 else None) if kind == SCALE else None
                    question.options.append(SurveyOption(position=order, code=label, label=label, value=value,
                                                         service_category_id=linked))
                session.add(question)
                questions.append(question)
            session.flush()
            if not answered:
                continue
            unanswered = rng.choice(questions).id  # a linked question nobody answered (when it is linked)
            for _r in range(rng.randint(20, 45)):
                response = SurveyResponse(survey_id=survey.id, nis_code=rng.choice(places),
                                          external_id=f"x{response_id}")
                response_id += 1
                session.add(response)
                session.flush()
                for question in questions:
                    if question.id == unanswered or rng.random() < 0.2:
                        continue
                    answer_rows += _answers(rng, response.id, question, questions, earlier)
            earlier += questions
    session.execute(insert(SurveyAnswer), answer_rows)
    return categories


def _answers(rng: random.Random, response_id: int, question: SurveyQuestion, others: list, earlier: list
             ) -> list[dict]:
    def row(option=None, number=None, text="", to=question) -> dict:  # noqa: ANN001
        return dict(response_id=response_id, question_id=to.id, option_id=option, number_value=number,
                    text_value=text)

    options = [o.id for o in question.options]
    odd = rng.random() < 0.1  # what the app does not write itself, but the dataset reads
    foreign = [o for q in others if q.id != question.id for o in q.options]  # other questions' options
    other = rng.choice(foreign).id
    high = rng.choice([o for o in foreign if (o.value or 0) >= needs.HIGH_SCALE] or foreign).id
    if rng.random() < 0.05:  # no answer (an empty text), or only a text where an option or number was asked
        return [row(text=rng.choice(["", "", "weet niet"]))]
    if question.kind == NUMBER:
        found = [row(number=rng.choice([0.0, -2.0, 1.0, 3.5, 12.0]))]
        if odd:
            found.append(rng.choice([row(number=rng.choice([0.0, 5.0])), row(text="veel"), row(option=other, number=9.0)]))
        return found
    if question.kind == TEXT:
        return [row(text=rng.choice(["", "  ", "meer overleg"]))]
    chosen = rng.sample(options, rng.randint(1, 3)) if question.kind == MULTI else [rng.choice(options)]
    found = [row(option=option, number=float(len(options))) for option in chosen]
    if odd:
        found = rng.choice([[*found, row(option=rng.choice(options))], [row(option=high), *found],
                            [*found, row(text="")], [*found, row(number=4.0)]])
    if odd and earlier:  # an answer to a question of another survey: no survey's dataset reads it
        foreign = rng.choice(earlier)
        found.append(row(option=foreign.options[0].id if foreign.options else None, number=1.0, to=foreign))
    return found


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("bits", [needs.MASK_BITS, 5])
def test_need_rows_equal_the_former_computation_on_generated_data(app_ctx, monkeypatch, seed, bits):
    monkeypatch.setattr(needs, "MASK_BITS", bits)  # 5: twelve or more linked questions need several masks
    with app_ctx.transaction() as session:
        _generate(session, random.Random(seed))
    with app_ctx.reading() as session:
        years = sorted(set(session.scalars(select(Survey.year))))
        assert years == [2024, 2025, 2026]
        for year in years:
            expected = _former(session, year)
            assert needs._need_rows(session, year) == expected
        assert _former(session, 2025) and not _former(session, 2026)
        assert needs.latest_year(session) == 2025
        rows = needs._need_rows(session, 2025)
        assert len({r.nis_code for r in rows}) >= 5
        assert any(r.respondents < r.answers for r in rows)  # several answers of one response in one category
        assert any(0 < r.score < 1 for r in rows)
        for nis in [*FIVE, "24001", "24062"]:  # one municipality's rows: its answers only are read (none: none)
            assert needs._need_rows(session, 2025, nis) == [r for r in rows if r.nis_code == nis]
        assert not needs._need_rows(session, 2025, "24062")


def test_need_rows_equal_the_former_computation_on_the_demo_data(demo_ctx):
    with demo_ctx.reading() as session:
        years = sorted(set(session.scalars(select(Survey.year))))
        assert any(_former(session, year) for year in years)
        for year in years:
            assert needs._need_rows(session, year) == _former(session, year)


def test_need_rows_load_no_dataset(demo_ctx):
    with demo_ctx.reading() as session:
        assert needs.need_rows(session)
        kept = memo.store(session) or {}
        assert not [key for key in kept if key[0] == "survey_dataset"]
