"""Values per organisation and year: reading typed text per value type, saving (one call per form or
import), the year sheet with last year's values and the computed indicators, and completeness."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from regisseur_app.domain.core.base import ValidationError
from regisseur_app.domain.core.memo import remembered
from regisseur_app.domain.core.organisations import Organisation
from regisseur_app.domain.core.validation import find_national_number
from regisseur_app.domain.mvo.computed import Computed, MaterialAmount, compute
from regisseur_app.domain.mvo.indicators import IndicatorData, list_indicators
from regisseur_app.domain.mvo.models import (
    COUNT,
    PERCENTAGE,
    TEXT,
    YES_NO,
    MvoMaterial,
    MvoValue,
)
from regisseur_app.formatting import format_number, parse_number

MAX_TEXT = 2000
FIRST_YEAR = 2000
YES = {"ja", "j", "yes", "y", "1", "true", "waar", "x"}
NO = {"nee", "n", "no", "0", "false", "onwaar"}


def parse_value(indicator: IndicatorData, raw: object) -> tuple[float | None, str]:
    """(number, text) for what was typed or read from a cell; (None, "") when empty.

    Raises ValueError with a Dutch message (without the place: the caller names the field or cell)."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None, ""
    kind = indicator.value_type
    if kind == TEXT:
        text = str(raw).strip()
        if len(text) > MAX_TEXT:
            raise ValueError(f"de tekst is te lang (maximaal {MAX_TEXT} tekens)")
        found = find_national_number(text)
        if found:
            raise ValueError(f"bevat een rijksregister- of BIS-nummer ({found}); dat mag niet bewaard worden")
        return None, text
    if kind == YES_NO:
        if isinstance(raw, bool):
            return (1.0 if raw else 0.0), ""
        word = str(raw).strip().casefold()
        if word in YES:
            return 1.0, ""
        if word in NO:
            return 0.0, ""
        raise ValueError(f"'{raw}' is geen ja of nee")
    number = _to_number(raw, kind)
    if kind == COUNT and number != int(number):
        raise ValueError(f"'{_shown(raw)}' is geen geheel getal; {indicator.label.lower()} telt u in gehele "
                         f"{indicator.unit or 'eenheden'}")
    low, high = indicator.min_value, indicator.max_value
    if kind == PERCENTAGE:
        low = 0.0 if low is None else max(low, 0.0)
        high = 100.0 if high is None else min(high, 100.0)
    if low is not None and number < low:
        if low == 0:
            raise ValueError(f"een negatief getal ({_shown(raw)}) kan niet voor {indicator.label.lower()}")
        raise ValueError(f"{_shown(raw)} ligt onder het minimum van {format_number(low, _decimals(low))}")
    if high is not None and number > high:
        unit = " %" if kind == PERCENTAGE else (f" {indicator.unit}" if indicator.unit else "")
        raise ValueError(f"{_shown(raw)}{unit} ligt boven het maximum van {format_number(high, _decimals(high))}{unit}")
    return float(number), ""


def _to_number(raw: object, kind: str) -> float:
    if isinstance(raw, bool):
        raise ValueError(f"'{raw}' is geen getal")
    if isinstance(raw, (int, float, Decimal)):
        return float(raw)
    text = str(raw).strip()
    if kind == PERCENTAGE and text.endswith("%"):
        text = text[:-1].strip()
    try:
        return float(parse_number(text))
    except ValueError:
        raise ValueError(f"'{raw}' is geen getal") from None


def _shown(raw: object) -> str:
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        return format_number(raw, 0 if float(raw).is_integer() else 2)
    return str(raw).strip()


def _decimals(value: float) -> int:
    return 0 if float(value).is_integer() else 2


def display_value(indicator: IndicatorData, number: float | None, text: str = "") -> str:
    """A value as the user reads it: '1.234,5', '45,0 %', 'ja', or the text."""
    if indicator.value_type == TEXT:
        return text
    if number is None:
        return ""
    if indicator.value_type == YES_NO:
        return "ja" if number >= 0.5 else "nee"
    shown = format_number(number, 0 if indicator.value_type == COUNT else indicator.decimals)
    return f"{shown} %" if indicator.value_type == PERCENTAGE else shown


@dataclass
class ValueEntry:
    indicator_id: int
    raw: object
    note: str = ""
    source: str = ""


class Change(NamedTuple):
    indicator_id: int
    label: str
    old: str
    new: str
    detail: str = ""  # a changed note or source


def check_year(year: int, today: date | None = None) -> None:
    last = (today or date.today()).year
    if not FIRST_YEAR <= year <= last:
        raise ValidationError({"year": f"Kies een jaar van {FIRST_YEAR} tot {last}."})


