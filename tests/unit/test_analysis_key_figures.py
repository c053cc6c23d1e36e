"""Key figures: values, per 1.000 inhabitants against hand computations, totals, changes, fallback."""

import pytest

from regisseur_app.domain.analysis import indicators as ind
from regisseur_app.domain.analysis import inventory as analysis_inventory
from regisseur_app.domain.analysis.comparison import AVERAGE, TOTAL, compare, series
from regisseur_app.domain.analysis.key_figures import get_values, inhabitants_for_year, set_value
from regisseur_app.domain.core import codelists
from regisseur_app.domain.core.base import ValidationError
from regisseur_app.domain.core.organisation_service import OrganisationInput, save_organisation

FIVE = ["24008", "24028", "24054", "24135", "24137"]  # Bekkevoort, Geetbets, Kortenaken, Tielt-Winge, Glabbeek


def iid(s, code):
    return ind.indicator_by_code(s, code).id


def fill(s, code, year, values):
    for nis, value in zip(FIVE, values, strict=True):
        set_value(s, iid(s, code), nis, year, value)


def test_shipped_indicators_and_flags(ctx):
    with ctx.reading() as s:
        items = {i.code: i for i in ind.list_indicators(s)}
    assert list(items)[:7] == ["inwoners", "nwwz", "leefloon", "art60", "dgw_maatwerk", "dgw_lde", "se_organisaties"]
    assert items["se_organisaties"].is_computed and items["se_organisaties"].per_1000_possible
    assert not items["inwoners"].per_1000_possible          # the base itself
    assert not items["werkzaamheidsgraad"].is_count


def test_per_1000_total_average_and_change(ctx):
    with ctx.transaction() as s:
        fill(s, "inwoners", 2024, [6400, 6200, 8000, 10800, 5400])
        fill(s, "inwoners", 2023, [6300, 6100, 7900, 10700, 5300])
        fill(s, "leefloon", 2024, [32, 31, 20, 54, 27])
        fill(s, "leefloon", 2023, [30, 31, 22, 50, 25])
    with ctx.reading() as s:
        result = compare(s, iid(s, "leefloon"), 2024)
    rows = {r.name: r for r in result.rows}
    bekkevoort = rows["Bekkevoort"]
    assert bekkevoort.value == 32 and bekkevoort.previous == 30
    assert bekkevoort.per_1000 == pytest.approx(32 / 6400 * 1000)          # 5,0
    assert bekkevoort.previous_per_1000 == pytest.approx(30 / 6300 * 1000)  # 4,76
    assert bekkevoort.change == 2 and bekkevoort.change_pct == pytest.approx(2 / 30 * 100)
    kortenaken = rows["Kortenaken"]
    assert kortenaken.change == -2 and kortenaken.change_pct == pytest.approx(-2 / 22 * 100)
    total = next(r for r in result.rows if r.kind == TOTAL)
    assert total.value == 32 + 31 + 20 + 54 + 27 == 164
    assert total.previous == 158
    assert total.inhabitants == 36800
    assert total.per_1000 == pytest.approx(164 / 36800 * 1000)             # 4,456...
    average = next(r for r in result.rows if r.kind == AVERAGE)
    assert average.value == pytest.approx(164 / 5)
    rates = [32 / 6400, 31 / 6200, 20 / 8000, 54 / 10800, 27 / 5400]
    assert average.per_1000 == pytest.approx(sum(rates) / 5 * 1000)
    assert not any("gemeentetabel" in n for n in result.notes)


def test_missing_inhabitants_fall_back_to_the_municipality_table_and_say_so(ctx):
    with ctx.transaction() as s:
        fill(s, "inwoners", 2024, [6400, 6200, 8000, 10800, 5400])
        fill(s, "nwwz", 2022, [150, 140, 160, 230, 120])
    with ctx.reading() as s:
        people = inhabitants_for_year(s, 2022, FIVE)
        assert people["24008"].value == 6332 and people["24008"].fallback   # 1/1/2020 in the table
        result = compare(s, iid(s, "nwwz"), 2022)
    bekkevoort = next(r for r in result.rows if r.name == "Bekkevoort")
    assert bekkevoort.per_1000 == pytest.approx(150 / 6332 * 1000)
    assert bekkevoort.inhabitants_fallback
    assert any("gemeentetabel (1/1/2020)" in n for n in result.notes)


def test_total_only_when_complete_and_not_for_percentages(ctx):
    with ctx.transaction() as s:
        set_value(s, iid(s, "nwwz"), "24008", 2024, 150)
        fill(s, "werkzaamheidsgraad", 2024, [78.5, 77.0, 80.1, 79.4, 76.0])
    with ctx.reading() as s:
        partial = compare(s, iid(s, "nwwz"), 2024)
        rate = compare(s, iid(s, "werkzaamheidsgraad"), 2024)
    assert next(r for r in partial.rows if r.kind == TOTAL).value is None
    assert any("Geen waarde voor 2024" in n and "Geetbets" in n for n in partial.notes)
    assert [r.kind for r in rate.rows if r.kind != "gemeente"] == [AVERAGE]
    assert rate.rows[-1].value == pytest.approx((78.5 + 77.0 + 80.1 + 79.4 + 76.0) / 5)
    assert all(r.per_1000 is None for r in rate.rows)


