"""Questionnaires: validation, options with codes, reorder, copy of last year's survey, comparison with
last year, answers validated against the questionnaire (real SQLite file)."""

from __future__ import annotations

import pytest

from regisseur_app.domain.core.base import ValidationError
from regisseur_app.domain.survey import comparison, questionnaire, responses
from regisseur_app.domain.survey.models import MULTI, NUMBER, SCALE, SINGLE, TEXT, YESNO
from regisseur_app.domain.survey.questionnaire import OptionInput, QuestionInput
from regisseur_app.domain.survey.responses import ResponseInput
from tests.unit.survey_support import BEKKEVOORT, ROWS, add_row, build_survey


def test_question_validation_messages(ctx):
    with ctx.transaction() as session:
        built = build_survey(session, answers=False)
        sid = built.survey_id
        with pytest.raises(ValidationError) as one_option:
            questionnaire.save_question(session, sid, QuestionInput("Kies", SINGLE, options=[OptionInput("A")]))
        with pytest.raises(ValidationError) as twice:
            questionnaire.save_question(session, sid, QuestionInput(
                "Kies", MULTI, options=[OptionInput("Ja"), OptionInput("ja ")]))
        with pytest.raises(ValidationError) as code:
            questionnaire.save_question(session, sid, QuestionInput("Getal", NUMBER, code="dienst"))
        with pytest.raises(ValidationError) as privacy:
            questionnaire.save_question(session, sid, QuestionInput("Wie is 85.07.30-033.28?", TEXT))
        with pytest.raises(ValidationError) as link:
            questionnaire.save_question(session, sid, QuestionInput("Open", TEXT, category_id=built.categories["catering"]))
    assert "twee antwoordmogelijkheden" in one_option.value.errors["options"]
    assert "dezelfde tekst" in twice.value.errors["options"]
    assert "al in gebruik" in code.value.errors["code"]
    assert "rijksregister" in privacy.value.errors["text"]
    assert "category" in link.value.errors


def test_scale_and_yes_no_get_their_options_and_codes(ctx):
    with ctx.transaction() as session:
        built = build_survey(session, answers=False)
        survey = questionnaire.get_survey(session, built.survey_id)
        by_id = {q.id: q for q in survey.questions}
        scale, yes = by_id[built.q[SCALE]], by_id[built.q[YESNO]]
        assert [(o.code, o.value) for o in scale.options] == [(str(i), float(i)) for i in range(1, 6)]
        assert [o.label for o in yes.options] == ["Ja", "Nee"]
        assert [q.code for q in survey.questions] == ["dienst", "diensten", "resto", "aantal", "klus", "opm"]
        new = questionnaire.save_question(session, built.survey_id, QuestionInput(
            "Regio?", SINGLE, options=[OptionInput("Oost-Brabant"), OptionInput("1 andere")]))
        question = next(q for q in questionnaire.get_survey(session, built.survey_id).questions if q.id == new)
        assert question.code == "v7"
        assert [o.code for o in question.options] == ["oost_brabant", "o_1_andere"]


def test_reorder_questions(ctx):
    with ctx.transaction() as session:
        built = build_survey(session, answers=False)
        assert questionnaire.move_question(session, built.q[MULTI], -1)
        assert not questionnaire.move_question(session, built.q[MULTI], -1)  # already first
        order = [q.code for q in questionnaire.get_survey(session, built.survey_id).questions]
    assert order[:3] == ["diensten", "dienst", "resto"]


def test_kind_cannot_change_once_answered(ctx):
    with ctx.transaction() as session:
        built = build_survey(session)
        with pytest.raises(ValidationError) as error:
            questionnaire.save_question(session, built.survey_id, QuestionInput("Hoeveel?", TEXT),
                                        built.q[NUMBER])
    assert "soort" in error.value.errors["kind"]


def test_copy_last_years_survey_and_compare(ctx):
    with ctx.transaction() as session:
        old = build_survey(session, year=2024, title="Peiling 2024")
        new_id = questionnaire.copy_survey(session, old.survey_id)
        copy = questionnaire.get_survey(session, new_id)
        assert (copy.title, copy.year, copy.previous_id) == ("Peiling 2025", 2025, old.survey_id)
        assert [q.code for q in copy.questions] == ["dienst", "diensten", "resto", "aantal", "klus", "opm"]
        assert copy.questions[1].options[0].service_category_id == old.categories["groenonderhoud"]
        # this year: two answers, both "A"
        ids = {f"{q.kind}:{o.label}": o.id for q in copy.questions for o in q.options}
        qid = {q.kind: q.id for q in copy.questions}
        for n in range(2):
            responses.save_response(session, new_id, ResponseInput(BEKKEVOORT, {
                qid[SINGLE]: [ids["single:A"]], qid[NUMBER]: 4.0}, external_id=f"n{n}"))
        result = comparison.compare(session, new_id)
    assert (result.year_now, result.year_before) == (2025, 2024)
    a = next(r for r in result.rows if r.question == "Welke dienst?" and r.answer == "A")
    assert a.now == pytest.approx(100.0) and a.before == pytest.approx(300 / 7)
    assert a.difference == pytest.approx(100 - 300 / 7) and a.small  # 2 answers now
    mean = next(r for r in result.rows if r.question == "Hoeveel cliënten?")
    assert (mean.now, mean.before, mean.unit) == (4.0, 7.5, "")


def test_answers_are_checked_against_the_questionnaire(ctx):
    with ctx.transaction() as session:
        built = build_survey(session, answers=False)
        q, o = built.q, built.options
        with pytest.raises(ValidationError) as wrong:
            responses.save_response(session, built.survey_id, ResponseInput(BEKKEVOORT, {
                q[SINGLE]: [o["single:A"], o["single:B"]], q[MULTI]: [o["single:C"]], q[NUMBER]: "veel"}))
        with pytest.raises(ValidationError) as nothing:
            responses.save_response(session, built.survey_id, ResponseInput(None, {}))
        rid = add_row(session, built, ROWS[0], "r1")
        loaded = responses.load_response(session, rid)
        assert loaded.answers[q[MULTI]] == [o["multi:X"], o["multi:Y"]] and loaded.answers[q[NUMBER]] == 10.0
        loaded.answers[q[NUMBER]] = 11.0
        responses.save_response(session, built.survey_id, loaded, rid)
        assert responses.load_response(session, rid).answers[q[NUMBER]] == 11.0
        assert responses.delete_responses(session, [rid]) == 1
    errors = wrong.value.errors
    assert "kies één antwoord" in errors[f"q{q[SINGLE]}"]
    assert "bestaat niet" in errors[f"q{q[MULTI]}"]
    assert "geen getal" in errors[f"q{q[NUMBER]}"]
    assert "gemeente" in nothing.value.errors["municipality"]
