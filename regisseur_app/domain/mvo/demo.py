"""Demo MVO figures (FICTITIOUS): three years (2023–2025) for eight or more social-economy organisations of
the demo inventory; kringwinkels report reused tonnages per material, the others zero tonnes. One
organisation is left incomplete for 2025 (about half of its indicators empty), as happens in practice.
Deterministic from the seed; everything goes through the same service and validation as user input."""

from __future__ import annotations

import random

from sqlalchemy import select
from sqlalchemy.orm import Session

from regisseur_app.domain.core.codelists import CodeItem
from regisseur_app.domain.core.organisations import Organisation
from regisseur_app.domain.mvo.indicators import IndicatorData, list_indicators
from regisseur_app.domain.mvo.models import COUNT, PERCENTAGE, TEXT, YES_NO
from regisseur_app.domain.mvo.values import ValueEntry, save_values

DEMO_YEARS = (2023, 2024, 2025)
TYPES = ("kringwinkel", "maatwerkbedrijf", "lde", "maatwerkafdeling", "arbeidszorg")
MIN_ORGANISATIONS = 8
INCOMPLETE_YEAR = 2025

# per organisation type: (target-group people low, high); kringwinkels reuse goods
PEOPLE = {"kringwinkel": (25, 70), "maatwerkbedrijf": (60, 180), "maatwerkafdeling": (12, 40), "lde": (6, 18),
          "arbeidszorg": (8, 25)}
# share of the reused tonnage per material in a kringwinkel
MATERIAL_SHARE = {"hergebruik_textiel": 0.30, "hergebruik_meubelen": 0.30, "hergebruik_huisraad": 0.28,
                  "hergebruik_elektro": 0.08, "hergebruik_boeken": 0.04}
STAKEHOLDER_TEXTS = ("Jaarlijkse bevraging van klanten en werknemers; overleg met de gemeente in de stuurgroep.",
                     "Werknemersoverleg per maand, klantenpanel en samenwerking met het OCMW.",
                     "Adviesraad met buurtbewoners, partners en vertegenwoordigers van de doelgroepwerknemers.")


def demo_organisations(session: Session) -> list[tuple[Organisation, str]]:
    rows = session.execute(
        select(Organisation, CodeItem.code).join(CodeItem, Organisation.type_id == CodeItem.id)
        .where(CodeItem.code.in_(TYPES), Organisation.archived.is_(False)).order_by(Organisation.name)).all()
    by_type: dict[str, list[Organisation]] = {t: [] for t in TYPES}
    for org, code in rows:
        by_type[code].append(org)
    chosen: list[tuple[Organisation, str]] = []
    # all kringwinkels, then two of each other type, at least MIN_ORGANISATIONS in all
    for code in TYPES:
        limit = None if code == "kringwinkel" else 2
        chosen += [(org, code) for org in by_type[code][:limit]]
    return chosen


def populate_demo(session: Session, seed: int = 1) -> None:
    indicators = [i for i in list_indicators(session) if not i.is_computed]
    by_id = {i.id: i for i in list_indicators(session, include_inactive=True)}
    organisations = demo_organisations(session)
    rng = random.Random(seed * 7919 + 45)
    incomplete = organisations[min(len(organisations) - 1, 3)][0].id if organisations else None
    for org, type_code in organisations:
        base = _base_figures(rng, type_code)
        for index, year in enumerate(DEMO_YEARS):
            growth = (1 + rng.uniform(-0.03, 0.08)) ** index
            entries = []
            for indicator in indicators:
                if org.id == incomplete and year == INCOMPLETE_YEAR and rng.random() < 0.5:
                    continue
                value = _value(rng, indicator, base, growth, index)
                if value is None:
                    continue
                source = "jaarverslag" if indicator.code in ("omzet", "overheidssteun") else ""
                entries.append(ValueEntry(indicator.id, value, source=source))
            save_values(session, org.id, year, entries, by_id)


def _base_figures(rng: random.Random, type_code: str) -> dict[str, float]:
    low, high = PEOPLE[type_code]
    people = rng.randint(low, high)
    total = round(people / rng.uniform(0.70, 0.88))
    reuse = type_code == "kringwinkel"
    collected = rng.uniform(450, 1400) if reuse else 0.0
    return {
        "dgw_personen": people, "dgw_vte": people * rng.uniform(0.62, 0.85), "werknemers_totaal": total,
        "ton_ingezameld": collected, "reuse_rate": rng.uniform(0.42, 0.62) if reuse else 0.0,
        "omzet": people * rng.uniform(22_000, 48_000), "overheidssteun": people * rng.uniform(18_000, 30_000),
        "energieverbruik": total * rng.uniform(3.5, 9.0), "waterverbruik": total * rng.uniform(8, 20),
    }


def _value(rng: random.Random, indicator: IndicatorData, base: dict[str, float], growth: float, index: int):  # noqa: ANN202
    code = indicator.code
    if code in ("dgw_personen", "werknemers_totaal"):
        return round(base[code] * growth)
    if code in ("dgw_vte", "omzet", "overheidssteun", "energieverbruik", "waterverbruik", "ton_ingezameld"):
        return round(base[code] * growth, indicator.decimals)
    if code in MATERIAL_SHARE:
        reused = base["ton_ingezameld"] * growth * min(base["reuse_rate"] + 0.02 * index, 0.95)
        return round(reused * MATERIAL_SHARE[code] * rng.uniform(0.85, 1.15), 1)
    if code == "restafval":
        return round(base["ton_ingezameld"] * growth * rng.uniform(0.18, 0.3) + rng.uniform(2, 12), 1)
    if indicator.material_id is not None:
        return 0
    if code == "doorstroom":
        return rng.randint(0, max(1, round(base["dgw_personen"] * 0.08)))
    if code == "arbeidsongevallen":
        return rng.randint(0, 4)
    if code == "opleidingsuren":
        return round(rng.uniform(12, 40) + 2 * index, 1)
    if code == "ziekteverzuim":
        return round(rng.uniform(6, 13), 1)
    if code == "stakeholders":
        return rng.choice(STAKEHOLDER_TEXTS)
    if code in ("inbreuken", "corruptie"):
        return 0
    if indicator.value_type == YES_NO:
        return "ja" if rng.random() < 0.45 + 0.2 * index else "nee"
    if indicator.value_type == PERCENTAGE:
        return round(rng.uniform(20, 85), indicator.decimals)
    if indicator.value_type == COUNT:
        return rng.randint(0, 6)
    if indicator.value_type == TEXT:
        return None
    return round(rng.uniform(1, 100), indicator.decimals)
