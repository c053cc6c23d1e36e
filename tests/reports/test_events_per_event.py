"""The events section's figures per event, read as plain rows once for all events, equal what the statistics
service gives per event (`event_counts`) and per municipality (`breakdown`): the same definitions, including a
contact's own municipalities, the fallback to the seat of its organisation and 'Onbekend'."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from regisseur_app.domain.core.municipalities import Municipality
from regisseur_app.domain.core.organisations import Contact, Organisation
from regisseur_app.domain.events import stats as event_stats
from regisseur_app.domain.events.models import EventParticipant
from regisseur_app.reports.college.assemble import region_scope
from regisseur_app.reports.events.college_section import _per_event, events_in


def _check(session, events) -> int:
    figures = _per_event(session, events)
    compared = 0
    for event in events:
        total, places = figures[event.id]
        assert total == event_stats.event_counts(session, event.id)
        expected = event_stats.breakdown(session, [event.id], "municipality")
        assert sorted(places, key=lambda c: c.label.casefold()) == expected
        compared += len(expected)
    return compared


def test_per_event_equals_the_statistics_service(demo_ctx):
    with demo_ctx.reading() as session:
        scope = region_scope(date(2025, 1, 1), date(2025, 12, 31))
        events = events_in(session, scope)
        assert events
        assert _check(session, events) > len(events)  # several municipalities per event


def test_seat_and_unknown_fallbacks(demo_ctx):
    with demo_ctx.transaction() as session:
        scope = region_scope(date(2025, 1, 1), date(2025, 12, 31))
        events = events_in(session, scope)
        participants = list(session.scalars(select(EventParticipant).where(
            EventParticipant.event_id == events[0].id).order_by(EventParticipant.id)))
        assert len(participants) >= 2
        seat = session.scalars(select(Municipality).order_by(Municipality.nis_code.desc())).first()
        with_seat, without = participants[0].contact, participants[1].contact
        with_seat.municipalities = []
        organisation = session.scalars(select(Organisation).order_by(Organisation.id)).first()
        organisation.seat = seat
        with_seat.organisation = organisation
        without.municipalities = []
        without.organisation = None
        session.flush()
        assert session.get(Contact, without.id).organisation is None
        _check(session, events)
        _, places = _per_event(session, events)[events[0].id]
        labels = {c.label for c in places}
        assert event_stats.UNKNOWN_MUNICIPALITY in labels and seat.name in labels
        session.rollback()


def test_events_in_equals_the_orm_load(demo_ctx):
    from datetime import datetime, timedelta

    from sqlalchemy.orm import selectinload

    from regisseur_app.domain.events.models import CANCELLED, Event
    from regisseur_app.reports.college.assemble import find_scope

    with demo_ctx.reading() as session:
        checked = 0
        for name, start, end in (("Glabbeek", date(2025, 1, 1), date(2025, 12, 31)),
                                 ("Geetbets", date(2025, 1, 1), date(2025, 4, 30)),
                                 ("Glabbeek", date(2024, 1, 1), date(2026, 12, 31))):
            scope = find_scope(session, name, start, end)
            low, high = datetime.combine(start, datetime.min.time()), datetime.combine(end + timedelta(days=1),
                                                                                          datetime.min.time())
            expected = [(e.id, e.title, e.starts_at, e.type.label) for e in session.scalars(
                select(Event).options(selectinload(Event.type)).where(
                    Event.starts_at >= low, Event.starts_at < high, Event.status != CANCELLED)
                .order_by(Event.starts_at))]
            assert [tuple(e) for e in events_in(session, scope)] == expected
            checked += len(expected)
        assert checked
