"""Statistics against hand counts; yearly obligations; follow-up actions and overdue."""

from datetime import date, datetime

import pytest

from regisseur_app.domain.core.base import ValidationError
from regisseur_app.domain.events import follow_up, obligations
from regisseur_app.domain.events import stats as event_stats
from regisseur_app.domain.events.follow_up import ActionInput
from regisseur_app.domain.events.models import ACTION_DONE, DECLINED, PRESENT, REGISTERED, WAITING
from regisseur_app.domain.events.participants import invite_contacts, list_participants, set_status
from regisseur_app.domain.events.service import set_event_status
from tests.unit.events_support import contact, event, org


def _build_two_events(s):
    """Event A (2025): 6 invited. Event B (2025): 3 invited. Event C (2025, cancelled) is left out."""
    se = org(s, "Groen Werkt", "maatwerkbedrijf", seat="24008")
    town = org(s, "Gemeente Glabbeek", "lokaal_bestuur", seat="24137")
    people = {
        "A1": contact(s, "A1", se, municipalities=["24008"]),
        "A2": contact(s, "A2", se, municipalities=["24008", "24137"]),
        "A3": contact(s, "A3", town, municipalities=["24137"]),
        "A4": contact(s, "A4", town),                      # no municipality: seat of town = Glabbeek
        "A5": contact(s, "A5"),                            # no organisation, no municipality
        "A6": contact(s, "A6", se, municipalities=["24028"]),
    }
    a = event(s, "A", start=datetime(2025, 3, 20, 14), capacity=4)
    b = event(s, "B", start=datetime(2025, 10, 16, 8))
    c = event(s, "C", start=datetime(2025, 11, 1, 8))
    invite_contacts(s, a, list(people.values()))
    ids = {r.name: r.id for r in list_participants(s, a)}
    for name in ("A1", "A2", "A3", "A4", "A5"):   # A5 lands on the waiting list (capacity 4)
        set_status(s, ids[name], REGISTERED)
    set_status(s, ids["A6"], DECLINED)
    for name in ("A1", "A2", "A3"):
        set_status(s, ids[name], PRESENT)
    set_event_status(s, a, "afgelopen")           # A4: niet opgedaagd
    invite_contacts(s, b, [people["A1"], people["A3"], people["A6"]])
    ids_b = {r.name: r.id for r in list_participants(s, b)}
    set_status(s, ids_b["A1"], REGISTERED)
    set_status(s, ids_b["A1"], PRESENT)
    set_status(s, ids_b["A3"], REGISTERED)
    invite_contacts(s, c, [people["A1"]])
    set_event_status(s, c, "geannuleerd")
    return a, b


def test_statistics_match_hand_counts(app_ctx):
    with app_ctx.transaction() as s:
        a, b = _build_two_events(s)
    with app_ctx.reading() as s:
        ca = event_stats.event_counts(s, a)
        # hand count A: invited 6; registered = A1 A2 A3 (present) + A4 (no-show) = 4; present 3
        assert (ca.invited, ca.registered, ca.present, ca.rate_text) == (6, 4, 3, "75,0 %")
        statuses = {r.name: r.status for r in list_participants(s, a)}
        assert statuses["A5"] == WAITING and statuses["A4"] == "niet_opgedaagd"
        per_event = event_stats.year_events(s, 2025)
        assert [(c.label, c.invited, c.registered, c.present) for c in per_event] == [
            ("A", 6, 4, 3), ("B", 3, 2, 1)]
        total = event_stats.year_total(s, 2025)
        assert (total.invited, total.registered, total.present) == (9, 6, 4)
        by_town = {c.label: (c.invited, c.registered, c.present)
                   for c in event_stats.breakdown(s, [a, b], "municipality")}
        # Bekkevoort: A1(a,b) A2(a) -> invited 3, registered 3, present 3
        # Glabbeek: A2(a) A3(a,b) A4(a, via seat) -> invited 4, registered A2 A3 A4 A3b = 4, present A2 A3 = 2
        # Geetbets: A6 (a,b) invited 2, registered 0; Onbekend: A5 invited 1
        assert by_town == {"Bekkevoort": (3, 3, 3), "Glabbeek": (4, 4, 2), "Geetbets": (2, 0, 0),
                           "Onbekend": (1, 0, 0)}
        by_type = {c.label: (c.invited, c.registered, c.present)
                   for c in event_stats.breakdown(s, [a, b], "organisation_type")}
        # Maatwerkbedrijf: A1 A2 A6 in a, A1 A6 in b -> 5 invited, registered A1 A2 A1b = 3, present 3
        # Lokaal bestuur: A3 A4 in a, A3 in b -> 3 invited, registered 3, present 1
        assert by_type == {"Geen organisatie": (1, 0, 0), "Lokaal bestuur/OCMW": (3, 3, 1),
                           "Maatwerkbedrijf": (5, 3, 3)}
        assert event_stats.year_total(s, 2024).invited == 0


