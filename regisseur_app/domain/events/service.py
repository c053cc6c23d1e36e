"""Services for events: validate, save, copy as template, change status, delete, list with filters."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import NamedTuple

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, selectinload

from regisseur_app.domain.core.base import ValidationError
from regisseur_app.domain.core.codelists import EVENT_AUDIENCE, EVENT_TYPE, CodeItem
from regisseur_app.domain.core.common import escape_like, unknown_municipalities
from regisseur_app.domain.core.municipalities import Municipality
from regisseur_app.domain.core.organisations import Organisation
from regisseur_app.domain.core.validation import check_no_national_number
from regisseur_app.domain.events.models import (
    CANCELLED,
    CONCEPT,
    EVENT_STATUSES,
    EVENT_TRANSITIONS,
    FINISHED,
    NO_SHOW,
    PRESENT,
    REGISTERED,
    SEATED,
    Event,
    EventParticipant,
    event_municipality,
)
from regisseur_app.formatting import format_date, format_number
from regisseur_app.storage.dialect import folded, year_of
from regisseur_app.storage.engine import fold

UID_DOMAIN = "regisseur.local"
MAX_CAPACITY = 100_000


@dataclass
class EventInput:
    title: str
    type_id: int | None
    starts_at: datetime | None
    ends_at: datetime | None
    location: str = ""
    description: str = ""
    audience_ids: list[int] = field(default_factory=list)
    municipality_codes: list[str] = field(default_factory=list)
    partner_ids: list[int] = field(default_factory=list)
    capacity: int | None = None
    status: str = CONCEPT
    report: str = ""


class EventRow(NamedTuple):
    id: int
    title: str
    type_label: str
    starts_at: datetime
    ends_at: datetime
    location: str
    municipalities: str
    capacity: int | None
    status: str
    status_label: str
    invited: int
    seated: int
    present: int

    @property
    def capacity_text(self) -> str:
        return "" if self.capacity is None else format_number(self.capacity)


@dataclass
class EventFilter:
    text: str = ""
    when: str = "all"  # "upcoming", "past" or "all"
    year: int | None = None
    type_id: int | None = None
    nis_code: str | None = None
    include_cancelled: bool = True
    now: datetime | None = None  # for tests; default datetime.now()


def validate_event(session: Session, data: EventInput, own_id: int | None = None) -> dict[str, str]:
    errors: dict[str, str] = {}
    title = (data.title or "").strip()
    if not title:
        errors["title"] = "Vul de titel van het evenement in."
    elif len(title) > 200:
        errors["title"] = "De titel is te lang (maximaal 200 tekens)."
    item = session.get(CodeItem, data.type_id) if data.type_id else None
    if item is None or item.list_name != EVENT_TYPE:
        errors["type_id"] = "Kies een soort evenement."
    if data.starts_at is None:
        errors["starts_at"] = "Vul de begindatum en -tijd in."
    if data.ends_at is None:
        errors["ends_at"] = "Vul de einddatum en -tijd in."
    elif data.starts_at is not None and data.ends_at <= data.starts_at:
        errors["ends_at"] = (f"Het einde ({_when(data.ends_at)}) ligt niet na het begin ({_when(data.starts_at)}). "
                             "Controleer de datum en het uur.")
    if len(data.location or "") > 300:
        errors["location"] = "De locatie is te lang (maximaal 300 tekens)."
    if data.capacity is not None:
        if not 1 <= data.capacity <= MAX_CAPACITY:
            errors["capacity"] = "De capaciteit moet tussen 1 en 100.000 liggen (leeg = onbeperkt)."
        elif own_id is not None:
            seated = _count(session, own_id, SEATED)
            if data.capacity < seated:
                errors["capacity"] = (f"Er zijn al {seated} deelnemers ingeschreven of aanwezig; de capaciteit kan "
                                      f"niet lager dan {seated}. Meld eerst deelnemers af of verhoog de capaciteit.")
    if data.status not in EVENT_STATUSES:
        errors["status"] = "Kies een geldige status."
    elif own_id is not None:
        current = session.scalar(select(Event.status).where(Event.id == own_id))
        if current and data.status != current and data.status not in EVENT_TRANSITIONS[current]:
            errors["status"] = (f"Een evenement met status '{EVENT_STATUSES[current]}' kan niet rechtstreeks naar "
                                f"'{EVENT_STATUSES[data.status]}'.")
    if data.status == FINISHED and data.starts_at is not None and data.starts_at > datetime.now():
        errors["status"] = "Een evenement dat nog moet beginnen kan niet 'Afgelopen' zijn."
    unknown = unknown_municipalities(session, data.municipality_codes)
    if unknown:
        errors["municipality_codes"] = f"Onbekende gemeente(n): {', '.join(unknown)}."
    if data.audience_ids:
        found = set(session.scalars(select(CodeItem.id).where(CodeItem.id.in_(data.audience_ids),
                                                             CodeItem.list_name == EVENT_AUDIENCE)))
        if found != set(data.audience_ids):
            errors["audience_ids"] = "Een gekozen doelgroep bestaat niet meer."
    if data.partner_ids:
        found = set(session.scalars(select(Organisation.id).where(Organisation.id.in_(data.partner_ids))))
        if found != set(data.partner_ids):
            errors["partner_ids"] = "Een gekozen partnerorganisatie bestaat niet meer."
    check_no_national_number({"title": data.title, "location": data.location, "description": data.description,
                              "report": data.report}, errors)
    return errors


def save_event(session: Session, data: EventInput, event_id: int | None = None) -> int:
    """Create (event_id None) or update an event. Raises ValidationError; returns the id."""
    errors = validate_event(session, data, event_id)
    if errors:
        raise ValidationError(errors)
    event = Event(uid=f"{uuid.uuid4()}@{UID_DOMAIN}") if event_id is None else session.get(Event, event_id)
    if event is None:
        raise ValidationError({"title": "Dit evenement bestaat niet meer."})
    if event_id is not None and (event.starts_at, event.ends_at, event.location) != (
            data.starts_at, data.ends_at, data.location.strip()):
        event.ics_sequence = (event.ics_sequence or 0) + 1  # calendars replace the older version
    event.title = data.title.strip()
    event.type_id = data.type_id
    event.starts_at = data.starts_at.replace(second=0, microsecond=0)
    event.ends_at = data.ends_at.replace(second=0, microsecond=0)
    event.location = data.location.strip()
    event.description = data.description.strip()
    event.capacity = data.capacity
    event.status = data.status
    event.report = data.report.strip()
    event.audiences = list(session.scalars(select(CodeItem).where(CodeItem.id.in_(data.audience_ids))))
    event.municipalities = list(session.scalars(
        select(Municipality).where(Municipality.nis_code.in_(data.municipality_codes))))
    event.partners = list(session.scalars(select(Organisation).where(Organisation.id.in_(data.partner_ids))))
    if event_id is None:
        session.add(event)
    session.flush()
    return event.id


def get_event(session: Session, event_id: int) -> EventInput | None:
    e = session.get(Event, event_id)
    if e is None:
        return None
    return EventInput(
        title=e.title, type_id=e.type_id, starts_at=e.starts_at, ends_at=e.ends_at, location=e.location,
        description=e.description, audience_ids=sorted(a.id for a in e.audiences),
        municipality_codes=sorted(m.nis_code for m in e.municipalities),
        partner_ids=sorted(p.id for p in e.partners), capacity=e.capacity, status=e.status, report=e.report)


def copy_as_template(session: Session, event_id: int, starts_at: datetime, title: str | None = None) -> int:
    """A new concept event with the same data, agenda and partners, moved to `starts_at` (same duration).

    Participants, report and follow-up actions stay with the original.
    """
    source = session.get(Event, event_id)
    if source is None:
        raise ValidationError({"title": "Het evenement om te kopiëren bestaat niet meer."})
    data = get_event(session, event_id)
    data.title = title if title is not None else source.title
    data.ends_at = starts_at + (source.ends_at - source.starts_at)
    data.starts_at = starts_at
    data.status = CONCEPT
    data.report = ""
    new_id = save_event(session, data)
    from regisseur_app.domain.events.agenda import copy_agenda

    copy_agenda(session, event_id, new_id)
    return new_id


def set_event_status(session: Session, event_id: int, status: str, mark_no_shows: bool = True) -> int:
    """Change the status. Closing an event ('afgelopen') marks those still 'ingeschreven' as 'niet opgedaagd'.

    Returns the number of participants marked as no-show.
    """
    event = session.get(Event, event_id)
    if event is None:
        raise ValidationError({"status": "Dit evenement bestaat niet meer."})
    data = get_event(session, event_id)
    data.status = status
    errors = validate_event(session, data, event_id)
    if "status" in errors:
        raise ValidationError({"status": errors["status"]})
    event.status = status
    marked = 0
    if status == FINISHED and mark_no_shows:
        now = datetime.now().replace(microsecond=0)
        for p in event.participants:
            if p.status == REGISTERED:
                p.status, p.status_changed_at = NO_SHOW, now
                marked += 1
    return marked


def delete_event(session: Session, event_id: int) -> None:
    event = session.get(Event, event_id)
    if event is not None:
        session.delete(event)


def event_title(session: Session, event_id: int) -> str:
    return session.scalar(select(Event.title).where(Event.id == event_id)) or ""


def next_change(session: Session, now: datetime | None = None) -> datetime | None:
    """The first moment after `now` at which an event starts or ends: when the upcoming and past lists and the
    count of events held change without a change to the data."""
    now = now or datetime.now()
    starts, ends = session.execute(select(func.min(Event.starts_at).filter(Event.starts_at > now),
                                          func.min(Event.ends_at).filter(Event.ends_at > now))).one()
    return min((moment for moment in (starts, ends) if moment is not None), default=None)


def list_events(session: Session, filt: EventFilter | None = None) -> list[EventRow]:
    filt = filt or EventFilter()
    now = filt.now or datetime.now()
    query = select(Event).options(selectinload(Event.type), selectinload(Event.municipalities))
    text = fold(filt.text)
    if text:
        like = f"%{escape_like(text)}%"
        query = query.where(or_(folded(Event.title).like(like, escape="\\"),
                                folded(Event.location).like(like, escape="\\")))
    if filt.when == "upcoming":
        query = query.where(Event.ends_at >= now).order_by(Event.starts_at)
    elif filt.when == "past":
        query = query.where(Event.ends_at < now).order_by(Event.starts_at.desc())
    else:
        query = query.order_by(Event.starts_at.desc())
    if filt.year:
        query = query.where(Event.starts_at >= datetime(filt.year, 1, 1),
                            Event.starts_at < datetime(filt.year + 1, 1, 1))
    if filt.type_id:
        query = query.where(Event.type_id == filt.type_id)
    if filt.nis_code:
        query = query.where(Event.id.in_(select(event_municipality.c.event_id).where(
            event_municipality.c.nis_code == filt.nis_code)))
    if not filt.include_cancelled:
        query = query.where(Event.status != CANCELLED)
    events = list(session.scalars(query))
    counts = _participant_counts(session, [e.id for e in events])
    return [_to_row(e, counts.get(e.id, {})) for e in events]


def count_events(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Event)) or 0


def event_years(session: Session) -> list[int]:
    """Years that have events, newest first (always includes the current year)."""
    years = {int(y) for y in session.scalars(select(year_of(Event.starts_at)).distinct()) if y}
    years.add(date.today().year)
    return sorted(years, reverse=True)


def event_days(session: Session, first: date, last: date) -> dict[date, list[EventRow]]:
    """Events per day between first and last (inclusive), for the calendar; multi-day events on each day."""
    rows = list_events(session, EventFilter())
    days: dict[date, list[EventRow]] = {}
    for row in sorted(rows, key=lambda r: r.starts_at):
        day = max(row.starts_at.date(), first)
        while day <= min(row.ends_at.date(), last):
            days.setdefault(day, []).append(row)
            day += timedelta(days=1)
    return days


def _participant_counts(session: Session, event_ids: list[int]) -> dict[int, dict[str, int]]:
    counts: dict[int, dict[str, int]] = {}
    if not event_ids:
        return counts
    for event_id, status, n in session.execute(
            select(EventParticipant.event_id, EventParticipant.status, func.count())
            .where(EventParticipant.event_id.in_(event_ids))
            .group_by(EventParticipant.event_id, EventParticipant.status)):
        counts.setdefault(event_id, {})[status] = n
    return counts


def _count(session: Session, event_id: int, statuses: tuple[str, ...]) -> int:
    return session.scalar(select(func.count()).select_from(EventParticipant).where(
        EventParticipant.event_id == event_id, EventParticipant.status.in_(statuses))) or 0


def _to_row(e: Event, counts: dict[str, int]) -> EventRow:
    return EventRow(
        id=e.id, title=e.title, type_label=e.type.label, starts_at=e.starts_at, ends_at=e.ends_at,
        location=e.location, municipalities=", ".join(sorted(m.name for m in e.municipalities)),
        capacity=e.capacity, status=e.status, status_label=EVENT_STATUSES.get(e.status, e.status),
        invited=sum(counts.values()), seated=sum(counts.get(s, 0) for s in SEATED), present=counts.get(PRESENT, 0))


def _when(value: datetime) -> str:
    return f"{format_date(value)} {value:%H:%M}"
