"""The comparison view of the key figures: the participating municipalities side by side with the
regional total and average, absolute and per 1.000 inhabitants, with the change on the year before;
and the series over the years for the line chart."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from sqlalchemy.orm import Session

from regisseur_app.domain.analysis.indicators import IndicatorData, get_indicator
from regisseur_app.domain.analysis.inventory import count_se_organisations_region, social_economy_type_codes
from regisseur_app.domain.analysis.key_figures import (
    Inhabitants,
    indicator_values,
    indicator_years,
    inhabitants_for_year,
    inhabitants_for_years,
    max_year,
    per_1000,
    stored_values,
)
from regisseur_app.domain.analysis.models import COMPUTED_KBO
from regisseur_app.domain.core import municipalities
from regisseur_app.domain.core.codelists import ORGANISATION_TYPE, list_items

MUNICIPALITY, TOTAL, AVERAGE = "gemeente", "totaal", "gemiddelde"


@dataclass(frozen=True)
class ComparisonRow:
    kind: str                      # MUNICIPALITY, TOTAL or AVERAGE
    name: str
    nis_code: str | None
    value: float | None
    previous: float | None
    per_1000: float | None = None
    previous_per_1000: float | None = None
    inhabitants: float | None = None
    inhabitants_fallback: bool = False

    @property
    def change(self) -> float | None:
        # rounded: 0,3 - 0,2 is 0,1 and not 0,09999999999999998
        return None if self.value is None or self.previous is None else round(self.value - self.previous, 9)

    @property
    def change_pct(self) -> float | None:
        if self.change is None or not self.previous:
            return None
        return self.change / abs(self.previous) * 100

    @property
    def per_1000_change(self) -> float | None:
        if self.per_1000 is None or self.previous_per_1000 is None:
            return None
        return round(self.per_1000 - self.previous_per_1000, 9)


@dataclass
class Comparison:
    indicator: IndicatorData
    year: int
    rows: list[ComparisonRow]
    notes: list[str] = field(default_factory=list)

    @property
    def municipality_rows(self) -> list[ComparisonRow]:
        return [r for r in self.rows if r.kind == MUNICIPALITY]

    @property
    def shows_per_1000(self) -> bool:
        return self.indicator.per_1000_possible


def compare(session: Session, indicator_id: int, year: int, reference_year: int | None = None) -> Comparison:
    indicator = get_indicator(session, indicator_id)
    if indicator is None:
        raise ValueError(f"unknown indicator {indicator_id}")
    places = municipalities.list_municipalities(session, participating_only=True)
    codes = [m.nis_code for m in places]
    values = indicator_values(session, indicator, codes, [year, year - 1], reference_year)
    inhabitants = inhabitants_for_year(session, year, codes)
    inhabitants_before = inhabitants_for_year(session, year - 1, codes)
    return _comparison(session, indicator, year, places, values, inhabitants, inhabitants_before, reference_year)


def compare_all(session: Session, shown: list[IndicatorData], year: int,
                reference_year: int | None = None) -> list[Comparison]:
    """`compare` for each of the indicators `shown` (in that order), with the stored values of all of them
    and the inhabitants of both years read in a few queries instead of a dozen per indicator. Computed
    indicators (counted live) go through `compare` itself."""
    places = municipalities.list_municipalities(session, participating_only=True)
    codes = [m.nis_code for m in places]
    stored = [i for i in shown if not i.is_computed]
    values = stored_values(session, stored, codes, [year, year - 1]) if stored else {}
    people = inhabitants_for_years(session, [year, year - 1], codes)
    return [_comparison(session, i, year, places, values[i.id], people[year], people[year - 1], reference_year)
            if not i.is_computed else compare(session, i.id, year, reference_year) for i in shown]


def _comparison(session: Session, indicator: IndicatorData, year: int, places: list,
                values: dict[tuple[str, int], float], inhabitants: dict[str, Inhabitants],
                inhabitants_before: dict[str, Inhabitants], reference_year: int | None) -> Comparison:
    codes = [m.nis_code for m in places]
    with_rate = indicator.per_1000_possible
    rows = []
    for m in places:
        value, previous = values.get((m.nis_code, year)), values.get((m.nis_code, year - 1))
        here, before = inhabitants[m.nis_code], inhabitants_before[m.nis_code]
        rows.append(ComparisonRow(
            MUNICIPALITY, m.name, m.nis_code, value, previous,
            per_1000(value, here.value) if with_rate else None,
            per_1000(previous, before.value) if with_rate else None,
            here.value, here.fallback))
    region = _region_rows(indicator, rows, inhabitants, inhabitants_before)
    if indicator.is_computed and region[0].value is not None:
        # an organisation present in three municipalities is one organisation of the region
        distinct = float(_region_count(session, indicator, codes))
        region[0] = replace(region[0], value=distinct, per_1000=per_1000(distinct, region[0].inhabitants))
    rows += region
    comparison = Comparison(indicator, year, rows)
    comparison.notes = _notes(session, comparison, places, inhabitants, reference_year)
    return comparison


def _region_count(session: Session, indicator: IndicatorData, codes: list[str]) -> int:
    if indicator.computed.startswith(COMPUTED_KBO + ":"):
        from regisseur_app.domain.kbo.key_figures import count_region

        return count_region(session, indicator.computed, codes)
    return count_se_organisations_region(session, codes)


def _region_rows(indicator: IndicatorData, rows: list[ComparisonRow], inhabitants: dict[str, Inhabitants],
                 inhabitants_before: dict[str, Inhabitants]) -> list[ComparisonRow]:
    result = []
    now = [r.value for r in rows]
    before = [r.previous for r in rows]
    with_rate = indicator.per_1000_possible
    if indicator.is_count:
        total = _complete_sum(now)
        total_before = _complete_sum(before)
        people = _complete_sum([i.value for i in inhabitants.values()])
        people_before = _complete_sum([i.value for i in inhabitants_before.values()])
        result.append(ComparisonRow(
            TOTAL, "Regio (totaal)", None, total, total_before,
            per_1000(total, people) if with_rate else None,
            per_1000(total_before, people_before) if with_rate else None,
            people, any(i.fallback for i in inhabitants.values())))
    result.append(ComparisonRow(
        AVERAGE, "Gemiddelde per gemeente", None, _mean(now), _mean(before),
        _mean([r.per_1000 for r in rows]) if with_rate else None,
        _mean([r.previous_per_1000 for r in rows]) if with_rate else None,
        _mean([i.value for i in inhabitants.values()]), False))
    return result


def _notes(session: Session, comparison: Comparison, places, inhabitants: dict[str, Inhabitants],
           reference_year: int | None) -> list[str]:
    indicator, year = comparison.indicator, comparison.year
    notes = []
    if indicator.computed.startswith(COMPUTED_KBO + ":"):
        notes.append(f"'{indicator.label}' wordt {indicator.computed_label}, volgens de laatste KBO-import. "
                     "Het regionale totaal telt elke onderneming één keer, ook met vestigingen in meer gemeenten.")
    elif indicator.is_computed:
        se_codes = social_economy_type_codes(session)
        labels = [t.label for t in list_items(session, ORGANISATION_TYPE, include_inactive=True) if t.code in se_codes]
        notes.append(f"'{indicator.label}' wordt berekend uit de inventaris: actieve organisaties van de types "
                     f"{', '.join(labels) or '(geen types aangeduid)'} die in de gemeente gevestigd of actief zijn. "
                     f"Alleen de huidige stand ({reference_year or max_year()}) is gekend. Het regionale totaal "
                     "telt elke "
                     "organisatie één keer, ook als ze in meer gemeenten actief is.")
    missing = [r.name for r in comparison.municipality_rows if r.value is None]
    if missing:
        notes.append(f"Geen waarde voor {year}: {', '.join(missing)}."
                     + (" Het regionale totaal wordt pas berekend als alle gemeenten een waarde hebben."
                        if indicator.is_count else ""))
    if indicator.per_1000_possible:
        fallback = [m.name for m in places if inhabitants[m.nis_code].fallback]
        if fallback:
            notes.append(f"Geen kerncijfer 'Inwoners' voor {year} bij {', '.join(fallback)}: per 1.000 inwoners "
                         "berekend met het aantal inwoners uit de gemeentetabel (1/1/2020).")
        notes.append("Regio per 1.000 inwoners = regionaal totaal / alle inwoners × 1.000; het gemiddelde per "
                     "1.000 is het gewone gemiddelde van de gemeenten.")
    return notes


@dataclass(frozen=True)
class SeriesLine:
    name: str
    values: list[float | None]


@dataclass(frozen=True)
class Series:
    years: list[int]
    lines: list[SeriesLine]


def series(session: Session, indicator_id: int, rate: bool = False, reference_year: int | None = None) -> Series:
    """Per participating municipality, the value (or per 1.000 inhabitants) in every year with data."""
    indicator = get_indicator(session, indicator_id)
    if indicator is None:
        raise ValueError(f"unknown indicator {indicator_id}")
    rate = rate and indicator.per_1000_possible
    years = indicator_years(session, indicator, reference_year)
    places = municipalities.list_municipalities(session, participating_only=True)
    codes = [m.nis_code for m in places]
    values = indicator_values(session, indicator, codes, years, reference_year)
    people = {year: inhabitants_for_year(session, year, codes) for year in years} if rate else {}
    lines = []
    for m in places:
        row = []
        for year in years:
            value = values.get((m.nis_code, year))
            row.append(per_1000(value, people[year][m.nis_code].value) if rate else value)
        lines.append(SeriesLine(m.name, row))
    return Series(years, lines)


def _complete_sum(values: list[float | None]) -> float | None:
    if not values or any(v is None for v in values):
        return None
    return float(sum(values))


def _mean(values: list[float | None]) -> float | None:
    known = [v for v in values if v is not None]
    return sum(known) / len(known) if known else None
