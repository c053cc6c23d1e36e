"""MVO › Regio: what it shows for each year and municipality equals a fresh computation; the figures are computed
once per data generation (the reporting organisations read by Invullen too) and again after a change."""

from regisseur_app.domain.mvo import overview
from tests.unit.events_support import org
from tests.unit.mvo_support import put


def _in_order(rows, places, trend):  # the tables show their rows sorted by a column
    return (sorted(rows, key=lambda r: r.indicator.id), sorted(places, key=lambda r: r.nis_code), sorted(trend))


def _shown(tab):
    return (*_in_order([tab.overview_model.row_at(r) for r in range(tab.overview_model.rowCount())],
                       [tab.municipality_model.row_at(r) for r in range(tab.municipality_model.rowCount())],
                       list(tab.trend_model._rows)), tab.summary.text())


def _fresh(app_ctx, tab):
    year, nis = tab.year, tab.nis_code
    with app_ctx.reading() as s:
        years = [y for y in overview.reported_years(s) if y <= year][-5:]
        labels = {r.indicator.code: r.indicator.label for r in overview.overview(s, year, nis)}
        return (*_in_order(overview.overview(s, year, nis), overview.per_municipality(s, year),
                           [(labels.get(code, code), values) for code, values in overview.trend(s, years, nis).items()]),
                len(overview.organisation_figures(s, year, nis)))


def _matches(app_ctx, tab) -> None:
    rows, places, trend, count = _fresh(app_ctx, tab)
    shown = _shown(tab)
    assert shown[:3] == (rows, places, trend)
    assert f": {count} organisatie(s)" in shown[3] or (count == 0 and "nog geen" in shown[3])


def test_each_choice_from_figures_computed_once_and_again_after_a_change(qtbot, main_window, app_ctx):
    with app_ctx.transaction() as s:
        a = org(s, "Kringwinkel Aa", "kringwinkel", active=["24008"])
        b = org(s, "Maatwerk Bee", "maatwerkbedrijf", active=["24008", "24028"])
        for year, people in ((2023, "20"), (2024, "24"), (2025, "30")):
            put(s, a, year, dgw_personen=people, hergebruik_textiel="100", ton_ingezameld="300")
        put(s, b, 2025, dgw_personen="12", werknemers_totaal="16", omzet="1.000")
    page = main_window.show_page("MVO")  # Invullen reads the reporting organisations
    kept = page.entry.reads._kept[1]
    assert ("mvo_reporters", None) in kept
    page.tabs.setCurrentWidget(page.region)
    tab = page.region
    assert tab.reads is page.entry.reads
    assert tab.reads._kept[1][("mvo_reporters", None)] is kept[("mvo_reporters", None)]  # not read again
    _matches(app_ctx, tab)
    figures = tab.reads._kept[1][("mvo_figures", tab.year)]
    for nis in ("24008", "24028", None):
        tab.place_combo.setCurrentIndex(tab.place_combo.findData(nis))
        _matches(app_ctx, tab)
    tab.year_combo.setCurrentIndex(tab.year_combo.findData(2024))
    _matches(app_ctx, tab)
    tab.year_combo.setCurrentIndex(tab.year_combo.findData(2025))
    assert tab.reads._kept[1][("mvo_figures", 2025)] is figures  # the year chosen again: not computed again
    before = _shown(tab)
    with app_ctx.transaction() as s:
        put(s, b, 2025, dgw_personen="13")
    tab.place_combo.setCurrentIndex(tab.place_combo.findData("24028"))
    assert tab.reads._kept[1][("mvo_figures", 2025)] is not figures
    _matches(app_ctx, tab)
    tab.place_combo.setCurrentIndex(tab.place_combo.findData(None))
    assert _shown(tab)[0] != before[0]
    _matches(app_ctx, tab)
