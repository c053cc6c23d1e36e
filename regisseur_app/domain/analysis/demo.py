"""Demo data of the omgevingsanalyse: five years of FICTITIOUS but plausible key figures for the five
demo municipalities (inhabitants start from the real 1/1/2020 numbers) and a regional SWOT.

Deterministic from the seed (no clock): the years are fixed, every number comes from random.Random(seed).
Everything goes through the services, so it passes the same validation as user input.
"""

from __future__ import annotations

import random

from sqlalchemy import select
from sqlalchemy.orm import Session

from regisseur_app.domain.analysis.indicators import list_indicators
from regisseur_app.domain.analysis.key_figures import set_value
from regisseur_app.domain.analysis.models import (
    OPPORTUNITY,
    SOURCE_EVENT,
    SOURCE_INDICATOR,
    SOURCE_NONE,
    SOURCE_SURVEY,
    SOURCE_TEXT,
    STRENGTH,
    THREAT,
    WEAKNESS,
)
from regisseur_app.domain.analysis.swot import SwotInput, save_swot_item
from regisseur_app.domain.core.municipalities import Municipality

DEMO_KEY = "demo_analysis"
DEMO_YEARS = [2021, 2022, 2023, 2024, 2025]
DEMO_MUNICIPALITIES = ["24008", "24028", "24137", "24054", "24135"]

# per 1.000 inhabitants in the first year (low, high) and the yearly drift (low, high), as fractions
RATES = {
    "nwwz": ((22.0, 34.0), (-0.06, 0.05)),
    "leefloon": ((2.5, 5.5), (-0.05, 0.08)),
    "art60": ((0.4, 1.1), (-0.15, 0.15)),
    "dgw_maatwerk": ((4.0, 9.0), (-0.03, 0.05)),
    "dgw_lde": ((0.6, 1.8), (-0.12, 0.02)),   # LDE: no new recognitions since 2023
}
EMPLOYMENT_RATE = ((76.0, 81.5), (-0.6, 0.9))  # werkzaamheidsgraad in %, yearly change in points

# (quadrant, text, source kind, indicator code or source text)
REGIONAL_SWOT = [
    (STRENGTH, "Vijf gemeenten werken samen rond sociale economie met één regisseur als aanspreekpunt.",
     SOURCE_NONE, ""),
    (STRENGTH, "Ruim aanbod in groenonderhoud en hergebruik, verspreid over de hele regio.", SOURCE_TEXT,
     "Aanbodkaart"),
    (STRENGTH, "Sterke maatwerkbedrijven met zetel of werking in de regio.", SOURCE_INDICATOR, "dgw_maatwerk"),
    (WEAKNESS, "Geen aanbod in kinderopvang en buurtrestaurants in meerdere gemeenten.", SOURCE_TEXT,
     "Hiatenlijst"),
    (WEAKNESS, "Landelijke regio: slechte bereikbaarheid met het openbaar vervoer voor doelgroepwerknemers.",
     SOURCE_SURVEY, "Behoeftepeiling (demo)"),
    (WEAKNESS, "Weinig zicht op doorstroom van art. 60§7-werknemers naar regulier werk.", SOURCE_INDICATOR,
     "art60"),
    (OPPORTUNITY, "Lokale besturen kunnen via sociale clausules meer opdrachten aan SE-bedrijven geven.",
     SOURCE_EVENT, "Netwerkevent lokale besturen (demo)"),
    (OPPORTUNITY, "Vraag naar klusjesdiensten en thuishulp bij ouderen groeit.", SOURCE_SURVEY,
     "Behoeftepeiling (demo)"),
    (OPPORTUNITY, "Samenwerking met VDAB rond gespecialiseerde screening versnelt de instroom.", SOURCE_NONE, ""),
    (THREAT, "Het LDE-kader erkent geen nieuwe initiatieven meer (sinds 2023).", SOURCE_INDICATOR, "dgw_lde"),
    (THREAT, "Stijgend aantal leefloongerechtigden in een deel van de regio.", SOURCE_INDICATOR, "leefloon"),
    (THREAT, "Krappe arbeidsmarkt: reguliere werkgevers en SE-bedrijven zoeken dezelfde profielen.", SOURCE_TEXT,
     "Steunpunt Werk (demo)"),
]


def populate_demo(session: Session, seed: int) -> None:
    rng = random.Random(seed * 31 + 3)
    indicators = {i.code: i for i in list_indicators(session)}
    base = dict(session.execute(select(Municipality.nis_code, Municipality.inhabitants).where(
        Municipality.nis_code.in_(DEMO_MUNICIPALITIES))).all())
    for nis in DEMO_MUNICIPALITIES:
        people = float(base.get(nis) or 6000)
        growth = rng.uniform(0.002, 0.009)
        population = []
        for year in DEMO_YEARS:
            value = round(people * (1 + growth) ** (year - 2020) + rng.randint(-15, 15))
            population.append(value)
            set_value(session, indicators["inwoners"].id, nis, year, value)
        for code, ((low, high), (down, up)) in RATES.items():
            rate = rng.uniform(low, high)
            for n, year in enumerate(DEMO_YEARS):
                if n:
                    rate *= 1 + rng.uniform(down, up)
                set_value(session, indicators[code].id, nis, year, round(rate * population[n] / 1000))
        (low, high), (down, up) = EMPLOYMENT_RATE
        employment = rng.uniform(low, high)
        for n, year in enumerate(DEMO_YEARS):
            if n:
                employment = min(max(employment + rng.uniform(down, up), 70.0), 85.0)
            set_value(session, indicators["werkzaamheidsgraad"].id, nis, year, round(employment, 1))
    for quadrant, text, kind, ref in REGIONAL_SWOT:
        if kind == SOURCE_INDICATOR:
            data = SwotInput(quadrant, text, None, kind, indicators[ref].id, "")
        else:
            data = SwotInput(quadrant, text, None, kind, None, ref)
        save_swot_item(session, data)
