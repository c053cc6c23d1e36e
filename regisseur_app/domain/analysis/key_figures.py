"""Key figures: the value of an indicator per municipality per year; the inhabitants behind every
per-1.000 figure; the computed indicator 'aantal SE-organisaties'."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from regisseur_app.domain.analysis.indicators import IndicatorData, get_indicator, inhabitants_indicator_id
from regisseur_app.domain.analysis.inventory import count_se_organisations
from regisseur_app.domain.analysis.models import (
    COMPUTED_KBO,
    COMPUTED_SE_ORGANISATIONS,
    INHABITANTS,
    KeyFigureValue,
    KeyIndicator,
)
from regisseur_app.domain.core.base import ValidationError
from regisseur_app.domain.core.municipalities import Municipality, successors
from regisseur_app.formatting import format_number

MIN_YEAR = 1990
MAX_VALUE = 1_000_000_000


def max_year() -> int:
    return date.today().year


def check_year(year: int) -> str | None:
    """A Dutch message when the year is out of range, else None."""
    if not MIN_YEAR <= year <= max_year():
        return f"het jaar {year} valt buiten {MIN_YEAR}–{max_year()}"
    return None


def check_value(indicator: IndicatorData, value: float) -> str | None:
    """A Dutch message when the value cannot be right for this indicator, else None."""
    if math.isnan(value) or math.isinf(value):
        return "geen geldig getal"
    if indicator.is_count and value < 0:
        return f"een aantal kan niet negatief zijn ({format_number(value, indicator.decimals)})"
    if indicator.unit.strip() == "%" and not 0 <= value <= 100:
        return f"een percentage ligt tussen 0 en 100 (niet {format_number(value, indicator.decimals)})"
    if abs(value) > MAX_VALUE:
        return "dit getal is onwaarschijnlijk groot"
    return None


def get_values(session: Session, indicator_id: int, nis_codes: list[str] | None = None,
               years: list[int] | None = None) -> dict[tuple[str, int], float]:
    """Stored values of one indicator: (nis_code, year) -> value.

    Asked for given municipalities, a count recorded under the old NIS codes of a merged municipality
    (1 January 2025) is counted under its successor: a 2024 file with Galmaarden, Gooik and Herne gives
    Pajottegem the sum, so 2024 and 2026 compare."""
    merged = {}
    if nis_codes is not None:
        merged = {old: new for old, new in successors(session).items() if new in nis_codes}
        if merged and not session.scalar(select(KeyIndicator.is_count).where(KeyIndicator.id == indicator_id)):
            merged = {}  # a rate or a percentage cannot be added up
    query = select(KeyFigureValue.nis_code, KeyFigureValue.year, KeyFigureValue.value).where(
        KeyFigureValue.indicator_id == indicator_id)
    if nis_codes is not None:
        query = query.where(KeyFigureValue.nis_code.in_([*nis_codes, *merged]))
    if years is not None:
        query = query.where(KeyFigureValue.year.in_(years))
    values = {(nis, year): value for nis, year, value in session.execute(query)}
    return _fold_merged(values, merged) if merged else values


def stored_values(session: Session, indicators: list[IndicatorData], nis_codes: list[str],
                  years: list[int]) -> dict[int, dict[tuple[str, int], float]]:
    """`get_values(session, i.id, nis_codes, years)` for each indicator i, read in one query: indicator
    id -> (nis_code, year) -> value (merged municipalities counted under their successor, as there)."""
    return _values_by_indicator(session, {i.id: i.is_count for i in indicators}, nis_codes, years)


def _values_by_indicator(session: Session, counts: dict[int, bool], nis_codes: list[str],
                         years: list[int]) -> dict[int, dict[tuple[str, int], float]]:
    merged = {old: new for old, new in successors(session).items() if new in nis_codes}
    wanted = set(nis_codes)
    found: dict[int, dict[tuple[str, int], float]] = {indicator_id: {} for indicator_id in counts}
    for indicator_id, nis, year, value in session.execute(
            select(KeyFigureValue.indicator_id, KeyFigureValue.nis_code, KeyFigureValue.year, KeyFigureValue.value)
            .where(KeyFigureValue.indicator_id.in_(list(counts)), KeyFigureValue.nis_code.in_([*nis_codes, *merged]),
                   KeyFigureValue.year.in_(years))):
        if nis in wanted or counts[indicator_id]:  # a rate or a percentage of a merged part is not added up
            found[indicator_id][(nis, year)] = value
    return {indicator_id: _fold_merged(values, merged) if merged and counts[indicator_id] else values
            for indicator_id, values in found.items()}


def _fold_merged(values: dict[tuple[str, int], float], merged: dict[str, str]) -> dict[tuple[str, int], float]:
    """Add the values of merged municipalities to their successor, in the years they were recorded for all
    of them (a year with only some of them stays without a value: half a municipality is no figure)."""
    parts: dict[str, list[str]] = {}
    for old, new in merged.items():
        parts.setdefault(new, []).append(old)
    result = {key: value for key, value in values.items() if key[0] not in merged}
    years = {year for (nis, year) in values if nis in merged}
    for new, olds in parts.items():
        for year in years:
            found = [values.get((old, year)) for old in olds]
            if all(v is None for v in found):
                continue
            if any(v is None for v in found):
                result.pop((new, year), None)
                continue
            # the successor's own code may be one of the merged parts (Antwerpen kept 11002)
            result[(new, year)] = sum(found) + values.get((new, year), 0.0)
    return result


def indicator_values(session: Session, indicator: IndicatorData, nis_codes: list[str], years: list[int],
                     reference_year: int | None = None) -> dict[tuple[str, int], float]:
    """Values as shown: stored ones, or for a computed indicator the live count in the reference year."""
    if indicator.computed == COMPUTED_SE_ORGANISATIONS:
        current = reference_year or max_year()
        if current not in years:
            return {}
        return {(nis, current): float(n) for nis, n in count_se_organisations(session, nis_codes).items()}
    if indicator.computed.startswith(COMPUTED_KBO + ":"):
        from regisseur_app.domain.kbo.key_figures import count_by_municipality

        current = reference_year or max_year()
        if current not in years:
            return {}
        return {(nis, current): float(n) for nis, n in count_by_municipality(session, indicator.computed,
                                                                              nis_codes).items()}
    return get_values(session, indicator.id, nis_codes, years)


def set_value(session: Session, indicator_id: int, nis_code: str, year: int, value: float | None) -> float | None:
    """Store (or with None remove) one value. Returns the previous value (for undo). Raises ValidationError."""
    indicator = get_indicator(session, indicator_id)
    if indicator is None:
        raise ValidationError({"indicator": "Deze indicator bestaat niet meer."})
    if indicator.is_computed:
        raise ValidationError({"value": f"'{indicator.label}' wordt {indicator.computed_label} en kan niet "
                                        "ingevuld worden."})
    municipality = session.get(Municipality, nis_code)
    if municipality is None:
        raise ValidationError({"nis_code": f"Onbekende gemeente (NIS-code {nis_code})."})
    problem = check_year(year)
    if problem:
        raise ValidationError({"year": problem[0].upper() + problem[1:] + "."})
    if value is not None:
        problem = check_value(indicator, value)
        if problem:
            raise ValidationError({"value": f"{municipality.name}, {year}: {problem}."})
    row = session.scalar(select(KeyFigureValue).where(
        KeyFigureValue.indicator_id == indicator_id, KeyFigureValue.nis_code == nis_code, KeyFigureValue.year == year))
    previous = row.value if row is not None else None
    if value is None:
        if row is not None:
            session.delete(row)
    elif row is None:
        session.add(KeyFigureValue(indicator_id=indicator_id, nis_code=nis_code, year=year, value=float(value)))
    else:
        row.value = float(value)
    session.flush()
    return previous


def delete_year(session: Session, indicator_id: int, year: int) -> int:
    """Remove all values of one indicator in one year. Returns how many were removed."""
    result = session.execute(delete(KeyFigureValue).where(
        KeyFigureValue.indicator_id == indicator_id, KeyFigureValue.year == year))
    return result.rowcount or 0


def years_with_data(session: Session, indicator_id: int | None = None,
                    indicator_ids: list[int] | None = None) -> list[int]:
    """The years with a value: of one indicator, of any of `indicator_ids`, or (neither given) of any."""
    query = select(KeyFigureValue.year).distinct().order_by(KeyFigureValue.year)
    if indicator_id is not None:
        query = query.where(KeyFigureValue.indicator_id == indicator_id)
    if indicator_ids is not None:
        query = query.where(KeyFigureValue.indicator_id.in_(indicator_ids))
    return list(session.scalars(query))


def indicator_years(session: Session, indicator: IndicatorData, reference_year: int | None = None) -> list[int]:
    """The years to offer for an indicator: the ones with data (computed: only the reference year)."""
    if indicator.is_computed:
        return [reference_year or max_year()]
    return years_with_data(session, indicator.id)


@dataclass(frozen=True)
class Inhabitants:
    value: float | None
    year: int | None        # the key-figure year it comes from; None for the municipality table
    fallback: bool          # True: taken from the municipality table (1/1/2020), no key figure for the year

    @property
    def description(self) -> str:
        if self.value is None:
            return "onbekend"
        if self.fallback:
            return "gemeentetabel (1/1/2020)"
        return f"kerncijfer {self.year}"


def inhabitants_for_year(session: Session, year: int, nis_codes: list[str]) -> dict[str, Inhabitants]:
    """The inhabitants to divide by in `year`: the key figure 'inwoners' of that year, else (said so) the
    municipality table's number of 1/1/2020."""
    indicator_id = inhabitants_indicator_id(session)
    stored = get_values(session, indicator_id, nis_codes, [year]) if indicator_id else {}
    table = dict(session.execute(select(Municipality.nis_code, Municipality.inhabitants).where(
        Municipality.nis_code.in_(nis_codes))).all())
    result = {}
    for nis in nis_codes:
        if (nis, year) in stored:
            result[nis] = Inhabitants(stored[(nis, year)], year, False)
        else:
            result[nis] = Inhabitants(table.get(nis), None, True)
    return result


