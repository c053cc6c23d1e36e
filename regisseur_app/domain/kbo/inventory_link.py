"""Between the KBO register and the inventory: add an enterprise as an organisation, and keep the inventory
true (organisations whose enterprise stopped or whose seat moved, listed for review after each import)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from regisseur_app.domain.core.base import ValidationError
from regisseur_app.domain.core.codelists import ORGANISATION_TYPE, list_items
from regisseur_app.domain.core.municipalities import Municipality
from regisseur_app.domain.core.organisation_service import WEBSITE_PATTERN, OrganisationInput, save_organisation
from regisseur_app.domain.core.organisations import Organisation
from regisseur_app.domain.core.validation import format_kbo
from regisseur_app.domain.kbo.candidates import categories_for
from regisseur_app.domain.kbo.models import ACTIVE, GONE, KboChange, KboEnterprise, KboImport, KboPlace
from regisseur_app.formatting import format_date
from regisseur_app.storage.engine import fold

DEFAULT_TYPE = "andere"


def default_type_id(session: Session, code: str = DEFAULT_TYPE) -> int | None:
    items = list_items(session, ORGANISATION_TYPE)
    for item in items:
        if item.code == code:
            return item.id
    return items[-1].id if items else None


def _street(ent: KboEnterprise) -> str:
    return (f"{ent.street} {ent.house_number}".strip() + (f" bus {ent.box}" if ent.box else ""))[:200]


def _nis_for_postcode(session: Session, postcode: str) -> str | None:
    if not postcode:
        return None
    for nis, codes in session.execute(select(Municipality.nis_code, Municipality.postcodes)
                                      .where(Municipality.postcodes.contains(postcode))):
        if postcode in re.findall(r"\d{4}", codes or ""):
            return nis
    return None


def add_to_inventory(session: Session, number: str, type_id: int | None = None,
                     category_ids: list[int] | None = None) -> int:
    """Create an organisation from a KBO enterprise; returns its id. Raises ValidationError."""
    ent = session.get(KboEnterprise, number)
    if ent is None:
        raise ValidationError({"kbo": "Deze onderneming staat niet (meer) in het KBO-register."})
    existing = session.scalar(select(Organisation.id).where(Organisation.kbo_number == number))
    if existing is not None:
        raise ValidationError({"kbo": f"{ent.name} ({format_kbo(number)}) staat al in de inventaris."})
    places = sorted(set(session.scalars(select(KboPlace.nis_code).where(KboPlace.enterprise_number == number))))
    last = session.scalar(select(KboImport).order_by(KboImport.id.desc()).limit(1))
    source = "Toegevoegd uit KBO Open Data"
    if last is not None:
        source += f" (extract {last.extract_number}" + (f" van {format_date(last.snapshot_date)}" if
                                                        last.snapshot_date else "") + ")"
    extra = [f"Algemeen e-mailadres: {ent.email}" if ent.email else "", f"Telefoon: {ent.phone}" if ent.phone else ""]
    website = ent.website if ent.website and WEBSITE_PATTERN.match(ent.website) else ""
    postcode = ent.postcode if re.fullmatch(r"[1-9]\d{3}", ent.postcode or "") else ""
    data = OrganisationInput(
        name=ent.name[:200], type_id=type_id or default_type_id(session), kbo_number=number, street=_street(ent),
        postcode=postcode, city=ent.city, seat_nis_code=ent.seat_nis_code or _nis_for_postcode(session, postcode),
        municipality_codes=places,
        category_ids=category_ids if category_ids is not None else categories_for(session, number),
        website=website, notes=". ".join(t for t in [source, *extra] if t) + ".")
    return save_organisation(session, data)


def remove_organisation(session: Session, org_id: int) -> None:
    org = session.get(Organisation, org_id)
    if org is not None:
        session.delete(org)
        session.flush()


@dataclass(frozen=True)
class ReviewRow:
    id: int                 # organisation id
    name: str
    kbo_number: str
    kind: str               # 'stopped' or 'moved'
    reason: str
    inventory_address: str
    kbo_address: str


def review(session: Session) -> list[ReviewRow]:
    """Organisations of the inventory (not archived) whose enterprise is stopped or gone from the KBO, or
    whose KBO seat differs from the inventory's address."""
    if session.scalar(select(KboImport.id).limit(1)) is None:
        return []
    rows = []
    gone = {c.enterprise_number: c.detail for c in session.scalars(select(KboChange).where(KboChange.kind == GONE))}
    orgs = session.execute(select(Organisation, KboEnterprise).outerjoin(
        KboEnterprise, KboEnterprise.enterprise_number == Organisation.kbo_number).where(
        Organisation.kbo_number.is_not(None), Organisation.archived.is_(False)).order_by(Organisation.name)).all()
    for org, ent in orgs:
        here = ", ".join(p for p in (org.street, f"{org.postcode} {org.city}".strip()) if p)
        if ent is None:
            if org.kbo_number in gone:
                rows.append(ReviewRow(org.id, org.name, format_kbo(org.kbo_number), GONE, gone[org.kbo_number],
                                      here, ""))
            continue
        there = ", ".join(p for p in (_street(ent), f"{ent.postcode} {ent.city}".strip()) if p)
        if ent.status != ACTIVE:
            rows.append(ReviewRow(org.id, org.name, format_kbo(org.kbo_number), GONE,
                                  "stopgezet volgens de KBO", here, there))
        elif seat_moved(org, ent):
            rows.append(ReviewRow(org.id, org.name, format_kbo(org.kbo_number), "moved",
                                  "de zetel in de KBO is een ander adres", here, there))
    return rows


def seat_moved(org: Organisation, ent: KboEnterprise) -> bool:
    if not ent.postcode:
        return False
    if (org.postcode or "") != ent.postcode:
        return True
    street = fold(ent.street)
    return bool(street) and bool(org.street) and street not in fold(org.street)


def take_over_seat(session: Session, org_id: int) -> tuple[dict, str]:
    """Copy the KBO seat address onto the organisation. Returns (the address before, the new address)."""
    org = session.get(Organisation, org_id)
    ent = session.get(KboEnterprise, org.kbo_number) if org is not None and org.kbo_number else None
    if org is None or ent is None:
        raise ValidationError({"kbo": "Deze organisatie heeft geen onderneming in het KBO-register."})
    before = {"street": org.street, "postcode": org.postcode, "city": org.city, "seat_nis_code": org.seat_nis_code}
    org.street = _street(ent)
    org.postcode = ent.postcode if re.fullmatch(r"[1-9]\d{3}", ent.postcode or "") else ""
    org.city = ent.city[:100]
    org.seat_nis_code = ent.seat_nis_code or _nis_for_postcode(session, org.postcode)
    session.flush()
    return before, f"{org.street}, {org.postcode} {org.city}"


def restore_address(session: Session, org_id: int, address: dict) -> None:
    org = session.get(Organisation, org_id)
    if org is not None:
        for key, value in address.items():
            setattr(org, key, value)
        session.flush()
