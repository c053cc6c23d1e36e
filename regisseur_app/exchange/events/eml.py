"""Personalised invitation mails as .eml files, with the event's .ics attached.

The user has no mail server in the app: each .eml is a draft (header "X-Unsent: 1", no From) that
Outlook opens as a new message, ready to check and send. One file per invitee, in a folder the user
picks. Contacts without an e-mail address or archived are refused and named.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import formatdate
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from regisseur_app.domain.core.base import ValidationError
from regisseur_app.domain.core.setup import association_name
from regisseur_app.domain.core.validation import is_valid_email
from regisseur_app.domain.events.agenda import list_agenda
from regisseur_app.domain.events.models import (
    CANCELLED,
    CONCEPT,
    INVITED,
    INVITED_SENT,
    PLANNED,
    Event,
    EventParticipant,
)
from regisseur_app.exchange.events.ics import METHOD, calendar_bytes, ics_data, safe_file_name, write_bytes
from regisseur_app.formatting import format_date

WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")


@dataclass
class InvitationResult:
    written: list[Path] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    status_changed: bool = False


@dataclass(frozen=True)
class Invitee:
    participant_id: int
    name: str
    email: str


def invitees(session: Session, event_id: int, participant_ids: list[int] | None = None
             ) -> tuple[list[Invitee], list[str]]:
    """Who gets a mail (default: everyone still 'uitgenodigd'), and who is refused with the reason."""
    query = select(EventParticipant).options(selectinload(EventParticipant.contact)).where(
        EventParticipant.event_id == event_id)
    if participant_ids is not None:
        query = query.where(EventParticipant.id.in_(participant_ids))
    else:
        query = query.where(EventParticipant.status == INVITED)
    ok, refused = [], []
    for p in sorted(session.scalars(query), key=lambda p: p.contact.name.casefold()):
        c = p.contact
        if c.archived:
            refused.append(f"{c.name} (gearchiveerd)")
        elif c.no_invitations:
            refused.append(f"{c.name} (wil geen uitnodigingen)")
        elif not c.email.strip():
            refused.append(f"{c.name} (geen e-mailadres)")
        elif not is_valid_email(c.email):
            refused.append(f"{c.name} (ongeldig e-mailadres '{c.email}')")
        else:
            ok.append(Invitee(p.id, c.name, c.email.strip()))
    return ok, refused


def write_invitations(session: Session, event_id: int, folder: Path, participant_ids: list[int] | None = None,
                      skip_refused: bool = False, now: datetime | None = None) -> InvitationResult:
    """Write one .eml per invitee into `folder`. Refused contacts raise ValidationError listing them unless
    skip_refused. A concept/planned event becomes 'uitnodigingen verstuurd'."""
    event = session.get(Event, event_id)
    if event is None:
        raise ValidationError({"invitations": "Dit evenement bestaat niet meer."})
    if event.status == CANCELLED:
        raise ValidationError({"invitations": "Dit evenement is geannuleerd; er worden geen uitnodigingen gemaakt."})
    folder = Path(folder)
    if not folder.is_dir():
        raise ValidationError({"invitations": f"De map '{folder}' bestaat niet."})
    ok, refused = invitees(session, event_id, participant_ids)
    if refused and not skip_refused:
        raise ValidationError({"invitations": "Geen uitnodiging mogelijk voor: " + "; ".join(refused) + "."})
    if not ok:
        raise ValidationError({"invitations": "Er is niemand om een uitnodiging naar te sturen."})
    ics = calendar_bytes(ics_data(session, event_id), now)
    sender = association_name(session)
    result = InvitationResult(refused=refused)
    agenda = list_agenda(session, event_id)
    for n, person in enumerate(ok, start=1):
        message = build_message(event, person, ics, sender, agenda, now)
        name = f"{n:03d} {safe_file_name(person.name, 'genodigde')} - {safe_file_name(event.title)}.eml"
        result.written.append(write_bytes(folder / name, bytes(message)))
    if event.status in (CONCEPT, PLANNED):
        event.status = INVITED_SENT
        result.status_changed = True
    return result


def draft_message(name: str, email: str, subject: str, text: str, now: datetime | None = None) -> EmailMessage:
    """A mail draft (.eml) to one person: no From, "X-Unsent: 1", so Outlook opens it as a new message."""
    msg = EmailMessage()
    msg["To"] = Address(display_name=name, addr_spec=email)
    msg["Subject"] = subject
    msg["Date"] = formatdate((now or datetime.now()).timestamp(), localtime=True)
    msg["X-Unsent"] = "1"  # Outlook opens the file as a draft to send
    msg.set_content(text)
    return msg


def build_message(event: Event, person: Invitee, ics: bytes, sender: str, agenda=(),  # noqa: ANN001
                  now: datetime | None = None) -> EmailMessage:
    msg = draft_message(person.name, person.email, f"Uitnodiging: {event.title} op {format_date(event.starts_at)}",
                        invitation_text(event, person.name, sender, agenda), now)
    msg.add_attachment(ics, maintype="text", subtype="calendar", filename=f"{safe_file_name(event.title)}.ics",
                       params={"method": METHOD, "charset": "utf-8"})
    return msg


def invitation_text(event: Event, name: str, sender: str, agenda=()) -> str:  # noqa: ANN001
    start, end = event.starts_at, event.ends_at
    if start.date() == end.date():
        when = f"op {WEEKDAYS[start.weekday()]} {format_date(start)} van {start:%H:%M} tot {end:%H:%M}"
    else:
        when = (f"van {WEEKDAYS[start.weekday()]} {format_date(start)} {start:%H:%M} tot "
                f"{WEEKDAYS[end.weekday()]} {format_date(end)} {end:%H:%M}")
    lines = [f"Beste {name},", "",
             f"Graag nodigen we u uit voor '{event.title}' {when}"
             + (f" in {event.location}." if event.location else "."), ""]
    if event.description:
        lines += [event.description, ""]
    if agenda:
        lines.append("Agenda:")
        lines += [f"- {a.start_time + ' ' if a.start_time else ''}{a.title}"
                  + (f" ({a.speaker})" if a.speaker else "") for a in agenda]
        lines.append("")
    lines += ["Laat ons weten of u erbij bent door op deze e-mail te antwoorden.",
              "In de bijlage vindt u een agenda-item (.ics) om het evenement in uw agenda te zetten.", "",
              "Met vriendelijke groeten,", "", sender or "De regisseur sociale economie"]
    return "\n".join(lines) + "\n"