def plan_values(session: Session, organisation_id: int, year: int, entries: Iterable[ValueEntry],
                indicators: dict[int, IndicatorData] | None = None) -> list[Change]:
    """What `save_values` would change (nothing is written). Raises ValidationError like it."""
    return _apply(session, organisation_id, year, entries, indicators, write=False)


def save_values(session: Session, organisation_id: int, year: int, entries: Iterable[ValueEntry],
                indicators: dict[int, IndicatorData] | None = None) -> list[Change]:
    """Store the entries (an empty value with an empty note and source removes the value). All or nothing:
    raises ValidationError({indicator code: message}) naming every bad value. Returns what changed."""
    return _apply(session, organisation_id, year, entries, indicators, write=True)


def _apply(session: Session, organisation_id: int, year: int, entries: Iterable[ValueEntry],
           indicators: dict[int, IndicatorData] | None, write: bool) -> list[Change]:
    check_year(year)
    if session.get(Organisation, organisation_id) is None:
        raise ValidationError({"organisation": "Deze organisatie bestaat niet meer."})
    if indicators is None:
        indicators = {i.id: i for i in list_indicators(session, include_inactive=True)}
    existing = raw_values(session, organisation_id, year)
    errors: dict[str, str] = {}
    planned: list[tuple[IndicatorData, float | None, str, str, str]] = []
    for entry in entries:
        indicator = indicators.get(entry.indicator_id)
        if indicator is None:
            errors[f"indicator_{entry.indicator_id}"] = "Deze indicator bestaat niet meer."
            continue
        if indicator.is_computed:
            continue
        try:
            number, text = parse_value(indicator, entry.raw)
        except ValueError as exc:
            errors[indicator.code] = f"{indicator.label}: {exc}."
            continue
        note, source = (entry.note or "").strip(), (entry.source or "").strip()
        for field, value, limit in (("opmerking", note, 500), ("bron", source, 300)):
            if len(value) > limit:
                errors[indicator.code] = f"{indicator.label}: de {field} is te lang (maximaal {limit} tekens)."
            found = find_national_number(value)
            if found:
                errors[indicator.code] = (f"{indicator.label}: de {field} bevat een rijksregister- of BIS-nummer "
                                          f"({found}); dat mag niet bewaard worden.")
        planned.append((indicator, number, text, note, source))
    if errors:
        raise ValidationError(errors)
    changes: list[Change] = []
    for indicator, number, text, note, source in planned:
        row = existing.get(indicator.id)
        old = display_value(indicator, row.number, row.text) if row else ""
        new = display_value(indicator, number, text)
        empty = number is None and not text and not note and not source
        if row is None and empty:
            continue
        if row is not None and (row.number, row.text, row.note, row.source) == (number, text, note, source):
            continue
        detail = _detail(row, note, source)
        if row is not None and empty:
            changes.append(Change(indicator.id, indicator.label, old, "", detail))
            if write:
                session.delete(row)
            continue
        changes.append(Change(indicator.id, indicator.label, old, new, detail))
        if not write:
            continue
        if row is None:
            row = MvoValue(organisation_id=organisation_id, indicator_id=indicator.id, year=year)
            session.add(row)
        row.number, row.text, row.note, row.source = number, text, note, source
    if write:
        session.flush()
    return changes


def _detail(row: MvoValue | None, note: str, source: str) -> str:
    parts = []
    if note != (row.note if row else ""):
        parts.append(f"opmerking: {note}" if note else "opmerking gewist")
    if source != (row.source if row else ""):
        parts.append(f"bron: {source}" if source else "bron gewist")
    return "; ".join(parts)


def raw_values(session: Session, organisation_id: int, year: int) -> dict[int, MvoValue]:
    return {v.indicator_id: v for v in session.scalars(select(MvoValue).where(
        MvoValue.organisation_id == organisation_id, MvoValue.year == year))}


class Completeness(NamedTuple):
    filled: int
    total: int

    @property
    def complete(self) -> bool:
        return self.total > 0 and self.filled >= self.total

    @property
    def text(self) -> str:
        return f"{self.filled} van {self.total} ingevuld"

    @property
    def percent(self) -> float:
        return 100.0 * self.filled / self.total if self.total else 0.0


def is_filled(value: MvoValue | None) -> bool:
    return value is not None and (value.number is not None or bool(value.text))


def typed_in(indicators: Iterable[IndicatorData]) -> list[int]:
    """The ids of the indicators completeness counts: the active ones that are typed in (computed ones follow
    from those)."""
    return [i.id for i in indicators if i.active and not i.is_computed]


