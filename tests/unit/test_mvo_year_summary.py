"""The Overzicht's MVO summary of a year (overview.year_summary: a grouped query and only the values the asked
totals are made of) gives what every organisation's full figures give."""

import pytest

from regisseur_app.domain.core.organisation_service import set_archived
from regisseur_app.domain.mvo import overview
from regisseur_app.domain.mvo.indicators import list_indicators
from regisseur_app.domain.mvo.models import PERCENTAGE, TEXT, YES_NO
from regisseur_app.domain.mvo.values import ValueEntry, save_values
from tests.unit.events_support import org
from tests.unit.mvo_support import put

CODES = ("vermeden_co2", "dgw_personen", "ton_hergebruikt")


def _fill_every_typed_indicator(session, org_id: int, year: int) -> None:
    raw = {TEXT: "Verslag", YES_NO: "ja", PERCENTAGE: "50"}
    save_values(session, org_id, year, [ValueEntry(i.id, raw.get(i.value_type, "3"))
                                        for i in list_indicators(session) if i.active and not i.is_computed])


def _from_full_figures(session, year: int) -> tuple:
    figures = overview.organisation_figures(session, year)
    return (len(figures), [f.row.name for f in figures if not f.completeness.complete],
            {code: sum(f.numbers.get(code, 0.0) for f in figures) for code in CODES})


def test_year_summary_equals_the_full_figures(ctx):
    with ctx.transaction() as s:
        a = org(s, "Kringwinkel Aa", "kringwinkel", active=["24008"])
        b = org(s, "Maatwerk Bee", "maatwerkbedrijf", active=["24008", "24033"])
        gone = org(s, "Archief Cee", "kringwinkel")
        org(s, "Zonder Cijfers", "maatwerkbedrijf")
        full = org(s, "Alles Ingevuld", "kringwinkel")
        put(s, a, 2025, ton_ingezameld="500", hergebruik_textiel="100", hergebruik_meubelen="40", dgw_personen="30")
        put(s, a, 2024, ton_ingezameld="400", hergebruik_textiel="80", dgw_personen="28")
        put(s, b, 2025, dgw_personen="12", werknemers_totaal="16", omzet="1.000")
        put(s, gone, 2025, hergebruik_textiel="999", dgw_personen="5")
        set_archived(s, [gone], True)
        _fill_every_typed_indicator(s, full, 2025)
    with ctx.reading() as s:
        for year in (2023, 2024, 2025):
            summary = overview.year_summary(s, year, CODES)
            count, incomplete, totals = _from_full_figures(s, year)
            assert (summary.reporting, summary.incomplete) == (count, incomplete)
            assert summary.totals == pytest.approx(totals)
        summary = overview.year_summary(s, 2025, CODES)
    assert summary.reporting == 3 and summary.incomplete == ["Kringwinkel Aa", "Maatwerk Bee"]
    assert summary.totals["vermeden_co2"] > 100 * 4.0
    assert overview.year_summary(s, 2023, CODES).reporting == 0