def test_values_are_validated_and_can_be_removed(ctx):
    with ctx.transaction() as s:
        leefloon = iid(s, "leefloon")
        with pytest.raises(ValidationError, match="niet negatief"):
            set_value(s, leefloon, "24008", 2024, -1)
        with pytest.raises(ValidationError, match="valt buiten"):
            set_value(s, leefloon, "24008", 1980, 3)
        with pytest.raises(ValidationError, match="tussen 0 en 100"):
            set_value(s, iid(s, "werkzaamheidsgraad"), "24008", 2024, 101)
        with pytest.raises(ValidationError, match="berekend"):
            set_value(s, iid(s, "se_organisaties"), "24008", 2024, 3)
        assert set_value(s, leefloon, "24008", 2024, 30) is None
        assert set_value(s, leefloon, "24008", 2024, 31) == 30
        assert set_value(s, leefloon, "24008", 2024, None) == 31
        assert get_values(s, leefloon) == {}


def test_se_organisations_are_computed_from_the_inventory_with_the_type_flags(ctx):
    with ctx.transaction() as s:
        types = {t.code: t.id for t in codelists.list_items(s, codelists.ORGANISATION_TYPE)}
        save_organisation(s, OrganisationInput("Maatwerk A", types["maatwerkbedrijf"], seat_nis_code="24008",
                                               municipality_codes=["24008", "24028"]))
        save_organisation(s, OrganisationInput("Kringwinkel B", types["kringwinkel"],
                                               municipality_codes=["24028"]))
        save_organisation(s, OrganisationInput("Bakkerij C", types["regulier"], municipality_codes=["24028"]))
        save_organisation(s, OrganisationInput("Oud LDE", types["lde"], municipality_codes=["24028"], archived=True))
        fill(s, "inwoners", 2025, [6400, 6200, 8000, 10800, 5400])
    with ctx.reading() as s:
        result = compare(s, iid(s, "se_organisaties"), 2025, reference_year=2025)
        rows = {r.name: r for r in result.rows}
        assert rows["Bekkevoort"].value == 1 and rows["Geetbets"].value == 2 and rows["Glabbeek"].value == 0
        assert rows["Geetbets"].per_1000 == pytest.approx(2 / 6200 * 1000)
        assert next(r for r in result.rows if r.kind == TOTAL).value == 2   # distinct organisations
        assert compare(s, iid(s, "se_organisaties"), 2024, reference_year=2025).rows[0].value is None
    with ctx.transaction() as s:  # the regular company now counts as SE too: a flag, not a fixed list
        analysis_inventory.set_social_economy_types(
            s, [types["maatwerkbedrijf"], types["kringwinkel"], types["regulier"]])
    with ctx.reading() as s:
        result = compare(s, iid(s, "se_organisaties"), 2025, reference_year=2025)
        assert next(r for r in result.rows if r.name == "Geetbets").value == 3


def test_series_per_1000_over_the_years(ctx):
    with ctx.transaction() as s:
        fill(s, "inwoners", 2023, [6000, 6000, 8000, 10000, 5000])
        fill(s, "inwoners", 2024, [6400, 6200, 8000, 10800, 5400])
        fill(s, "dgw_lde", 2023, [6, 3, 8, 10, 5])
        fill(s, "dgw_lde", 2024, [8, 3, 8, 9, 5])
    with ctx.reading() as s:
        absolute = series(s, iid(s, "dgw_lde"))
        rate = series(s, iid(s, "dgw_lde"), rate=True)
    assert absolute.years == [2023, 2024]
    assert absolute.lines[0].name == "Bekkevoort" and absolute.lines[0].values == [6, 8]
    assert rate.lines[0].values == [pytest.approx(1.0), pytest.approx(8 / 6400 * 1000)]


def test_indicator_code_list_can_be_edited(ctx):
    with ctx.transaction() as s:
        new_id = ind.save_indicator(s, ind.IndicatorInput("Personen met een handicap", "personen", "VAPH", True, 0))
        with pytest.raises(ValidationError, match="bestaat al"):
            ind.save_indicator(s, ind.IndicatorInput("personen met een HANDICAP"))
        with pytest.raises(ValidationError, match="blijft actief"):
            ind.set_indicator_active(s, iid(s, "inwoners"), False)
        ind.set_indicator_active(s, new_id, False)
        assert ind.get_indicator(s, new_id).code == "personen_met_een_handicap"
        assert new_id not in [i.id for i in ind.list_indicators(s)]
