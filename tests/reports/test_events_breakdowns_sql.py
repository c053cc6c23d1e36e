"""event_stats.breakdowns adds up the participations per municipality and per organisation type in SQL: the same
rows, in the same order, as the former computation that added up the per-contact sums in Python (kept here as
the reference), on the demo data (every year, every event alone, before, during and after the year) and on the
hand-built events of test_events_stats_obligations (contacts with two municipalities of their own, none, no
organisation)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import and_, case, func, select

from regisseur_app.domain.core.codelists import CodeItem
from regisseur_app.domain.core.municipalities import Municipality
from regisseur_app.domain.core.organisations import Contact, Organisation
from regisseur_app.domain.events import stats as event_stats
from regisseur_app.domain.events.models import HAS_REGISTERED, Event, EventParticipant
from tests.unit.test_events_stats_obligations import _build_two_events


def _former(session, event_ids: list[int], now: datetime) -> dict[str, list[event_stats.Counts]]:
    if not event_ids:
        return {"municipality": [], "organisation_type": []}
    participant = EventParticipant
    registered_started = func.sum(case((and_(participant.status.in_(HAS_REGISTERED), Event.starts_at <= now), 1),
                                       else_=0))
    per_contact = session.execute(
        select(participant.contact_id, Municipality.name, CodeItem.label, *event_stats._sums(), registered_started)
        .join(Event, Event.id == participant.event_id)
        .join(Contact, Contact.id == participant.contact_id)
        .outerjoin(Organisation, Organisation.id == Contact.organisation_id)
        .outerjoin(Municipality, Municipality.nis_code == Organisation.seat_nis_code)
        .outerjoin(CodeItem, CodeItem.id == Organisation.type_id)
        .where(participant.event_id.in_(event_ids))
        .group_by(participant.contact_id, Municipality.name, CodeItem.label)
        .order_by(func.min(participant.id))).all()
    own = event_stats.own_municipalities(session, event_ids) if per_contact else {}
    result = {}
    for by in ("municipality", "organisation_type"):
        groups: dict[str, list[int]] = {}
        for contact_id, seat, org_type, invited, registered, present, started in per_contact:
            labels = ((own.get(contact_id) or [seat or event_stats.UNKNOWN_MUNICIPALITY]) if by == "municipality"
                      else [org_type or event_stats.NO_ORGANISATION])
            for label in labels:
                total = groups.setdefault(label, [0, 0, 0, 0])
                total[0] += invited
                total[1] += registered or 0
                total[2] += present or 0
                total[3] += started or 0
        result[by] = [event_stats.Counts(label, *total[:3], registered_started=total[3])
                      for label, total in sorted(groups.items(), key=lambda kv: kv[0].casefold())]
    return result


def _compare(session, event_ids: list[int], now: datetime) -> bool:
    expected = _former(session, event_ids, now)
    assert event_stats.breakdowns(session, event_ids, now=now) == expected
    for by, rows in expected.items():
        assert event_stats.breakdowns(session, event_ids, (by,), now=now) == {by: rows}
    return any(expected.values())


def test_breakdowns_equal_the_former_sums_on_the_demo_data(demo_ctx):
    with demo_ctx.reading() as session:
        events = session.execute(select(Event.id, Event.starts_at).order_by(Event.starts_at)).all()
        assert len(events) >= 3
        years = sorted({e.starts_at.year for e in events})
        counted = 0
        for now in (events[0].starts_at.replace(day=1, hour=0), events[len(events) // 2].starts_at,
                    datetime(years[-1] + 1, 1, 1)):
            for year in years:
                counted += _compare(session, [e.id for e in events if e.starts_at.year == year], now)
            for event_id, _starts in events:
                counted += _compare(session, [event_id], now)
        assert counted > len(events)  # most compared sets had participants
        assert _compare(session, [], datetime(2030, 1, 1)) is False


def test_breakdowns_equal_the_former_sums_on_hand_built_events(app_ctx):
    with app_ctx.transaction() as s:
        a, b = _build_two_events(s)
    with app_ctx.reading() as s:
        for now in (datetime(2025, 1, 1), datetime(2025, 6, 1), datetime(2026, 1, 1)):
            assert _compare(s, [a, b], now)
            assert _compare(s, [b], now)
        # A2 counts in both of its municipalities, A4 at its organisation's seat, A5 as 'Onbekend'
        labels = [c.label for c in event_stats.breakdowns(s, [a])["municipality"]]
        assert labels == ["Bekkevoort", "Geetbets", "Glabbeek", "Onbekend"]
