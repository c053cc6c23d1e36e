"""Demo data of the plan: the default plan from 2025 with realistic progress over two years, links to the
demo events, hand-entered KPI values and a dozen collaborations between demo organisations (fictitious)."""

from __future__ import annotations

import random
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from regisseur_app.domain.core import codelists
from regisseur_app.domain.core.codelists import CodeItem
from regisseur_app.domain.core.municipalities import Municipality, participating_codes
from regisseur_app.domain.core.organisations import Organisation
from regisseur_app.domain.plan import collaborations, kpis, links, service
from regisseur_app.domain.plan.default_plan import load_default_plan
from regisseur_app.domain.plan.models import (
    NOT_STARTED,
    POSTPONED,
    REALISED,
    ROLE_CLIENT,
    ROLE_PARTNER,
    ROLE_SUPPLIER,
    RUNNING,
    ActionMunicipality,
    Kpi,
)

START_YEAR = 2025
OWNERS = ("Regisseur", "Regisseur", "Regisseur", "Beleidsmedewerker lokale economie", "OCMW-trajectbegeleider",
          "Schepen van sociale economie")
# action number -> (status in most municipalities, start, end, result)
PROGRESS = {
    "1.1": (REALISED, date(2025, 2, 1), date(2025, 6, 30), "Werkbezoek bij elk college; visienota besproken."),
    "1.2": (RUNNING, date(2025, 3, 1), date(2026, 12, 31), "Afspraken gemaakt over drie acties per gemeente."),
    "1.3": (RUNNING, date(2025, 9, 1), None, ""),
    "2.1": (RUNNING, date(2025, 1, 1), None, "Netwerkmoment 2025 en netwerkevent 2026 gehouden."),
    "2.2": (REALISED, date(2025, 4, 1), date(2025, 12, 31), "Infosessie werkvormen in alle gemeenten."),
    "2.3": (RUNNING, date(2025, 10, 1), date(2026, 12, 31), ""),
    "3.1": (REALISED, date(2025, 1, 15), date(2025, 11, 30), "Omgevingsanalyse afgerond en voorgesteld."),
    "3.2": (NOT_STARTED, date(2026, 9, 1), date(2027, 6, 30), ""),
    "3.3": (RUNNING, date(2026, 1, 1), None, ""),
    "3.4": (RUNNING, date(2025, 6, 1), None, "Twee doorstroomafspraken met reguliere werkgevers."),
    "4.1": (NOT_STARTED, date(2027, 1, 1), date(2027, 12, 31), ""),
    "4.2": (RUNNING, date(2025, 5, 1), None, "Speeddate en bedrijvenbezoeken; vier opdrachten aan SE-bedrijven."),
    "4.3": (POSTPONED, date(2026, 3, 1), date(2026, 12, 31), ""),
    "5.1": (RUNNING, date(2025, 2, 1), None, ""),
    "5.2": (RUNNING, date(2025, 1, 1), None, "Driemaandelijks overleg met VDAB."),
    "5.3": (RUNNING, date(2025, 1, 1), None, ""),
    "6.1": (RUNNING, date(2025, 9, 1), None, "MVO-ontbijt 2025 gehouden."),
    "6.2": (REALISED, date(2025, 3, 1), date(2025, 12, 31), "MVO-rubriek in de nieuwsbrief."),
    "6.3": (NOT_STARTED, date(2026, 10, 1), date(2027, 3, 31), ""),
}
EVENT_LINKS = {"2.1": ("Netwerkmoment", "Netwerkevent"), "4.2": ("Speeddate", "Hop 'n Job"),
               "5.1": ("Stuurgroep",), "6.1": ("MVO-",), "1.1": ("Werkbezoek",), "2.2": ("Infomoment",)}