def inhabitants_for_years(session: Session, years: list[int], nis_codes: list[str]) -> dict[int, dict[str, Inhabitants]]:
    """`inhabitants_for_year` for several years at once: year -> nis_code -> Inhabitants."""
    indicator = session.execute(select(KeyIndicator.id, KeyIndicator.is_count).where(
        KeyIndicator.code == INHABITANTS)).first()
    stored = _values_by_indicator(session, {indicator.id: indicator.is_count}, nis_codes, years)[indicator.id] \
        if indicator else {}
    table = dict(session.execute(select(Municipality.nis_code, Municipality.inhabitants).where(
        Municipality.nis_code.in_(nis_codes))).all())
    return {year: {nis: Inhabitants(stored[(nis, year)], year, False) if (nis, year) in stored
                   else Inhabitants(table.get(nis), None, True) for nis in nis_codes} for year in years}


def latest_inhabitants(session: Session, nis_codes: list[str]) -> tuple[int, dict[str, Inhabitants]]:
    """The most recent year with inhabitant figures (or the current year) and the inhabitants of that year."""
    indicator_id = inhabitants_indicator_id(session)
    years = years_with_data(session, indicator_id) if indicator_id else []
    year = years[-1] if years else max_year()
    return year, inhabitants_for_year(session, year, nis_codes)


def per_1000(value: float | None, inhabitants: float | None) -> float | None:
    if value is None or not inhabitants:
        return None
    return value / inhabitants * 1000



@dataclass(frozen=True)
class ValueRow:
    nis_code: str
    municipality: str
    indicator: str
    year: int
    value: float
    decimals: int


def all_values(session: Session, participating_only: bool = True) -> list[ValueRow]:
    """Every stored value (long form), by municipality, indicator order and year."""
    from regisseur_app.domain.analysis.models import KeyIndicator

    query = (select(KeyFigureValue.nis_code, Municipality.name, KeyIndicator.label, KeyFigureValue.year,
                    KeyFigureValue.value, KeyIndicator.decimals)
             .join(Municipality, Municipality.nis_code == KeyFigureValue.nis_code)
             .join(KeyIndicator, KeyIndicator.id == KeyFigureValue.indicator_id)
             .order_by(Municipality.name, KeyIndicator.sort_order, KeyFigureValue.year))
    if participating_only:
        query = query.where(Municipality.participating.is_(True))
    return [ValueRow(*row) for row in session.execute(query)]
