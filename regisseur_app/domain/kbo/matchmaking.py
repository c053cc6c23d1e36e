"""Matchmaking with the regular economy (seed 003, 4.2): regular companies per sector and municipality, as
a list to export or to invite to an event at their public e-mail address.

An invitation goes to a contact (the events module invites contacts). A company is not a person, so the
invitation creates - once - an organisation of type 'Reguliere onderneming' with the KBO data and a contact
that is clearly marked as the company's general address ("… (algemeen adres)", function "Algemeen
e-mailadres uit de KBO"), never a named person. A second invitation reuses both."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from regisseur_app.domain.analysis.inventory import social_economy_type_ids
from regisseur_app.domain.core.base import ValidationError
from regisseur_app.domain.core.organisations import Contact, Organisation
from regisseur_app.domain.core.validation import is_valid_email
from regisseur_app.domain.events import participants
from regisseur_app.domain.kbo.candidates import candidate_query
from regisseur_app.domain.kbo.inventory_link import add_to_inventory, default_type_id
from regisseur_app.domain.kbo.models import KboEnterprise
from regisseur_app.domain.kbo.queries import EnterpriseFilter

REGULAR_TYPE = "regulier"
CONTACT_SUFFIX = " (algemeen adres)"
CONTACT_FUNCTION = "Algemeen e-mailadres uit de KBO"
CONTACT_NOTE = ("Geen persoon: het openbare e-mailadres van de onderneming uit KBO Open Data, aangemaakt om de "
                "onderneming uit te nodigen voor een evenement.")


def regular_filter(session: Session, base: EnterpriseFilter) -> EnterpriseFilter:
    """`base` without the SE candidates and without the inventory's social-economy organisations."""
    se_numbers = select(Organisation.kbo_number).where(
        Organisation.kbo_number.is_not(None), Organisation.type_id.in_(sorted(social_economy_type_ids(session))))
    base.exclude_numbers = [*base.exclude_numbers, candidate_query(session), se_numbers]
    return base


@dataclass
class CompanyInvites:
    result: participants.InviteResult
    organisations_created: int = 0
    contacts_created: int = 0
    without_email: list[str] = field(default_factory=list)

    def message(self) -> str:
        text = self.result.message()
        if self.without_email:
            text += (f" Zonder (geldig) openbaar e-mailadres, niet uitgenodigd: {', '.join(self.without_email)}.")
        if self.organisations_created or self.contacts_created:
            text += (f" Nieuw in de inventaris: {self.organisations_created} reguliere onderneming(en) en "
                     f"{self.contacts_created} algemeen contactadres(sen).")
        return text


def company_contact(session: Session, ent: KboEnterprise) -> tuple[int, bool, bool]:
    """(contact id, organisation created, contact created) for a company's public e-mail address."""
    org_id = session.scalar(select(Organisation.id).where(Organisation.kbo_number == ent.enterprise_number))
    org_created = org_id is None
    if org_id is None:
        org_id = add_to_inventory(session, ent.enterprise_number, default_type_id(session, REGULAR_TYPE), [])
    contact_id = session.scalar(select(Contact.id).where(Contact.organisation_id == org_id,
                                                         Contact.email == ent.email).limit(1))
    if contact_id is not None:
        return contact_id, org_created, False
    contact = Contact(name=(ent.name[:200 - len(CONTACT_SUFFIX)] + CONTACT_SUFFIX), function=CONTACT_FUNCTION,
                      organisation_id=org_id, email=ent.email, phone=ent.phone[:30] if ent.phone else "",
                      notes=CONTACT_NOTE, archived=False)
    session.add(contact)
    session.flush()
    return contact.id, org_created, True


def invite_companies(session: Session, event_id: int, numbers: list[str]) -> CompanyInvites:
    if not numbers:
        raise ValidationError({"companies": "Kies eerst een of meer ondernemingen."})
    contact_ids, orgs, contacts, without = [], 0, 0, []
    for number in dict.fromkeys(numbers):
        ent = session.get(KboEnterprise, number)
        if ent is None:
            continue
        if not ent.email or not is_valid_email(ent.email):
            without.append(ent.name)
            continue
        contact_id, org_created, contact_created = company_contact(session, ent)
        contact_ids.append(contact_id)
        orgs += org_created
        contacts += contact_created
    result = participants.invite_contacts(session, event_id, contact_ids) if contact_ids else \
        participants.InviteResult()
    return CompanyInvites(result, orgs, contacts, without)