# (days after 1/1/2025, title, type code, municipality index or None, client type, value, jobs, action)
COLLABORATIONS = (
    (95, "Groenonderhoud bedrijventerrein door maatwerkbedrijf", "opdracht_se", 0, "regulier", 18500, 2, "4.2"),
    (140, "Verpakkingsopdracht voor een voedingsbedrijf", "opdracht_se", 3, "regulier", 32000, 3, "4.2"),
    (180, "Sociale clausule in het schoonmaakcontract van het gemeentehuis", "sociale_clausule", 1,
     "lokaal_bestuur", 45000, 2, "1.2"),
    (230, "Enclave van zes doelgroepwerknemers in een logistiek bedrijf", "enclave", 4, "regulier", 60000, 6, "4.2"),
    (300, "Doorstroomafspraak met een bouwbedrijf", "doorstroom", 2, "regulier", None, 2, "3.4"),
    (330, "Inzameling en hergebruik van bedrijfskledij", "circulair", None, "regulier", 8000, 1, "4.2"),
    (400, "Voorbehouden opdracht voor het onderhoud van speelpleintjes", "sociale_clausule", 2, "lokaal_bestuur",
     27500, 2, "1.2"),
    (440, "Buurtgerichte strijkdienst in het dienstencentrum", "nieuwe_dienst", 0, "lokaal_bestuur", 12000, 3, "4.1"),
    (480, "ICT-refurbishing van afgeschreven laptops", "circulair", 3, "regulier", 9500, 1, "4.2"),
    (530, "Catering voor het personeelsfeest van een KMO", "opdracht_se", 4, "regulier", 4200, 0, "4.2"),
    (575, "Doorstroomafspraak met een zorgvoorziening", "doorstroom", 1, "middenveld", None, 1, "3.4"),
    (620, "Fietsherstel voor de fietsvloot van een bedrijf", "opdracht_se", 0, "regulier", 6800, 1, "4.2"),
)
SE_TYPES = ("maatwerkbedrijf", "maatwerkafdeling", "lde", "arbeidszorg", "kringwinkel")
# KPIs whose regional target holds in every municipality as it is: an event for the region is held for each
# municipality, and a rate is a rate (unit '%'); the other targets are shared out by inhabitants
SAME_IN_EVERY_TOWN = ("events_network_held", "events_mvo_held")


def demo_sources() -> kpis.Sources:
    """The computed KPI sources of the features whose demo data this version holds (the domain knows no
    registry): the default plan's KPIs on other sources are left out of the demo."""
    from regisseur_app.domain.core import kpi_sources as core
    from regisseur_app.domain.events import kpi_sources as events
    from regisseur_app.domain.mvo import kpi_sources as mvo
    from regisseur_app.domain.plan import kpi_sources as plan
    from regisseur_app.domain.referrals import kpi_sources as referrals
    from regisseur_app.domain.survey import kpi_sources as survey

    functions = {"events_network_held": events.network_events_held, "events_mvo_held": events.mvo_events_held,
                 "events_participants": events.participants_from_municipalities,
                 "events_se_presented": events.se_organisations_presented,
                 "core_se_organisations": core.se_organisations, "referrals_made": referrals.referrals_made,
                 "referrals_started": referrals.referrals_started,
                 "referrals_doorstroom": referrals.referrals_doorstroom,
                 "plan_new_collaborations": plan.new_collaborations, "plan_assignment_value": plan.assignment_value,
                 "plan_jobs": plan.jobs, "survey_response_rate": survey.response_rate,
                 "mvo_reports_complete": mvo.reports_complete}
    return {key: kpis.KpiSource(key, key, "", fn) for key, fn in functions.items()}


def populate_demo(session: Session, seed: int, today: date | None = None) -> None:
    today = today or date.today()
    rng = random.Random(seed + 13)
    if not service.has_plan(session):
        load_default_plan(session, START_YEAR, sources=demo_sources())
    _progress(session, rng, today)
    _links(session)
    _town_targets(session)
    _kpi_values(session, rng, today)
    _collaborations(session, rng, today)


def _progress(session: Session, rng: random.Random, today: date) -> None:
    for action in service.list_actions(session):
        status, start, end, result = PROGRESS.get(action.number, (NOT_STARTED, None, None, ""))
        for execution in action.executions:
            row = session.get(ActionMunicipality, execution.id)
            own = status
            if status == RUNNING and rng.random() < 0.15:
                own = NOT_STARTED  # one municipality lags behind
            elif status == RUNNING and end is not None and end < today and rng.random() < 0.5:
                own = REALISED
            if start is not None and start > today:
                own = NOT_STARTED
            row.status, row.owner = own, rng.choice(OWNERS)
            row.start_date, row.end_date = start, end
            row.result = result if own in (RUNNING, REALISED) else ""
            row.notes = "Fictieve demo-actie." if rng.random() < 0.3 else ""
            row.status_date = min(today, (start or date(START_YEAR, 1, 1)) + timedelta(days=rng.randint(10, 120)))


