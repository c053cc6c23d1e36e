"""Statistics against hand computations: counts, funnel, median and 75th percentile lead times."""

from datetime import date, timedelta

from regisseur_app.domain.referrals.models import NEGATIVE, POSITIVE, REGULAR_WORK, SCREENING, STARTED
from regisseur_app.domain.referrals.stats import StatsFilter, compute_stats, percentile
from tests.unit.referral_helpers import BEKKEVOORT, GLABBEEK, move, new_referral, org_id

START = date(2025, 1, 6)


def test_percentile_by_hand():
    assert percentile([10, 20, 30, 40, 100], 0.5) == 30
    assert percentile([10, 20, 30, 40, 100], 0.75) == 40     # position 3 of 0..4
    assert percentile([7, 12], 0.5) == 9.5
    assert percentile([7, 12], 0.75) == 10.75                 # 7 + 0.75 * 5
    assert percentile([3, 1, 2, 4], 0.75) == 3.25             # sorted 1,2,3,4; position 2.25
    assert percentile([], 0.5) is None


def _decided(s, nis, days_to_decision, decision=POSITIVE, days_to_start=None, org=None, doorstroom=False):
    rid, _ = new_referral(s, nis=nis, when=START)
    move(s, rid, (SCREENING, START + timedelta(days=1)), (decision, START + timedelta(days=days_to_decision)))
    if days_to_start is not None:
        move(s, rid, (STARTED, START + timedelta(days=days_to_decision + days_to_start)), organisation_id=org)
        if doorstroom:
            move(s, rid, (REGULAR_WORK, START + timedelta(days=days_to_decision + days_to_start + 100)))


def test_counts_funnel_and_lead_times(ctx):
    with ctx.transaction() as s:
        org = org_id(s)
        # Bekkevoort: decisions after 10, 20, 30, 40, 100 days; starts 5, 15, 25 days after positive ones
        _decided(s, BEKKEVOORT, 10, days_to_start=5, org=org, doorstroom=True)
        _decided(s, BEKKEVOORT, 20, days_to_start=15, org=org)
        _decided(s, BEKKEVOORT, 30, days_to_start=25, org=org)
        _decided(s, BEKKEVOORT, 40, decision=NEGATIVE)
        _decided(s, BEKKEVOORT, 100, decision=NEGATIVE)
        new_referral(s, nis=BEKKEVOORT, when=START)  # no decision yet
        # Glabbeek: two decisions after 7 and 12 days
        _decided(s, GLABBEEK, 7)
        _decided(s, GLABBEEK, 12, decision=NEGATIVE)
        new_referral(s, nis=GLABBEEK, when=date(2024, 12, 31))  # outside the period below
    with ctx.reading() as s:
        stats = compute_stats(s, StatsFilter(date_from=date(2025, 1, 1), date_to=date(2025, 12, 31)))
    names = [name for _nis, name in stats.municipalities]
    assert names == ["Bekkevoort", "Geetbets", "Glabbeek", "Kortenaken", "Tielt-Winge"]
    assert stats.total == 8
    decision = dict(zip(stats.by_decision.row_labels, stats.by_decision.counts, strict=True))
    assert decision["Bekkevoort"] == [3, 2, 0, 1]  # positief, negatief, geen opvolging, nog geen
    assert decision["Glabbeek"] == [1, 1, 0, 0]
    assert stats.funnel["Bekkevoort"] == [6, 5, 3, 3, 1]
    assert stats.funnel["Totaal"] == [8, 7, 4, 3, 1]
    furthest = dict(zip(stats.furthest_stage.row_labels, stats.furthest_stage.counts, strict=True))
    assert furthest["Bekkevoort"] == [1, 2, 0, 2, 1]
    assert (stats.lead_decision["Bekkevoort"].median, stats.lead_decision["Bekkevoort"].p75) == (30, 40)
    assert (stats.lead_decision["Glabbeek"].median, stats.lead_decision["Glabbeek"].p75) == (9.5, 10.75)
    # all seven decisions: 7, 10, 12, 20, 30, 40, 100 -> median 20, p75 at position 4.5 -> 35
    assert (stats.lead_decision["Totaal"].median, stats.lead_decision["Totaal"].p75) == (20, 35)
    assert (stats.lead_start["Bekkevoort"].n, stats.lead_start["Bekkevoort"].median,
            stats.lead_start["Bekkevoort"].p75) == (3, 15, 20)
    assert stats.lead_start["Geetbets"].n == 0 and stats.lead_start["Geetbets"].median is None
    by_year = dict(zip(stats.by_year.row_labels, stats.by_year.counts, strict=True))
    assert stats.by_year.col_labels == ["2025"] and by_year["Glabbeek"] == [2]
