"""The regional MVO figures (issue 16) are computed once per year for the whole region from plain rows, a
municipality's taken from them, and kept from one reading session to the next while the data does not change.
On generated values, including the odd ones the database allows (text-only and empty values, retired indicators,
a material without emission factor, archived and non-SE organisations, organisations active nowhere or in several
municipalities), every figure equals the former computation, kept below as the reference: per municipality its
own reporters, each value as an object, Calculator, and for the trend a computation per municipality and year."""

from __future__ import annotations

import random

import pytest
from sqlalchemy import select

from regisseur_app.domain.core import codelists, municipalities
from regisseur_app.domain.core.kpi_sources import SE_TYPE_CODES
from regisseur_app.domain.core.organisation_service import set_archived
from regisseur_app.domain.mvo import overview
from regisseur_app.domain.mvo.indicators import list_indicators
from regisseur_app.domain.mvo.models import TEXT, YES_NO, MvoIndicator, MvoMaterial, MvoValue
from regisseur_app.domain.mvo.orgs import reporters, year_values
from regisseur_app.domain.mvo.values import Calculator, Completeness, all_materials, is_filled
from tests.unit.events_support import org

YEARS = (2021, 2022, 2023, 2024, 2025)


# ---- the former computation (overview.py at commit 19d7803, without the session memo) -----------------------
def former_figures(session, years, nis_code=None, only=None):
    indicators = list_indicators(session, include_inactive=True)
    typed = [i.id for i in indicators if i.active and not i.is_computed]
    codes = {i.id: i.code for i in indicators}
    calculator = Calculator(indicators, all_materials(session))
    people = reporters(session, nis_code=nis_code)
    values = year_values(session, years, only)
    result = {}
    for year in years:
        found = []
        for person in people:
            mine = values[year].get(person.id)
            if not mine:
                continue
            numbers = calculator.numbers(mine)
            typed_in = dict(numbers)
            for indicator_id, computed in calculator(mine, False, typed_in).items():
                if computed.value is not None:
                    numbers[codes[indicator_id]] = computed.value
            done = Completeness(sum(1 for i in typed if is_filled(mine.get(i))), len(typed))
            found.append(overview.OrganisationFigures(person.row(done), numbers, done))
        result[year] = found
    return result


def former_overview(session, year, nis_code=None):
    figures = former_figures(session, [year], nis_code)[year]
    rows = []
    for indicator in list_indicators(session):
        if indicator.value_type == TEXT:
            continue
        found = [f.numbers[indicator.code] for f in figures if indicator.code in f.numbers]
        if indicator.value_type == YES_NO:
            rows.append(overview.OverviewRow(indicator, len(found), None, None, sum(1 for v in found if v >= 0.5)))
            continue
        total = sum(found) if found and overview.summable(indicator) else None
        rows.append(overview.OverviewRow(indicator, len(found), total, sum(found) / len(found) if found else None))
    return rows


def former_per_municipality(session, year, codes=overview.KEY_CODES):
    places = municipalities.list_municipalities(session, participating_only=True)
    figures = former_figures(session, [year])[year]
    rows = []
    for place in places:
        here = [f for f in figures if place.nis_code in f.row.nis_codes]
        totals = {code: sum(f.numbers[code] for f in here if code in f.numbers) for code in codes}
        rows.append(overview.MunicipalityRow(place.nis_code, place.name, len(here),
                                             sum(1 for f in here if f.completeness.complete), totals))
    return rows


def former_trend(session, years, nis_code=None, codes=overview.KEY_CODES):
    indicators = {i.code: i for i in list_indicators(session, include_inactive=True)}
    result = {code: [] for code in codes if code in indicators}
    by_year = former_figures(session, list(years), nis_code, overview._inputs(list(indicators.values()), codes))
    for year in years:
        for code in result:
            found = [f.numbers[code] for f in by_year[year] if code in f.numbers]
            if not found:
                result[code].append(None)
            elif overview.summable(indicators[code]):
                result[code].append(sum(found))
            else:
                result[code].append(sum(found) / len(found))
    return result


