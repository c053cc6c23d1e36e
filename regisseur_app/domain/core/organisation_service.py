"""Services for organisations: validate, save, archive, list with filters (all filtering in SQL)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from regisseur_app.domain.core.base import ValidationError
from regisseur_app.domain.core.codelists import ORGANISATION_TYPE, SERVICE_CATEGORY, CodeItem
from regisseur_app.domain.core.municipalities import Municipality
from regisseur_app.domain.core.organisation_list import (  # noqa: F401 - the list lives there, callers import it here
    OrganisationFilter,
    OrganisationRow,
    list_organisations,
)
from regisseur_app.domain.core.organisations import Organisation
from regisseur_app.domain.core.validation import check_no_national_number, format_kbo, normalize_kbo
from regisseur_app.storage.dialect import folded
from regisseur_app.storage.engine import fold

POSTCODE_PATTERN = re.compile(r"[1-9]\d{3}")
WEBSITE_PATTERN = re.compile(r"^(https?://)?[\w-]+(\.[\w-]+)+(:\d+)?(/\S*)?$", re.IGNORECASE)


@dataclass
class OrganisationInput:
    name: str
    type_id: int | None
    kbo_number: str = ""
    street: str = ""
    postcode: str = ""
    city: str = ""
    seat_nis_code: str | None = None
    municipality_codes: list[str] = field(default_factory=list)
    category_ids: list[int] = field(default_factory=list)
    target_group_employees: int | None = None
    website: str = ""
    notes: str = ""
    archived: bool = False


@dataclass(frozen=True)
class Lookups:
    """What validation asks the database, as functions: the importer answers them from memory for 10.000
    rows (reference data and existing organisations read once), the dialog from the database."""

    kbo_owner: Callable[[str], tuple[int, str] | None]  # (id, name) of the organisation with these 10 digits
    is_type: Callable[[int], bool]  # an organisation type (active or not)
    is_municipality: Callable[[str], bool]
    is_category: Callable[[int], bool]  # a service category


def database_lookups(session: Session) -> Lookups:
    def kbo_owner(kbo: str) -> tuple[int, str] | None:
        row = session.execute(select(Organisation.id, Organisation.name).where(Organisation.kbo_number == kbo)).first()
        return None if row is None else (row.id, row.name)

    def item_in(list_name: str) -> Callable[[int], bool]:
        def check(item_id: int) -> bool:
            item = session.get(CodeItem, item_id)
            return item is not None and item.list_name == list_name
        return check

    return Lookups(kbo_owner=kbo_owner, is_type=item_in(ORGANISATION_TYPE),
                   is_municipality=lambda code: session.get(Municipality, code) is not None,
                   is_category=item_in(SERVICE_CATEGORY))


def validate_organisation(session: Session | None, data: OrganisationInput, own_id: int | None = None,
                          lookups: Lookups | None = None) -> dict[str, str]:
    """Dutch messages by field. `lookups` answers what is asked of the database (default: `session`)."""
    look = lookups or database_lookups(session)
    errors: dict[str, str] = {}
    name = (data.name or "").strip()
    if not name:
        errors["name"] = "Vul de naam van de organisatie in."
    elif len(name) > 200:
        errors["name"] = "De naam is te lang (maximaal 200 tekens)."
    if (data.kbo_number or "").strip():
        try:
            kbo = normalize_kbo(data.kbo_number)
        except ValueError as exc:
            errors["kbo_number"] = str(exc)
        else:
            other = look.kbo_owner(kbo)
            if other is not None and other[0] != own_id:
                errors["kbo_number"] = f"KBO-nummer {format_kbo(kbo)} is al gebruikt door '{other[1]}'."
    if not data.type_id or not look.is_type(data.type_id):
        errors["type_id"] = "Kies een type organisatie."
    if data.postcode and not POSTCODE_PATTERN.fullmatch(data.postcode.strip()):
        errors["postcode"] = f"Postcode '{data.postcode}' is geen Belgische postcode (4 cijfers, 1000-9999)."
    if data.seat_nis_code and not look.is_municipality(data.seat_nis_code):
        errors["seat_nis_code"] = f"Onbekende gemeente (NIS-code {data.seat_nis_code})."
    unknown = [code for code in data.municipality_codes if not look.is_municipality(code)]
    if unknown:
        errors["municipality_codes"] = f"Onbekende gemeente(n): {', '.join(unknown)}."
    if not all(look.is_category(item_id) for item_id in data.category_ids):
        errors["category_ids"] = "Een gekozen dienstencategorie bestaat niet meer."
    if data.target_group_employees is not None and not 0 <= data.target_group_employees <= 100_000:
        errors["target_group_employees"] = "Het aantal doelgroepwerknemers moet tussen 0 en 100.000 liggen."
    if data.website and not WEBSITE_PATTERN.match(data.website.strip()):
        errors["website"] = f"'{data.website}' is geen geldig webadres (bv. www.voorbeeld.be)."
    check_no_national_number(
        {"name": data.name, "street": data.street, "city": data.city, "website": data.website, "notes": data.notes},
        errors,
    )
    return errors


def save_organisation(session: Session, data: OrganisationInput, org_id: int | None = None) -> int:
    """Create (org_id None) or update an organisation. Raises ValidationError; returns the id."""
    errors = validate_organisation(session, data, org_id)
    if errors:
        raise ValidationError(errors)
    org = Organisation() if org_id is None else session.get(Organisation, org_id)
    if org is None:
        raise ValidationError({"name": "Deze organisatie bestaat niet meer (verwijderd of teruggezet)."})
    apply_fields(org, data)
    org.municipalities = list(session.scalars(
        select(Municipality).where(Municipality.nis_code.in_(data.municipality_codes))))
    org.categories = list(session.scalars(select(CodeItem).where(CodeItem.id.in_(data.category_ids))))
    if org_id is None:
        session.add(org)
    session.flush()
    return org.id


def apply_fields(org: Organisation, data: OrganisationInput) -> None:
    """Copy the plain (non-relation) fields of validated input onto `org`."""
    for key, value in column_values(data).items():
        setattr(org, key, value)


def column_values(data: OrganisationInput) -> dict[str, object]:
    """The organisation table's plain columns for validated input (the importer inserts these in bulk)."""
    return {
        "name": data.name.strip(),
        "kbo_number": normalize_kbo(data.kbo_number) if (data.kbo_number or "").strip() else None,
        "type_id": data.type_id, "street": data.street.strip(), "postcode": data.postcode.strip(),
        "city": data.city.strip(), "seat_nis_code": data.seat_nis_code or None,
        "target_group_employees": data.target_group_employees, "website": data.website.strip(),
        "notes": data.notes.strip(), "archived": data.archived,
    }


