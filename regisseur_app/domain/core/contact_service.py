"""Services for contacts: validate, save, archive, list with filters."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from regisseur_app.domain.core.base import ValidationError
from regisseur_app.domain.core.common import unknown_municipalities
from regisseur_app.domain.core.contact_list import (  # noqa: F401 - the list lives there, callers import it here
    ContactFilter,
    ContactRow,
    list_contacts,
)
from regisseur_app.domain.core.municipalities import Municipality
from regisseur_app.domain.core.organisations import Contact, Organisation
from regisseur_app.domain.core.validation import check_no_national_number, is_valid_email, is_valid_phone
from regisseur_app.storage.dialect import folded
from regisseur_app.storage.engine import fold


@dataclass
class ContactInput:
    name: str
    function: str = ""
    organisation_id: int | None = None
    email: str = ""
    phone: str = ""
    municipality_codes: list[str] = field(default_factory=list)
    notes: str = ""
    archived: bool = False
    no_invitations: bool = False   # "geen uitnodigingen": left out of (bulk) invitations


def surname_key(name: str) -> str:
    """Sort people on their last name, as a list of people is read: 'Jan Peeters' under P, 'An Van den
    Broeck' under V (the first word is taken as the first name). A string, so Qt's sort can compare it."""
    words = (name or "").split()
    return fold(" ".join(words[1:])) + "\t" + (fold(words[0]) if words else "")


def validate_contact(session: Session, data: ContactInput) -> dict[str, str]:
    errors: dict[str, str] = {}
    name = (data.name or "").strip()
    if not name:
        errors["name"] = "Vul de naam van de contactpersoon in."
    elif len(name) > 200:
        errors["name"] = "De naam is te lang (maximaal 200 tekens)."
    if data.email.strip() and not is_valid_email(data.email):
        errors["email"] = f"'{data.email}' is geen geldig e-mailadres (bv. naam@organisatie.be)."
    if data.phone.strip() and not is_valid_phone(data.phone):
        errors["phone"] = f"'{data.phone}' is geen geldig telefoonnummer (bv. 016 12 34 56 of +32 470 12 34 56)."
    if data.organisation_id is not None and session.get(Organisation, data.organisation_id) is None:
        errors["organisation_id"] = "De gekozen organisatie bestaat niet meer."
    unknown = unknown_municipalities(session, data.municipality_codes)
    if unknown:
        errors["municipality_codes"] = f"Onbekende gemeente(n): {', '.join(unknown)}."
    check_no_national_number({"name": data.name, "function": data.function, "email": data.email,
                              "phone": data.phone, "notes": data.notes}, errors)
    return errors


def save_contact(session: Session, data: ContactInput, contact_id: int | None = None) -> int:
    errors = validate_contact(session, data)
    if errors:
        raise ValidationError(errors)
    contact = Contact() if contact_id is None else session.get(Contact, contact_id)
    if contact is None:
        raise ValidationError({"name": "Deze contactpersoon bestaat niet meer."})
    apply_fields(contact, data)
    contact.no_invitations = data.no_invitations
    contact.municipalities = list(session.scalars(
        select(Municipality).where(Municipality.nis_code.in_(data.municipality_codes))))
    if contact_id is None:
        session.add(contact)
    session.flush()
    return contact.id


def apply_fields(contact: Contact, data: ContactInput) -> None:
    """Copy the plain (non-relation) fields of validated input onto `contact`; shared with the importer."""
    contact.name = data.name.strip()
    contact.function = data.function.strip()
    contact.organisation_id = data.organisation_id
    contact.email = data.email.strip().lower()
    contact.phone = data.phone.strip()
    contact.notes = data.notes.strip()
    contact.archived = data.archived


def get_contact(session: Session, contact_id: int) -> ContactInput | None:
    c = session.get(Contact, contact_id)
    if c is None:
        return None
    return ContactInput(name=c.name, function=c.function, organisation_id=c.organisation_id, email=c.email,
                        phone=c.phone, municipality_codes=sorted(m.nis_code for m in c.municipalities),
                        notes=c.notes, archived=c.archived, no_invitations=c.no_invitations)


def set_contacts_archived(session: Session, contact_ids: list[int], archived: bool) -> int:
    changed = 0
    for contact in session.scalars(select(Contact).where(Contact.id.in_(contact_ids))):
        if contact.archived != archived:
            contact.archived = archived
            changed += 1
    return changed


ERASED_NAME = "Verwijderde contactpersoon"


def erase_contacts(session: Session, contact_ids: list[int]) -> list[str]:
    """Delete contact persons at their request: every personal field is emptied and cannot be brought back.
    The row stays, anonymous and hidden from every list, so the events they took part in keep their
    numbers (statistics, yearly obligations). Returns the names that were erased."""
    names = []
    for contact in session.scalars(select(Contact).where(Contact.id.in_(contact_ids), Contact.erased.is_(False))):
        names.append(contact.name)
        contact.name = ERASED_NAME
        contact.function = contact.email = contact.phone = contact.notes = ""
        contact.municipalities = []
        contact.archived = contact.erased = contact.no_invitations = True
    session.flush()
    return names


def find_contact(session: Session, name: str, email: str, organisation_id: int | None) -> int | None:
    """An existing contact with the same e-mail, or else the same name at the same organisation."""
    if email.strip():
        found = session.scalar(select(Contact.id).where(Contact.email == email.strip().lower(),
                                                        Contact.erased.is_(False)).limit(1))
        if found is not None:
            return found
    return session.scalar(select(Contact.id).where(
        folded(Contact.name) == fold(name), Contact.organisation_id.is_(organisation_id),
        Contact.erased.is_(False)).limit(1))


def count_contacts(session: Session, archived: bool = False) -> int:
    return session.scalar(select(func.count()).select_from(Contact).where(Contact.archived.is_(archived),
                                                                          Contact.erased.is_(False)))
