"""compare_all (the college report's key figures, read in a few queries) gives exactly what `compare` gives
indicator by indicator: merged municipalities, missing values, fallback inhabitants, rates, computed ones."""

from regisseur_app.domain.analysis import indicators as ind
from regisseur_app.domain.analysis.comparison import compare, compare_all
from regisseur_app.domain.analysis.key_figures import inhabitants_for_year, inhabitants_for_years, set_value
from regisseur_app.domain.core import municipalities

PLACES = ["24008", "24028", "23106"]          # Bekkevoort, Geetbets, Pajottegem (1/1/2025)
PARTS = ["23023", "23024", "23032"]           # Galmaarden, Gooik, Herne: merged into Pajottegem


def _fill(ctx):
    with ctx.transaction() as s:
        municipalities.set_participating(s, PLACES)
        code = {i.code: i.id for i in ind.list_indicators(s)}
        # inhabitants: 2025 for all; 2024 only under the old codes for Pajottegem, none for Geetbets
        for nis, n in zip(PLACES, [6400, 6200, 24874], strict=True):
            set_value(s, code["inwoners"], nis, 2025, n)
        set_value(s, code["inwoners"], "24008", 2024, 6350)
        for nis, n in zip(PARTS, [8836, 9189, 6699], strict=True):
            set_value(s, code["inwoners"], nis, 2024, n)
        # a count: complete in 2025, 2024 under the parts but one part missing (no figure for Pajottegem)
        for nis, n in zip(PLACES, [32, 31, 120], strict=True):
            set_value(s, code["leefloon"], nis, 2025, n)
        set_value(s, code["leefloon"], "24008", 2024, 30)
        set_value(s, code["leefloon"], "23023", 2024, 40)
        set_value(s, code["leefloon"], "23024", 2024, 41)
        # a count complete in both years (parts add up to Pajottegem in 2024)
        for nis, n in zip(PLACES + PARTS, [150, 140, 0, 90, 80, 70], strict=True):
            set_value(s, code["nwwz"], nis, 2024 if nis in PARTS else 2025, n)
        for nis, n in zip(PLACES[:2], [145, 150], strict=True):
            set_value(s, code["nwwz"], nis, 2024, n)
        # a percentage: never added up, the parts' values are not Pajottegem's
        for nis, n in zip(PLACES, [78.5, 77.0, 80.1], strict=True):
            set_value(s, code["werkzaamheidsgraad"], nis, 2025, n)
        set_value(s, code["werkzaamheidsgraad"], "23023", 2024, 70.0)
        set_value(s, code["werkzaamheidsgraad"], "24028", 2024, 76.5)
        # a value of another year that must not leak in
        set_value(s, code["leefloon"], "24008", 2023, 99)


def test_compare_all_equals_compare_per_indicator(ctx):
    _fill(ctx)
    with ctx.reading() as s:
        shown = ind.list_indicators(s)
        assert any(i.is_computed for i in shown) and any(not i.is_count for i in shown)
        for year in (2025, 2024, 2023):
            expected = [compare(s, i.id, year) for i in shown]
            assert compare_all(s, shown, year) == expected
        # the data is not trivial: Pajottegem gets the sum of its parts in 2024, a rate of the parts is not taken
        by_code = {c.indicator.code: c for c in compare_all(s, shown, 2025)}
        pajottegem = next(r for r in by_code["nwwz"].municipality_rows if r.nis_code == "23106")
        assert pajottegem.previous == 90 + 80 + 70
        assert next(r for r in by_code["leefloon"].municipality_rows if r.nis_code == "23106").previous is None
        assert next(r for r in by_code["werkzaamheidsgraad"].municipality_rows
                    if r.nis_code == "23106").previous is None


def test_inhabitants_for_years_equals_inhabitants_for_year(ctx):
    _fill(ctx)
    with ctx.reading() as s:
        both = inhabitants_for_years(s, [2025, 2024, 2022], PLACES)
        for year in (2025, 2024, 2022):
            assert both[year] == inhabitants_for_year(s, year, PLACES)
        assert both[2024]["23106"].value == 8836 + 9189 + 6699 and not both[2024]["23106"].fallback
        assert both[2024]["24028"].fallback
