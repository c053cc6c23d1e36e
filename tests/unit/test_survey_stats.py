"""Statistics of every question type, cross-tabs and small groups, against values computed by hand from
the table in survey_support (real SQLite file, no mocks)."""

from __future__ import annotations

import pytest

from regisseur_app.domain.survey import dataset, stats
from regisseur_app.domain.survey.models import MULTI, NUMBER, SCALE, SINGLE, TEXT, YESNO
from tests.unit.survey_support import BEKKEVOORT, GEETBETS, build_survey


@pytest.fixture
def built(ctx):
    with ctx.transaction() as session:
        return build_survey(session)


def _table(ctx, built, kind, grouping=None):
    with ctx.reading() as session:
        data = dataset.load(session, built.survey_id)
        return stats.question_table(data, built.q[kind], grouping)


def _row(table, label):
    return next(r for r in table.rows if r.label == label)


def test_single_choice_overall_and_per_municipality_side_by_side(ctx, built):
    table = _table(ctx, built, SINGLE)
    assert [g.label for g in table.groups] == ["Totaal", "Bekkevoort", "Geetbets"]
    assert [g.n for g in table.groups] == [7, 5, 2]
    a = _row(table, "A")
    assert a.counts == [3, 3, 0]
    assert a.percents[0] == pytest.approx(300 / 7)
    assert a.percents[1] == pytest.approx(60.0)
    assert _row(table, "B").counts == [3, 1, 2]
    assert _row(table, "B").percents[2] == pytest.approx(100.0)
    assert _row(table, "C").counts == [1, 1, 0]
    # Geetbets answered by 2: too small to interpret; Bekkevoort (5) is not
    assert [g.small for g in table.groups] == [False, False, True]


def test_multiple_choice_percent_of_respondents(ctx, built):
    table = _table(ctx, built, MULTI)
    assert [(r.label, r.counts[0]) for r in table.rows] == [("X", 4), ("Y", 3), ("Z", 2)]
    assert _row(table, "X").percents[0] == pytest.approx(400 / 7)
    assert sum(r.percents[0] for r in table.rows) == pytest.approx(900 / 7)  # > 100: several answers each


def test_scale_mean_median_and_distribution(ctx, built):
    table = _table(ctx, built, SCALE)
    total, bekkevoort, geetbets = table.summaries
    assert total.n == 7 and total.mean == pytest.approx(24 / 7) and total.median == 4
    assert bekkevoort.mean == pytest.approx(3.0) and bekkevoort.median == 3
    assert geetbets.mean == pytest.approx(4.5) and geetbets.median == 4.5
    assert [r.counts[0] for r in table.rows] == [1, 1, 1, 2, 2]  # distribution over 1..5


def test_number_sum_mean_median(ctx, built):
    table = _table(ctx, built, NUMBER)
    total, bekkevoort, geetbets = table.summaries
    assert (total.n, total.total, total.mean, total.median) == (6, 45.0, 7.5, 6.0)
    assert (bekkevoort.n, bekkevoort.total, bekkevoort.mean, bekkevoort.median) == (4, 35.0, 8.75, 7.5)
    assert (geetbets.total, geetbets.minimum, geetbets.maximum) == (10.0, 3.0, 7.0)


def test_yes_no_and_open_answers_with_filter(ctx, built):
    table = _table(ctx, built, YESNO)
    assert [(r.label, r.counts) for r in table.rows] == [("Ja", [5, 3, 2]), ("Nee", [2, 2, 0])]
    texts = _table(ctx, built, TEXT).texts
    assert sorted(t for _m, t in texts) == ["Subsidies", "meer overleg"]
    assert stats.filter_texts(texts, "OVERLEG") == [("Bekkevoort", "meer overleg")]


def test_cross_tab_against_a_single_choice_question(ctx, built):
    grouping = stats.Grouping(f"q{built.q[SINGLE]}", "dienst")
    scale = _table(ctx, built, SCALE, grouping)
    assert [(g.label, g.n, g.small) for g in scale.groups] == [
        ("Totaal", 7, False), ("A", 3, True), ("B", 3, True), ("C", 1, True)]
    assert scale.summaries[1].mean == pytest.approx(10 / 3)  # A: 5, 4, 1
    assert scale.summaries[2].median == 4                    # B: 2, 5, 4
    multi = _table(ctx, built, MULTI, grouping)
    assert _row(multi, "X").counts == [4, 2, 1, 1]           # A: r1 r2; B: r6; C: r4
    assert _row(multi, "X").percents[1] == pytest.approx(200 / 3)


def test_groupings_offer_municipality_audience_and_single_choice_questions(ctx, built):
    with ctx.reading() as session:
        data = dataset.load(session, built.survey_id)
        keys = [g.key for g in stats.groupings(data, exclude_question=built.q[SINGLE])]
        audience = stats.question_table(data, built.q[SINGLE], stats.Grouping(stats.BY_AUDIENCE, "Doelgroep"))
    assert keys[:2] == ["municipality", "audience"]
    assert f"q{built.q[YESNO]}" in keys and f"q{built.q[SINGLE]}" not in keys and f"q{built.q[MULTI]}" not in keys
    assert [(g.label, g.n) for g in audience.groups] == [("Totaal", 7), ("Lokaal bestuur", 7)]


def test_one_municipality_only(ctx, built):
    with ctx.reading() as session:
        data = dataset.load(session, built.survey_id, GEETBETS)
        table = stats.question_table(data, built.q[SINGLE])
    assert table.n == 2 and [g.label for g in table.groups] == ["Totaal", "Geetbets"]
    assert BEKKEVOORT not in {f.nis_code for f in data.responses}
