"""The regional view: per indicator the totals and averages across the organisations of a scope (the
region or the organisations active in one municipality), per municipality of activity, and trends.

Sums are made for counts and tonnages/amounts (not for figures 'per werknemer'); percentages are the
plain average of the organisations that reported them (not weighted); yes/no counts the 'ja' answers.
Computed indicators are computed per organisation first, then added up or averaged the same way."""

from __future__ import annotations

from typing import NamedTuple

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import Session

from regisseur_app.domain.core.memo import bring, kept, store
from regisseur_app.domain.core.municipalities import Municipality
from regisseur_app.domain.core.organisations import Organisation
from regisseur_app.domain.mvo.computed import MaterialAmount, compute
from regisseur_app.domain.mvo.indicators import IndicatorData, list_indicators
from regisseur_app.domain.mvo.models import (
    COLLECTED,
    COUNT,
    DECIMAL,
    EMPLOYEES_TOTAL,
    PERCENTAGE,
    TARGET_GROUP_PEOPLE,
    TEXT,
    YES_NO,
    MvoValue,
)
from regisseur_app.domain.mvo.orgs import MvoOrganisationRow, region_reporters, year_values
from regisseur_app.domain.mvo.values import Calculator, Completeness, all_materials
from regisseur_app.gc_pause import gc_paused

# the figures the college and the trends show first
KEY_CODES = ("dgw_personen", "dgw_vte", "doorstroom", "opleidingsuren", "ton_hergebruikt", "vermeden_co2",
             "omzet", "sociale_clausule")


def summable(indicator: IndicatorData) -> bool:
    return indicator.value_type in (COUNT, DECIMAL) and " per " not in f" {indicator.unit} " \
        and indicator.formula not in ("reuse_rate", "target_group_share")


class OverviewRow(NamedTuple):
    indicator: IndicatorData
    reporting: int              # organisations with a value
    total: float | None         # sum (summable indicators)
    average: float | None       # average per reporting organisation (numeric indicators)
    yes: int | None = None      # yes/no: how many said yes


class OrganisationFigures(NamedTuple):
    row: MvoOrganisationRow
    numbers: dict[str, float]   # indicator code -> value (typed in and computed) for the year
    completeness: Completeness


def organisation_figures(session: Session, year: int, nis_code: str | None = None) -> list[OrganisationFigures]:
    """The organisations of the scope that have at least one value in `year`, with all their numbers."""
    return figures_by_year(session, [year], nis_code)[year]


def figures_by_year(session: Session, years: list[int], nis_code: str | None = None
                    ) -> dict[int, list[OrganisationFigures]]:
    """`organisation_figures` for several years at once. The region's figures of a year are computed once per
    session (the reporters, indicators, materials and values read in a few plain queries); a municipality's are
    those of the organisations active there among them (Reporter.nis_codes), in the same order."""
    region = _region_figures(session, years)
    if nis_code is None:
        return {y: list(region[y]) for y in years}
    return {y: [f for f in region[y] if nis_code in f.row.nis_codes] for y in years}


# The regional tab and the college report ask for the same year's figures several times in one session
# (overview, per municipality, trend; the batch for every municipality): they are computed once per session and
# year (domain/core/memo.py), and forgotten as soon as the session writes anything (flush, a DML statement, the
# end of its transaction). The Regio tab hands them to its next reading session while the data generation is
# the same (kept_figures / reuse_figures).
KEPT = ("mvo_figures", "mvo_partial_figures", "mvo_reporters")


def kept_figures(session: Session) -> dict:
    """What this session computed of the regional figures, for `reuse_figures` in a later session that reads the
    same data (the same data generation: the caller checks)."""
    return kept(session, *KEPT)


def reuse_figures(session: Session, figures: dict) -> None:
    """Let this session use what `kept_figures` gave from an earlier session over the same data."""
    bring(session, figures)


def _region_figures(session: Session, years: list[int], codes: tuple[str, ...] | None = None
                    ) -> dict[int, tuple[OrganisationFigures, ...]]:
    """The region's figures of `years`, kept in the session's memo (with `codes`: only those figures, see
    `_figures`)."""
    memo = store(session)
    name = "mvo_figures" if codes is None else "mvo_partial_figures"

    def key(year: int) -> tuple:
        return (name, year) if codes is None else (name, year, codes)

    wanted = [y for y in dict.fromkeys(years) if memo is None or key(y) not in memo]
    computed = {}
    if wanted:
        with gc_paused():  # tens of thousands of rows and tuples that live on, and no cycles: see gc_pause.py
            computed = _figures(session, wanted, codes)
    if memo is None:
        return computed
    memo.update({key(y): found for y, found in computed.items()})
    return {y: memo[key(y)] for y in years}


def _inputs(indicators: list[IndicatorData], codes: tuple[str, ...]) -> set[int]:
    """The indicators whose values make the figures `codes`: themselves, and what the formulas read."""
    wanted = [i for i in indicators if i.code in codes]
    ids = {i.id for i in wanted}
    if any(i.is_computed for i in wanted):
        ids |= {i.id for i in indicators if i.material_id is not None
                or i.code in (COLLECTED, TARGET_GROUP_PEOPLE, EMPLOYEES_TOTAL)}
    return ids


