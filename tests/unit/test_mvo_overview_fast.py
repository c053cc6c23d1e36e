"""The regional MVO figures read in bulk (issue 16): the same numbers as one organisation's year sheet,
computed values without their explanation equal to those with it, figures kept within a reading session
and forgotten as soon as the session writes."""

import pytest

from regisseur_app.domain.mvo import overview
from regisseur_app.domain.mvo.computed import MaterialAmount, compute
from regisseur_app.domain.mvo.models import AVOIDED_CO2, REUSE_RATE, REUSE_TOTAL, TARGET_GROUP_SHARE
from regisseur_app.domain.mvo.values import year_sheet
from tests.unit.events_support import org
from tests.unit.mvo_support import put


@pytest.fixture
def two(ctx):
    with ctx.transaction() as s:
        a = org(s, "Kringwinkel Aa", "kringwinkel", active=["24008"])
        b = org(s, "Maatwerk Bee", "maatwerkbedrijf", active=["24008", "24033"])
        put(s, a, 2025, ton_ingezameld="500", hergebruik_textiel="100", hergebruik_meubelen="40",
            dgw_personen="30", werknemers_totaal="40")
        put(s, a, 2024, ton_ingezameld="400", hergebruik_textiel="80", dgw_personen="28")
        put(s, b, 2025, dgw_personen="12", werknemers_totaal="16", omzet="1.000")
    return a, b


@pytest.mark.parametrize("formula", [REUSE_TOTAL, AVOIDED_CO2, REUSE_RATE, TARGET_GROUP_SHARE])
@pytest.mark.parametrize("materials", [[], [MaterialAmount("Textiel", 100.0, 4.0), MaterialAmount("Elektro", 10.0, None)],
                                       [MaterialAmount("Elektro", 3.0, None)]])
@pytest.mark.parametrize("numbers", [{}, {"ton_ingezameld": 0.0, "dgw_personen": 5.0, "werknemers_totaal": 0.0},
                                     {"ton_ingezameld": 220.0, "dgw_personen": 7.0, "werknemers_totaal": 9.0}])
def test_value_without_explanation_equals_the_explained_value(formula, materials, numbers):
    explained = compute(formula, numbers, materials)
    plain = compute(formula, numbers, materials, explain=False)
    assert plain.value == explained.value and plain.explanation == ""


def test_regional_figures_equal_each_organisations_year_sheet(ctx, two):
    a, b = two
    with ctx.reading() as s:
        figures = {f.row.id: f for f in overview.organisation_figures(s, 2025)}
        sheets = {o: {r.indicator.code: r.number for r in year_sheet(s, o, 2025) if r.number is not None}
                  for o in (a, b)}
        only_2024 = overview.organisation_figures(s, 2024)
    assert set(figures) == {a, b}
    for o in (a, b):
        assert figures[o].numbers == sheets[o]
    assert figures[a].numbers["vermeden_co2"] == pytest.approx(100 * 4.0 + 40 * 1.45)
    assert figures[b].row.nis_codes == ("24008", "24033")
    assert [f.row.id for f in only_2024] == [a]


def test_trend_of_key_figures_by_hand(ctx, two):
    with ctx.reading() as s:
        trend = overview.trend(s, [2024, 2025])
    assert trend["dgw_personen"] == [28.0, 42.0]
    assert trend["ton_hergebruikt"] == [80.0, 140.0]
    assert trend["vermeden_co2"] == [pytest.approx(320.0), pytest.approx(458.0)]
    assert trend["omzet"] == [None, 1000.0]


def test_figures_are_forgotten_when_the_session_writes(ctx, two):
    a, _b = two
    with ctx.transaction() as s:
        before = overview.organisation_figures(s, 2025)
        assert overview.organisation_figures(s, 2025) == before  # kept within the session
        put(s, a, 2025, dgw_personen="31")
        after = {f.row.id: f for f in overview.organisation_figures(s, 2025)}
        assert after[a].numbers["dgw_personen"] == 31.0
        put(s, a, 2023, dgw_personen="20")
        assert overview.trend(s, [2023])["dgw_personen"] == [20.0]