# ---- generated data ------------------------------------------------------------------------------------------
@pytest.fixture
def region(ctx):
    rng = random.Random(16)
    with ctx.transaction() as s:
        places = [m.nis_code for m in municipalities.list_municipalities(s, participating_only=True)]
        kinds = ["kringwinkel", "maatwerkbedrijf", "kringwinkel", "lde"]
        orgs = [org(s, f"Organisatie {n:02d} {rng.choice('ABCDE')}", rng.choice(kinds),
                    active=rng.sample(places, rng.choice([0, 1, 1, 2, 3]))) for n in range(24)]
        other = next(t.code for t in codelists.list_items(s, codelists.ORGANISATION_TYPE) if t.code not in SE_TYPE_CODES)
        orgs.append(org(s, "Gewone Onderneming", other, active=places[:1]))  # not SE: reports through its values
        org(s, "Zonder Cijfers", "maatwerkbedrijf", active=places[:2])
        indicators = list(s.scalars(select(MvoIndicator)))
        material = s.scalars(select(MvoMaterial)).first()
        material.emission_factor = None  # a material whose tonnage is not counted in the avoided CO2
        retired = next(i for i in indicators if i.code == "opleidingsuren")
        for year in YEARS:
            for organisation_id in orgs:
                if rng.random() < 0.2 and organisation_id != orgs[-1]:
                    continue
                for indicator in rng.sample(indicators, rng.randint(1, len(indicators))):
                    if indicator.formula:
                        if rng.random() < 0.9:
                            continue  # a stored value of a computed indicator: rare, the computation wins
                    if indicator.value_type == TEXT or rng.random() < 0.05:
                        number, text = None, rng.choice(["", "Verslag op de website", ""])
                    elif indicator.value_type == YES_NO:
                        number, text = float(rng.random() < 0.6), ""
                    else:
                        number, text = round(rng.uniform(0, 5000), rng.choice([0, 1, 2, 3])), ""
                    s.add(MvoValue(organisation_id=organisation_id, indicator_id=indicator.id, year=year,
                                   number=number, text=text))
        s.flush()
        retired.active = False
        set_archived(s, [orgs[3]], True)
    return places


def test_region_figures_equal_the_former_computation(ctx, region):
    places = region + ["24001"]  # and a municipality nobody is active in
    with ctx.reading() as s:
        for year in YEARS:
            for nis in [None, *places]:
                assert overview.organisation_figures(s, year, nis) == former_figures(s, [year], nis)[year]
                assert overview.overview(s, year, nis) == former_overview(s, year, nis)
            assert overview.per_municipality(s, year) == former_per_municipality(s, year)
        both = overview.figures_by_year(s, [2025, 2024], region[0])
        assert both == {y: former_figures(s, [y], region[0])[y] for y in (2025, 2024)}
        figures = overview.organisation_figures(s, 2025)
    # the generated data reaches the cases that matter
    assert any(not f.completeness.complete for f in figures) and any(f.row.type_label for f in figures)
    assert any("vermeden_co2" in f.numbers for f in figures) and any(len(f.row.nis_codes) > 1 for f in figures)
    assert "Gewone Onderneming" in {f.row.name for f in figures}


@pytest.mark.parametrize("codes", [overview.KEY_CODES, ("vermeden_co2", "ton_hergebruikt"), ("dgw_personen",)])
def test_trends_equal_the_former_computation(ctx, region, codes):
    with ctx.reading() as s:
        for nis in (None, *region):
            assert overview.trend(s, list(YEARS), nis, codes) == former_trend(s, YEARS, nis, codes)
    with ctx.reading() as s:  # with some years' full figures computed first (the tab and the report do so)
        overview.organisation_figures(s, 2023)
        for nis in (None, *region):
            assert overview.trend(s, list(YEARS), nis, codes) == former_trend(s, YEARS, nis, codes)
            assert overview.trend(s, [2022, 2023], nis, codes) == former_trend(s, [2022, 2023], nis, codes)


def test_figures_kept_for_a_later_session_are_those_a_fresh_read_gives(ctx, region):
    with ctx.reading() as s:
        overview.organisation_figures(s, 2025, region[0])
        overview.trend(s, list(YEARS[:-1]), region[1])
        kept = overview.kept_figures(s)
    assert {key[0] for key in kept} == {"mvo_figures", "mvo_partial_figures", "mvo_reporters"}
    with ctx.reading() as s:
        overview.reuse_figures(s, kept)
        for nis in (None, *region):
            assert overview.organisation_figures(s, 2025, nis) == former_figures(s, [2025], nis)[2025]
            assert overview.trend(s, list(YEARS), nis) == former_trend(s, YEARS, nis)
        assert overview.organisation_figures(s, 2025) is not overview.organisation_figures(s, 2025)  # own lists
