"""The survey import reads each distinct cell text once and the write takes the checked answer rows (issue
16). What must hold whatever the shortcut: the write refuses a plan whose questionnaire changed since the
check, skips what was imported meanwhile, joins the parts of a question fed by several columns as before,
lists the problems in the file's order, and stores the same time stamps as keying in; the quick reading
of day-first time stamps gives what formats.parse_timestamp gives."""

from __future__ import annotations

import random

import pytest
from sqlalchemy import select, text

from regisseur_app.domain.core.base import ValidationError
from regisseur_app.domain.survey import questionnaire, responses
from regisseur_app.domain.survey.models import MULTI, NUMBER, SINGLE, SurveyAnswer, SurveyResponse
from regisseur_app.domain.survey.questionnaire import OptionInput, QuestionInput
from regisseur_app.domain.survey.views import survey_view
from regisseur_app.exchange.survey import cells, formats, importer
from regisseur_app.exchange.survey.formats import IGNORE, MUNICIPALITY, QUESTION, TIME, Target, suggest_all
from regisseur_app.exchange.tabular import read_table
from tests.unit.survey_support import build_survey

GOOGLE = ("Tijdstempel,Gemeente,Welke dienst?,Welke diensten zijn nodig?,Hoeveel cliënten?\n"
          "20/11/2025 14:03:12,Bekkevoort,A,\"X, Y\",10\n"
          "20/11/2025 15:00:00,Geetbets,B,Z,3\n"
          "21/11/2025 09:30:00,Bekkevoort,A,\"X, Y\",10\n")


@pytest.fixture
def built(ctx):
    with ctx.transaction() as session:
        return build_survey(session, answers=False)


def _csv(path, body):
    path.write_text(body, encoding="utf-8")
    return path


def _check(ctx, built, path, targets=None):
    table = read_table(path)
    with ctx.reading() as session:
        targets = targets or suggest_all(survey_view(session, built.survey_id), table.headers)
        return importer.analyse(session, built.survey_id, table, targets), table


def _write(ctx, plan):
    with ctx.transaction() as session:
        return importer.write_plan(session, plan)


def _answers(ctx, built):
    with ctx.reading() as session:
        return sorted(session.execute(
            select(SurveyResponse.external_id, SurveyAnswer.question_id, SurveyAnswer.option_id,
                   SurveyAnswer.number_value, SurveyAnswer.text_value)
            .join(SurveyAnswer, SurveyAnswer.response_id == SurveyResponse.id)
            .where(SurveyResponse.survey_id == built.survey_id)).all(), key=repr)


def test_the_checked_rows_are_the_answers_written(ctx, built, tmp_path):
    plan, _table = _check(ctx, built, _csv(tmp_path / "google.csv", GOOGLE))
    assert plan.open_problems == 0 and len(plan.drafts) == 3
    assert _write(ctx, plan).added == 3
    o, q = built.options, built.q
    first = plan.drafts[0].external_id
    # rows of the first response, written out by hand from the file's first line
    assert sorted(r[1:] for r in _answers(ctx, built) if r[0] == first) == sorted([
        (q[SINGLE], o["single:A"], None, ""), (q[MULTI], o["multi:X"], None, ""), (q[MULTI], o["multi:Y"], None, ""),
        (q[NUMBER], None, 10.0, "")], key=repr)
    assert len(_answers(ctx, built)) == 4 + 3 + 4


def test_writing_again_after_a_change_reads_what_was_imported_meanwhile(ctx, built, tmp_path):
    plan, _table = _check(ctx, built, _csv(tmp_path / "google.csv", GOOGLE))
    assert _write(ctx, plan).added == 3
    # the same checked plan once more: the data changed since its check, so the imported ids are read anew
    again = _write(ctx, plan)
    assert (again.added, again.skipped_existing) == (0, 3)
    assert len(_answers(ctx, built)) == 11


def test_a_questionnaire_changed_since_the_check_is_refused(ctx, built, tmp_path):
    plan, _table = _check(ctx, built, _csv(tmp_path / "google.csv", GOOGLE))
    with ctx.transaction() as session:  # option Z of the multiple choice removed after the check
        questionnaire.save_question(session, built.survey_id, QuestionInput(
            "Welke diensten zijn nodig?", MULTI, code="diensten",
            options=[OptionInput("X", id=built.options["multi:X"]), OptionInput("Y", id=built.options["multi:Y"])]),
            built.q[MULTI])
    with pytest.raises(ValidationError) as refused:
        _write(ctx, plan)
    assert "gewijzigd sinds 'google.csv' werd nagekeken" in str(refused.value)
    assert _answers(ctx, built) == []


def test_two_columns_on_one_question_are_joined_as_before(ctx, built, tmp_path):
    path = _csv(tmp_path / "twee.csv", "Gemeente;Dienst 1;Dienst 2;Keuze 1;Keuze 2\n"
                                      "Bekkevoort;X;Z;B;A\nGeetbets;;Y;;C\nBekkevoort;Y;Y;Q;A\n")
    q = built.q
    targets = [Target(MUNICIPALITY), Target(QUESTION, q[MULTI]), Target(QUESTION, q[MULTI]),
               Target(QUESTION, q[SINGLE]), Target(QUESTION, q[SINGLE])]
    plan, _table = _check(ctx, built, path, targets)
    assert [(v.raw, v.lines, v.column) for v in plan.value_issues] == [("Q", [4], "Keuze 1")]
    plan.value_issues[0].choice = importer.DROP
    assert _write(ctx, plan).added == 3
    o = built.options
    chosen = {}
    for external, qid, option, _n, _t in _answers(ctx, built):
        chosen.setdefault(external, {}).setdefault(qid, set()).add(option)
    by_line = [chosen[d.external_id] for d in plan.drafts]
    # multiple choice: both columns' options; single choice: the first column's (the next when dropped)
    assert by_line[0] == {q[MULTI]: {o["multi:X"], o["multi:Z"]}, q[SINGLE]: {o["single:B"]}}
    assert by_line[1] == {q[MULTI]: {o["multi:Y"]}, q[SINGLE]: {o["single:C"]}}
    assert by_line[2] == {q[MULTI]: {o["multi:Y"]}, q[SINGLE]: {o["single:A"]}}