def test_obligations_met_planned_not_met(app_ctx):
    with app_ctx.transaction() as s:
        event(s, "Netwerk 2025", start=datetime(2025, 3, 20, 14), status="afgelopen")
        event(s, "MVO 2025 geannuleerd", "mvo_event", start=datetime(2025, 10, 16, 8), status="geannuleerd")
        event(s, "Netwerk 2026 nog niet afgesloten", start=datetime(2026, 6, 18, 14), status="gepland")
        event(s, "MVO 2026", "mvo_event", start=datetime(2026, 12, 3, 8), status="uitnodigingen_verstuurd")
        event(s, "Infomoment", "infomoment", start=datetime(2026, 2, 3, 19), status="afgelopen")
    with app_ctx.reading() as s:
        y25 = {o.key: o for o in obligations.yearly_obligations(s, 2025)}
        y26 = {o.key: o for o in obligations.yearly_obligations(s, 2026)}
    assert (y25["network"].state, y25["mvo"].state) == ("gehaald", "niet_gehaald")
    assert [e.title for e in y25["network"].events] == ["Netwerk 2025"]
    assert y25["mvo"].events == ()  # the cancelled one does not count
    assert (y26["network"].state, y26["mvo"].state) == ("gepland", "gepland")
    assert "nog niet afgelopen" in y26["network"].events[0].text()
    # configurable: let info sessions count for the network obligation as well
    with app_ctx.transaction() as s:
        obligations.set_counting_types(s, "network", ["netwerkevent", "infomoment"])
        with pytest.raises(ValidationError):
            obligations.set_counting_types(s, "mvo", [])
    with app_ctx.reading() as s:
        y26 = {o.key: o for o in obligations.yearly_obligations(s, 2026)}
    assert y26["network"].state == "gehaald"
    assert [e.title for e in y26["network"].events] == ["Infomoment", "Netwerk 2026 nog niet afgesloten"]
    assert y26["network"].type_labels == "Netwerkevent, Infomoment"


def test_follow_up_actions_and_overdue(app_ctx):
    today = date(2026, 11, 22)
    with app_ctx.transaction() as s:
        eid = event(s, start=datetime(2026, 6, 18, 14), status="afgelopen")
        owner = contact(s, "Eva Owner")
        partner = org(s, "Groen Werkt", "maatwerkbedrijf")
        late = follow_up.save_action(s, eid, ActionInput("Verslag rondsturen", None, date(2026, 7, 1)))
        follow_up.save_action(s, eid, ActionInput("Bezoek plannen", owner, date(2026, 12, 1), "open", [partner]))
        done = follow_up.save_action(s, eid, ActionInput("Afgewerkt", owner, date(2026, 8, 1), ACTION_DONE),
                                     today=date(2026, 8, 2))
        follow_up.save_action(s, eid, ActionInput("Zonder datum"))
        with pytest.raises(ValidationError):
            follow_up.save_action(s, eid, ActionInput("  "))
    with app_ctx.reading() as s:
        rows = follow_up.list_actions(s, eid, today)
        overdue = follow_up.overdue_actions(s, today)
    assert [r.description for r in rows] == ["Verslag rondsturen", "Afgewerkt", "Bezoek plannen", "Zonder datum"]
    assert [r.id for r in overdue] == [late]
    assert overdue[0].owner == "Regisseur" and overdue[0].overdue
    assert rows[2].organisations == "Groen Werkt" and rows[2].owner == "Eva Owner"
    assert next(r for r in rows if r.id == done).completed_on == date(2026, 8, 2)
    with app_ctx.transaction() as s:
        follow_up.set_action_status(s, late, ACTION_DONE, today)
    with app_ctx.reading() as s:
        assert follow_up.overdue_actions(s, today) == []


