"""Contact persons: deletion on request (personal data gone, event participations kept anonymously and
counted) and the 'geen uitnodigingen' flag that every invitation path respects."""

from datetime import datetime

from sqlalchemy import select

from regisseur_app.domain.core import contact_service
from regisseur_app.domain.core.contact_service import ContactInput, get_contact, save_contact
from regisseur_app.domain.core.organisations import Contact
from regisseur_app.domain.events import stats
from regisseur_app.domain.events.invite_filter import InviteFilter, find_candidates
from regisseur_app.domain.events.participants import check_in, invite_contacts, list_participants
from regisseur_app.exchange.events import eml
from regisseur_app.operations import core as core_ops
from tests.unit.events_support import contact, event, org

T0 = datetime(2026, 6, 1, 9)


def test_a_deleted_contact_leaves_no_personal_data_and_still_counts_in_the_statistics(app_ctx):
    with app_ctx.transaction() as s:
        eid = event(s, start=datetime(2026, 3, 5, 14))
        oid = org(s, "Kringwinkel Test", "kringwinkel")
        jan = contact(s, "Jan Peeters", oid, function="jobcoach", municipalities=["24008"])
        other = contact(s, "Els Claes", oid)
        invite_contacts(s, eid, [jan, other], now=T0)
        participant = next(p for p in list_participants(s, eid) if p.name == "Jan Peeters")
        check_in(s, participant.id, now=datetime(2026, 3, 5, 14, 5))
        before = stats.event_counts(s, eid, now=datetime(2026, 4, 1))
    assert core_ops.delete_contacts(app_ctx, [jan]) == ["Jan Peeters"]
    with app_ctx.reading() as s:
        names = [c.name for archived in (False, True)
                 for c in contact_service.list_contacts(s, contact_service.ContactFilter(archived=archived))]
        row = s.get(Contact, jan)
        after = stats.event_counts(s, eid, now=datetime(2026, 4, 1))
        participants = sorted(p.name for p in list_participants(s, eid))
        everything = " ".join(str(v) for v in s.execute(select(Contact.__table__)).all())
    assert names == ["Els Claes"]
    assert (row.name, row.function, row.email, row.phone, row.notes, row.municipalities) == (
        contact_service.ERASED_NAME, "", "", "", "", [])
    assert "Peeters" not in everything and "jan.peeters" not in everything
    assert after == before  # invited 2, present 1: the numbers of the event do not change
    assert participants == ["Els Claes", contact_service.ERASED_NAME]
    with app_ctx.transaction() as s:  # an import of the same person later makes a new contact, not the shell
        assert contact_service.find_contact(s, contact_service.ERASED_NAME, "", oid) is None


def test_no_invitations_is_respected_by_bulk_invitations_and_mails(app_ctx):
    with app_ctx.transaction() as s:
        eid = event(s)
        an = contact(s, "An Peeters")
        bart = save_contact(s, ContactInput(name="Bart Claes", email="bart@test.example", no_invitations=True))
        assert get_contact(s, bart).no_invitations is True
        candidates = [c.name for c in find_candidates(s, eid, InviteFilter())]
        result = invite_contacts(s, eid, [an, bart], now=T0)
    assert candidates == ["An Peeters"]
    assert result.added == ["An Peeters"] and result.refused == ["Bart Claes: wil geen uitnodigingen ontvangen"]
    with app_ctx.transaction() as s:  # set after the invitation: the mail is not written for them
        invite_contacts(s, eid, [bart], now=T0)  # refused again
        save_contact(s, ContactInput(name="An Peeters", email="an.peeters@test.example", no_invitations=True), an)
        ok, refused = eml.invitees(s, eid)
    assert ok == [] and refused == ["An Peeters (wil geen uitnodigingen)"]