def test_problems_are_listed_in_the_order_of_the_file(ctx, built, tmp_path):
    # the time column stands after the questions: its problem comes after theirs in the same row
    path = _csv(tmp_path / "volgorde.csv", "Welke dienst?;Hoeveel cliënten?;Tijdstempel;Gemeente\n"
                                           "D;veel;gisteren;Nergensdorp\nA;3;vandaag;Bekkevoort\nA;x;;\n")
    plan, _table = _check(ctx, built, path)
    assert [(c.line, c.column) for c in plan.cell_issues] == [
        (2, "Hoeveel cliënten?"), (2, "Tijdstempel"), (3, "Tijdstempel"), (4, "Hoeveel cliënten?"), (4, "Gemeente")]
    assert [(v.raw, v.lines) for v in plan.value_issues] == [("D", [2]), ("Nergensdorp", [2])]


def test_a_national_number_in_an_open_answer_is_never_stored(ctx, built, tmp_path):
    path = _csv(tmp_path / "rrn.csv", "Gemeente;Opmerkingen?\nBekkevoort;rijksregister 85.07.30-033.28\n"
                                      "Geetbets;rijksregister 85.07.30-033.28\nGeetbets;goed\n")
    plan, _table = _check(ctx, built, path)
    assert [(c.line, c.value) for c in plan.cell_issues] == [(2, "(verborgen)"), (3, "(verborgen)")]
    for issue in plan.cell_issues:
        issue.choice = importer.DROP_CELL
    assert _write(ctx, plan).added == 1
    assert [t for *_r, t in _answers(ctx, built)] == ["goed"]


def test_time_stamps_are_stored_as_keying_in_stores_them(ctx, built, tmp_path):
    plan, _table = _check(ctx, built, _csv(tmp_path / "google.csv", GOOGLE))
    _write(ctx, plan)
    with ctx.transaction() as session:
        keyed = responses.save_response(session, built.survey_id, responses.ResponseInput(
            "24008", {built.q[NUMBER]: 1.0}, submitted_at=plan.drafts[0].submitted_at))
    with ctx.reading() as session:
        stored = dict(session.execute(text("SELECT id, submitted_at FROM survey_response")).all())
        first = session.scalar(select(SurveyResponse.id).where(SurveyResponse.external_id == plan.drafts[0].external_id))
    assert stored[first] == stored[keyed]


def test_day_first_stamps_read_as_parse_timestamp_reads_them():
    rng = random.Random(16)
    texts = ["20/11/2025 14:03:12", "3/1/2025 8:5", "11/20/2025 14:03:12", "31/02/2025 10:00", "29/02/2024 00:00",
             "20/11/2025 24:00", "20/11/2025 23:59:60", "20/11/2025  14:03", "20/11/2025", "gisteren",
             "٢٠/11/2025 14:03", "2025-11-20T14:03:12.000+01:00", "20/11/2025 14:03 CET"]
    texts += [f"{rng.randint(0, 40)}/{rng.randint(0, 14):02d}/{rng.randint(1990, 2030)} {rng.randint(0, 25)}:"
              f"{rng.randint(0, 61):02d}" + (f":{rng.randint(0, 62):02d}" if rng.random() < 0.5 else "")
              for _ in range(3000)]

    def read(parse, value):
        try:
            return parse(value)
        except ValueError as exc:
            return str(exc)

    assert [read(cells.parse_timestamp, t) for t in texts] == [read(formats.parse_timestamp, t) for t in texts]


def test_a_plan_knows_the_mapping_it_was_checked_with(ctx, built, tmp_path):
    plan, table = _check(ctx, built, _csv(tmp_path / "google.csv", GOOGLE))
    with ctx.reading() as session:
        targets = suggest_all(survey_view(session, built.survey_id), table.headers)
    assert plan.made_with(targets, None)
    assert not plan.made_with(targets, "24008")
    assert not plan.made_with([Target(IGNORE) if t.kind == TIME else t for t in targets], None)


def test_a_check_inside_a_changing_transaction_is_never_taken_as_is(ctx, built, tmp_path):
    table = read_table(_csv(tmp_path / "google.csv", GOOGLE))
    with ctx.transaction() as session:
        questionnaire.save_section(session, built.survey_id, "Nieuwe rubriek")
        session.flush()  # this transaction changed data: the generation it reads is its own
        plan = importer.analyse(session, built.survey_id, table,
                                suggest_all(survey_view(session, built.survey_id), table.headers))
        # the same plan written twice in one transaction: the second write reads what the first added
        assert plan.generation is None
        assert importer.write_plan(session, plan).added == 3
        assert importer.write_plan(session, plan).skipped_existing == 3
    assert len(_answers(ctx, built)) == 11
