"""The college report's survey table asks for the total column only (`stats.TOTAL_ONLY`): the same total, option
rows and summary as the first column of the table split by municipality, for every question of the demo surveys,
region-wide and per municipality."""

from __future__ import annotations

from sqlalchemy import select

from regisseur_app.domain.survey import dataset, stats
from regisseur_app.domain.survey.models import Survey
from regisseur_app.reports.survey.section import municipality_part


def _first_column(table: stats.QuestionTable):
    return ([(g.key, g.label, g.n) for g in table.groups[:1]],
            [(r.option_id, r.label, r.counts[:1], r.percents[:1]) for r in table.rows],
            table.summaries[:1], table.texts, table.question_id, table.text, table.kind)


def test_total_only_equals_the_first_column_of_the_split_table(demo_ctx):
    with demo_ctx.reading() as session:
        compared = with_answers = 0
        for survey_id in session.scalars(select(Survey.id)):
            region = dataset.load(session, survey_id)
            places = sorted({f.nis_code for f in region.responses})
            for data in [region] + [municipality_part(region, nis) for nis in places + ["00000"]]:
                for question in data.questions.values():
                    split = stats.question_table(data, question.id)
                    total = stats.question_table(data, question.id, stats.TOTAL_ONLY)
                    assert len(total.groups) == 1 and total.grouping == stats.TOTAL_ONLY
                    assert _first_column(total) == _first_column(split)
                    compared += 1
                    with_answers += total.n > 0
        assert compared > 100 and with_answers > 50