def completeness_of(indicators: Iterable[IndicatorData], values: dict[int, MvoValue]) -> Completeness:
    """Filled among the active indicators that are typed in (orgs.filled_counts counts the same in SQL)."""
    wanted = typed_in(indicators)
    return Completeness(sum(1 for i in wanted if is_filled(values.get(i))), len(wanted))


def completeness(session: Session, organisation_id: int, year: int) -> Completeness:
    return completeness_of(list_indicators(session), raw_values(session, organisation_id, year))


def computed_values(session: Session, indicators: list[IndicatorData], values: dict[int, MvoValue],
                    materials: dict[int, MvoMaterial] | None = None, explain: bool = True) -> dict[int, Computed]:
    """The computed indicators for one organisation and year, from its typed-in values (`materials`: all
    materials by id; `explain=False`: values only)."""
    return Calculator(indicators, all_materials(session) if materials is None else materials)(values, explain)


class Calculator:
    """The computed indicators of one organisation and year after another: the indicators and materials are
    looked at once (the regional overview computes hundreds of organisations over several years)."""

    def __init__(self, indicators: list[IndicatorData], materials: dict[int, MvoMaterial]):
        self.codes = {i.id: i.code for i in indicators}
        self.reused: list[tuple[int, str, float | None]] = []
        for indicator in indicators:
            if indicator.material_id is not None:
                material = materials.get(indicator.material_id)
                self.reused.append((indicator.id, material.label if material else indicator.label,
                                    material.emission_factor if material else None))
        self.formulas = [(i.id, i.formula) for i in indicators if i.is_computed]

    def numbers(self, values: dict[int, MvoValue]) -> dict[str, float]:
        """The typed-in numbers by indicator code."""
        codes = self.codes
        return {codes[k]: v.number for k, v in values.items() if k in codes and v.number is not None}

    def __call__(self, values: dict[int, MvoValue], explain: bool = True,
                 numbers: dict[str, float] | None = None) -> dict[int, Computed]:
        numbers = self.numbers(values) if numbers is None else numbers
        amounts = []
        for indicator_id, label, factor in self.reused:
            value = values.get(indicator_id)
            if value is not None and value.number is not None:
                amounts.append(MaterialAmount(label, value.number, factor))
        return {i: compute(formula, numbers, amounts, explain) for i, formula in self.formulas}


def all_materials(session: Session) -> dict[int, MvoMaterial]:
    """The materials by id; read once per session while it does not write (domain.core.memo: the MVO figures of
    several years, the trend and the sheets ask for them in one reading session). The same mapped objects a
    query would give (the session's identity map), in a dict of the caller's own."""
    return dict(remembered(session, ("mvo_materials",),
                           lambda: {m.id: m for m in session.scalars(select(MvoMaterial))}))


class SheetRow(NamedTuple):
    indicator: IndicatorData
    number: float | None
    text: str
    note: str
    source: str
    shown: str
    previous: str
    explanation: str = ""  # computed indicators: how the figure was computed


def year_sheet(session: Session, organisation_id: int, year: int, include_inactive: bool = False
               ) -> list[SheetRow]:
    """Every (active) indicator with this year's value, last year's value and, for computed ones, the
    computation; retired indicators are included when `include_inactive` or when they hold a value."""
    indicators = list_indicators(session, include_inactive=True)
    values = raw_values(session, organisation_id, year)
    previous = raw_values(session, organisation_id, year - 1)
    computed = computed_values(session, indicators, values)
    computed_before = computed_values(session, indicators, previous)
    rows = []
    for indicator in indicators:
        value = values.get(indicator.id)
        if not indicator.active and not include_inactive and not is_filled(value):
            continue
        if indicator.is_computed:
            now, before = computed[indicator.id], computed_before[indicator.id]
            rows.append(SheetRow(indicator, now.value, "", "", "", display_value(indicator, now.value),
                                 display_value(indicator, before.value), now.explanation))
            continue
        old = previous.get(indicator.id)
        rows.append(SheetRow(
            indicator, value.number if value else None, value.text if value else "", value.note if value else "",
            value.source if value else "", display_value(indicator, value.number, value.text) if value else "",
            display_value(indicator, old.number, old.text) if old else ""))
    return rows


def editable_value(indicator: IndicatorData, number: float | None, text: str = "") -> str:
    """A stored value as typed into a field or a template cell, without rounding (so an unchanged form
    saves the same value): '1234,567', 'ja', or the text."""
    if indicator.value_type == TEXT:
        return text
    if number is None:
        return ""
    if indicator.value_type == YES_NO:
        return "ja" if number >= 0.5 else "nee"
    shown = f"{number:.6f}".rstrip("0").rstrip(".")
    return shown.replace(".", ",")