def get_organisation(session: Session, org_id: int) -> OrganisationInput | None:
    org = session.get(Organisation, org_id)
    if org is None:
        return None
    return OrganisationInput(
        name=org.name, type_id=org.type_id, kbo_number=format_kbo(org.kbo_number), street=org.street,
        postcode=org.postcode, city=org.city, seat_nis_code=org.seat_nis_code,
        municipality_codes=sorted(m.nis_code for m in org.municipalities),
        category_ids=sorted(c.id for c in org.categories),
        target_group_employees=org.target_group_employees, website=org.website, notes=org.notes,
        archived=org.archived,
    )


def set_archived(session: Session, org_ids: list[int], archived: bool) -> int:
    """Archive (or bring back) organisations. Returns how many changed."""
    changed = 0
    for org in session.scalars(select(Organisation).where(Organisation.id.in_(org_ids))):
        if org.archived != archived:
            org.archived = archived
            changed += 1
    return changed


def find_by_kbo(session: Session, kbo_digits: str) -> int | None:
    return session.scalar(select(Organisation.id).where(Organisation.kbo_number == kbo_digits))


def find_by_name(session: Session, name: str) -> int | None:
    """An organisation with this name, compared without case and accents."""
    wanted = fold(name)
    if not wanted:
        return None
    return session.scalar(select(Organisation.id).where(folded(Organisation.name) == wanted).limit(1))


def count_organisations(session: Session, archived: bool = False) -> int:
    return session.scalar(select(func.count()).select_from(Organisation).where(Organisation.archived.is_(archived)))


def known_target_group_employees(session: Session) -> int:
    """The sum of the target-group employees known for the active organisations (unknown ones left out)."""
    return session.scalar(select(func.coalesce(func.sum(Organisation.target_group_employees), 0))
                          .where(Organisation.archived.is_(False))) or 0
