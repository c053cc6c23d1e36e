"""Event services: validation (bad input), copy as template, status transitions, list filters."""

from datetime import datetime

import pytest

from regisseur_app.domain.core.base import ValidationError
from regisseur_app.domain.events import service as event_service
from regisseur_app.domain.events.agenda import AgendaInput, list_agenda, move_agenda_item, save_agenda_item
from regisseur_app.domain.events.models import NO_SHOW, PRESENT
from regisseur_app.domain.events.participants import invite_contacts, list_participants, set_status
from regisseur_app.domain.events.service import EventFilter
from tests.unit.events_support import contact, event


def test_end_before_start_is_refused_with_both_times(app_ctx):
    with app_ctx.transaction() as s:
        with pytest.raises(ValidationError) as info:
            event(s, start=datetime(2026, 6, 18, 14), end=datetime(2026, 6, 18, 13, 30))
    assert "ends_at" in info.value.errors
    assert "18/06/2026 13:30" in info.value.errors["ends_at"]
    assert "18/06/2026 14:00" in info.value.errors["ends_at"]
    with app_ctx.reading() as s:
        assert event_service.list_events(s) == []


def test_missing_title_and_type(app_ctx):
    with app_ctx.transaction() as s:
        with pytest.raises(ValidationError) as info:
            event_service.save_event(s, event_service.EventInput("  ", None, datetime(2026, 1, 1, 9),
                                                                 datetime(2026, 1, 1, 10)))
    assert set(info.value.errors) == {"title", "type_id"}


def test_capacity_below_registered_is_refused(app_ctx):
    with app_ctx.transaction() as s:
        eid = event(s, capacity=10)
        ids = [contact(s, f"Persoon {n}") for n in range(3)]
        invite_contacts(s, eid, ids)
        for row in list_participants(s, eid):
            set_status(s, row.id, "ingeschreven")
    with app_ctx.transaction() as s:
        data = event_service.get_event(s, eid)
        data.capacity = 2
        with pytest.raises(ValidationError) as info:
            event_service.save_event(s, data, eid)
    assert "al 3 deelnemers" in info.value.errors["capacity"]
    with app_ctx.reading() as s:
        assert event_service.get_event(s, eid).capacity == 10  # nothing lost


def test_event_status_transitions(app_ctx):
    with app_ctx.transaction() as s:
        past = event(s, start=datetime(2026, 3, 1, 10), status="concept")
        future = event(s, title="Later", start=datetime(2030, 3, 1, 10), status="concept")
    with app_ctx.transaction() as s:
        with pytest.raises(ValidationError, match="niet rechtstreeks"):
            event_service.set_event_status(s, past, "afgelopen")  # concept -> afgelopen not allowed
        with pytest.raises(ValidationError, match="nog moet beginnen"):
            event_service.set_event_status(s, future, "gepland") or event_service.set_event_status(s, future, "afgelopen")
    with app_ctx.transaction() as s:
        event_service.set_event_status(s, past, "gepland")
        a, b = contact(s, "Aanwezig Iemand"), contact(s, "Weg Gebleven")
        invite_contacts(s, past, [a, b])
        rows = {r.name: r.id for r in list_participants(s, past)}
        set_status(s, rows["Aanwezig Iemand"], "ingeschreven")
        set_status(s, rows["Weg Gebleven"], "ingeschreven")
        set_status(s, rows["Aanwezig Iemand"], PRESENT)
        marked = event_service.set_event_status(s, past, "afgelopen")
    assert marked == 1
    with app_ctx.reading() as s:
        statuses = {r.name: r.status for r in list_participants(s, past)}
        assert statuses == {"Aanwezig Iemand": PRESENT, "Weg Gebleven": NO_SHOW}
        assert event_service.get_event(s, past).status == "afgelopen"


def test_copy_as_template_keeps_agenda_not_participants(app_ctx):
    with app_ctx.transaction() as s:
        eid = event(s, capacity=40, municipalities=["24137"])
        save_agenda_item(s, eid, AgendaInput("Onthaal", "14:00"))
        second = save_agenda_item(s, eid, AgendaInput("Netwerken", "15:00", "An"))
        move_agenda_item(s, second, -1)
        invite_contacts(s, eid, [contact(s, "Iemand")])
        s.get(__import__("regisseur_app.domain.events.models", fromlist=["Event"]).Event, eid).report = "Verslag"
    with app_ctx.transaction() as s:
        copy = event_service.copy_as_template(s, eid, datetime(2027, 6, 17, 13), "Netwerkevent 2027")
    with app_ctx.reading() as s:
        data = event_service.get_event(s, copy)
        assert (data.title, data.status, data.capacity, data.report) == ("Netwerkevent 2027", "concept", 40, "")
        assert (data.starts_at, data.ends_at) == (datetime(2027, 6, 17, 13), datetime(2027, 6, 17, 16))
        assert data.municipality_codes == ["24137"]
        assert [a.title for a in list_agenda(s, copy)] == ["Netwerken", "Onthaal"]
        assert list_participants(s, copy) == []


def test_list_filters_upcoming_past_year_type_municipality(app_ctx):
    now = datetime(2026, 11, 22, 12)
    with app_ctx.transaction() as s:
        event(s, "Oud", start=datetime(2025, 3, 20, 14), municipalities=["24008"])
        event(s, "Dit jaar", type_code="mvo_event", start=datetime(2026, 10, 16, 8), municipalities=["24137"])
        event(s, "Straks", start=datetime(2026, 12, 3, 8), municipalities=["24137", "24008"])
    with app_ctx.reading() as s:
        titles = lambda **kw: [r.title for r in event_service.list_events(s, EventFilter(now=now, **kw))]  # noqa: E731
        assert titles(when="upcoming") == ["Straks"]
        assert titles(when="past") == ["Dit jaar", "Oud"]
        assert titles(year=2026) == ["Straks", "Dit jaar"]
        mvo = event_service.list_events(s, EventFilter(when="all"))[1]
        assert mvo.type_label == "MVO-event"
        from tests.unit.events_support import type_id
        assert titles(type_id=type_id(s, "event_type", "mvo_event")) == ["Dit jaar"]
        assert titles(nis_code="24008") == ["Straks", "Oud"]
        assert titles(text="jaar") == ["Dit jaar"]
        assert event_service.event_years(s)[:2] == [2026, 2025]
        days = event_service.event_days(s, datetime(2026, 12, 1).date(), datetime(2026, 12, 31).date())
        assert [d.day for d in days] == [3]


def test_agenda_time_is_checked(app_ctx):
    with app_ctx.transaction() as s:
        eid = event(s)
        with pytest.raises(ValidationError, match="uu:mm"):
            save_agenda_item(s, eid, AgendaInput("Koffie", "25:00"))
        save_agenda_item(s, eid, AgendaInput("Koffie", "9:30"))
        assert list_agenda(s, eid)[0].start_time == "09:30"