def _figures(session: Session, years: list[int], wanted: tuple[str, ...] | None = None
             ) -> dict[int, tuple[OrganisationFigures, ...]]:
    """The region's figures of `years`, every reporting organisation with a value in the year, by name; with
    `wanted` (codes), only those figures right, from the values they are made of (`_inputs`; the other numbers and the
    completeness then mean nothing, and an organisation without such values is left out). The values are read as
    plain rows and each organisation's numbers, completeness and computed indicators made from them in one pass:
    the same as Calculator gives from the values as objects (tests/unit/test_mvo_region_figures.py keeps that
    former computation as the reference)."""
    indicators = list_indicators(session, include_inactive=True)
    typed = {i.id for i in indicators if i.active and not i.is_computed}  # what completeness counts
    codes = {i.id: i.code for i in indicators}
    calculator = Calculator(indicators, all_materials(session))
    reused = [(codes[indicator_id], label, factor) for indicator_id, label, factor in calculator.reused]
    formulas = [(codes[indicator_id], formula) for indicator_id, formula in calculator.formulas]
    only = None
    if wanted is not None:
        only = _inputs(indicators, wanted)
        formulas = [(code, formula) for code, formula in formulas if code in wanted]
    people = region_reporters(session)
    rows: dict[int, dict[int, list]] = {year: {} for year in years}
    if rows:
        # the table's columns, not the mapped class's: plain rows, without the ORM's per-row loading
        table = MvoValue.__table__.c
        query = select(table.year, table.organisation_id, table.indicator_id, table.number, table.text
                       ).where(table.year.in_(list(rows)))
        if only is not None:
            query = query.where(table.indicator_id.in_(sorted(only)))
        for row in session.execute(query).all():
            by_organisation = rows[row[0]]
            found = by_organisation.get(row[1])
            if found is None:
                found = by_organisation[row[1]] = []
            found.append(row)
    result: dict[int, tuple[OrganisationFigures, ...]] = {}
    for year in years:
        found = []
        values = rows[year]
        for person in people:
            mine = values.get(person.id)
            if not mine:
                continue
            numbers: dict[str, float] = {}
            filled = 0
            for _year, _organisation, indicator_id, number, text in mine:
                if number is not None:
                    numbers[codes[indicator_id]] = number
                if indicator_id in typed and (number is not None or text):
                    filled += 1
            if formulas:
                amounts = [MaterialAmount(label, numbers[code], factor) for code, label, factor in reused
                           if code in numbers]
                made = [(code, compute(formula, numbers, amounts, False).value) for code, formula in formulas]
                for code, value in made:
                    if value is not None:
                        numbers[code] = value
            done = Completeness(filled, len(typed))
            found.append(OrganisationFigures(person.row(done), numbers, done))
        result[year] = tuple(found)
    return result


class YearSummary(NamedTuple):
    reporting: int              # organisations of the region with MVO values in the year
    incomplete: list[str]       # the names of those whose report is not complete, by name
    totals: dict[str, float]    # per asked indicator code: the sum over those organisations


def year_summary(session: Session, year: int, codes: tuple[str, ...]) -> YearSummary:
    """What the Overzicht shows of a year, region-wide: the same organisations, completeness and sums as
    `organisation_figures` (tests/unit/test_mvo_year_summary.py compares them), in a grouped query for the
    completeness and the values of what `codes` are made of, instead of every organisation's figures (the
    large region: ≈ 75 -> 15 ms)."""
    indicators = list_indicators(session, include_inactive=True)
    typed = [i.id for i in indicators if i.active and not i.is_computed]
    filled = and_(MvoValue.indicator_id.in_(typed),
                  or_(MvoValue.number.is_not(None), and_(MvoValue.text.is_not(None), MvoValue.text != "")))
    reporting = session.execute(
        select(Organisation.id, Organisation.name, func.sum(case((filled, 1), else_=0)))
        .join(MvoValue, MvoValue.organisation_id == Organisation.id)
        .where(MvoValue.year == year, Organisation.archived.is_(False))
        .group_by(Organisation.id).order_by(Organisation.name, Organisation.id)).all()
    ids = {i.id: i.code for i in indicators}
    calculator = Calculator(indicators, all_materials(session))
    values = year_values(session, [year], _inputs(indicators, codes))[year]
    totals = dict.fromkeys(codes, 0.0)
    for organisation_id, _name, _filled in reporting:
        mine = values.get(organisation_id)
        if not mine:
            continue
        numbers = calculator.numbers(mine)
        for indicator_id, computed in calculator(mine, False, dict(numbers)).items():
            if computed.value is not None:
                numbers[ids[indicator_id]] = computed.value
        for code in codes:
            totals[code] += numbers.get(code, 0.0)
    return YearSummary(len(reporting), [name for _id, name, n in reporting
                                        if not Completeness(int(n or 0), len(typed)).complete], totals)


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


class MunicipalityRow(NamedTuple):
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
    memo = store(session)
    by_year = {y: memo[("mvo_figures", y)] for y in years if memo is not None and ("mvo_figures", y) in memo}
    missing = [y for y in dict.fromkeys(years) if y not in by_year]
    if missing:  # only the values these figures are made of (kept apart: the other figures are missing)
        by_year.update(_region_figures(session, missing, tuple(codes)))
    for year in years:
        figures = by_year[year]
        if nis_code is not None:
            figures = [f for f in figures if nis_code in f.row.nis_codes]
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
