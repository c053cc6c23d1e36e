"""The regional view: per indicator the totals and averages across the organisations of a scope (the
region or the organisations active in one municipality), per municipality of activity, and trends.

Sums are made for counts and tonnages/amounts (not for figures 'per werknemer'); percentages are the
plain average of the organisations that reported them (not weighted); yes/no counts the 'ja' answers.
Computed indicators are computed per organisation first, then added up or averaged the same way."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from regisseur_app.domain.core.municipalities import Municipality
from regisseur_app.domain.mvo.indicators import IndicatorData, list_indicators
from regisseur_app.domain.mvo.models import COUNT, DECIMAL, PERCENTAGE, TEXT, YES_NO, MvoValue
from regisseur_app.domain.mvo.orgs import MvoOrganisationRow, reporting_organisations
from regisseur_app.domain.mvo.values import Completeness, completeness_of, computed_values

# the figures the college and the trends show first
KEY_CODES = ("dgw_personen", "dgw_vte", "doorstroom", "opleidingsuren", "ton_hergebruikt", "vermeden_co2",
             "omzet", "sociale_clausule")


def summable(indicator: IndicatorData) -> bool:
    return indicator.value_type in (COUNT, DECIMAL) and " per " not in f" {indicator.unit} " \
        and indicator.formula not in ("reuse_rate", "target_group_share")


@dataclass(frozen=True)
class OverviewRow:
    indicator: IndicatorData
    reporting: int              # organisations with a value
    total: float | None         # sum (summable indicators)
    average: float | None       # average per reporting organisation (numeric indicators)
    yes: int | None = None      # yes/no: how many said yes


@dataclass(frozen=True)
class OrganisationFigures:
    row: MvoOrganisationRow
    numbers: dict[str, float]   # indicator code -> value (typed in and computed) for the year
    completeness: Completeness


def organisation_figures(session: Session, year: int, nis_code: str | None = None) -> list[OrganisationFigures]:
    """The organisations of the scope that have at least one value in `year`, with all their numbers."""
    indicators = list_indicators(session, include_inactive=True)
    active = [i for i in indicators if i.active]
    organisations = [r for r in reporting_organisations(session, year, nis_code=nis_code) if year in r.years]
    ids = [r.id for r in organisations]
    values: dict[int, dict[int, MvoValue]] = {i: {} for i in ids}
    if ids:
        for value in session.scalars(select(MvoValue).where(MvoValue.organisation_id.in_(ids), MvoValue.year == year)):
            values[value.organisation_id][value.indicator_id] = value
    by_id = {i.id: i for i in indicators}
    result = []
    for row in organisations:
        numbers = {by_id[k].code: v.number for k, v in values[row.id].items() if v.number is not None}
        for indicator_id, computed in computed_values(session, indicators, values[row.id]).items():
            if computed.value is not None:
                numbers[by_id[indicator_id].code] = computed.value
        result.append(OrganisationFigures(row, numbers, completeness_of(active, values[row.id])))
    return result


def overview(session: Session, year: int, nis_code: str | None = None) -> list[OverviewRow]:
    figures = organisation_figures(session, year, nis_code)
    rows = []
    for indicator in list_indicators(session):
        if indicator.value_type == TEXT:
            continue
        found = [f.numbers[indicator.code] for f in figures if indicator.code in f.numbers]
        if indicator.value_type == YES_NO:
            rows.append(OverviewRow(indicator, len(found), None, None, sum(1 for v in found if v >= 0.5)))
            continue
        total = sum(found) if found and summable(indicator) else None
        average = sum(found) / len(found) if found else None
        rows.append(OverviewRow(indicator, len(found), total, average))
    return rows


@dataclass(frozen=True)
class MunicipalityRow:
    nis_code: str
    name: str
    organisations: int
    complete: int
    totals: dict[str, float]


def per_municipality(session: Session, year: int, codes: tuple[str, ...] = KEY_CODES) -> list[MunicipalityRow]:
    """Per participating municipality: the organisations active there that reported, how many complete, and
    the totals of the key indicators (an organisation active in two municipalities counts in both)."""
    places = list(session.scalars(select(Municipality).where(Municipality.participating.is_(True))
                                  .order_by(Municipality.name)))
    figures = organisation_figures(session, year)
    rows = []
    for place in places:
        here = [f for f in figures if place.nis_code in f.row.nis_codes]
        totals = {code: sum(f.numbers[code] for f in here if code in f.numbers) for code in codes}
        rows.append(MunicipalityRow(place.nis_code, place.name, len(here), sum(1 for f in here if f.completeness.complete),
                                    totals))
    return rows


def reported_years(session: Session) -> list[int]:
    return sorted(set(session.scalars(select(MvoValue.year).distinct())))


def trend(session: Session, years: list[int], nis_code: str | None = None, codes: tuple[str, ...] = KEY_CODES
          ) -> dict[str, list[float | None]]:
    """Per key indicator the regional total (or average for non-summable ones) per year."""
    indicators = {i.code: i for i in list_indicators(session, include_inactive=True)}
    result: dict[str, list[float | None]] = {code: [] for code in codes if code in indicators}
    for year in years:
        figures = organisation_figures(session, year, nis_code)
        for code in result:
            found = [f.numbers[code] for f in figures if code in f.numbers]
            if not found:
                result[code].append(None)
            elif summable(indicators[code]):
                result[code].append(sum(found))
            else:
                result[code].append(sum(found) / len(found))
    return result


def is_percentage(indicator: IndicatorData) -> bool:
    return indicator.value_type == PERCENTAGE
