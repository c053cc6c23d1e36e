"""compute_stats (grouped in SQL, lead times as day histograms) against a straightforward computation: every
referral loaded through the ORM and counted in Python, percentiles over the plain sorted list. A small log
of 40 referrals over two years and three municipalities, with ties, zero-day lead times, negative decisions,
no decision, a start without doorstroom; plus a decision dated before its referral, a status and decision a
newer version might write, and a referral in a municipality that stopped participating."""

import random
from collections import Counter
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from regisseur_app.domain.core.municipalities import Municipality
from regisseur_app.domain.referrals.models import (
    DECISIONS,
    NEGATIVE,
    NO_FOLLOW_UP,
    POSITIVE,
    REGULAR_WORK,
    SCREENING,
    STARTED,
    Referral,
)
from regisseur_app.domain.referrals.stats import StatsFilter, compute_stats, percentile
from tests.unit.referral_helpers import BEKKEVOORT, GEETBETS, GLABBEEK, KORTENAKEN, move, new_referral, org_id


@pytest.fixture
def log(ctx):
    rng = random.Random(16)
    with ctx.transaction() as s:
        org = org_id(s)
        for i in range(40):
            nis = (BEKKEVOORT, GEETBETS, GLABBEEK)[i % 3]
            referred = date(2024 + i % 2, 1 + i % 12, 1 + rng.randrange(20))
            rid, _ = new_referral(s, nis=nis, when=referred, type_code=("screening", "art60_twe", "andere")[i % 3 if i % 5 else 0])
            if i % 7 == 6:
                continue  # no steps
            screened = referred + timedelta(days=rng.choice((0, 3, 3, 10)))
            move(s, rid, (SCREENING, screened))
            if i % 7 == 5:
                continue  # screened, no decision
            decided = screened + timedelta(days=rng.choice((0, 7, 7, 14, 30)))
            decision = (POSITIVE, POSITIVE, NEGATIVE, NO_FOLLOW_UP)[i % 4]
            move(s, rid, (decision, decided))
            if decision == POSITIVE and i % 3:
                started = decided + timedelta(days=rng.choice((1, 5, 5, 21)))
                move(s, rid, (STARTED, started), organisation_id=org)
                if i % 2:
                    move(s, rid, (REGULAR_WORK, started + timedelta(days=90)))
        new_referral(s, nis=KORTENAKEN, when=date(2025, 3, 1))
        odd, _ = new_referral(s, nis=GLABBEEK, when=date(2025, 4, 2))  # values a newer version might write
        s.get(Referral, odd).status, s.get(Referral, odd).decision = "wachtlijst", "later"
        early, _ = new_referral(s, nis=GEETBETS, when=date(2025, 5, 20))  # an imported history: decided before
        s.get(Referral, early).decision, s.get(Referral, early).decision_date = NEGATIVE, date(2025, 5, 17)
        s.get(Municipality, KORTENAKEN).participating = False  # stopped participating: left out by default
    return ctx


def _straightforward(s, filt: StatsFilter) -> dict:
    if filt.nis_codes is None:
        codes = set(s.scalars(select(Municipality.nis_code).where(Municipality.participating.is_(True))))
    else:
        codes = set(filt.nis_codes)
    names = dict(s.execute(select(Municipality.nis_code, Municipality.name)).all())
    cohort = [r for r in s.scalars(select(Referral)) if r.nis_code in codes
              and (filt.date_from is None or r.referral_date >= filt.date_from)
              and (filt.date_to is None or r.referral_date <= filt.date_to)]

    def stage(r: Referral) -> int:
        if r.exit == REGULAR_WORK:
            return 4
        if r.start_date is not None:
            return 3
        if r.decision == POSITIVE:
            return 2
        return 1 if r.screening_date is not None or r.decision in (POSITIVE, NEGATIVE) else 0

    result = {"total": len(cohort),
              "type": Counter((names[r.nis_code], r.type_id) for r in cohort),
              "status": Counter((names[r.nis_code], r.status) for r in cohort),
              "decision": Counter((names[r.nis_code], r.decision) for r in cohort),
              "year": Counter((names[r.nis_code], str(r.referral_date.year)) for r in cohort),
              "stage": Counter((names[r.nis_code], stage(r)) for r in cohort)}
    decided = [(names[r.nis_code], (r.decision_date - r.referral_date).days) for r in cohort
               if r.decision in DECISIONS and r.decision_date is not None]
    started = [(names[r.nis_code], (r.start_date - r.decision_date).days) for r in cohort
               if r.decision == POSITIVE and r.start_date is not None and r.decision_date is not None]
    for key, pairs in (("lead_decision", decided), ("lead_start", started)):
        lead = {}
        for name in {names[c] for c in codes} | {"Totaal"}:
            days = [d for n, d in pairs if n == name or name == "Totaal"]
            lead[name] = (len(days), percentile(days, 0.5), percentile(days, 0.75))
        result[key] = lead
    return result


