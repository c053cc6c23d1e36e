"""College-report section 'Netwerkevenementen': the events of the period with how many people from the
municipality registered and came, and the yearly obligations of the regierol (nota 2.1 and 6.1). For the
region: every event with its totals, and the participants per municipality.

Counts are those of `domain.events.stats` (the same definitions as the statistics view): ingeschreven =
ingeschreven, aanwezig or niet opgedaagd; aanwezig = checked in; cancelled events do not count.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from regisseur_app.domain.core.codelists import CodeItem
from regisseur_app.domain.core.municipalities import Municipality
from regisseur_app.domain.core.organisations import Contact, Organisation
from regisseur_app.domain.events import obligations
from regisseur_app.domain.events import stats as event_stats
from regisseur_app.domain.events.models import CANCELLED, Event, EventParticipant
from regisseur_app.formatting import counted, format_date
from regisseur_app.reports.college.memo import memo
from regisseur_app.reports.content import Column, Scope, SectionContent, Table, Text, no_data

KEY, TITLE = "evenementen", "Netwerkevenementen"
DEFINITIONS = ("Ingeschreven = ingeschreven, aanwezig of niet opgedaagd; aanwezig = effectief aanwezig. Een "
               "deelnemer telt bij elke gemeente waarvoor hij of zij actief is. Geannuleerde evenementen tellen "
               "niet mee.")


class HeldEvent(NamedTuple):
    """What the section shows of an event."""

    id: int
    title: str
    starts_at: datetime
    type_label: str


def events_in(session: Session, scope: Scope) -> list[HeldEvent]:
    """The events that start within the period, cancelled ones left out, in date order (plain rows)."""
    start = datetime.combine(scope.start, datetime.min.time())
    end = datetime.combine(scope.end + timedelta(days=1), datetime.min.time())
    return [HeldEvent(*row) for row in session.execute(
        select(Event.id, Event.title, Event.starts_at, CodeItem.label).join(CodeItem, CodeItem.id == Event.type_id)
        .where(Event.starts_at >= start, Event.starts_at < end, Event.status != CANCELLED).order_by(Event.starts_at))]


def _yearly_obligations(session: Session, year: int) -> list[obligations.ObligationResult]:
    """The same for every municipality: worked out once per session (the table and the message use it)."""
    return memo(session, ("yearly_obligations", year), lambda: obligations.yearly_obligations(session, year))


def _obligations(session: Session, scope: Scope) -> Table:
    rows = []
    for year in range(scope.start.year, scope.end.year + 1):
        for o in _yearly_obligations(session, year):
            rows.append([o.title, year, o.state_label, "; ".join(e.text() for e in o.events) or "—"])
    return Table("Jaarlijkse verplichtingen van de regierol", [
        Column("Verplichting"), Column("Jaar"), Column("Stand"), Column("Evenementen die meetellen")], rows)


def _obligation_message(session: Session, scope: Scope) -> str:
    year = scope.end.year
    parts = [f"{_lower_first(o.title.split(' voor ')[0])} {o.state_label.lower()}"
             for o in _yearly_obligations(session, year)]
    return f"Jaarlijkse verplichtingen {year}: {', '.join(parts)}."


def _lower_first(text: str) -> str:
    """'Netwerkevent' -> 'netwerkevent', but 'MVO-event' stays."""
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def build(session: Session, scope: Scope) -> SectionContent:
    events = events_in(session, scope)
    if not events:
        content = no_data(KEY, TITLE, f"Er waren geen netwerkevenementen in de periode {scope.period_label}.")
        content.blocks.append(_obligations(session, scope))
        content.messages.append(_obligation_message(session, scope))
        return content
    if scope.is_region:
        return _region(session, scope, events)
    figures = memo(session, ("event_figures", tuple(e.id for e in events)), lambda: _per_event(session, events))
    rows, registered, present = [], 0, 0
    for event in events:
        total, places = figures[event.id]
        here = next((c for c in places if c.label == scope.name), None)
        here_registered, here_present = (here.registered, here.present) if here else (0, 0)
        registered += here_registered
        present += here_present
        rows.append([format_date(event.starts_at), f"{event.title} ({_lower_first(event.type_label)})", here_registered,
                     here_present, total.present])
    rows.append(["", "Totaal", registered, present, sum(r[4] for r in rows)])
    blocks = [Text(f"{counted(len(events), 'netwerkevenement', 'netwerkevenementen')} in de periode "
                   f"{scope.period_label}; per evenement de deelnemers uit {scope.name}."),
              Table(f"Evenementen en deelnemers uit {scope.name}", [
                  Column("Datum"), Column("Evenement (soort)"), Column(f"Ingeschreven uit {scope.name}", True),
                  Column(f"Aanwezig uit {scope.name}", True), Column("Aanwezig in totaal", True)], rows,
                  footnote=DEFINITIONS, total_row=True),
              _obligations(session, scope)]
    messages = [f"{counted(len(events), 'netwerkevent', 'netwerkevents')}, "
                f"{counted(present, 'deelnemer', 'deelnemers')} uit {scope.name}.",
                _obligation_message(session, scope)]
    return SectionContent(KEY, TITLE, blocks, messages)


def _per_event(session: Session, events: list[HeldEvent]) -> dict[int, tuple[event_stats.Counts, list[event_stats.Counts]]]:
    """Per event its totals and its counts per municipality, as `event_stats.event_counts` and
    `event_stats.breakdown(session, [event.id], "municipality")` give them, from plain rows read once for all the
    events: each participant with the seat of its contact's organisation, and the contacts' own municipalities
    (those two functions load the participants as objects with their contacts, again for every event)."""
    ids = [e.id for e in events]
    started = event_stats._started(session, ids, None)
    participant = EventParticipant
    rows = session.execute(
        select(participant.event_id, participant.status, participant.contact_id, Municipality.name)
        .join(Contact, Contact.id == participant.contact_id)
        .outerjoin(Organisation, Organisation.id == Contact.organisation_id)
        .outerjoin(Municipality, Municipality.nis_code == Organisation.seat_nis_code)
        .where(participant.event_id.in_(ids))).all()
    own = event_stats.own_municipalities(session, ids)
    by_event: dict[int, list[_Row]] = {}
    for event_id, status, contact_id, seat in rows:
        places = own.get(contact_id) or [seat or event_stats.UNKNOWN_MUNICIPALITY]
        by_event.setdefault(event_id, []).append(_Row(event_id, status, places))
    result = {}
    for event in events:
        mine = by_event.get(event.id, [])
        groups: dict[str, list] = {}
        for p in mine:
            for label in p.places:
                groups.setdefault(label, []).append(p)
        result[event.id] = (event_stats._tally(event.title, mine, started, event.id, event.starts_at),
                            [event_stats._tally(label, group, started) for label, group in groups.items()])
    return result


class _Row(NamedTuple):
    """What `event_stats._tally` reads of a participant, and the municipalities it counts for."""

    event_id: int
    status: str
    places: list[str]


def _region(session: Session, scope: Scope, events: list[HeldEvent]) -> SectionContent:
    rows = []
    figures = memo(session, ("event_figures", tuple(e.id for e in events)), lambda: _per_event(session, events))
    for event in events:
        c = figures[event.id][0]
        rows.append([format_date(event.starts_at), event.title, c.invited, c.registered, c.present,
                     None if c.rate is None else round(c.rate * 100, 1)])
    invited, registered, present = (sum(r[i] for r in rows) for i in (2, 3, 4))
    rows.append(["", "Totaal", invited, registered, present, None])
    per_place = event_stats.breakdown(session, [e.id for e in events], "municipality")
    place_rows = [[c.label, c.invited, c.registered, c.present] for c in per_place]
    blocks = [Text(f"{counted(len(events), 'netwerkevenement', 'netwerkevenementen')} in de periode "
                   f"{scope.period_label}."),
              Table("Evenementen", [Column("Datum"), Column("Evenement"), Column("Uitgenodigd", True),
                                    Column("Ingeschreven", True), Column("Aanwezig", True),
                                    Column("Opkomst", True, 1, "%")], rows, total_row=True,
                    footnote="Opkomst = aanwezig / ingeschreven, voor evenementen die al begonnen zijn. "
                             + DEFINITIONS),
              Table("Deelnemers per gemeente", [Column("Gemeente"), Column("Uitgenodigd", True),
                                                Column("Ingeschreven", True), Column("Aanwezig", True)], place_rows),
              _obligations(session, scope)]
    messages = [f"{counted(len(events), 'netwerkevent', 'netwerkevents')}, "
                f"{counted(present, 'aanwezige', 'aanwezigen')} in totaal.", _obligation_message(session, scope)]
    return SectionContent(KEY, TITLE, blocks, messages)
