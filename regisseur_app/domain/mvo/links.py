"""What an organisation got out of the MVO network: the MVO events its people attended (event type code
'mvo_event' of the event_type code list) and the follow-up actions linked to the organisation."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from regisseur_app.domain.core.codelists import CodeItem
from regisseur_app.domain.core.organisations import Contact
from regisseur_app.domain.events.models import (
    ACTION_STATUSES,
    PRESENT,
    Event,
    EventParticipant,
    FollowUpAction,
    action_organisation,
)

MVO_EVENT_TYPE = "mvo_event"


@dataclass(frozen=True)
class AttendedEvent:
    event_id: int
    title: str
    starts_at: datetime
    people: int  # how many of the organisation's contacts were present


@dataclass(frozen=True)
class LinkedAction:
    id: int
    event_title: str
    description: str
    due_date: date | None
    status_label: str


def attended_mvo_events(session: Session, organisation_id: int, year: int | None = None) -> list[AttendedEvent]:
    query = (select(Event.id, Event.title, Event.starts_at, EventParticipant.id)
             .join(EventParticipant, EventParticipant.event_id == Event.id)
             .join(Contact, Contact.id == EventParticipant.contact_id)
             .join(CodeItem, CodeItem.id == Event.type_id)
             .where(Contact.organisation_id == organisation_id, EventParticipant.status == PRESENT,
                    CodeItem.code == MVO_EVENT_TYPE)
             .order_by(Event.starts_at))
    counts: dict[int, list] = {}
    for event_id, title, starts_at, _participant in session.execute(query):
        if year is not None and starts_at.year != year:
            continue
        counts.setdefault(event_id, [title, starts_at, 0])[2] += 1
    return [AttendedEvent(k, v[0], v[1], v[2]) for k, v in counts.items()]


def attended_any_mvo_event(session: Session, organisation_ids: list[int], year: int) -> set[int]:
    """Which of the organisations had a contact present at an MVO event in `year`: one query for what
    `attended_mvo_events(session, organisation_id, year)` tells per organisation (non-empty or not)."""
    if not organisation_ids:
        return set()
    query = (select(Contact.organisation_id, Event.starts_at)
             .join(EventParticipant, EventParticipant.contact_id == Contact.id)
             .join(Event, Event.id == EventParticipant.event_id)
             .join(CodeItem, CodeItem.id == Event.type_id)
             .where(Contact.organisation_id.in_(organisation_ids), EventParticipant.status == PRESENT,
                    CodeItem.code == MVO_EVENT_TYPE))
    return {organisation_id for organisation_id, starts_at in session.execute(query) if starts_at.year == year}


def mvo_actions(session: Session, organisation_id: int) -> list[LinkedAction]:
    """Follow-up actions of MVO events that are linked to the organisation."""
    query = (select(FollowUpAction, Event.title)
             .join(Event, Event.id == FollowUpAction.event_id)
             .join(CodeItem, CodeItem.id == Event.type_id)
             .join(action_organisation, action_organisation.c.action_id == FollowUpAction.id)
             .where(action_organisation.c.organisation_id == organisation_id, CodeItem.code == MVO_EVENT_TYPE)
             .order_by(Event.starts_at, FollowUpAction.id))
    return [LinkedAction(a.id, title, a.description, a.due_date, ACTION_STATUSES.get(a.status, a.status))
            for a, title in session.execute(query)]
