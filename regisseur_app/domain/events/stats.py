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

from sqlalchemy import ColumnElement, Integer, and_, case, cast, func, literal, select, union_all
from sqlalchemy.orm import Session, aliased

from regisseur_app.domain.core.codelists import CodeItem
from regisseur_app.domain.core.municipalities import Municipality
from regisseur_app.domain.core.organisations import Contact, Organisation, contact_municipality
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
    sums = session.execute(select(*_sums()).where(EventParticipant.event_id == event_id)).one()
    return _event_row(event.title, event_id, event.starts_at, sums, event_id in _started(session, [event_id], now))


def year_events(session: Session, year: int, now: datetime | None = None) -> list[Counts]:
    """Counts per event of the year (cancelled events left out), in date order: counted in SQL per event."""
    events = session.execute(select(Event.id, Event.title, Event.starts_at).where(
        Event.starts_at >= datetime(year, 1, 1), Event.starts_at < datetime(year + 1, 1, 1),
        Event.status != CANCELLED).order_by(Event.starts_at)).all()
    ids = [e.id for e in events]
    started = _started(session, ids, now)
    counts = {event_id: sums for event_id, *sums
              in session.execute(select(EventParticipant.event_id, *_sums()).where(EventParticipant.event_id.in_(ids))
                                 .group_by(EventParticipant.event_id))} if ids else {}
    return [_event_row(e.title, e.id, e.starts_at, counts.get(e.id, (0, 0, 0)), e.id in started) for e in events]


def _event_row(title: str, event_id: int, starts_at: datetime, sums, started: bool) -> Counts:  # noqa: ANN001
    """One event's Counts from its `_sums()` (invited, registered, present); registered_started only once it began."""
    invited, registered, present = sums
    registered, present = registered or 0, present or 0
    return Counts(title, invited, registered, present, event_id, starts_at, registered if started else 0)


def _sums() -> tuple:
    """count(*), registered, present over event participants (SQL aggregates)."""
    status = EventParticipant.status
    return (func.count(), func.sum(case((status.in_(HAS_REGISTERED), 1), else_=0)),
            func.sum(case((status == PRESENT, 1), else_=0)))


def year_total(session: Session, year: int, now: datetime | None = None) -> Counts:
    return total_of(year, year_events(session, year, now))


def total_of(year: int, per_event: list[Counts]) -> Counts:
    """The year's total over its events' counts (`year_events`), without reading them again."""
    return Counts(f"Totaal {year}", sum(c.invited for c in per_event), sum(c.registered for c in per_event),
                  sum(c.present for c in per_event),
                  registered_started=sum(c.registered_started or 0 for c in per_event))


def breakdown(session: Session, event_ids: list[int], by: str, now: datetime | None = None) -> list[Counts]:
    """Counts per municipality (by='municipality') or per organisation type (by='organisation_type')."""
    return breakdowns(session, event_ids, (by,), now)[by]


def breakdowns(session: Session, event_ids: list[int], kinds: tuple[str, ...] = ("municipality", "organisation_type"),
               now: datetime | None = None) -> dict[str, list[Counts]]:
    """`breakdown` for each of `kinds` at once, counted in SQL: the participations per contact (with its
    organisation's seat and type), then added up per municipality of the contact (each of its own, else the
    seat, else "Onbekend") and per organisation type (one statement; on the large region's busiest year ≈ 27 → 17 ms; the
    former per-contact sums in Python are the reference in tests/reports/test_events_breakdowns_sql.py)."""
    if not event_ids or not kinds:
        return {by: [] for by in kinds}
    participant = EventParticipant
    registered_started = func.sum(case((and_(participant.status.in_(HAS_REGISTERED),
                                             Event.starts_at <= (now or datetime.now())), 1), else_=0))
    invited, registered, present = _sums()
    per_contact = (
        select(participant.contact_id.label("contact_id"), Municipality.name.label("seat"),
               CodeItem.label.label("org_type"), invited.label("invited"), registered.label("registered"),
               present.label("present"), registered_started.label("started"))
        .join(Event, Event.id == participant.event_id)
        .join(Contact, Contact.id == participant.contact_id)
        .outerjoin(Organisation, Organisation.id == Contact.organisation_id)
        .outerjoin(Municipality, Municipality.nis_code == Organisation.seat_nis_code)
        .outerjoin(CodeItem, CodeItem.id == Organisation.type_id)
        .where(participant.event_id.in_(event_ids))
        .group_by(participant.contact_id, Municipality.name, CodeItem.label)).cte("per_contact")
    own = aliased(Municipality)
    totals = [cast(func.coalesce(func.sum(column), 0), Integer)  # whole numbers also where SUM gives a decimal
              for column in (per_contact.c.invited, per_contact.c.registered, per_contact.c.present,
                             per_contact.c.started)]
    queries = []
    for number, by in enumerate(kinds):
        if by == "municipality":
            label = func.coalesce(own.name, per_contact.c.seat, _inline(UNKNOWN_MUNICIPALITY))
            source = (per_contact.outerjoin(contact_municipality,
                                            contact_municipality.c.contact_id == per_contact.c.contact_id)
                      .outerjoin(own, own.nis_code == contact_municipality.c.nis_code))
        else:
            label, source = func.coalesce(per_contact.c.org_type, _inline(NO_ORGANISATION)), per_contact
        queries.append(select(literal(number), label, *totals).select_from(source).group_by(label))
    # one statement: the per-contact sums are computed once for both kinds (a CTE read twice is materialized)
    found = session.execute(union_all(*queries) if len(queries) > 1 else queries[0]).all()
    result: dict[str, list[Counts]] = {}
    for number, by in enumerate(kinds):
        rows = sorted((r for r in found if r[0] == number), key=lambda r: (r[1].casefold(), r[1]))
        result[by] = [Counts(name, invited, registered, present, registered_started=started)
                      for _n, name, invited, registered, present, started in rows]
    return result


def _inline(text: str) -> ColumnElement[str]:
    """A text written into the SQL, not bound: the label is grouped by, and PostgreSQL only sees the SELECT's and the
    GROUP BY's expressions as one when their parameters are the same (a driver with %s placeholders binds each
    occurrence apart)."""
    return literal(text, literal_execute=True)


def _started(session: Session, event_ids: list[int], now: datetime | None) -> set[int]:
    if not event_ids:
        return set()
    return set(session.scalars(select(Event.id).where(Event.id.in_(event_ids),
                                                      Event.starts_at <= (now or datetime.now()))))


def own_municipalities(session: Session, event_ids: list[int]) -> dict[int, list[str]]:
    """Per participating contact with municipalities of its own their names, sorted."""
    participant = EventParticipant
    own: dict[int, list[str]] = {}
    for contact_id, name in session.execute(
            select(contact_municipality.c.contact_id, Municipality.name)
            .join(Municipality, Municipality.nis_code == contact_municipality.c.nis_code)
            .where(contact_municipality.c.contact_id.in_(
                select(participant.contact_id).where(participant.event_id.in_(event_ids))))):
        own.setdefault(contact_id, []).append(name)
    return {contact_id: sorted(names) for contact_id, names in own.items()}


def _tally(label: str, rows: list, started: set[int], event_id: int | None = None,
           starts_at: datetime | None = None) -> Counts:
    """Counts of participant rows (with .status and .event_id) that are already read."""
    return Counts(label, len(rows), sum(p.status in HAS_REGISTERED for p in rows),
                  sum(p.status == PRESENT for p in rows), event_id, starts_at,
                  sum(p.status in HAS_REGISTERED and p.event_id in started for p in rows))
