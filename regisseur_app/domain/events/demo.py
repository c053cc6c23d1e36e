"""Demo events (FICTITIOUS): two years (2025 and 2026) of network events, MVO events, info sessions,
visits, speed dates and steering groups, with participants, agendas, reports and follow-up actions
(some overdue). Made through the services, deterministically from the seed."""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from regisseur_app.domain.core.codelists import EVENT_AUDIENCE, EVENT_TYPE, list_items
from regisseur_app.domain.core.organisations import Contact, Organisation
from regisseur_app.domain.events.agenda import AgendaInput, save_agenda_item
from regisseur_app.domain.events.follow_up import ActionInput, save_action
from regisseur_app.domain.events.models import (
    ACTION_BUSY,
    ACTION_DONE,
    ACTION_OPEN,
    CANCELLED,
    DECLINED,
    FINISHED,
    INVITED_SENT,
    PLANNED,
    PRESENT,
    REGISTERED,
)
from regisseur_app.domain.events.participants import invite_contacts, set_status
from regisseur_app.domain.events.service import EventInput, save_event, set_event_status

DEMO_KEY = "demo_events"


@dataclass(frozen=True)
class _Plan:
    type_code: str
    title: str
    start: datetime
    hours: float
    location: str
    status: str
    org_types: tuple[str, ...]      # whom to invite
    invited: int
    capacity: int | None = None
    audiences: tuple[str, ...] = ()
    municipalities: tuple[str, ...] = ("24008", "24028", "24137", "24054", "24135")
    function_word: str = ""         # invite also contacts whose function contains this word


SE = ("maatwerkbedrijf", "maatwerkafdeling", "lde", "arbeidszorg", "kringwinkel")
POLICY = ("lokaal_bestuur",)
PLANS = (
    _Plan("stuurgroep", "Stuurgroep regierol sociale economie – voorjaar 2025", datetime(2025, 2, 13, 10), 2,
          "Gemeentehuis Bekkevoort, raadzaal", FINISHED, POLICY + ("vdab",), 10, None, ("beleidsmakers", "ambtenaren")),
    _Plan("netwerkevent", "Netwerkmoment sociale economie Hageland 2025", datetime(2025, 3, 20, 14), 3.5,
          "Ontmoetingscentrum De Wip, Glabbeek", FINISHED, SE + POLICY + ("vdab", "middenveld"), 40, 60,
          ("beleidsmakers", "ambtenaren", "se_actoren"), function_word="schepen"),
    _Plan("bedrijvenbezoek", "Hop 'n Job: bedrijvenbezoek voor werkzoekenden", datetime(2025, 5, 15, 9, 30), 3,
          "Industrieweg 12, Tielt-Winge", FINISHED, ("vdab", "lokaal_bestuur", "regulier"), 14, 20,
          ("werkzoekenden", "partners"), ("24135", "24008")),
    _Plan("infomoment", "Infomoment maatwerk voor lokale besturen", datetime(2025, 6, 12, 19, 30), 2,
          "Gemeentehuis Kortenaken", FINISHED, POLICY + ("middenveld",), 15, None, ("beleidsmakers", "ambtenaren"),
          ("24054",)),
    _Plan("mvo_event", "MVO-ontbijt: samenwerken met de sociale economie", datetime(2025, 10, 16, 7, 45), 2.25,
          "Kasteel van Horst (zaal), Holsbeek", FINISHED, ("regulier",) + SE, 28, 35, ("reguliere_bedrijven", "se_actoren")),
    _Plan("speeddate", "Speeddate SE en reguliere bedrijven", datetime(2025, 11, 27, 16), 2.5,
          "Ontmoetingscentrum Geetbets", FINISHED, ("regulier", "maatwerkbedrijf", "kringwinkel"), 18, 16,
          ("reguliere_bedrijven", "se_actoren")),
    _Plan("stuurgroep", "Stuurgroep regierol sociale economie – voorjaar 2026", datetime(2026, 2, 5, 10), 2,
          "Gemeentehuis Geetbets", FINISHED, POLICY + ("vdab",), 10, None, ("beleidsmakers", "ambtenaren")),
    _Plan("werkbezoek", "Werkbezoek maatwerkbedrijf voor schepenen", datetime(2026, 3, 26, 13, 30), 3,
          "Ambachtsweg 4, Glabbeek", FINISHED, POLICY, 12, 15, ("beleidsmakers",), ("24137",), "schepen"),
    _Plan("netwerkevent", "Netwerkevent sociale economie 2026", datetime(2026, 6, 18, 14), 3.5,
          "Cultuurzaal Tielt-Winge", FINISHED, SE + POLICY + ("vdab", "middenveld", "kennisinstelling"), 45, 50,
          ("beleidsmakers", "ambtenaren", "se_actoren")),
    _Plan("jobbeurs", "Jobbeurs Hageland 2026", datetime(2026, 9, 24, 10), 6, "Sporthal Bekkevoort", CANCELLED,
          ("vdab", "regulier", "maatwerkbedrijf"), 12, 200, ("werkzoekenden", "reguliere_bedrijven")),
    _Plan("mvo_event", "MVO-event: inclusief ondernemen in het Hageland", datetime(2026, 12, 3, 8), 2.5,
          "Ontmoetingscentrum De Wip, Glabbeek", INVITED_SENT, ("regulier",) + SE, 30, 25,
          ("reguliere_bedrijven", "se_actoren")),
    _Plan("stuurgroep", "Stuurgroep regierol sociale economie – najaar 2026", datetime(2026, 12, 15, 10), 2,
          "Gemeentehuis Kortenaken", PLANNED, POLICY + ("vdab",), 10, None, ("beleidsmakers", "ambtenaren")),
)

