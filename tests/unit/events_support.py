"""Helpers for the event tests: build organisations, contacts and events through the services."""

from __future__ import annotations

from datetime import datetime

from regisseur_app.domain.core import codelists
from regisseur_app.domain.core.contact_service import ContactInput, save_contact
from regisseur_app.domain.core.organisation_service import OrganisationInput, save_organisation
from regisseur_app.domain.events.service import EventInput, save_event


def type_id(session, list_name: str, code: str) -> int:
    return next(i.id for i in codelists.list_items(session, list_name, include_inactive=True) if i.code == code)


def org(session, name: str, type_code: str, seat: str | None = None, active: list[str] | None = None) -> int:
    return save_organisation(session, OrganisationInput(
        name=name, type_id=type_id(session, codelists.ORGANISATION_TYPE, type_code), seat_nis_code=seat,
        municipality_codes=active or []))


def contact(session, name: str, org_id: int | None = None, function: str = "", email: str | None = None,
            municipalities: list[str] | None = None, archived: bool = False) -> int:
    if email is None:
        email = name.lower().replace(" ", ".") + "@test.example"
    return save_contact(session, ContactInput(name=name, function=function, organisation_id=org_id, email=email,
                                              municipality_codes=municipalities or [], archived=archived))


def event(session, title: str = "Netwerkevent", type_code: str = "netwerkevent",
          start: datetime = datetime(2026, 6, 18, 14), end: datetime | None = None, capacity: int | None = None,
          status: str = "gepland", municipalities: list[str] | None = None, location: str = "Zaal De Wip") -> int:
    return save_event(session, EventInput(
        title=title, type_id=type_id(session, codelists.EVENT_TYPE, type_code), starts_at=start,
        ends_at=end or start.replace(hour=start.hour + 3), location=location, capacity=capacity, status=status,
        municipality_codes=municipalities or []))
