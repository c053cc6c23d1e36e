"""Statistics of events, per event and per year, and broken down by municipality and organisation type.

Definitions (also in the statistics view):
- uitgenodigd: every participant of the event (whatever the status now);
- ingeschreven: who registered: status ingeschreven, aanwezig or niet opgedaagd (wachtlijst and
  afgemeld are not counted);
- aanwezig: status aanwezig;
- opkomst: aanwezig / ingeschreven, over the events that have already started (an event still to come
  has no attendance yet, so it has no rate and does not lower the rate of the year).
A contact active in several municipalities counts once in each of them; without a municipality, the
seat of the contact's organisation is used, else "Onbekend".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from regisseur_app.domain.core.organisations import Contact, Organisation
from regisseur_app.domain.events.models import CANCELLED, HAS_REGISTERED, PRESENT, Event, EventParticipant
from regisseur_app.formatting import format_number

UNKNOWN_MUNICIPALITY = "Onbekend"
NO_ORGANISATION = "Geen organisatie"


@dataclass(frozen=True)
class Counts:
    label: str
    invited: int
    registered: int
    present: int
    event_id: int | None = None
    starts_at: datetime | None = None
    registered_started: int | None = None  # registered at events that have started (base of the rate)

    @property
    def rate(self) -> float | None:
        base = self.registered if self.registered_started is None else self.registered_started
        return None if not base else self.present / base

    @property
    def rate_text(self) -> str:
        return "" if self.rate is None else f"{format_number(self.rate * 100, 1)} %"


def event_counts(session: Session, event_id: int, now: datetime | None = None) -> Counts:
    event = session.get(Event, event_id)
    return _tally(event.title, _participants(session, [event_id]), _started(session, [event_id], now), event_id,
                  event.starts_at)


def year_events(session: Session, year: int, now: datetime | None = None) -> list[Counts]:
    """Counts per event of the year (cancelled events left out), in date order."""
    events = list(session.scalars(select(Event).where(
        Event.starts_at >= datetime(year, 1, 1), Event.starts_at < datetime(year + 1, 1, 1),
        Event.status != CANCELLED).order_by(Event.starts_at)))
    rows = _participants(session, [e.id for e in events])
    started = _started(session, [e.id for e in events], now)
    return [_tally(e.title, [p for p in rows if p.event_id == e.id], started, e.id, e.starts_at) for e in events]


def year_total(session: Session, year: int, now: datetime | None = None) -> Counts:
    per_event = year_events(session, year, now)
    return Counts(f"Totaal {year}", sum(c.invited for c in per_event), sum(c.registered for c in per_event),
                  sum(c.present for c in per_event),
                  registered_started=sum(c.registered_started or 0 for c in per_event))


def breakdown(session: Session, event_ids: list[int], by: str, now: datetime | None = None) -> list[Counts]:
    """Counts per municipality (by='municipality') or per organisation type (by='organisation_type')."""
    groups: dict[str, list[EventParticipant]] = {}
    for p in _participants(session, event_ids):
        for label in (_municipalities(p.contact) if by == "municipality" else [_org_type(p.contact)]):
            groups.setdefault(label, []).append(p)
    started = _started(session, event_ids, now)
    return [_tally(label, rows, started) for label, rows in sorted(groups.items(), key=lambda kv: kv[0].casefold())]


def _started(session: Session, event_ids: list[int], now: datetime | None) -> set[int]:
    if not event_ids:
        return set()
    return set(session.scalars(select(Event.id).where(Event.id.in_(event_ids),
                                                      Event.starts_at <= (now or datetime.now()))))


def _participants(session: Session, event_ids: list[int]) -> list[EventParticipant]:
    if not event_ids:
        return []
    return list(session.scalars(
        select(EventParticipant).where(EventParticipant.event_id.in_(event_ids))
        .options(selectinload(EventParticipant.contact).selectinload(Contact.municipalities),
                 selectinload(EventParticipant.contact).selectinload(Contact.organisation)
                 .selectinload(Organisation.type),
                 selectinload(EventParticipant.contact).selectinload(Contact.organisation)
                 .selectinload(Organisation.seat))))


def _tally(label: str, rows: list[EventParticipant], started: set[int], event_id: int | None = None,
           starts_at: datetime | None = None) -> Counts:
    return Counts(label, len(rows), sum(p.status in HAS_REGISTERED for p in rows),
                  sum(p.status == PRESENT for p in rows), event_id, starts_at,
                  sum(p.status in HAS_REGISTERED and p.event_id in started for p in rows))


def _municipalities(contact: Contact) -> list[str]:
    names = sorted(m.name for m in contact.municipalities)
    if names:
        return names
    if contact.organisation is not None and contact.organisation.seat is not None:
        return [contact.organisation.seat.name]
    return [UNKNOWN_MUNICIPALITY]


def _org_type(contact: Contact) -> str:
    return contact.organisation.type.label if contact.organisation is not None else NO_ORGANISATION
