"""Materials that are reused and their emission factors (t CO₂-eq avoided per tonne reused), each with its
source and year. A new material gets its own indicator 'Hergebruikt: …' in the pillar Planeet."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from regisseur_app.domain.core.base import ValidationError
from regisseur_app.domain.core.codelists import CodeItem
from regisseur_app.domain.core.validation import check_no_national_number
from regisseur_app.domain.mvo.indicators import new_code
from regisseur_app.domain.mvo.models import DECIMAL, PILLAR_LIST, MvoIndicator, MvoMaterial
from regisseur_app.storage.dialect import folded_equals
from regisseur_app.storage.engine import fold

MAX_FACTOR = 100.0


@dataclass(frozen=True)
class MaterialData:
    id: int
    code: str
    label: str
    emission_factor: float | None
    factor_source: str
    factor_year: int | None
    active: bool


@dataclass
class MaterialInput:
    label: str
    emission_factor: float | None = None
    factor_source: str = ""
    factor_year: int | None = None


def list_materials(session: Session, include_inactive: bool = True) -> list[MaterialData]:
    query = select(MvoMaterial).order_by(MvoMaterial.sort_order, MvoMaterial.label)
    if not include_inactive:
        query = query.where(MvoMaterial.active.is_(True))
    return [MaterialData(m.id, m.code, m.label, m.emission_factor, m.factor_source, m.factor_year, m.active)
            for m in session.scalars(query)]


def validate_material(session: Session, data: MaterialInput, own_id: int | None = None,
                      today: date | None = None) -> dict[str, str]:
    errors: dict[str, str] = {}
    label = (data.label or "").strip()
    if not label:
        errors["label"] = "Vul de naam van het materiaal in."
    elif len(label) > 120:
        errors["label"] = "De naam is te lang (maximaal 120 tekens)."
    else:
        clash = session.scalar(select(MvoMaterial.id).where(folded_equals(MvoMaterial.label, label)))
        if clash is not None and clash != own_id:
            errors["label"] = f"Het materiaal '{label}' bestaat al."
    if data.emission_factor is not None:
        if data.emission_factor < 0:
            errors["emission_factor"] = "Een emissiefactor kan niet negatief zijn."
        elif data.emission_factor > MAX_FACTOR:
            errors["emission_factor"] = (f"{data.emission_factor} ton CO₂-eq per ton is niet geloofwaardig "
                                         f"(hoogstens {MAX_FACTOR:.0f}).")
        if not (data.factor_source or "").strip():
            errors["factor_source"] = "Vermeld de bron van de emissiefactor (studie, organisatie)."
        if data.factor_year is None:
            errors["factor_year"] = "Vermeld het jaar van de bron."
    if data.factor_year is not None and not 1990 <= data.factor_year <= (today or date.today()).year:
        errors["factor_year"] = "Het jaar van de bron ligt tussen 1990 en dit jaar."
    if len((data.factor_source or "").strip()) > 400:
        errors["factor_source"] = "De bron is te lang (maximaal 400 tekens)."
    check_no_national_number({"label": data.label, "factor_source": data.factor_source}, errors)
    return errors


def save_material(session: Session, data: MaterialInput, material_id: int | None = None) -> int:
    errors = validate_material(session, data, material_id)
    if errors:
        raise ValidationError(errors)
    if material_id is None:
        material = MvoMaterial(code=_material_code(session, data.label), active=True,
                               sort_order=(session.scalar(select(func.max(MvoMaterial.sort_order))) or 0) + 10)
        session.add(material)
    else:
        material = session.get(MvoMaterial, material_id)
        if material is None:
            raise ValidationError({"label": "Dit materiaal bestaat niet meer."})
    material.label = data.label.strip()
    material.emission_factor = data.emission_factor
    material.factor_source = (data.factor_source or "").strip()
    material.factor_year = data.factor_year
    session.flush()
    if material_id is None:
        planet = session.scalar(select(CodeItem.id).where(CodeItem.list_name == PILLAR_LIST,
                                                          CodeItem.code == "planeet"))
        label = f"Hergebruikt: {material.label}"[:120]
        session.add(MvoIndicator(
            code=new_code(session, label), label=label, pillar_id=planet, unit="ton", value_type=DECIMAL,
            decimals=1, min_value=0, definition=f"Gewicht van {material.label.lower()} voor hergebruik.",
            gri_code="306-4", vsme_ref="B7", material_id=material.id, active=True,
            sort_order=(session.scalar(select(func.max(MvoIndicator.sort_order))) or 0) + 10))
        session.flush()
    return material.id


def set_material_active(session: Session, material_id: int, active: bool) -> None:
    """Retire a material and its indicator (values and factor stay for the history)."""
    material = session.get(MvoMaterial, material_id)
    if material is None:
        raise ValidationError({"label": "Dit materiaal bestaat niet meer."})
    material.active = active
    for indicator in session.scalars(select(MvoIndicator).where(MvoIndicator.material_id == material_id)):
        indicator.active = active


def _material_code(session: Session, label: str) -> str:
    import re

    base = re.sub(r"[^a-z0-9]+", "_", fold(label)).strip("_")[:40] or "materiaal"
    code, n = base, 1
    while session.scalar(select(MvoMaterial.id).where(MvoMaterial.code == code)):
        n += 1
        code = f"{base}_{n}"
    return code
