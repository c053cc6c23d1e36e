"""The default plan: the six objectives and their actions of the nota 'Regierol Lokale Sociale Economie'
(seed 003), tagged with the WSE-LR priorities, and at least two KPIs per objective with a yearly target
(seed 004). The user edits it afterwards; loading it into a database that has a plan is refused."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from regisseur_app.domain.core import codelists, municipalities
from regisseur_app.domain.core.base import ValidationError
from regisseur_app.domain.plan import kpis, service
from regisseur_app.domain.plan.settings import set_plan_period

# (number, title, description, [(number, title, description, priorities)])
OBJECTIVES = (
    ("1", "Beleidsvisie sociale economie",
     "Aansluiten bij de beleidsplannen van de deelnemende gemeenten en de visievorming over sociale economie "
     "ondersteunen.", [
         ("1.1", "Visievorming sociale economie ondersteunen",
          "Werkbezoeken bij de lokale besturen met de bevoegde schepen en beleidsmedewerkers; de visie op sociale "
          "economie helpen verwoorden in de meerjarenplanning.", ("WSE-LR1",)),
         ("1.2", "Beleidsplannen sociale economie helpen realiseren",
          "Overleg over de acties in de beleidsplannen 2020-2025 en afspraken over de ondersteuning ervan.",
          ("WSE-LR1",)),
         ("1.3", "Intergemeentelijke samenwerking",
          "Overkoepelend informeren en coördineren zodat de gemeenten een gedeelde visie en gemeenschappelijke "
          "beleidslijnen kunnen ontwikkelen.", ("WSE-LR1",)),
     ]),
    ("2", "Samenwerking tussen de deelnemende gemeenten en de sociale economie",
     "De SE-actoren stellen zich voor aan de lokale besturen; de instroom van kansengroepen naar werk stijgt.", [
         ("2.1", "Voorstelling van de sociale-economieorganisaties",
          "Jaarlijks minstens één netwerkevenement voor beleidsmakers, ambtenaren en SE-actoren: matching van vraag "
          "en aanbod, hiaten in het aanbod opsporen.", ("WSE-LR1", "WSE-LR3")),
         ("2.2", "Instroom van kansengroepen naar werk verhogen",
          "Informatie over de werkvormen en de regelgeving (art. 60§7, maatwerk, LDE, arbeidszorg) en hun "
          "mogelijkheden voor de lokale besturen.", ("WSE-LR2",)),
         ("2.3", "Afsprakenkader met VDAB voor de gespecialiseerde screening",
          "Een verbeterd afsprakenkader voor de doorverwijzing van potentiële doelgroepmedewerkers naar de "
          "gespecialiseerde screening.", ("WSE-LR4", "WSE-LR2")),
     ]),
    ("3", "Verbetering van de bestaande werking van de lokale sociale economie",
     "Een omvattend beeld van de lokale sociale economie en een betere in- en doorstroom.", [
         ("3.1", "Omgevingsanalyse en behoeftepeiling",
          "De actoren bevragen, een behoeftepeiling bij gemeenten en SE-organisaties, en de brug maken naar "
          "concrete doelstellingen en acties.", ("WSE-LR1",)),
         ("3.2", "Instroom art. 60§7-medewerkers",
          "Een model onderzoeken waarbij een TWE-traject start in een sociaal-economiebedrijf en verdergaat bij "
          "een andere werkgever.", ("WSE-LR2",)),
         ("3.3", "Instroom in maatwerk en lokale diensteneconomie",
          "De verminderde instroom van doelgroepmedewerkers opvolgen en, als het structureel is, agenderen.",
          ("WSE-LR2",)),
         ("3.4", "Doorstroom naar het normaal economisch circuit",
          "Samenwerking met bedrijven uit het regulier circuit om doorstroom te realiseren.",
          ("WSE-LR2", "WSE-LR4")),
     ]),
    ("4", "Nieuwe initiatieven in het kader van sociale economie",
     "Nieuwe dienstverlening en een brug naar de reguliere bedrijven.", [
         ("4.1", "Nieuwe dienstverlening initiëren",
          "Nagaan of er nood is aan nieuwe lokale dienstverlening (onderhoud speelpleintjes, buurtgerichte "
          "kinderopvang, thuishulp, manuele onkruidbestrijding).", ("WSE-LR2", "WSE-LR3")),
         ("4.2", "Brug tussen sociale economie en reguliere bedrijven",
          "Contacten met reguliere bedrijven, tonen wat SE-bedrijven kunnen betekenen, aandacht voor enclavewerking "
          "en doorstroom van ervaren doelgroepmedewerkers.", ("WSE-LR3",)),
         ("4.3", "Aanbod sociale tewerkstelling afstemmen op kwetsbare doelgroepen",
          "Vernieuwende dienstverlening voor laaggeschoolden, anderstaligen en personen met meervoudige "
          "problematiek, met de SE-organisaties en de bevoegde instanties.", ("WSE-LR2",)),
     ]),
    ("5", "Netwerk sociale economie",
     "Overleg met de beleidsverantwoordelijken, VDAB en de lokale arbeidsmarktactoren.", [
         ("5.1", "Bovenlokaal werkgelegenheidsoverleg",
          "Met de Taskforce Spitsregio Leuven: een gezamenlijke stuurgroep en gezamenlijke acties (jobbeurs, "
          "schoolverlatersdag, netwerkevent scholen en bedrijven).", ("WSE-LR1", "WSE-LR4")),
         ("5.2", "Samenwerking met VDAB",
          "Structureel overleg met VDAB, efficiënte doorverwijzing van leefloongerechtigden en gezamenlijke "
          "initiatieven.", ("WSE-LR4",)),
         ("5.3", "Opvolging van ontwikkelingen in sociale economie",
          "Ontwikkelingen opvolgen (TWE, art. 60§7, tenders, arbeidszorg, LDE, maatwerk) en de lokale besturen en "
          "SE-organisaties informeren.", ("WSE-LR1",)),
     ]),
    ("6", "Maatschappelijk verantwoord ondernemen",
     "MVO bij sociale-economiebedrijven en lokale besturen.", [
         ("6.1", "Structureel en geïntegreerd MVO-beleid",
          "Jaarlijks minstens één netwerkevenement over MVO voor SE-bedrijven en lokale besturen.", ("WSE-LR3",)),
         ("6.2", "Informatieverstrekking over MVO",
          "MVO in de kijker zetten via verschillende kanalen, acties en evenementen.", ("WSE-LR3",)),
         ("6.3", "MVO-rapportering",
          "De verplichte MVO-rapportering van de SE-bedrijven op de agenda zetten.", ("WSE-LR3",)),
     ]),
)

# objective number -> [(title, unit, source key or None, yearly target for the region)]
KPIS = {
    "1": [("Werkbezoeken bij de lokale besturen", "", None, 5),
          ("Gemeenten met sociale economie in de meerjarenplanning", "", None, 5)],
    "2": [("Netwerkevenementen gehouden", "", "events_network_held", 1),
          ("Aanwezigen uit de deelnemende gemeenten", "", "events_participants", 40),
          ("SE-organisaties voorgesteld aan de lokale besturen", "", "events_se_presented", 4)],
    "3": [("SE-organisaties in de inventaris", "", "core_se_organisations", 20),
          ("Aantal doorverwijzingen naar VDAB", "", "referrals_made", 120),
          ("Gestarte tewerkstellingen na doorverwijzing", "", "referrals_started", 50),
          ("Doorstroom naar regulier werk", "", "referrals_doorstroom", 12),
          ("Responsgraad behoeftepeiling", "%", "survey_response_rate", 60)],
    "4": [("Nieuwe samenwerkingen en opdrachten", "", "plan_new_collaborations", 6),
          ("Waarde van opdrachten aan SE-bedrijven", "€", "plan_assignment_value", 50000),
          ("Jobs uit samenwerkingen", "", "plan_jobs", 8)],
    "5": [("Overlegmomenten met VDAB en arbeidsmarktactoren", "", None, 4),
          ("Infomails over ontwikkelingen in sociale economie", "", None, 4)],
    "6": [("MVO-evenementen gehouden", "", "events_mvo_held", 1),
          ("Volledige MVO-rapporten van SE-bedrijven", "", "mvo_reports_complete", 5),
          ("SE-bedrijven met een MVO-aanspreekpunt", "", None, 5)],
}


def load_default_plan(session: Session, start_year: int | None = None, years: int = 6, *,
                      sources: kpis.Sources) -> int:
    """Create the default plan for the participating municipalities; returns the number of actions.
    KPIs whose source module is not in this version are left out (add them later)."""
    if service.has_plan(session):
        raise ValidationError({"plan": "Er is al een actieplan; het standaardplan wordt alleen in een leeg plan "
                                       "geladen."})
    start_year = start_year or date.today().year
    set_plan_period(session, start_year, start_year + years - 1)
    priorities = {i.code: i.id for i in codelists.list_items(session, service.PRIORITY_LIST)}
    towns = municipalities.participating_codes(session)
    available = sources
    count = 0
    for number, title, description, actions in OBJECTIVES:
        objective_id = service.save_objective(session, service.ObjectiveInput(number, title, description))
        for a_number, a_title, a_description, tags in actions:
            service.save_action(session, service.ActionInput(
                objective_id, a_number, a_title, a_description, [priorities[t] for t in tags if t in priorities],
                towns))
            count += 1
        for k_title, unit, source, target in KPIS[number]:
            if source is not None and source not in available:
                continue
            kpi_id = kpis.save_kpi(session, kpis.KpiInput(objective_id, k_title, unit, source), sources=sources)
            for year in range(start_year, start_year + years):
                kpis.set_target(session, kpi_id, year, None, target)
    return count
