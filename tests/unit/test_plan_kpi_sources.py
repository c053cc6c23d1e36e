"""Every computed KPI source against hand counts on the small world of plan_support (2025)."""

import pytest

from regisseur_app import features
from regisseur_app.domain.plan.kpis import table_value
from regisseur_app.features.spec import resolve
from tests.unit.plan_support import BEK, GEE, KOR, build_world

# key: (region, Bekkevoort, Geetbets, Kortenaken) counted by hand from the docstring of build_world
EXPECTED = {
    "events_network_held": (2, 1, 2, 1),          # E1 (region-wide) + E2 (GEE); E3 cancelled, E5 in 2026
    "events_mvo_held": (1, 1, 0, 0),              # E4 in BEK
    "events_participants": (4, 3, 2, 0),          # E1 c1+c2 (c3 Leuven, c4 only registered), E4 c4, E6 c1
    "events_se_presented": (2, 1, 2, 1),          # SE1 speaker at E1 and E6 (once), SE2 partner of E2
    "core_se_organisations": (2, 1, 1, 0),        # SE1, SE2; SE3 archived, SE4 in Leuven
    "referrals_made": (3, 2, 1, 0),               # r1, r2 (BEK), r3 (GEE); r4 made in 2024
    "referrals_started": (2, 1, 1, 0),            # r1 4/2025, r4 2/2025; r2 starts in 2026
    "referrals_doorstroom": (1, 1, 0, 0),         # r1
    "plan_new_collaborations": (4, 2, 1, 0),      # k1, k2, k3 (region), k5; k4 in 2026
    "plan_assignment_value": (15000, 10000, 5000, 0),  # k1 + k2 (SE supplier); k3 partners, k5 REG supplier
    "plan_jobs": (6, 5, 0, 0),                    # k1 2 + k3 1 + k5 3
}


@pytest.fixture
def world(ctx):
    with ctx.transaction() as s:
        build_world(s)
    return ctx


def test_every_expected_source_is_registered():
    keys = {s.key for s in features.kpi_sources()}
    assert set(EXPECTED) <= keys


@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_computed_kpi_matches_hand_count(world, key):
    compute = resolve(features.kpi_source(key).compute)
    with world.reading() as s:
        got = tuple(table_value(compute(s, 2025, nis)) for nis in (None, BEK, GEE, KOR))
    assert got == tuple(float(v) for v in EXPECTED[key])


def test_figures_behind_a_value_list_what_was_counted(world):
    compute = resolve(features.kpi_source("events_network_held").compute)
    with world.reading() as s:
        table = compute(s, 2025, GEE)
    assert [row[0] for row in table.rows] == ["Netwerk voorjaar", "Netwerk Geetbets", "Totaal"]
    assert table.rows[0][2] == "Regio (alle gemeenten)"
    compute = resolve(features.kpi_source("plan_assignment_value").compute)
    with world.reading() as s:
        table = compute(s, 2025, None)
    assert [row[1] for row in table.rows[:-1]] == ["Groenonderhoud", "Schoonmaak gemeentehuis"]


def test_an_empty_year_gives_zero_not_an_error(world):
    for source in features.kpi_sources():
        with world.reading() as s:
            table = resolve(source.compute)(s, 2019, None)
        assert table_value(table) in (0.0, None) or source.key == "core_se_organisations", source.key