def _links(session: Session) -> None:
    events = links.choices(session, "event")
    by_number = {a.number: a.id for a in service.list_actions(session)}
    for number, prefixes in EVENT_LINKS.items():
        for event_id, title in events:
            if any(title.startswith(p) for p in prefixes) and number in by_number:
                links.add_link(session, by_number[number], "event", event_id)
    follow_ups = links.choices(session, "follow_up")
    if follow_ups and "4.2" in by_number:
        links.add_link(session, by_number["4.2"], "follow_up", follow_ups[0][0])


def _town_targets(session: Session) -> None:
    """Targets per participating municipality for the demo years, so a college report measures each
    municipality against its own share: the regional target times the municipality's share of the
    inhabitants (at least 1; amounts in € rounded to 500), or the regional target itself for events held
    and rates."""
    towns = list(session.execute(select(Municipality.nis_code, Municipality.inhabitants)
                                 .where(Municipality.participating.is_(True)).order_by(Municipality.name)))
    people = sum(n or 0 for _code, n in towns)
    for kpi in session.scalars(select(Kpi)):
        for year in (START_YEAR, START_YEAR + 1):
            region = kpis._entered(session, kpis.KpiTarget, "target", kpi.id, year, None)
            if region is None:
                continue
            for code, inhabitants in towns:
                if kpi.unit == "%" or kpi.source_key in SAME_IN_EVERY_TOWN:
                    target = region
                else:
                    share = (inhabitants or 0) / people if people else 1 / len(towns)
                    target = round(region * share / 500) * 500 if kpi.unit == "€" else round(region * share)
                    target = max(target, 500 if kpi.unit == "€" else 1)
                kpis.set_target(session, kpi.id, year, code, target)


def _kpi_values(session: Session, rng: random.Random, today: date) -> None:
    towns = participating_codes(session)
    for kpi in session.scalars(select(Kpi).where(Kpi.source_key.is_(None))):
        for year in (START_YEAR, START_YEAR + 1):
            if year > today.year:
                continue
            target = kpis._entered(session, kpis.KpiTarget, "target", kpi.id, year, None) or 5
            for code in towns:
                # around the municipality's own target: some reach it, some do not
                per_town = kpis._entered(session, kpis.KpiTarget, "target", kpi.id, year, code) or \
                    max(1, round(target / len(towns)))
                value = per_town + rng.choice((-1, 0, 0, 1)) if year < today.year else rng.choice((0, per_town))
                kpis.set_value(session, kpi.id, year, code, max(0, value))


def _orgs(session: Session, type_codes: tuple[str, ...]) -> list[Organisation]:
    return list(session.scalars(select(Organisation).join(CodeItem, Organisation.type_id == CodeItem.id)
                                .where(CodeItem.code.in_(type_codes), Organisation.archived.is_(False))
                                .order_by(Organisation.id)))


def _collaborations(session: Session, rng: random.Random, today: date) -> None:
    types = {i.code: i.id for i in codelists.list_items(session, service.COLLABORATION_TYPE)}
    towns = participating_codes(session)
    se, by_number = _orgs(session, SE_TYPES), {a.number: a.id for a in service.list_actions(session)}
    events = dict(links.choices(session, "event"))
    if not se:
        return
    for days, title, type_code, town, client_type, value, jobs, number in COLLABORATIONS:
        when = date(START_YEAR, 1, 1) + timedelta(days=days)
        clients = _orgs(session, (client_type,))
        if when > today or type_code not in types or not clients:
            continue
        supplier, client = rng.choice(se), rng.choice(clients)
        parties = [(client.id, ROLE_CLIENT), (supplier.id, ROLE_SUPPLIER)]
        if type_code == "doorstroom":
            parties = [(client.id, ROLE_PARTNER), (supplier.id, ROLE_PARTNER)]
        event_id = next((eid for eid, t in events.items() if t.startswith("Speeddate")), None) \
            if number == "4.2" and rng.random() < 0.4 else None
        collaborations.save(session, collaborations.CollaborationInput(
            when, title, types[type_code], towns[town] if town is not None and town < len(towns) else None,
            value, jobs, "Fictieve demo-samenwerking.", event_id, by_number.get(number), parties))
