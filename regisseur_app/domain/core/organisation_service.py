"""Services for organisations: validate, save, archive, list with filters (all filtering in SQL)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, fields

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
from regisseur_app.domain.core.validation import (
    NATIONAL_NUMBER_MESSAGE,
    find_national_numbers,
    format_kbo,
    normalize_kbo,
)
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
    return validate_organisations({key: [getattr(data, key)] for key in CHECKED}, [own_id], look).get(0, {})


CHECKED = ("name", "kbo_number", "type_id", "postcode", "seat_nis_code", "municipality_codes", "category_ids",
           "target_group_employees", "website", "street", "city", "notes")  # what validate_organisations reads
_PRIVATE = ("name", "street", "city", "website", "notes")  # free text: no national number in it


def validate_organisations(columns: Mapping[str, Sequence], own_ids: Sequence[int | None],
                           look: Lookups) -> dict[int, dict[str, str]]:
    """validate_organisation of many rows at once, one rule at a time over a column (an import checks 10.000 rows
    so): {row index: its messages by field, in the order validate_organisation gives them} for the rows with
    errors. `columns` maps each attribute of CHECKED to its values by row; `own_ids` the organisation each row
    is (or None)."""
    errors: dict[int, dict[str, str]] = defaultdict(dict)
    names = columns["name"]
    if not _all_names_fit(names):
        for i, value in enumerate(names):
            if not value or not 0 < len(value.strip()) <= 200:
                errors[i]["name"] = ("De naam is te lang (maximaal 200 tekens)." if value and value.strip()
                                     else "Vul de naam van de organisatie in.")
    for i in _failing(columns["kbo_number"], lambda text: bool((text or "").strip())):
        try:
            kbo = normalize_kbo(columns["kbo_number"][i])
        except ValueError as exc:
            errors[i]["kbo_number"] = str(exc)
        else:
            other = look.kbo_owner(kbo)
            if other is not None and other[0] != own_ids[i]:
                errors[i]["kbo_number"] = f"KBO-nummer {format_kbo(kbo)} is al gebruikt door '{other[1]}'."
    for i in _failing(columns["type_id"], lambda type_id: not type_id or not look.is_type(type_id)):
        errors[i]["type_id"] = "Kies een type organisatie."
    postcodes = columns["postcode"]
    for i in _failing(postcodes, lambda code: bool(code) and not POSTCODE_PATTERN.fullmatch(code.strip())):
        errors[i]["postcode"] = f"Postcode '{postcodes[i]}' is geen Belgische postcode (4 cijfers, 1000-9999)."
    seats = columns["seat_nis_code"]
    for i in _failing(seats, lambda code: bool(code) and not look.is_municipality(code)):
        errors[i]["seat_nis_code"] = f"Onbekende gemeente (NIS-code {seats[i]})."
    is_municipality, is_category = look.is_municipality, look.is_category
    for i, codes in _filled(columns["municipality_codes"]):
        if not all(map(is_municipality, codes)):
            unknown = [code for code in codes if not is_municipality(code)]
            errors[i]["municipality_codes"] = f"Onbekende gemeente(n): {', '.join(unknown)}."
    for i, ids in _filled(columns["category_ids"]):
        if not all(map(is_category, ids)):
            errors[i]["category_ids"] = "Een gekozen dienstencategorie bestaat niet meer."
    for i in _failing(columns["target_group_employees"], lambda number: number is not None
                      and not 0 <= number <= 100_000):
        errors[i]["target_group_employees"] = "Het aantal doelgroepwerknemers moet tussen 0 en 100.000 liggen."
    websites = columns["website"]
    if not _all_websites(websites):
        for i in _failing(websites, lambda text: bool(text) and not WEBSITE_PATTERN.match(text.strip())):
            errors[i]["website"] = f"'{websites[i]}' is geen geldig webadres (bv. www.voorbeeld.be)."
    for key in _PRIVATE:  # check_no_national_number, a column at a time
        for i, found in find_national_numbers(columns[key]).items():
            if key not in errors.get(i, ()):
                errors[i][key] = "Dit veld " + NATIONAL_NUMBER_MESSAGE.format(found)
    return dict(errors)


def _all_names_fit(names: Sequence[str | None]) -> bool:
    """True when every name is filled in (not only spaces) and at most 200 characters: a pass over the column in C
    (an import's 10.000 names); only otherwise is each name looked at."""
    try:
        return all(map(str.strip, names)) and max(map(len, names), default=0) <= 200
    except TypeError:  # a None among them
        return False


def _filled(values: Sequence[list]) -> list[tuple[int, list]]:
    """(index, value) of the non-empty lists in a column (most rows of an import have none)."""
    if not any(values):
        return []
    return [(i, value) for i, value in enumerate(values) if value]


# WEBSITE_PATTERN for many lines at once: every line one web address (no part of it matches a line break)
_ONE_WEBSITE = WEBSITE_PATTERN.pattern.removeprefix("^").removesuffix("$")
_WEBSITES = re.compile(f"(?:{_ONE_WEBSITE}\n)*{_ONE_WEBSITE}", WEBSITE_PATTERN.flags)


def _all_websites(websites: Sequence[str]) -> bool:
    """True when every filled-in address matches WEBSITE_PATTERN: one search per 500 of them, one per line (more
    lines to a search make the regex engine's backtracking stack, and its first allocation, grow)."""
    filled = [text.strip() for text in websites if text]
    for at in range(0, len(filled), 500):
        lines = filled[at:at + 500]
        joined = "\n".join(lines)
        if joined.count("\n") != len(lines) - 1 or _WEBSITES.fullmatch(joined) is None:
            return False
    return True


def _failing(values: Sequence, bad: Callable[[object], bool]) -> list[int]:
    """The indices of the values for which bad(value) holds, each distinct value asked once."""
    verdict = {value: bad(value) for value in set(values)}
    return [i for i, value in enumerate(values) if verdict[value]] if any(verdict.values()) else []


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
    """The organisation table's plain columns for validated input."""
    return dict(zip(PLAIN, plain_rows({key: [getattr(data, key)] for key in INPUT})[0], strict=True))


INPUT = tuple(f.name for f in fields(OrganisationInput))
PLAIN = ("name", "kbo_number", "type_id", "street", "postcode", "city", "seat_nis_code", "target_group_employees",
         "website", "notes", "archived")  # the organisation table's plain columns, in the order of plain_rows


def plain_rows(columns: Mapping[str, Sequence]) -> list[tuple]:
    """column_values of validated rows given by column (OrganisationInput's attributes -> values by row), as tuples
    in the order of PLAIN."""
    return list(zip(*plain_columns(columns), strict=True))


def plain_columns(columns: Mapping[str, Sequence]) -> list[list]:
    """plain_rows by column, in the order of PLAIN: what the importer inserts in bulk."""
    return [
        list(map(str.strip, columns["name"])),
        [normalize_kbo(kbo) if kbo and kbo.strip() else None for kbo in columns["kbo_number"]],
        list(columns["type_id"]),
        *(list(map(str.strip, columns[key])) for key in ("street", "postcode", "city")),
        [code or None for code in columns["seat_nis_code"]],
        list(columns["target_group_employees"]),
        *(list(map(str.strip, columns[key])) for key in ("website", "notes")),
        list(columns["archived"]),
    ]


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
