"""Computed indicators: the value and, in words, how it was computed (shown next to the figure)."""

from __future__ import annotations

from typing import NamedTuple

from regisseur_app.domain.mvo.models import (
    AVOIDED_CO2,
    COLLECTED,
    EMPLOYEES_TOTAL,
    REUSE_RATE,
    REUSE_TOTAL,
    TARGET_GROUP_PEOPLE,
    TARGET_GROUP_SHARE,
)
from regisseur_app.formatting import format_number


class Computed(NamedTuple):
    value: float | None
    explanation: str


class MaterialAmount(NamedTuple):
    """A tonnage reused of one material and that material's emission factor (None: no factor known)."""

    label: str
    tons: float
    factor: float | None


def compute(formula: str, numbers: dict[str, float], materials: list[MaterialAmount], explain: bool = True
            ) -> Computed:
    """`numbers`: the typed-in numeric values of one organisation and year by indicator code;
    `materials`: the tonnages reused per material (only the filled ones). `explain=False`: the value only
    (an empty explanation), for totals over many organisations."""
    if not explain:
        return Computed(_value(formula, numbers, materials), "")
    if formula == REUSE_TOTAL:
        if not materials:
            return Computed(None, "Geen tonnages per materiaal ingevuld.")
        total = sum(m.tons for m in materials)
        return Computed(total, " + ".join(f"{_n(m.tons)} t {m.label.lower()}" for m in materials))
    if formula == AVOIDED_CO2:
        counted = [m for m in materials if m.factor is not None]
        skipped = [m for m in materials if m.factor is None and m.tons > 0]
        if not counted:
            text = "Geen tonnages met een bekende emissiefactor ingevuld."
            return Computed(None, text + _skipped(skipped))
        total = sum(m.tons * m.factor for m in counted)
        text = " + ".join(f"{_n(m.tons)} t {m.label.lower()} × {_n(m.factor, 2)}" for m in counted)
        return Computed(total, text + _skipped(skipped))
    if formula == REUSE_RATE:
        reused = sum(m.tons for m in materials) if materials else None
        collected = numbers.get(COLLECTED)
        if reused is None or not collected:
            return Computed(None, "Nodig: tonnages per materiaal en de ingezamelde goederen (meer dan 0 ton).")
        return Computed(reused / collected * 100, f"{_n(reused)} t ÷ {_n(collected)} t × 100")
    if formula == TARGET_GROUP_SHARE:
        people, total = numbers.get(TARGET_GROUP_PEOPLE), numbers.get(EMPLOYEES_TOTAL)
        if people is None or not total:
            return Computed(None, "Nodig: doelgroepwerknemers en werknemers in totaal (meer dan 0).")
        return Computed(people / total * 100, f"{_n(people)} ÷ {_n(total)} × 100")
    return Computed(None, "Onbekende formule.")


def _value(formula: str, numbers: dict[str, float], materials: list[MaterialAmount]) -> float | None:
    """What `compute` returns as value, without composing the explanation."""
    if formula == REUSE_TOTAL:
        return sum(m.tons for m in materials) if materials else None
    if formula == AVOIDED_CO2:
        counted = [m for m in materials if m.factor is not None]
        return sum(m.tons * m.factor for m in counted) if counted else None
    if formula == REUSE_RATE:
        collected = numbers.get(COLLECTED)
        return sum(m.tons for m in materials) / collected * 100 if materials and collected else None
    if formula == TARGET_GROUP_SHARE:
        people, total = numbers.get(TARGET_GROUP_PEOPLE), numbers.get(EMPLOYEES_TOTAL)
        return people / total * 100 if people is not None and total else None
    return None


def _skipped(skipped: list[MaterialAmount]) -> str:
    if not skipped:
        return ""
    names = ", ".join(f"{m.label.lower()} ({_n(m.tons)} t)" for m in skipped)
    return f" Niet meegeteld (geen emissiefactor): {names}."


def _n(value: float, decimals: int = 1) -> str:
    return format_number(value, 0 if float(value).is_integer() else decimals)
