"""The comparison with last year counts in SQL (issue 16): on generated answers, including the odd ones the
database allows (several options on a scale, a number and a text on one question, empty texts, responses
without answers, a question answered by text only), every row equals the former computation, which loaded
both surveys' answers (dataset.load) and took the total column of stats.question_table. That computation is
kept below as the reference."""

from __future__ import annotations

import random

import pytest

from regisseur_app.domain.survey import comparison, dataset, questionnaire, stats
from regisseur_app.domain.survey.models import (
    MULTI,
    NUMBER,
    SCALE,
    SINGLE,
    TEXT,
    YESNO,
    SurveyAnswer,
    SurveyResponse,
)
from regisseur_app.domain.survey.questionnaire import OptionInput, QuestionInput
from regisseur_app.storage.engine import fold
from tests.unit.survey_support import BEKKEVOORT, GEETBETS, build_survey


def former_compare(session, survey_id: int, nis_code: str | None = None) -> comparison.Comparison:
    """comparison.compare as it was before it counted in SQL (commit 19d7803)."""
    now = dataset.load(session, survey_id, nis_code)
    previous = questionnaire.previous_survey(session, survey_id)
    if previous is None:
        return comparison.Comparison(now.survey.year, None, "", [], [q.text for q in now.questions.values()])
    before = dataset.load(session, previous.id, nis_code)
    rows, unmatched = [], []
    for question in now.questions.values():
        if question.kind == TEXT:
            continue
        other = comparison._match(question, list(before.questions.values()))
        if other is None:
            unmatched.append(question.text)
            continue
        a, b = stats.question_table(now, question.id), stats.question_table(before, other.id)
        if question.kind in (SCALE, NUMBER):
            rows.append(comparison.ComparisonRow(question.text, "gemiddelde", a.summaries[0].mean, a.n,
                                                 b.summaries[0].mean, b.n, ""))
        if question.kind != NUMBER:
            old = {fold(r.label): r for r in b.rows}
            for row in a.rows:
                match = old.get(fold(row.label))
                rows.append(comparison.ComparisonRow(question.text, row.label, row.percents[0], a.n,
                                                     match.percents[0] if match else None, b.n, "%"))
    return comparison.Comparison(now.survey.year, previous.year, previous.title, rows, unmatched)


def _fill(session, survey_id: int, rng: random.Random, count: int, tag: str) -> None:
    questions = dataset.questions(session, survey_id)
    for n in range(count):
        response = SurveyResponse(survey_id=survey_id, nis_code=rng.choice([BEKKEVOORT, BEKKEVOORT, GEETBETS]),
                                  external_id=f"{tag}{n}")
        session.add(response)
        if rng.random() < 0.05:
            continue  # a response without answers
        for question in questions.values():
            if rng.random() < 0.15:
                continue  # not answered
            options = [o.id for o in question.options]
            answers = []
            if question.kind in (SINGLE, SCALE, YESNO):
                answers = [SurveyAnswer(question_id=question.id, option_id=rng.choice(options))]
                if rng.random() < 0.05 and question.code != "tevreden":  # two options where one is expected
                    answers.append(SurveyAnswer(question_id=question.id, option_id=rng.choice(options)))
            elif question.kind == MULTI:
                answers = [SurveyAnswer(question_id=question.id, option_id=o) for o in
                           rng.sample(options, rng.randint(1, len(options)))]
                if rng.random() < 0.05:  # the same option twice
                    answers.append(SurveyAnswer(question_id=question.id, option_id=options[0]))
            elif question.kind == NUMBER:
                answers = [SurveyAnswer(question_id=question.id, number_value=rng.choice([0.0, 1.5, 7.0, 0.1, 1e6])
                                        * rng.randint(0, 9))]
                if rng.random() < 0.05:  # a second number: the last one counts
                    answers.append(SurveyAnswer(question_id=question.id, number_value=rng.random() * 100))
            elif question.kind == TEXT:
                answers = [SurveyAnswer(question_id=question.id, text_value=rng.choice(["", "meer", "Overleg"]))]
            if question.kind in (SINGLE, MULTI, NUMBER) and rng.random() < 0.1:  # a text ("andere: ..."), maybe empty
                text = SurveyAnswer(question_id=question.id, text_value=rng.choice(["", "andere"]))
                # alone only on choice questions: the former computation failed on a number question without number
                answers = answers + [text] if question.kind == NUMBER or rng.random() < 0.5 else [text]
            response.answers.extend(answers)
    session.flush()


@pytest.fixture
def surveys(ctx):
    """Last year's survey and this year's copy with one question more and one option relabelled, both with
    generated answers; and a survey without a previous one."""
    rng = random.Random(16)
    with ctx.transaction() as session:
        old = build_survey(session, year=2024, answers=False, title="Peiling 2024")
        questionnaire.save_question(session, old.survey_id, QuestionInput(  # a scale nobody gives two options
            "Tevredenheid?", SCALE, code="tevreden"))
        new_id = questionnaire.copy_survey(session, old.survey_id)
        questionnaire.save_question(session, new_id, QuestionInput(
            "Nieuw dit jaar?", SINGLE, options=[OptionInput("Ja"), OptionInput("Neen")], code="nieuw"))
        for question in questionnaire.get_survey(session, new_id).questions:
            for option in question.options:
                if option.label == "C":
                    option.label = "C (nieuw)"
        _fill(session, old.survey_id, rng, 180, "o")
        _fill(session, new_id, rng, 140, "n")
        lone = build_survey(session, year=2023, answers=False, title="Andere doelgroep")
        _fill(session, lone.survey_id, rng, 20, "l")
    return old.survey_id, new_id, lone.survey_id


def test_comparison_equals_the_former_computation(ctx, surveys):
    old_id, new_id, lone_id = surveys
    with ctx.reading() as session:
        for survey_id in (new_id, old_id, lone_id):
            for nis in (None, BEKKEVOORT, GEETBETS, "24001"):
                assert comparison.compare(session, survey_id, nis) == former_compare(session, survey_id, nis)
        result = comparison.compare(session, new_id)
    # the generated data reaches every kind of row
    assert {r.unit for r in result.rows} == {"", "%"} and result.unmatched == ["Nieuw dit jaar?"]
    assert any(r.before is None for r in result.rows if r.unit)  # the relabelled option
    assert all(r.n_now > 0 and r.now is not None for r in result.rows if r.answer != "C (nieuw)")


def test_a_survey_without_answers_compares_as_before(ctx):
    with ctx.transaction() as session:
        old = build_survey(session, year=2024, answers=False, title="Peiling 2024")
        new_id = questionnaire.copy_survey(session, old.survey_id)
    with ctx.reading() as session:
        assert comparison.compare(session, new_id) == former_compare(session, new_id)
        assert {r.now for r in comparison.compare(session, new_id).rows} == {None}
