"""Participants: invitations (duplicates, archived), status transitions, waiting list, check-in, bulk filter."""

from datetime import datetime, timedelta

import pytest

from regisseur_app.domain.core.base import ValidationError
from regisseur_app.domain.events import service as event_service
from regisseur_app.domain.events.invite_filter import InviteFilter, find_candidates
from regisseur_app.domain.events.models import DECLINED, INVITED, NO_SHOW, PRESENT, REGISTERED, WAITING
from regisseur_app.domain.events.participants import (
    capacity_summary,
    check_in,
    invite_contacts,
    list_participants,
    remove_participants,
    set_status,
    undo_check_in,
)
from tests.unit.events_support import contact, event, org, type_id

T0 = datetime(2026, 5, 1, 9)


def _ids(s, eid):
    return {r.name: r.id for r in list_participants(s, eid)}


def test_duplicate_and_archived_invitations_are_reported(app_ctx):
    with app_ctx.transaction() as s:
        eid = event(s)
        a, b = contact(s, "An Peeters"), contact(s, "Bart Claes")
        old = contact(s, "Oud Contact", archived=True)
        first = invite_contacts(s, eid, [a], now=T0)
        second = invite_contacts(s, eid, [a, b, old], now=T0)
    assert first.added == ["An Peeters"]
    assert (second.added, second.duplicates, second.refused) == (["Bart Claes"], ["An Peeters"], ["Oud Contact: gearchiveerd"])
    assert "al uitgenodigd" in second.message() and "Oud Contact" in second.message()
    with app_ctx.reading() as s:
        assert sorted(_ids(s, eid)) == ["An Peeters", "Bart Claes"]


def test_waiting_list_moves_up_when_someone_cancels(app_ctx):
    with app_ctx.transaction() as s:
        eid = event(s, capacity=2)
        people = [contact(s, name) for name in ("Anna", "Bert", "Carl", "Dirk")]
        invite_contacts(s, eid, people, now=T0)
        ids = _ids(s, eid)
        results = [set_status(s, ids[name], REGISTERED, T0 + timedelta(hours=n))
                   for n, name in enumerate(("Anna", "Bert", "Carl", "Dirk"))]
    assert [r.status for r in results] == [REGISTERED, REGISTERED, WAITING, WAITING]
    assert "wachtlijst" in results[2].message("Carl")
    with app_ctx.transaction() as s:
        rows = {r.name: r for r in list_participants(s, eid)}
        assert (rows["Carl"].waiting_position, rows["Dirk"].waiting_position) == (1, 2)
        change = set_status(s, ids["Bert"], DECLINED, T0 + timedelta(days=1))
    assert change.promoted == ["Carl"]
    assert "doorgeschoven" in change.message("Bert") and "Carl" in change.message("Bert")
    with app_ctx.reading() as s:
        statuses = {r.name: r.status for r in list_participants(s, eid)}
        summary = capacity_summary(s, eid)
    assert statuses == {"Anna": REGISTERED, "Bert": DECLINED, "Carl": REGISTERED, "Dirk": WAITING}
    assert (summary.seated, summary.waiting, summary.free) == (2, 1, 0)


def test_raising_capacity_and_removing_fill_from_waiting_list(app_ctx):
    from regisseur_app.domain.events.participants import fill_from_waiting_list

    with app_ctx.transaction() as s:
        eid = event(s, capacity=1)
        invite_contacts(s, eid, [contact(s, n) for n in ("Anna", "Bert", "Carl")], now=T0)
        ids = _ids(s, eid)
        for n, name in enumerate(("Anna", "Bert", "Carl")):
            set_status(s, ids[name], REGISTERED, T0 + timedelta(hours=n))
        promoted = remove_participants(s, [ids["Anna"]])
        assert promoted == ["Bert"]
        data = event_service.get_event(s, eid)
        data.capacity = 5
        event_service.save_event(s, data, eid)
        assert fill_from_waiting_list(s, eid) == ["Carl"]
        assert capacity_summary(s, eid).waiting == 0


def test_unlimited_capacity_never_waitlists(app_ctx):
    with app_ctx.transaction() as s:
        eid = event(s, capacity=None)
        invite_contacts(s, eid, [contact(s, f"P{n}") for n in range(5)], now=T0)
        assert {set_status(s, pid, REGISTERED).status for pid in _ids(s, eid).values()} == {REGISTERED}


def test_status_transitions_and_check_in(app_ctx):
    with app_ctx.transaction() as s:
        eid = event(s, capacity=3)
        invite_contacts(s, eid, [contact(s, "Anna")], now=T0)
        pid = _ids(s, eid)["Anna"]
        with pytest.raises(ValidationError, match="niet rechtstreeks"):
            set_status(s, pid, NO_SHOW)  # uitgenodigd -> niet opgedaagd is not a transition
        check_in(s, pid, datetime(2026, 6, 18, 13, 55))
        row = list_participants(s, eid)[0]
        assert (row.status, row.checked_in_at) == (PRESENT, datetime(2026, 6, 18, 13, 55))
        undo_check_in(s, pid)
        row = list_participants(s, eid)[0]
        assert (row.status, row.checked_in_at) == (REGISTERED, None)
        set_status(s, pid, DECLINED)
        set_status(s, pid, INVITED)
        assert list_participants(s, eid)[0].status == INVITED


def test_cancelled_event_refuses_invitations(app_ctx):
    with app_ctx.transaction() as s:
        eid = event(s, status="geannuleerd")
        with pytest.raises(ValidationError, match="geannuleerd"):
            invite_contacts(s, eid, [contact(s, "Anna")])


def test_bulk_filter_by_type_municipality_and_function(app_ctx):
    with app_ctx.transaction() as s:
        se_glabbeek = org(s, "Groen Werkt", "maatwerkbedrijf", seat="24008", active=["24137"])
        se_elsewhere = org(s, "Kring Oost", "kringwinkel", seat="24054", active=["24054"])
        town = org(s, "Gemeente Glabbeek", "lokaal_bestuur", seat="24137")
        contact(s, "An Groen", se_glabbeek, "directeur")
        contact(s, "Bo Groen", se_glabbeek, "jobcoach", email="")
        contact(s, "Cas Kring", se_elsewhere, "directeur")
        contact(s, "Dina Schepen", town, "Schepen van sociale economie", municipalities=["24137"])
        contact(s, "Els Oud", se_glabbeek, "directeur", archived=True)
        eid = event(s)
        se_types = [type_id(s, "organisation_type", c) for c in ("maatwerkbedrijf", "kringwinkel")]
        found = find_candidates(s, eid, InviteFilter(organisation_type_ids=se_types, nis_codes=["24137"]))
        assert [c.name for c in found] == ["An Groen", "Bo Groen"]
        with_mail = find_candidates(s, eid, InviteFilter(organisation_type_ids=se_types, nis_codes=["24137"],
                                                         only_with_email=True))
        assert [c.name for c in with_mail] == ["An Groen"]
        schepenen = find_candidates(s, eid, InviteFilter(function_text="schepen"))
        assert [c.name for c in schepenen] == ["Dina Schepen"]
        invite_contacts(s, eid, [schepenen[0].id])
        assert find_candidates(s, eid, InviteFilter(function_text="SCHEPEN"))[0].already_invited
