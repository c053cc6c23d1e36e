"""The indicators of the key figures: a code list with unit, source and whether it is a count."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from regisseur_app.domain.analysis.models import COMPUTED_LABELS, INHABITANTS, KeyFigureValue, KeyIndicator
from regisseur_app.domain.core.base import ValidationError
from regisseur_app.domain.core.validation import check_no_national_number
from regisseur_app.storage.dialect import folded
from regisseur_app.storage.engine import fold

MAX_DECIMALS = 3


@dataclass(frozen=True)
class IndicatorData:
    id: int
    code: str
    label: str
    unit: str = ""
    source: str = ""
    is_count: bool = True
    decimals: int = 0
    computed: str = ""
    active: bool = True

    @property
    def is_inhabitants(self) -> bool:
        return self.code == INHABITANTS

    @property
    def per_1000_possible(self) -> bool:
        """Counts can be expressed per 1.000 inhabitants (except the inhabitants themselves)."""
        return self.is_count and not self.is_inhabitants

    @property
    def is_computed(self) -> bool:
        return bool(self.computed)

    @property
    def computed_label(self) -> str:
        return COMPUTED_LABELS.get(self.computed.split(":", 1)[0], "berekend")

    @property
    def title(self) -> str:
        if not self.unit or fold(self.unit) in fold(self.label):
            return self.label
        return f"{self.label} ({self.unit})"


@dataclass
class IndicatorInput:
    label: str
    unit: str = ""
    source: str = ""
    is_count: bool = True
    decimals: int = 0


def list_indicators(session: Session, include_inactive: bool = False) -> list[IndicatorData]:
    query = select(KeyIndicator).order_by(KeyIndicator.sort_order, KeyIndicator.label)
    if not include_inactive:
        query = query.where(KeyIndicator.active.is_(True))
    return [_to_data(i) for i in session.scalars(query)]


def get_indicator(session: Session, indicator_id: int) -> IndicatorData | None:
    row = session.get(KeyIndicator, indicator_id)
    return _to_data(row) if row else None


def indicator_by_code(session: Session, code: str) -> IndicatorData | None:
    row = session.scalar(select(KeyIndicator).where(KeyIndicator.code == code))
    return _to_data(row) if row else None


def inhabitants_indicator_id(session: Session) -> int | None:
    return session.scalar(select(KeyIndicator.id).where(KeyIndicator.code == INHABITANTS))


def validate_indicator(session: Session, data: IndicatorInput, own_id: int | None) -> dict[str, str]:
    errors: dict[str, str] = {}
    label = (data.label or "").strip()
    if not label:
        errors["label"] = "Vul de naam van de indicator in."
    elif len(label) > 120:
        errors["label"] = "De naam is te lang (maximaal 120 tekens)."
    else:
        clash = session.scalar(select(KeyIndicator.id).where(folded(KeyIndicator.label) == fold(label)))
        if clash is not None and clash != own_id:
            errors["label"] = f"De indicator '{label}' bestaat al."
    if len((data.unit or "").strip()) > 40:
        errors["unit"] = "De eenheid is te lang (maximaal 40 tekens)."
    if len((data.source or "").strip()) > 200:
        errors["source"] = "De bron is te lang (maximaal 200 tekens)."
    if not 0 <= data.decimals <= MAX_DECIMALS:
        errors["decimals"] = f"Kies 0 tot {MAX_DECIMALS} decimalen."
    if own_id is not None:
        row = session.get(KeyIndicator, own_id)
        if row is not None and row.code == INHABITANTS and not data.is_count:
            errors["is_count"] = ("Het aantal inwoners is altijd een aantal: alle cijfers per 1.000 inwoners "
                                  "steunen erop.")
        if row is not None and row.computed and not data.is_count:
            errors["is_count"] = "Een berekend aantal blijft een aantal."
    check_no_national_number({"label": data.label, "unit": data.unit, "source": data.source}, errors)
    return errors


def save_indicator(session: Session, data: IndicatorInput, indicator_id: int | None = None) -> int:
    errors = validate_indicator(session, data, indicator_id)
    if errors:
        raise ValidationError(errors)
    if indicator_id is None:
        row = KeyIndicator(code=_new_code(session, data.label), computed="", active=True,
                           sort_order=(session.scalar(select(func.max(KeyIndicator.sort_order))) or 0) + 10)
        session.add(row)
    else:
        row = session.get(KeyIndicator, indicator_id)
        if row is None:
            raise ValidationError({"label": "Deze indicator bestaat niet meer."})
    row.label = data.label.strip()
    row.unit = data.unit.strip()
    row.source = data.source.strip()
    row.is_count = data.is_count
    row.decimals = data.decimals
    session.flush()
    return row.id


def set_indicator_active(session: Session, indicator_id: int, active: bool) -> None:
    row = session.get(KeyIndicator, indicator_id)
    if row is None:
        raise ValidationError({"label": "Deze indicator bestaat niet meer."})
    if row.code == INHABITANTS and not active:
        raise ValidationError({"label": "De indicator 'Inwoners' blijft actief: de cijfers per 1.000 inwoners "
                                        "steunen erop."})
    row.active = active


def value_count(session: Session, indicator_id: int) -> int:
    return session.scalar(select(func.count()).select_from(KeyFigureValue).where(
        KeyFigureValue.indicator_id == indicator_id)) or 0


def find_indicator(indicators: list[IndicatorData], text: str) -> IndicatorData | None:
    """An indicator named by its label or code, ignoring case, accents, spaces and punctuation."""
    wanted = squash(text)
    if not wanted:
        return None
    for indicator in indicators:
        if wanted in (squash(indicator.label), squash(indicator.code), squash(indicator.title)):
            return indicator
    return None


def squash(text: str) -> str:
    return re.sub(r"[^0-9a-z]+", "", fold(text))


def _new_code(session: Session, label: str) -> str:
    base = re.sub(r"[^a-z0-9]+", "_", fold(label)).strip("_")[:40] or "indicator"
    code, n = base, 1
    while session.scalar(select(KeyIndicator.id).where(KeyIndicator.code == code)):
        n += 1
        code = f"{base}_{n}"
    return code


def _to_data(row: KeyIndicator) -> IndicatorData:
    return IndicatorData(row.id, row.code, row.label, row.unit, row.source, row.is_count, row.decimals,
                         row.computed, row.active)
