"""Participants of an event: invite, change status (with the waiting list), role, check-in, list.

Capacity counts the participants who hold a seat ('ingeschreven' and 'aanwezig'). Registering when
the event is full puts the person on the waiting list; when a seat frees up (afgemeld, removed,
capacity raised) the first on the waiting list moves up automatically, and the caller is told who.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from regisseur_app.domain.core.base import ValidationError
from regisseur_app.domain.core.organisations import Contact, Organisation
from regisseur_app.domain.events.models import (
    CANCELLED,
    DECLINED,
    INVITED,
    PARTICIPANT_STATUSES,
    PARTICIPANT_TRANSITIONS,
    PRESENT,
    REGISTERED,
    ROLES,
    SEATED,
    WAITING,
    Event,
    EventParticipant,
)
from regisseur_app.formatting import format_date


@dataclass
class InviteResult:
    added: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)  # "name: reason"

    def message(self) -> str:
        parts = []
        if self.added:
            parts.append(f"{len(self.added)} contactperso{'on' if len(self.added) == 1 else 'nen'} uitgenodigd.")
        if self.duplicates:
            parts.append(f"{len(self.duplicates)} was/waren al uitgenodigd en werd(en) overgeslagen: "
                         + ", ".join(self.duplicates) + ".")
        if self.refused:
            parts.append("Niet uitgenodigd: " + "; ".join(self.refused) + ".")
        return " ".join(parts) or "Niemand uitgenodigd."


@dataclass
class StatusChange:
    status: str                                          # the status the participant ended up with
    promoted: list[str] = field(default_factory=list)    # names moved up from the waiting list

    def message(self, name: str) -> str:
        text = f"{name}: {PARTICIPANT_STATUSES[self.status].lower()}."
        if self.status == WAITING:
            text = f"Het evenement is volzet: {name} staat nu op de wachtlijst."
        if self.promoted:
            text += " Van de wachtlijst doorgeschoven naar ingeschreven: " + ", ".join(self.promoted) + "."
        return text


@dataclass(frozen=True)
class ParticipantRow:
    id: int
    contact_id: int
    name: str
    function: str
    organisation: str
    organisation_type: str
    email: str
    municipalities: str
    status: str
    status_label: str
    role: str
    role_label: str
    invited_at: datetime
    checked_in_at: datetime | None
    waiting_position: int | None
    contact_archived: bool


@dataclass(frozen=True)
class CapacitySummary:
    capacity: int | None
    seated: int
    waiting: int
    present: int

    @property
    def free(self) -> int | None:
        return None if self.capacity is None else max(0, self.capacity - self.seated)

    def text(self) -> str:
        cap = "onbeperkt" if self.capacity is None else str(self.capacity)
        return (f"{self.seated} ingeschreven of aanwezig (capaciteit {cap}), {self.waiting} op de wachtlijst, "
                f"{self.present} aanwezig")


def _now(now: datetime | None) -> datetime:
    return (now or datetime.now()).replace(microsecond=0)


def invite_contacts(session: Session, event_id: int, contact_ids: list[int], role: str = "deelnemer",
                    now: datetime | None = None) -> InviteResult:
    """Invite contacts; duplicates are skipped and archived contacts refused, each named in the result."""
    event = session.get(Event, event_id)
    if event is None:
        raise ValidationError({"participants": "Dit evenement bestaat niet meer."})
    if event.status == CANCELLED:
        raise ValidationError({"participants": "Dit evenement is geannuleerd; er kan niemand meer uitgenodigd worden."})
    if role not in ROLES:
        raise ValidationError({"role": "Kies een geldige rol."})
    result = InviteResult()
    already = set(session.scalars(select(EventParticipant.contact_id).where(EventParticipant.event_id == event_id)))
    stamp = _now(now)
    contacts = {c.id: c for c in session.scalars(select(Contact).where(Contact.id.in_(contact_ids)))}
    for contact_id in dict.fromkeys(contact_ids):
        contact = contacts.get(contact_id)
        if contact is None:
            result.refused.append(f"contactpersoon #{contact_id}: bestaat niet meer")
        elif contact.archived:
            result.refused.append(f"{contact.name}: gearchiveerd")
        elif contact.no_invitations:
            result.refused.append(f"{contact.name}: wil geen uitnodigingen ontvangen")
        elif contact_id in already:
            result.duplicates.append(contact.name)
        else:
            session.add(EventParticipant(event_id=event_id, contact_id=contact_id, status=INVITED, role=role,
                                         invited_at=stamp, status_changed_at=stamp, note=""))
            already.add(contact_id)
            result.added.append(contact.name)
    session.flush()
    return result


def set_status(session: Session, participant_id: int, status: str, now: datetime | None = None) -> StatusChange:
    """Change a participant's status. A registration beyond capacity lands on the waiting list; a freed seat
    is given to the first on the waiting list."""
    p = session.get(EventParticipant, participant_id)
    if p is None:
        raise ValidationError({"status": "Deze deelnemer bestaat niet meer."})
    if status not in PARTICIPANT_STATUSES:
        raise ValidationError({"status": f"Onbekende status '{status}'."})
    if status == p.status:
        return StatusChange(status)
    if status not in PARTICIPANT_TRANSITIONS[p.status]:
        raise ValidationError({"status": f"{p.contact.name}: van '{PARTICIPANT_STATUSES[p.status]}' kan niet "
                                         f"rechtstreeks naar '{PARTICIPANT_STATUSES[status]}'."})
    stamp = _now(now)
    event = p.event
    if status == REGISTERED and p.status not in SEATED and _is_full(session, event):
        status = WAITING
    was_seated = p.status in SEATED
    p.status, p.status_changed_at = status, stamp
    p.checked_in_at = stamp if status == PRESENT else None
    session.flush()
    promoted = fill_from_waiting_list(session, event.id, stamp) if was_seated and status not in SEATED else []
    return StatusChange(status, promoted)


def early_check_in_warning(starts_at: datetime, today: date | None = None) -> str | None:
    """Check-in is for the day itself: a Dutch warning when the event is still days away, else None."""
    today = today or date.today()
    days = (starts_at.date() - today).days
    if days <= 0:
        return None
    when = "morgen" if days == 1 else f"over {days} dagen"
    return (f"Dit evenement begint pas {when} ({format_date(starts_at)}). Inchecken registreert nu al dat iemand "
            "aanwezig was.")


def check_in(session: Session, participant_id: int, now: datetime | None = None) -> StatusChange:
    """Mark present (the person is here, whatever the earlier status)."""
    return set_status(session, participant_id, PRESENT, now)


def undo_check_in(session: Session, participant_id: int, previous: str = REGISTERED,
                  now: datetime | None = None) -> StatusChange:
    """Take back a check-in made by mistake: the participant gets the status from before."""
    p = session.get(EventParticipant, participant_id)
    if p is None or p.status != PRESENT:
        raise ValidationError({"status": "Deze deelnemer is niet (meer) aangemeld als aanwezig."})
    if previous not in PARTICIPANT_STATUSES or previous == PRESENT:
        previous = REGISTERED
    p.status, p.status_changed_at, p.checked_in_at = previous, _now(now), None
    session.flush()
    return StatusChange(previous)


def set_role(session: Session, participant_id: int, role: str) -> None:
    p = session.get(EventParticipant, participant_id)
    if p is None:
        raise ValidationError({"role": "Deze deelnemer bestaat niet meer."})
    if role not in ROLES:
        raise ValidationError({"role": f"Onbekende rol '{role}'."})
    p.role = role


def remove_participants(session: Session, participant_ids: list[int], now: datetime | None = None) -> list[str]:
    """Delete invitations (a mistake); returns names moved up from the waiting list."""
    event_ids = set()
    for p in session.scalars(select(EventParticipant).where(EventParticipant.id.in_(participant_ids))):
        event_ids.add(p.event_id)
        session.delete(p)
    session.flush()
    promoted: list[str] = []
    for event_id in event_ids:
        promoted += fill_from_waiting_list(session, event_id, _now(now))
    return promoted


def fill_from_waiting_list(session: Session, event_id: int, now: datetime | None = None) -> list[str]:
    """Move people from the waiting list to 'ingeschreven' while there is room, first come first served."""
    event = session.get(Event, event_id)
    if event is None:
        return []
    waiting = list(session.scalars(
        select(EventParticipant).options(selectinload(EventParticipant.contact))
        .where(EventParticipant.event_id == event_id, EventParticipant.status == WAITING)
        .order_by(EventParticipant.status_changed_at, EventParticipant.id)))
    promoted = []
    for p in waiting:
        if _is_full(session, event):
            break
        p.status, p.status_changed_at = REGISTERED, _now(now)
        session.flush()
        promoted.append(p.contact.name)
    return promoted


def capacity_summary(session: Session, event_id: int) -> CapacitySummary:
    counts = dict(session.execute(select(EventParticipant.status, func.count()).where(
        EventParticipant.event_id == event_id).group_by(EventParticipant.status)).all())
    capacity = session.scalar(select(Event.capacity).where(Event.id == event_id))
    return CapacitySummary(capacity, sum(counts.get(s, 0) for s in SEATED), counts.get(WAITING, 0),
                           counts.get(PRESENT, 0))


def list_participants(session: Session, event_id: int) -> list[ParticipantRow]:
    rows = list(session.scalars(
        select(EventParticipant)
        .options(selectinload(EventParticipant.contact).selectinload(Contact.organisation)
                 .selectinload(Organisation.type),
                 selectinload(EventParticipant.contact).selectinload(Contact.municipalities))
        .where(EventParticipant.event_id == event_id)))
    waiting = sorted((p for p in rows if p.status == WAITING), key=lambda p: (p.status_changed_at, p.id))
    position = {p.id: n for n, p in enumerate(waiting, start=1)}
    rows.sort(key=lambda p: p.contact.name.casefold())
    return [_to_row(p, position.get(p.id)) for p in rows]


def _to_row(p: EventParticipant, waiting_position: int | None) -> ParticipantRow:
    c = p.contact
    org = c.organisation
    return ParticipantRow(
        id=p.id, contact_id=c.id, name=c.name, function=c.function, organisation=org.name if org else "",
        organisation_type=org.type.label if org else "", email=c.email,
        municipalities=", ".join(sorted(m.name for m in c.municipalities)), status=p.status,
        status_label=PARTICIPANT_STATUSES[p.status], role=p.role, role_label=ROLES.get(p.role, p.role),
        invited_at=p.invited_at, checked_in_at=p.checked_in_at, waiting_position=waiting_position,
        contact_archived=c.archived)


def _is_full(session: Session, event: Event) -> bool:
    if event.capacity is None:
        return False
    seated = session.scalar(select(func.count()).select_from(EventParticipant).where(
        EventParticipant.event_id == event.id, EventParticipant.status.in_(SEATED))) or 0
    return seated >= event.capacity


def decline(session: Session, participant_id: int, now: datetime | None = None) -> StatusChange:
    return set_status(session, participant_id, DECLINED, now)
