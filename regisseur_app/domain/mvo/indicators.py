"""The indicator framework: list, add, edit and retire indicators (a retired one keeps its history)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from regisseur_app.domain.core.base import ValidationError
from regisseur_app.domain.core.codelists import CodeItem
from regisseur_app.domain.core.memo import remembered
from regisseur_app.domain.core.validation import check_no_national_number
from regisseur_app.domain.mvo.models import (
    FORMULAS,
    NUMERIC_TYPES,
    PERCENTAGE,
    PILLAR_LIST,
    VALUE_TYPES,
    MvoIndicator,
    MvoValue,
)
from regisseur_app.domain.mvo.reference import VSME_BASIC, gri_disclosures
from regisseur_app.storage.dialect import folded_equals
from regisseur_app.storage.engine import fold

MAX_DECIMALS = 3


class IndicatorData(NamedTuple):
    id: int
    code: str
    label: str
    pillar_id: int
    pillar: str
    pillar_order: int
    unit: str
    value_type: str
    decimals: int
    min_value: float | None
    max_value: float | None
    definition: str
    gri_code: str
    vsme_ref: str
    formula: str
    material_id: int | None
    active: bool
    sort_order: int = 0

    @property
    def is_computed(self) -> bool:
        return bool(self.formula)

    @property
    def formula_text(self) -> str:
        return FORMULAS.get(self.formula, "")

    @property
    def type_label(self) -> str:
        return VALUE_TYPES.get(self.value_type, self.value_type)

    @property
    def title(self) -> str:
        return f"{self.label} ({self.unit})" if self.unit and self.unit not in self.label else self.label

    @property
    def reference_text(self) -> str:
        """'GRI 404-1 · VSME B10' (what a funder recognises)."""
        parts = []
        if self.gri_code:
            parts.append(f"GRI {self.gri_code}")
        if self.vsme_ref:
            parts.append(f"VSME {self.vsme_ref}")
        return " · ".join(parts)

    @property
    def range_text(self) -> str:
        if self.value_type not in NUMERIC_TYPES:
            return ""
        low, high = self.min_value, self.max_value
        if self.value_type == PERCENTAGE:
            low = 0 if low is None else low
            high = 100 if high is None else high
        if low is not None and high is not None:
            return f"{_num(low)} tot {_num(high)}"
        if low is not None:
            return f"minstens {_num(low)}"
        if high is not None:
            return f"hoogstens {_num(high)}"
        return ""


@dataclass
class IndicatorInput:
    label: str
    pillar_id: int | None
    unit: str = ""
    value_type: str = "decimaal"
    decimals: int = 0
    min_value: float | None = 0
    max_value: float | None = None
    definition: str = ""
    gri_code: str = ""
    vsme_ref: str = ""


def list_indicators(session: Session, include_inactive: bool = False) -> list[IndicatorData]:
    """The indicators in display order; read once per session while it does not write (domain.core.memo: the
    college report's MVO section, overview and KPI source ask for them six times). The active ones are taken from
    the whole list (one read for both)."""
    everything = remembered(session, "mvo_indicators", lambda: tuple(_list_indicators(session, True)))
    return list(everything) if include_inactive else [i for i in everything if i.active]


def _list_indicators(session: Session, include_inactive: bool) -> list[IndicatorData]:
    """One statement: the pillar's label and order come from the join the order needs (no load of the pillars)."""
    query = (select(MvoIndicator, CodeItem.label, CodeItem.sort_order)
             .join(CodeItem, MvoIndicator.pillar_id == CodeItem.id)
             .order_by(CodeItem.sort_order, MvoIndicator.sort_order, MvoIndicator.label, MvoIndicator.id))
    if not include_inactive:
        query = query.where(MvoIndicator.active.is_(True))
    return [_to_data(row, label, order) for row, label, order in session.execute(query)]


def get_indicator(session: Session, indicator_id: int) -> IndicatorData | None:
    row = session.get(MvoIndicator, indicator_id)
    return to_data(row) if row else None


def pillars(session: Session) -> list[tuple[int, str]]:
    return [(row.id, row.label) for row in session.scalars(
        select(CodeItem).where(CodeItem.list_name == PILLAR_LIST, CodeItem.active.is_(True))
        .order_by(CodeItem.sort_order))]


def validate_indicator(session: Session, data: IndicatorInput, own_id: int | None = None) -> dict[str, str]:
    errors: dict[str, str] = {}
    label = (data.label or "").strip()
    if not label:
        errors["label"] = "Vul de naam van de indicator in."
    elif len(label) > 120:
        errors["label"] = "De naam is te lang (maximaal 120 tekens)."
    else:
        clash = session.scalar(select(MvoIndicator.id).where(folded_equals(MvoIndicator.label, label)))
        if clash is not None and clash != own_id:
            errors["label"] = f"De indicator '{label}' bestaat al."
    pillar = session.get(CodeItem, data.pillar_id) if data.pillar_id is not None else None
    if pillar is None or pillar.list_name != PILLAR_LIST:
        errors["pillar_id"] = "Kies een pijler (Mens, Planeet, Winst of Bestuur)."
    if data.value_type not in VALUE_TYPES:
        errors["value_type"] = "Kies een soort waarde."
    if len((data.unit or "").strip()) > 40:
        errors["unit"] = "De eenheid is te lang (maximaal 40 tekens)."
    if not 0 <= data.decimals <= MAX_DECIMALS:
        errors["decimals"] = f"Kies 0 tot {MAX_DECIMALS} decimalen."
    if data.value_type in NUMERIC_TYPES:
        low, high = data.min_value, data.max_value
        if data.value_type == PERCENTAGE and ((low is not None and low < 0) or (high is not None and high > 100)):
            errors["max_value"] = "Een percentage ligt tussen 0 en 100."
        elif low is not None and high is not None and low > high:
            errors["max_value"] = "Het maximum is kleiner dan het minimum."
    gri = (data.gri_code or "").strip().upper().removeprefix("GRI").strip()
    if gri:
        known = gri_disclosures().get(gri)
        if known is None:
            errors["gri_code"] = f"'{data.gri_code}' is geen GRI-disclosure (bv. 404-1 of 2-7)."
        elif known.withdrawn():
            errors["gri_code"] = f"GRI {gri} is vervangen door GRI {known.replaced_by}. {known.note}"
    vsme = (data.vsme_ref or "").strip().upper()
    if vsme and vsme not in VSME_BASIC:
        errors["vsme_ref"] = "Kies een datapunt van de VSME-basismodule (B1 tot B11) of laat leeg."
    check_no_national_number({"label": data.label, "unit": data.unit, "definition": data.definition}, errors)
    if own_id is not None:
        row = session.get(MvoIndicator, own_id)
        if row is None:
            errors["label"] = "Deze indicator bestaat niet meer."
        elif row.value_type != data.value_type and _has_values(session, own_id):
            errors["value_type"] = "Er zijn al waarden ingevuld: de soort waarde kan niet meer veranderen."
    return errors


def save_indicator(session: Session, data: IndicatorInput, indicator_id: int | None = None) -> int:
    errors = validate_indicator(session, data, indicator_id)
    if errors:
        raise ValidationError(errors)
    if indicator_id is None:
        row = MvoIndicator(code=new_code(session, data.label), formula="", active=True,
                           sort_order=(session.scalar(select(func.max(MvoIndicator.sort_order))) or 0) + 10)
        session.add(row)
    else:
        row = session.get(MvoIndicator, indicator_id)
    row.label = data.label.strip()
    row.pillar_id = data.pillar_id
    row.unit = data.unit.strip()
    if not row.formula:
        row.value_type = data.value_type
    row.decimals = data.decimals
    numeric = data.value_type in NUMERIC_TYPES
    row.min_value = data.min_value if numeric else None
    row.max_value = data.max_value if numeric else None
    row.definition = (data.definition or "").strip()
    row.gri_code = (data.gri_code or "").strip().upper().removeprefix("GRI").strip()
    row.vsme_ref = (data.vsme_ref or "").strip().upper()
    session.flush()
    return row.id


def set_indicator_active(session: Session, indicator_id: int, active: bool) -> bool:
    """Retire (active False) or reinstate an indicator; its values stay. Returns the previous state."""
    row = session.get(MvoIndicator, indicator_id)
    if row is None:
        raise ValidationError({"label": "Deze indicator bestaat niet meer."})
    before = row.active
    row.active = active
    return before


def value_count(session: Session, indicator_id: int) -> int:
    return session.scalar(select(func.count()).select_from(MvoValue).where(MvoValue.indicator_id == indicator_id)) or 0


def _has_values(session: Session, indicator_id: int) -> bool:
    return value_count(session, indicator_id) > 0


def new_code(session: Session, label: str) -> str:
    base = re.sub(r"[^a-z0-9]+", "_", fold(label)).strip("_")[:40] or "indicator"
    code, n = base, 1
    while session.scalar(select(MvoIndicator.id).where(MvoIndicator.code == code)):
        n += 1
        code = f"{base}_{n}"
    return code


def to_data(row: MvoIndicator) -> IndicatorData:
    return _to_data(row, row.pillar.label, row.pillar.sort_order)


def _to_data(row: MvoIndicator, pillar: str, pillar_order: int) -> IndicatorData:
    return IndicatorData(row.id, row.code, row.label, row.pillar_id, pillar, pillar_order,
                         row.unit, row.value_type, row.decimals, row.min_value, row.max_value, row.definition,
                         row.gri_code, row.vsme_ref, row.formula, row.material_id, row.active, row.sort_order)


def _num(value: float) -> str:
    from regisseur_app.formatting import format_number

    return format_number(value, 0 if float(value).is_integer() else 2)