def _counted(table, columns) -> Counter:
    return Counter({(row, col): n for row, counts in zip(table.row_labels, table.counts, strict=True)
                    for col, n in zip(columns, counts, strict=True) if n})


FILTERS = [StatsFilter(), StatsFilter(date(2025, 1, 1), date(2025, 12, 31)), StatsFilter(date_from=date(2024, 6, 1)),
           StatsFilter(date_to=date(2024, 3, 31)), StatsFilter(nis_codes=[GEETBETS, KORTENAKEN]),
           StatsFilter(date(2030, 1, 1), date(2030, 12, 31))]


@pytest.mark.parametrize("filt", FILTERS, ids=range(len(FILTERS)))
def test_stats_equal_the_straightforward_computation(log, filt):
    from regisseur_app.domain.referrals.models import STATUSES
    from regisseur_app.domain.referrals.stats import DECISION_COLUMNS

    with log.reading() as s:
        stats = compute_stats(s, filt)
        expected = _straightforward(s, filt)
        type_ids = [i for i, in s.execute(select(Referral.type_id).distinct())]
    assert stats.total == expected["total"]
    types = sorted(set(type_ids))
    by_type = Counter({(row, t): n for row, counts in zip(stats.by_type.row_labels, stats.by_type.counts, strict=True)
                       for t, n in zip(_type_columns(log, stats), counts, strict=True) if n})
    assert by_type == expected["type"] and set(types) >= {t for _, t in by_type}
    # the tables show the statuses and decisions this version knows (the odd referral counts everywhere else)
    assert _counted(stats.by_status, STATUSES) == _only(expected["status"], STATUSES)
    assert _counted(stats.by_decision, DECISION_COLUMNS) == _only(expected["decision"], DECISION_COLUMNS)
    assert _counted(stats.by_year, stats.by_year.col_labels) == expected["year"]
    assert _counted(stats.furthest_stage, range(5)) == expected["stage"]
    for key in ("lead_decision", "lead_start"):
        got = {name: (lead.n, lead.median, lead.p75) for name, lead in getattr(stats, key).items()}
        assert got == expected[key], key


def _only(counts: Counter, columns) -> Counter:
    return Counter({key: n for key, n in counts.items() if key[1] in columns})


def _type_columns(ctx, stats) -> list[int]:
    """The type ids of the by_type columns, from their labels."""
    from regisseur_app.domain.core.codelists import REFERRAL_TYPE, CodeItem

    with ctx.reading() as s:
        ids = {label: i for i, label in s.execute(select(CodeItem.id, CodeItem.label)
                                                 .where(CodeItem.list_name == REFERRAL_TYPE))}
    return [ids[label] for label in stats.by_type.col_labels]


def test_the_log_has_what_the_comparison_needs(log):
    with log.reading() as s:
        everything = _straightforward(s, StatsFilter())
        stopped = _straightforward(s, StatsFilter(nis_codes=[KORTENAKEN]))
        early = _straightforward(s, StatsFilter(date(2025, 5, 20), date(2025, 5, 20)))
    assert everything["total"] == 42 and stopped["total"] == 1
    assert {stage for _name, stage in everything["stage"]} == {0, 1, 2, 3, 4}
    assert {year for _name, year in everything["year"]} == {"2024", "2025"}
    assert {decision for _name, decision in everything["decision"]} == {*DECISIONS, None, "later"}
    assert ("Glabbeek", "wachtlijst") in everything["status"]
    assert early["lead_decision"]["Totaal"] == (1, -3, -3)  # decided three days before the referral
    # enough values per municipality for interpolated percentiles, with ties
    n, median, p75 = everything["lead_decision"]["Totaal"]
    assert n >= 20 and median is not None and p75 >= median
    assert any(isinstance(v, float) and v != int(v) for lead in everything["lead_decision"].values() for v in lead[1:]
               if v is not None)


def test_percentiles_from_counts_equal_those_of_the_sorted_list():
    from regisseur_app.domain.referrals.stats import counted_lead_time, lead_time

    rng = random.Random(7)
    for size in (0, 1, 2, 3, 4, 5, 10, 11, 97):
        values = [rng.choice((0, 0, 3, 7, 7, 7, 12, 40, -2)) + rng.randrange(3) for _ in range(size)]
        assert counted_lead_time(Counter(values)) == lead_time(values), values