def test_future_event_has_no_attendance_rate_and_does_not_lower_the_year(app_ctx):
    now = datetime(2026, 11, 22, 12)
    with app_ctx.transaction() as s:
        held = event(s, "Gehouden", start=datetime(2026, 6, 18, 14))
        future = event(s, "Straks", start=datetime(2026, 12, 3, 8))
        for eid in (held, future):
            invite_contacts(s, eid, [contact(s, f"{eid}-{n}") for n in range(2)])
            for row in list_participants(s, eid):
                set_status(s, row.id, REGISTERED)
        set_status(s, list_participants(s, held)[0].id, PRESENT)
    with app_ctx.reading() as s:
        per_event = {c.label: c for c in event_stats.year_events(s, 2026, now)}
        total = event_stats.year_total(s, 2026, now)
    assert (per_event["Gehouden"].rate_text, per_event["Straks"].rate, per_event["Straks"].rate_text) == (
        "50,0 %", None, "")
    assert (total.registered, total.present, total.rate_text) == (4, 1, "50,0 %")  # 1 of the 2 at the held event


def test_obligations_count_from_the_year_the_association_was_set_up(app_ctx):
    """A fresh database does not show last year as 'niet gehaald': the association was not there yet."""
    from datetime import date, datetime

    from regisseur_app.domain.events import obligations
    from tests.unit.events_support import event

    this_year = date.today().year
    with app_ctx.reading() as s:
        assert obligations.first_year(s) == this_year
        assert obligations.yearly_obligations(s, this_year - 1) == []
        assert [o.state for o in obligations.yearly_obligations(s, this_year)] == [obligations.TO_PLAN] * 2  # the year is still running
    with app_ctx.transaction() as s:  # history typed in afterwards: counting starts at that event's year
        event(s, start=datetime(this_year - 2, 5, 3, 14), status="afgelopen")
    with app_ctx.reading() as s:
        assert obligations.first_year(s) == this_year - 2
        states = [o.state for o in obligations.yearly_obligations(s, this_year - 2)]
    assert states == [obligations.MET, obligations.NOT_MET]


def test_breakdowns_at_once_equal_each_breakdown_and_the_total_of_the_rows(app_ctx):
    """The statistics tab reads both breakdowns in one go and the total from the per-event rows it has."""
    with app_ctx.transaction() as s:
        a, b = _build_two_events(s)
    with app_ctx.reading() as s:
        both = event_stats.breakdowns(s, [a, b])
        for by in ("municipality", "organisation_type"):
            assert both[by] == event_stats.breakdown(s, [a, b], by)
        assert [c.label for c in both["municipality"]] == ["Bekkevoort", "Geetbets", "Glabbeek", "Onbekend"]
        # event B alone: A1 (Bekkevoort, present), A3 (Glabbeek, registered), A6 (Geetbets, invited)
        only_b = event_stats.breakdowns(s, [b])
        assert [(c.label, c.invited, c.registered, c.present) for c in only_b["municipality"]] == [
            ("Bekkevoort", 1, 1, 1), ("Geetbets", 1, 0, 0), ("Glabbeek", 1, 1, 0)]
        assert event_stats.breakdowns(s, []) == {"municipality": [], "organisation_type": []}
        per_event = event_stats.year_events(s, 2025)
        assert event_stats.total_of(2025, per_event) == event_stats.year_total(s, 2025)
        assert event_stats.total_of(2025, per_event).label == "Totaal 2025"