AGENDA = {
    "netwerkevent": [("14:00", "Onthaal met koffie", ""), ("14:30", "Stand van zaken van de regierol", "regisseur"),
                     ("15:00", "Getuigenissen uit de maatwerkbedrijven", ""), ("16:00", "Netwerken", ""),
                     ("17:15", "Afsluiting en drankje", "")],
    "mvo_event": [("", "Ontbijt en verwelkoming", ""), ("", "Inclusief aankopen bij de sociale economie", ""),
                  ("", "Tafelgesprekken per sector", "")],
    "stuurgroep": [("10:00", "Goedkeuring vorig verslag", ""), ("10:15", "Voortgang actieplan", "regisseur"),
                   ("11:15", "Varia", "")],
}
REPORTS = (
    "Goede opkomst en veel uitwisseling tussen de lokale besturen en de SE-organisaties. Afgesproken om de "
    "opvolging in de volgende stuurgroep te bespreken.",
    "De deelnemers vroegen een overzicht van het aanbod per gemeente. Enkele bedrijven tonen interesse in "
    "onderaanneming door een maatwerkbedrijf.",
    "Constructief overleg. De gemeenten bevestigen hun engagement voor de regierol; er is nood aan meer "
    "zichtbaarheid van de sociale economie bij reguliere werkgevers.",
)
ACTIONS = (
    "Presentaties en deelnemerslijst rondsturen naar alle aanwezigen",
    "Overzicht van het SE-aanbod per gemeente bezorgen aan de schepenen",
    "Contact leggen tussen geïnteresseerde bedrijven en maatwerkbedrijven",
    "Evaluatie bespreken op de volgende stuurgroep",
    "Vraag naar extra doelgroepwerknemers doorgeven aan VDAB",
)


def populate_demo(session: Session, seed: int) -> None:
    rng = random.Random(seed + 4)
    types = {i.code: i.id for i in list_items(session, EVENT_TYPE, include_inactive=True)}
    audiences = {i.code: i.id for i in list_items(session, EVENT_AUDIENCE, include_inactive=True)}
    contacts = list(session.scalars(select(Contact).options(selectinload(Contact.organisation)
                                                            .selectinload(Organisation.type))
                                    .where(Contact.archived.is_(False)).order_by(Contact.id)))
    for n, plan in enumerate(PLANS):
        if plan.type_code not in types:
            continue
        if plan.status == FINISHED and plan.start > datetime.now():  # a clock before the demo's dates
            plan = replace(plan, status=PLANNED)
        event_id = save_event(session, EventInput(
            title=plan.title, type_id=types[plan.type_code], starts_at=plan.start,
            ends_at=plan.start + timedelta(hours=plan.hours), location=plan.location,
            description=f"{plan.title}. Fictief demo-evenement.", capacity=plan.capacity,
            audience_ids=[audiences[a] for a in plan.audiences if a in audiences],
            municipality_codes=list(plan.municipalities), status=PLANNED))
        for start, title, speaker in AGENDA.get(plan.type_code, []):
            save_agenda_item(session, event_id, AgendaInput(title, start, speaker))
        chosen = _invitees(rng, contacts, plan)
        invite_when = plan.start - timedelta(days=30)
        invite_contacts(session, event_id, [c.id for c in chosen], now=invite_when)
        _play_registrations(session, rng, event_id, plan, invite_when)
        if plan.status != PLANNED:
            set_event_status(session, event_id, plan.status)
        if plan.status == FINISHED:
            _report_and_actions(session, rng, event_id, plan, chosen, n)


def _invitees(rng: random.Random, contacts: list[Contact], plan: _Plan) -> list[Contact]:
    pool = [c for c in contacts if c.organisation is not None and c.organisation.type.code in plan.org_types]
    if plan.function_word:
        pool += [c for c in contacts if plan.function_word in c.function.lower() and c not in pool]
    rng.shuffle(pool)
    return pool[: plan.invited]


def _play_registrations(session: Session, rng: random.Random, event_id: int, plan: _Plan, when: datetime) -> None:
    from regisseur_app.domain.events.participants import list_participants

    rows = list_participants(session, event_id)
    rng.shuffle(rows)
    for k, row in enumerate(rows):
        moment = when + timedelta(days=1 + k % 20, hours=k)
        roll = rng.random()
        if roll < 0.7:
            set_status(session, row.id, REGISTERED, moment)
        elif roll < 0.85:
            set_status(session, row.id, DECLINED, moment)
    if plan.status == FINISHED:
        for row in list_participants(session, event_id):
            if row.status == REGISTERED and rng.random() < 0.82:
                set_status(session, row.id, PRESENT, plan.start + timedelta(minutes=rng.randint(-20, 25)))


def _report_and_actions(session: Session, rng: random.Random, event_id: int, plan: _Plan,
                        chosen: list[Contact], n: int) -> None:
    from regisseur_app.domain.events.models import Event

    session.get(Event, event_id).report = REPORTS[n % len(REPORTS)]
    demo_today = date(2026, 11, 22)
    for k, text in enumerate(rng.sample(ACTIONS, 2 + n % 2)):
        due = plan.start.date() + timedelta(days=14 + 30 * k)
        if due >= demo_today:
            status = ACTION_OPEN
        elif due < date(2026, 1, 1):
            status = ACTION_OPEN if (n, k) == (1, 1) else ACTION_DONE  # one long-forgotten action
        else:
            status = (ACTION_BUSY if k == 0 else ACTION_OPEN) if rng.random() < 0.6 else ACTION_DONE
        owner = None if k == 0 or not chosen else rng.choice(chosen).id
        orgs = sorted({c.organisation_id for c in rng.sample(chosen, min(2, len(chosen))) if c.organisation_id})
        save_action(session, event_id, ActionInput(text, owner, due, status, orgs), today=due)
