"""A small world for the plan tests (not a test module): organisations, contacts, events, referrals and
collaborations in 2025, built through the services, with every KPI counted by hand in the docstrings."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select

from regisseur_app.domain.core.organisation_service import set_archived
from regisseur_app.domain.events.models import EventParticipant
from regisseur_app.domain.events.participants import invite_contacts, set_status
from regisseur_app.domain.plan import collaborations, service
from regisseur_app.domain.plan.models import ROLE_CLIENT, ROLE_PARTNER, ROLE_SUPPLIER
from regisseur_app.domain.referrals.models import POSITIVE, REGULAR_WORK, SCREENING, STARTED
from tests.unit.events_support import contact, event, org, type_id
from tests.unit.referral_helpers import move, new_referral

BEK, GEE, GLA, KOR, TW, LEUVEN = "24008", "24028", "24137", "24054", "24135", "24062"


def _present(session, event_id: int, contact_ids: list[int], role: str = "deelnemer", status: str = "aanwezig"):
    invite_contacts(session, event_id, contact_ids, role=role, now=datetime(2025, 1, 2))
    for p in session.scalars(select(EventParticipant).where(EventParticipant.event_id == event_id,
                                                            EventParticipant.contact_id.in_(contact_ids))):
        set_status(session, p.id, status, datetime(2025, 1, 3))


def build_world(session) -> dict:
    """SE organisations: SE1 (maatwerk, active in BEK), SE2 (kringwinkel, seat GEE), SE3 (archived, BEK),
    SE4 (LDE in Leuven, not participating); REG a regular company in BEK.

    Events 2025: E1 netwerkevent region-wide (held), E2 netwerkevent GEE (held), E3 netwerkevent cancelled,
    E4 MVO-event BEK (held), E6 infomoment BEK (held); E5 netwerkevent 2026 (held).
    Present: E1 c1 (SE1, speaker, BEK), c2 (SE2 seat GEE, no own municipality), c3 (Leuven); c4 (BEK+GEE) only
    registered. E4: c4 present, c1 declined. E6: c1 present as speaker. E2 has SE2 as partner.
    """
    w = {}
    w["SE1"] = org(session, "Maatwerk Alfa", "maatwerkbedrijf", seat=BEK, active=[BEK])
    w["SE2"] = org(session, "Kringwinkel Beta", "kringwinkel", seat=GEE)
    w["SE3"] = org(session, "Maatwerk Gamma", "maatwerkbedrijf", seat=BEK, active=[BEK])
    set_archived(session, [w["SE3"]], True)
    w["SE4"] = org(session, "Buurtdienst Delta", "lde", seat=LEUVEN, active=[LEUVEN])
    w["REG"] = org(session, "Bouw Epsilon", "regulier", seat=BEK)
    c1 = contact(session, "Ann Alfa", w["SE1"], municipalities=[BEK])
    c2 = contact(session, "Bart Beta", w["SE2"])
    c3 = contact(session, "Cis Leuven", None, municipalities=[LEUVEN])
    c4 = contact(session, "Dirk Twee", w["REG"], municipalities=[BEK, GEE])
    e1 = event(session, "Netwerk voorjaar", start=datetime(2025, 3, 20, 14), status="afgelopen")
    _present(session, e1, [c1], role="spreker")
    _present(session, e1, [c2, c3])
    _present(session, e1, [c4], status="ingeschreven")
    e2 = event(session, "Netwerk Geetbets", start=datetime(2025, 6, 1, 14), status="afgelopen", municipalities=[GEE])
    from regisseur_app.domain.events.service import get_event, save_event
    data = get_event(session, e2)
    data.partner_ids = [w["SE2"]]
    save_event(session, data, e2)
    event(session, "Netwerk geannuleerd", start=datetime(2025, 9, 1, 14), status="geannuleerd")
    e4 = event(session, "MVO-ontbijt", type_code="mvo_event", start=datetime(2025, 10, 16, 8), status="afgelopen",
               municipalities=[BEK])
    _present(session, e4, [c4])
    _present(session, e4, [c1], status="afgemeld")
    event(session, "Netwerk 2026", start=datetime(2026, 1, 10, 14), status="afgelopen")
    e6 = event(session, "Infomoment", type_code="infomoment", start=datetime(2025, 5, 1, 19), status="afgelopen",
               municipalities=[BEK])
    _present(session, e6, [c1], role="spreker")
    w["events"] = {"E1": e1, "E2": e2, "E4": e4, "E6": e6}

    # referrals: r1 BEK 2025 -> started 1/4/2025 -> doorstroom 1/10/2025; r2 BEK 2025 -> started 15/1/2026;
    # r3 GEE 2025 (no steps); r4 GEE 2024 -> started 1/2/2025
    r1, _ = new_referral(session, BEK, date(2025, 1, 10))
    move(session, r1, (SCREENING, date(2025, 2, 1)), (POSITIVE, date(2025, 3, 1)), (STARTED, date(2025, 4, 1)),
         (REGULAR_WORK, date(2025, 10, 1)), organisation_id=w["SE1"])
    r2, _ = new_referral(session, BEK, date(2025, 5, 10))
    move(session, r2, (SCREENING, date(2025, 6, 1)), (POSITIVE, date(2025, 7, 1)), (STARTED, date(2026, 1, 15)),
         organisation_id=w["SE1"])
    new_referral(session, GEE, date(2025, 7, 1))
    r4, _ = new_referral(session, GEE, date(2024, 12, 20))
    move(session, r4, (SCREENING, date(2025, 1, 5)), (POSITIVE, date(2025, 1, 20)), (STARTED, date(2025, 2, 1)),
         organisation_id=w["SE2"])

    # collaborations: k1 BEK opdracht 10.000 2 jobs (SE1 supplier); k2 GEE clause 5.000 (SE2 supplier);
    # k3 region circular 2.500 1 job (partners only); k4 BEK 2026; k5 BEK doorstroom 3 jobs (REG supplier)
    def collab(when, title, type_code, nis, value, jobs, parties):
        return collaborations.save(session, collaborations.CollaborationInput(
            when, title, type_id(session, service.COLLABORATION_TYPE, type_code), nis, value, jobs, parties=parties))

    w["k1"] = collab(date(2025, 3, 1), "Groenonderhoud", "opdracht_se", BEK, 10000.0, 2,
                     [(w["REG"], ROLE_CLIENT), (w["SE1"], ROLE_SUPPLIER)])
    collab(date(2025, 6, 1), "Schoonmaak gemeentehuis", "sociale_clausule", GEE, 5000.0, None,
           [(w["REG"], ROLE_CLIENT), (w["SE2"], ROLE_SUPPLIER)])
    collab(date(2025, 8, 1), "Hergebruik bedrijfskledij", "circulair", None, 2500.0, 1,
           [(w["REG"], ROLE_PARTNER), (w["SE1"], ROLE_PARTNER)])
    collab(date(2026, 1, 5), "Opdracht 2026", "opdracht_se", BEK, 99999.0, 9,
           [(w["REG"], ROLE_CLIENT), (w["SE1"], ROLE_SUPPLIER)])
    collab(date(2025, 9, 1), "Doorstroom bouw", "doorstroom", BEK, None, 3, [(w["REG"], ROLE_SUPPLIER)])
    return w
