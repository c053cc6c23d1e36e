"""The survey import writes in bulk (issue 16): the same answer rows as keying the same answers in, the
statistics of the hand-computed table after importing it from a file, the data generation counted up (so a
backup is due), and nothing written when one row fails in the middle."""

from __future__ import annotations

import pytest
from openpyxl import Workbook
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from regisseur_app.domain.core.settings import data_generation
from regisseur_app.domain.survey import dataset, stats
from regisseur_app.domain.survey.models import MULTI, NUMBER, SCALE, SINGLE, YESNO, SurveyAnswer, SurveyResponse
from regisseur_app.exchange.survey import importer
from regisseur_app.exchange.survey.formats import suggest_all
from regisseur_app.exchange.tabular import read_table
from tests.unit.survey_support import ROWS, add_row, build_survey

NAMES = {"24008": "Bekkevoort", "24028": "Geetbets"}


def _export(path, rows):
    """The hand-made table of survey_support as a Microsoft Forms export."""
    book = Workbook()
    sheet = book.active
    sheet.append(["ID", "Begintijd", "Tijd van voltooien", "E-mail", "Naam", "Gemeente", "Welke dienst?",
                  "Welke diensten zijn nodig?", "Nood aan een buurtrestaurant?", "Hoeveel cliënten?",
                  "Nood aan klusjesdienst?", "Opmerkingen?"])
    for i, (nis, single, multi, scale, number, yes, text) in enumerate(rows, start=1):
        sheet.append([i, "20/11/2025 14:01", "20/11/2025 14:03", "anonymous", "", NAMES[nis], single,
                      "".join(f"{c};" for c in multi), scale, number, yes, text])
    book.save(path)
    return path


def _plan(ctx, survey_id, path):
    table = read_table(path)
    with ctx.reading() as session:
        from regisseur_app.domain.survey.views import survey_view

        return importer.analyse(session, survey_id, table, suggest_all(survey_view(session, survey_id), table.headers))


def _rows(session, survey_id):
    """Each response's answers as (question, option, number, text), in a comparable order."""
    found = session.execute(select(SurveyResponse.nis_code, SurveyAnswer.question_id, SurveyAnswer.option_id,
                                   SurveyAnswer.number_value, SurveyAnswer.text_value)
                            .join(SurveyAnswer, SurveyAnswer.response_id == SurveyResponse.id)
                            .where(SurveyResponse.survey_id == survey_id)).all()
    return sorted(found, key=repr)


def test_import_writes_the_rows_keying_in_writes(ctx, tmp_path):
    with ctx.transaction() as session:
        imported = build_survey(session, answers=False, title="Import")
        keyed = build_survey(session, answers=False, title="Ingegeven")
        for n, row in enumerate(ROWS):
            add_row(session, keyed, row, f"k{n}")
        generation = data_generation(session)
    plan = _plan(ctx, imported.survey_id, _export(tmp_path / "forms.xlsx", ROWS))
    with ctx.transaction() as session:
        outcome = importer.write_plan(session, plan)
    assert outcome.added == len(ROWS)
    with ctx.reading() as session:
        assert data_generation(session) == generation + 1
        by_id = [imported, keyed]
        rows = [_rows(session, b.survey_id) for b in by_id]
        data = dataset.load(session, imported.survey_id)
    # the same answers, question by question, once the two surveys' ids are mapped onto each other
    questions = {imported.q[k]: keyed.q[k] for k in imported.q}
    options = {imported.options[k]: keyed.options[k] for k in imported.options}
    mapped = sorted(((nis, questions[q], options.get(o), n, t) for nis, q, o, n, t in rows[0]), key=repr)
    assert mapped == rows[1]
    # the hand-computed figures of survey_support: Bekkevoort 5 answers, A chosen 3×, X 3×, scale mean 3
    single = stats.question_table(data, imported.q[SINGLE])
    assert [g.n for g in single.groups] == [7, 5, 2]
    assert single.rows[0].counts == [3, 3, 0]
    assert stats.question_table(data, imported.q[MULTI]).rows[0].counts == [4, 3, 1]
    assert stats.question_table(data, imported.q[SCALE]).summaries[1].mean == pytest.approx(3.0)
    assert stats.question_table(data, imported.q[NUMBER]).summaries[0].total == 45.0
    assert stats.question_table(data, imported.q[YESNO]).rows[0].counts == [5, 3, 2]


def test_a_failing_write_leaves_nothing(ctx, tmp_path):
    with ctx.transaction() as session:
        built = build_survey(session, answers=False)
    plan = _plan(ctx, built.survey_id, _export(tmp_path / "forms.xlsx", ROWS * 2))
    plan.drafts[9].nis = "99999"  # a municipality that does not exist: the foreign key refuses row 11
    assert plan.open_problems == 0 and len(plan.drafts) == 14
    with pytest.raises(IntegrityError), ctx.transaction() as session:
        importer.write_plan(session, plan)
    with ctx.reading() as session:
        assert session.scalar(select(SurveyResponse.id).where(SurveyResponse.survey_id == built.survey_id)) is None
