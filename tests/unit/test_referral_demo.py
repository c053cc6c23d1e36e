"""Demo referrals: three years, five municipalities, realistic lead times, small counts in Glabbeek."""

from datetime import date

from regisseur_app.domain.core.demo import populate_inventory
from regisseur_app.domain.referrals import demo as referrals_demo
from regisseur_app.domain.referrals.stats import StatsFilter, compute_stats


def test_demo_referrals_are_realistic_and_deterministic(tmp_path):
    from regisseur_app.context import AppPaths
    from regisseur_app.startup import open_context

    today = date(2026, 11, 1)
    counts = []
    for name in ("a", "b"):
        ctx = open_context(AppPaths.for_db(tmp_path / f"{name}.sqlite", log_dir=tmp_path / "l", config_dir=tmp_path / "c"))
        with ctx.transaction() as s:
            populate_inventory(s, 2025)
            counts.append(referrals_demo.populate_demo(s, 2025, today=today))
        with ctx.reading() as s:
            stats = compute_stats(s, StatsFilter())
            by_year = compute_stats(s, StatsFilter(date_from=date(2025, 1, 1), date_to=date(2025, 12, 31)))
        ctx.close()
    assert counts[0] == counts[1] == 3 * sum(referrals_demo.YEARLY.values())
    per_municipality = dict(zip(stats.by_type.row_labels, (sum(r) for r in stats.by_type.counts), strict=True))
    assert per_municipality["Glabbeek"] == 15 and per_municipality["Tielt-Winge"] == 165
    assert stats.by_year.col_labels == ["2023", "2024", "2025", "2026"]
    glabbeek_2025 = dict(zip(by_year.by_type.row_labels, by_year.by_type.counts, strict=True))["Glabbeek"]
    assert 0 < sum(glabbeek_2025) < 12 and any(0 < n < 5 for n in glabbeek_2025)  # small counts to suppress
    lead = stats.lead_decision["Totaal"]
    assert 30 <= lead.median <= 120 and lead.median <= lead.p75 <= 160
    assert 10 <= stats.lead_start["Totaal"].median <= 90
    assert stats.funnel["Totaal"][0] > stats.funnel["Totaal"][2] > stats.funnel["Totaal"][4] > 0
