"""Choosing contacts to invite in bulk: by organisation type, municipality and function text."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from regisseur_app.domain.core.common import escape_like
from regisseur_app.domain.core.organisations import (
    Contact,
    Organisation,
    contact_municipality,
    organisation_municipality,
)
from regisseur_app.domain.events.models import EventParticipant
from regisseur_app.storage.dialect import folded
from regisseur_app.storage.engine import fold


@dataclass
class InviteFilter:
    organisation_type_ids: list[int] = field(default_factory=list)
    nis_codes: list[str] = field(default_factory=list)   # contact or its organisation active there
    function_text: str = ""                              # part of the function, e.g. "schepen"
    text: str = ""                                       # name, e-mail or organisation
    only_with_email: bool = False


@dataclass(frozen=True)
class Candidate:
    id: int
    name: str
    function: str
    organisation: str
    organisation_type: str
    email: str
    municipalities: str
    already_invited: bool


def find_candidates(session: Session, event_id: int | None, filt: InviteFilter) -> list[Candidate]:
    """Active (not archived) contacts who accept invitations ("geen uitnodigingen" not set) matching every given criterion; marks who is already invited."""
    query = (select(Contact).options(selectinload(Contact.organisation).selectinload(Organisation.type),
                                     selectinload(Contact.municipalities))
             .outerjoin(Organisation, Contact.organisation_id == Organisation.id)
             .where(Contact.archived.is_(False), Contact.no_invitations.is_(False))
             .order_by(folded(Contact.name)))
    if filt.organisation_type_ids:
        query = query.where(Organisation.type_id.in_(filt.organisation_type_ids), Organisation.archived.is_(False))
    if filt.nis_codes:
        of_contact = select(contact_municipality.c.contact_id).where(contact_municipality.c.nis_code.in_(filt.nis_codes))
        of_org = select(organisation_municipality.c.organisation_id).where(
            organisation_municipality.c.nis_code.in_(filt.nis_codes))
        query = query.where(or_(Contact.id.in_(of_contact), Contact.organisation_id.in_(of_org),
                                Organisation.seat_nis_code.in_(filt.nis_codes)))
    function = fold(filt.function_text)
    if function:
        query = query.where(folded(Contact.function).like(f"%{escape_like(function)}%", escape="\\"))
    text = fold(filt.text)
    if text:
        like = f"%{escape_like(text)}%"
        query = query.where(or_(*(folded(col).like(like, escape="\\")
                                  for col in (Contact.name, Contact.email, Organisation.name))))
    if filt.only_with_email:
        query = query.where(Contact.email != "")
    invited: set[int] = set()
    if event_id is not None:
        invited = set(session.scalars(select(EventParticipant.contact_id).where(EventParticipant.event_id == event_id)))
    return [Candidate(
        id=c.id, name=c.name, function=c.function, organisation=c.organisation.name if c.organisation else "",
        organisation_type=c.organisation.type.label if c.organisation else "", email=c.email,
        municipalities=", ".join(sorted(m.name for m in c.municipalities)), already_invited=c.id in invited)
        for c in session.scalars(query)]
