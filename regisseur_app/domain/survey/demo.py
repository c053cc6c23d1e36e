"""Demo needs surveys (FICTITIOUS): the local-government survey of 2024 and its copy for 2025, and a 2025
survey of the SE organisations; answers from all five municipalities, some groups small on purpose (fewer
than 5), and more need where a municipality has no offer, so the gap analysis shows "hoge nood, geen
aanbod". Made through the services, deterministically from the seed."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from regisseur_app.domain.analysis.offer_map import offer_matrix
from regisseur_app.domain.core.codelists import SERVICE_CATEGORY, find_item, list_items
from regisseur_app.domain.core.municipalities import participating_codes
from regisseur_app.domain.core.organisations import Contact
from regisseur_app.domain.survey import questionnaire, respondents, responses
from regisseur_app.domain.survey.models import (
    MULTI,
    NUMBER,
    SCALE,
    SINGLE,
    SURVEY_AUDIENCE,
    TEXT,
    YESNO,
    SurveyQuestion,
)
from regisseur_app.domain.survey.questionnaire import OptionInput, QuestionInput, SurveyInput
from regisseur_app.domain.survey.respondents import RespondentInput
from regisseur_app.domain.survey.responses import ResponseInput

DEMO_KEY = "demo_survey"
SERVICES = ("groenonderhoud", "schoonmaak", "fietsherstel", "kinderopvang", "klusjes", "ict_refurbishing", "catering")
# (section, code, text, kind, options, category code of the question)
LOCAL = [
    ("Uw gemeente", "dienst", "Welke dienst vult deze peiling in?", SINGLE,
     ["Lokale economie", "Sociale dienst / OCMW", "Welzijn", "Algemeen directeur", "Andere"], None),
    ("Uw gemeente", "uitbesteden", "Besteedt uw gemeente opdrachten uit aan SE-organisaties?", YESNO, [], None),
    ("Uw gemeente", "budget", "Hoeveel euro besteedde uw gemeente vorig jaar aan opdrachten aan SE-organisaties?",
     NUMBER, [], None),
    ("Uw gemeente", "verwijzingen", "Hoeveel OCMW-cliënten verwijst u per jaar naar werk in de sociale economie?",
     NUMBER, [], None),
    ("Noden", "diensten", "Aan welke diensten van SE-organisaties heeft uw gemeente nood?", MULTI, "SERVICES", None),
    ("Noden", "nood_groen", "Hoe groot is de nood aan groenonderhoud door een SE-organisatie?", SCALE, [],
     "groenonderhoud"),
    ("Noden", "buurtrestaurant", "Is er in uw gemeente nood aan een sociaal restaurant of buurtrestaurant?", YESNO,
     [], "catering"),
    ("Noden", "drempel", "Wat is de grootste drempel om aan SE-organisaties uit te besteden?", SINGLE,
     ["Prijs", "Onbekendheid met het aanbod", "Regels van overheidsopdrachten", "Capaciteit van de SE-organisatie",
      "Geen drempel"], None),
    ("Regie", "tevreden", "Hoe tevreden bent u over de samenwerking met de regisseur?", SCALE, [], None),
    ("Regie", "verwachting", "Wat verwacht u van de regisseur in het komende jaar?", TEXT, [], None),
]
SE = [
    ("Uw organisatie", "type", "Wat voor organisatie bent u?", SINGLE,
     ["Maatwerkbedrijf", "Lokale diensteneconomie", "Arbeidszorg", "Kringwinkel", "Andere"], None),
    ("Uw organisatie", "werknemers", "Hoeveel doelgroepwerknemers telt uw organisatie?", NUMBER, [], None),
    ("Uw organisatie", "vacatures", "Hoeveel vacatures voor doelgroepwerknemers staan nu open?", NUMBER, [], None),
    ("Markt", "uitbreiden", "Wilt u uw activiteiten uitbreiden naar andere gemeenten?", YESNO, [], None),
    ("Markt", "vraag", "In welke domeinen ziet u vraag die niemand in de gemeente invult?", MULTI, "SERVICES",
     None),
    ("Markt", "ict", "Hoe groot is de vraag naar ICT-refurbishing bij uw klanten?", SCALE, [], "ict_refurbishing"),
    ("Personeel", "moeilijk", "Hoe moeilijk is het om doelgroepwerknemers te vinden?", SCALE, [], None),
    ("Personeel", "uitdaging", "Wat is uw grootste uitdaging voor volgend jaar?", SINGLE,
     ["Personeel vinden", "Omzet", "Subsidies", "Huisvesting", "Begeleiding"], None),
    ("Personeel", "suggesties", "Welke suggesties heeft u voor de regisseur?", TEXT, [], None),
]
# responses per municipality, in participating order (some small groups on purpose)
LOCAL_COUNTS = (7, 6, 3, 5, 2)
SE_COUNTS = (8, 4, 6, 3, 5)
TEXTS = ("Meer matchmaking met lokale bedrijven.", "Een overzicht van het aanbod per gemeente.",
         "Ondersteuning bij sociale clausules in overheidsopdrachten.", "Een netwerkmoment per jaar is genoeg.",
         "Hulp bij het vinden van doelgroepwerknemers.", "Een jaarlijks rapport voor het college.")


def _build(session: Session, title: str, year: int, audience: str, plan: list) -> int:
    audience_id = find_item(session, SURVEY_AUDIENCE, audience)
    survey_id = questionnaire.save_survey(session, SurveyInput(
        title, year, audience_id, "Deze peiling helpt de regisseur om het aanbod van de sociale economie af te "
        "stemmen op de noden van de regio. Invullen duurt ongeveer tien minuten."))
    categories = {c.code: c.id for c in list_items(session, SERVICE_CATEGORY)}
    labels = {c.code: c.label for c in list_items(session, SERVICE_CATEGORY)}
    sections: dict[str, int] = {}
    for section, code, text, kind, options, category in plan:
        if section not in sections:
            sections[section] = questionnaire.save_section(session, survey_id, section)
        if options == "SERVICES":
            opts = [OptionInput(labels[c], categories[c]) for c in SERVICES if c in categories]
        else:
            opts = [OptionInput(label) for label in options]
        questionnaire.save_question(session, survey_id, QuestionInput(
            text, kind, sections[section], kind in (SINGLE, YESNO), categories.get(category) if category else None,
            options=opts, code=code))
    return survey_id


def _answers(rng: random.Random, questions: list[SurveyQuestion], missing: set[int], strong: bool) -> dict:
    answers: dict = {}
    for q in questions:
        options = q.options
        if q.kind == TEXT:
            if rng.random() < 0.6:
                answers[q.id] = rng.choice(TEXTS)
        elif q.kind == NUMBER:
            answers[q.id] = float(rng.choice((0, 2, 5, 8, 12, 15, 25)) * (1000 if q.code == "budget" else 1))
        elif q.kind == MULTI:
            chosen = [o.id for o in options
                      if rng.random() < (0.8 if o.service_category_id in missing else 0.2)]
            answers[q.id] = chosen or [options[0].id]
        elif q.kind == SCALE:
            need = q.service_category_id in missing if q.service_category_id else strong
            weights = (1, 1, 2, 4, 4) if need else (3, 4, 3, 1, 1)
            answers[q.id] = [rng.choices(options, weights)[0].id]
        elif q.kind == YESNO:
            yes = 0.8 if (q.service_category_id in missing if q.service_category_id else strong) else 0.3
            answers[q.id] = [options[0].id if rng.random() < yes else options[1].id]
        else:
            answers[q.id] = [rng.choice(options).id]
    return answers


def _fill(session: Session, rng: random.Random, survey_id: int, counts: tuple[int, ...], year: int,
          missing: dict[str, set[int]]) -> None:
    survey = questionnaire.get_survey(session, survey_id)
    questions = list(survey.questions)
    contacts = list(session.scalars(select(Contact).where(Contact.archived.is_(False)).order_by(Contact.id)))
    start = datetime(year, 3, 3, 9, 0)
    used: set[int] = set()
    for nis, count in zip(participating_codes(session), counts, strict=False):
        people = [c for c in contacts if c.id not in used and any(m.nis_code == nis for m in c.municipalities)]
        people = people[:count + 2]
        used.update(c.id for c in people)
        invited = []
        for contact in people:
            invited.append(respondents.save_respondent(session, survey_id, RespondentInput(
                nis, contact.organisation_id, contact.id, start.date())))
        for n in range(count):
            respondent = invited[n] if n < len(invited) else None
            when = start + timedelta(days=rng.randint(0, 30), minutes=rng.randint(0, 600))
            responses.save_response(session, survey_id, ResponseInput(
                nis, _answers(rng, questions, missing.get(nis, set()), rng.random() < 0.5), respondent,
                submitted_at=when, external_id=f"demo-{survey_id}-{nis}-{n}"))


def populate_demo(session: Session, seed: int) -> None:
    rng = random.Random(seed * 53 + 11)
    matrix = offer_matrix(session)
    missing = {nis: {cid for cid, _label in matrix.rows if matrix.count(cid, nis) == 0} for nis, _n in matrix.columns}
    before = _build(session, "Behoeftepeiling lokale besturen 2024", 2024, "lokaal_bestuur", LOCAL)
    _fill(session, rng, before, (4, 3, 2, 3, 2), 2024, missing)
    local = questionnaire.copy_survey(session, before, 2025)
    _fill(session, rng, local, LOCAL_COUNTS, 2025, missing)
    se = _build(session, "Behoeftepeiling SE-organisaties 2025", 2025, "se_organisatie", SE)
    _fill(session, rng, se, SE_COUNTS, 2025, missing)
