"""iCalendar (.ics, RFC 5545) files of events, for Outlook and other calendars.

Times are written with TZID=Europe/Brussels and a VTIMEZONE made from the zoneinfo database, so a
calendar in another time zone still shows the right moment, also across a daylight-saving change.
The METHOD is PUBLISH: the file is an announcement to put in one's agenda, not an iTIP meeting request
(REQUEST would need ORGANIZER/ATTENDEE lines and make Outlook send replies that this offline app
cannot receive; registrations are kept in Regisseur instead).
"""

from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from icalendar import Calendar, Timezone
from icalendar import Event as IcsEvent
from sqlalchemy.orm import Session

from regisseur_app import __version__
from regisseur_app.domain.events.agenda import list_agenda
from regisseur_app.domain.events.models import CANCELLED, Event

TZID = "Europe/Brussels"
BRUSSELS = ZoneInfo(TZID)
METHOD = "PUBLISH"
PRODID = f"-//Regisseur//Regisseur {__version__}//NL"


class IcsError(Exception):
    """The .ics file could not be written (Dutch message naming the file)."""


@dataclass(frozen=True)
class IcsData:
    uid: str
    title: str
    starts_at: datetime  # naive local time in Brussels
    ends_at: datetime
    location: str
    description: str
    sequence: int
    cancelled: bool


def ics_data(session: Session, event_id: int) -> IcsData:
    e = session.get(Event, event_id)
    description = e.description
    agenda = list_agenda(session, event_id)
    if agenda:
        lines = [f"{a.start_time + ' ' if a.start_time else ''}{a.title}{' (' + a.speaker + ')' if a.speaker else ''}"
                 for a in agenda]
        description = (description + "\n\n" if description else "") + "Agenda:\n" + "\n".join(lines)
    return IcsData(e.uid, e.title, e.starts_at, e.ends_at, e.location, description, e.ics_sequence or 0,
                   e.status == CANCELLED)


def calendar_bytes(data: IcsData, now: datetime | None = None) -> bytes:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", METHOD)
    cal.add_component(brussels_vtimezone())
    item = IcsEvent()
    item.add("uid", data.uid)
    item.add("dtstamp", (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0))
    item.add("dtstart", data.starts_at.replace(tzinfo=BRUSSELS))
    item.add("dtend", data.ends_at.replace(tzinfo=BRUSSELS))
    item.add("summary", data.title)
    if data.location:
        item.add("location", data.location)
    if data.description:
        item.add("description", data.description)
    item.add("sequence", data.sequence)
    item.add("status", "CANCELLED" if data.cancelled else "CONFIRMED")
    item.add("transp", "OPAQUE")
    cal.add_component(item)
    return cal.to_ical()


def brussels_vtimezone() -> Timezone:
    """VTIMEZONE for Europe/Brussels with the EU rule (last Sunday of March 02:00 -> CEST, last Sunday
    of October 03:00 -> CET), in the recurring form Outlook itself writes; tests check it against zoneinfo."""
    return Timezone.from_ical(
        "BEGIN:VTIMEZONE\r\nTZID:Europe/Brussels\r\nX-LIC-LOCATION:Europe/Brussels\r\n"
        "BEGIN:DAYLIGHT\r\nTZNAME:CEST\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\n"
        "DTSTART:19700329T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\n"
        "BEGIN:STANDARD\r\nTZNAME:CET\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\n"
        "DTSTART:19701025T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\n"
        "END:VTIMEZONE\r\n")


def safe_file_name(title: str, default: str = "evenement") -> str:
    name = re.sub(r'[<>:"/\\|?*\x00-\x1f]+', " ", title).strip().strip(".")
    return re.sub(r"\s+", " ", name)[:80] or default


def write_ics(session: Session, event_id: int, path: Path) -> Path:
    return write_bytes(Path(path), calendar_bytes(ics_data(session, event_id)))


def write_bytes(path: Path, content: bytes) -> Path:
    """Atomic write (temp file + rename); raises IcsError with a Dutch message."""
    temp = None
    try:
        handle, temp = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=path.suffix, dir=path.parent)
        with os.fdopen(handle, "wb") as out:
            out.write(content)
        os.replace(temp, path)
        temp = None
    except FileNotFoundError as exc:
        raise IcsError(f"'{path.name}' kan niet bewaard worden: de map '{path.parent}' bestaat niet.") from exc
    except PermissionError as exc:
        raise IcsError(f"'{path.name}' kan niet bewaard worden: geen schrijfrechten in '{path.parent}' of het "
                       "bestand is open in een ander programma.") from exc
    except OSError as exc:
        raise IcsError(f"'{path.name}' kan niet bewaard worden: {exc.strerror or exc}.") from exc
    finally:
        if temp is not None and os.path.exists(temp):
            os.unlink(temp)
    return path
