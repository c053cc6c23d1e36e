"""The survey and MVO parts of the benchmark region (bench/region.py, `FEATURE_GENERATORS`).

Surveys: four series (lokale besturen, SE-organisaties, reguliere ondernemingen, partners), one survey per
series and year, each year's copied from last year's (so the comparison has a predecessor). The
questionnaires are made through the app's services (the six question types, options and scale points
linked to service categories, like the demo's); invited respondents per municipality (an organisation and
a contact each), the responses and their answers are written in bulk through SQLAlchemy Core. "Answers"
in issue 16's "20 surveys with 50.000 answers" are filled-in questionnaires (responses), each with an
answer to most of its ~10 questions: about 12 answer rows per response.

MVO: `mvo_organisations` social-economy organisations report every typed-in indicator for up to
`mvo_years` years (ending last year), figures drawn like the demo's (per organisation type, growing from
year to year); some organisations start reporting later, and some organisation-years are incomplete.
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from regisseur_app.domain.analysis.inventory import social_economy_type_ids
from regisseur_app.domain.core.codelists import SERVICE_CATEGORY, CodeItem, list_items
from regisseur_app.domain.core.organisations import Contact, Organisation
from regisseur_app.domain.mvo import demo as mvo_demo
from regisseur_app.domain.mvo.indicators import list_indicators
from regisseur_app.domain.mvo.models import TEXT as MVO_TEXT
from regisseur_app.domain.mvo.models import YES_NO, MvoValue
from regisseur_app.domain.survey import demo as survey_demo
from regisseur_app.domain.survey import questionnaire
from regisseur_app.domain.survey.models import (
    MULTI,
    NUMBER,
    SCALE,
    SINGLE,
    TEXT,
    YESNO,
    SurveyAnswer,
    SurveyQuestion,
    SurveyRespondent,
    SurveyResponse,
)

REGULAR = [
    ("Uw onderneming", "sector", "In welke sector is uw onderneming actief?", SINGLE,
     ["Bouw", "Industrie", "Handel", "Zorg", "Diensten", "Andere"], None),
    ("Uw onderneming", "medewerkers", "Hoeveel medewerkers telt uw onderneming?", NUMBER, [], None),
    ("Samenwerking", "kent_se", "Kent u de sociale-economiebedrijven in uw gemeente?", YESNO, [], None),
    ("Samenwerking", "uitbesteden", "Welke diensten zou u aan een SE-organisatie uitbesteden?", MULTI, "SERVICES",
     None),
    ("Samenwerking", "nood_schoonmaak", "Hoe groot is uw nood aan schoonmaak door een SE-organisatie?", SCALE, [],
     "schoonmaak"),
    ("Samenwerking", "nood_catering", "Hoe groot is uw nood aan catering door een SE-organisatie?", SCALE, [],
     "catering"),
    ("Werk", "doelgroep", "Wilt u doelgroepwerknemers in dienst nemen na een traject?", YESNO, [], None),
    ("Werk", "drempel", "Wat houdt u tegen om met de sociale economie samen te werken?", SINGLE,
     ["Prijs", "Kwaliteit", "Onbekendheid", "Administratie", "Niets"], None),
    ("Werk", "opmerking", "Wat wilt u de regisseur nog meegeven?", TEXT, [], None),
]
SERIES = (("Behoeftepeiling lokale besturen", "lokaal_bestuur", survey_demo.LOCAL),
          ("Behoeftepeiling SE-organisaties", "se_organisatie", survey_demo.SE),
          ("Behoeftepeiling reguliere ondernemingen", "reguliere_onderneming", REGULAR),
          ("Behoeftepeiling partners", "andere", survey_demo.LOCAL))
SOURCES = ("msforms", "msforms", "google", "limesurvey", "kobo", "manueel")
LAST_SURVEY_YEAR = 2026
LAST_MVO_YEAR = 2025


def _bulk(session: Session, table, rows: list[dict], n: int = 5_000) -> None:  # noqa: ANN001
    for start in range(0, len(rows), n):
        session.execute(insert(table), rows[start:start + n])


def _questionnaires(session: Session, count: int) -> list[int]:
    """`count` surveys: series by series per year, each a copy of the same series' survey of last year."""
    years = -(-count // len(SERIES))
    first = LAST_SURVEY_YEAR - years + 1
    made: dict[int, int] = {}  # series -> last survey id
    ids = []
    for i in range(count):
        series, year = i % len(SERIES), first + i // len(SERIES)
        title, audience, plan = SERIES[series]
        if series in made:
            survey_id = questionnaire.copy_survey(session, made[series], year)
        else:
            survey_id = survey_demo._build(session, f"{title} {year}", year, audience, plan)
        made[series] = survey_id
        ids.append(survey_id)
    return ids


def _answer_rows(rng: random.Random, questions: list[SurveyQuestion], response_id: int, missing: set[int],
                 strong: bool) -> list[dict]:
    rows = []
    for question in questions:
        if not question.required and rng.random() < 0.08:
            continue  # skipped
        for value in _values(rng, question, missing, strong):
            rows.append(dict(response_id=response_id, question_id=question.id, **value))
    return rows


def _values(rng: random.Random, question: SurveyQuestion, missing: set[int], strong: bool) -> list[dict]:
    answer = survey_demo._answers(rng, [question], missing, strong).get(question.id)
    if answer is None:
        return []
    if question.kind == NUMBER:
        return [dict(option_id=None, number_value=float(answer) * rng.uniform(0.5, 1.5) // 1, text_value="")]
    if question.kind == TEXT:
        return [dict(option_id=None, number_value=None, text_value=answer)]
    values = {o.id: o.value for o in question.options}
    return [dict(option_id=oid, number_value=values[oid] if question.kind == SCALE else None, text_value="")
            for oid in answer]


def surveys(session: Session, rng: random.Random, size, nis: list[str], org_ids: list[int],  # noqa: ANN001
            contact_ids: list[int]) -> None:
    if not size.surveys:
        return
    survey_ids = _questionnaires(session, size.surveys)
    categories = [c.id for c in list_items(session, SERVICE_CATEGORY)]
    # per municipality the service categories with a high need (what the gap analysis should show)
    missing = {code: set(rng.sample(categories, min(len(categories), 3))) for code in nis}
    contact_org = dict(session.execute(select(Contact.id, Contact.organisation_id)).all())
    weights = [rng.uniform(0.5, 1.5) for _ in survey_ids]
    counts = [int(size.responses * w / sum(weights)) for w in weights]
    counts[-1] += size.responses - sum(counts)
    respondent_id = (session.scalar(select(func.max(SurveyRespondent.id))) or 0) + 1
    response_id = (session.scalar(select(func.max(SurveyResponse.id))) or 0) + 1
    invited, answered, answers = [], [], []
    for survey_id, count in zip(survey_ids, counts, strict=True):
        survey = questionnaire.get_survey(session, survey_id)
        questions = list(survey.questions)
        start = datetime(survey.year, 3, 1, 9, 0)
        municipality_weight = [1 + (i % 4) for i in range(len(nis))]  # some municipalities answer more
        for n in range(count):
            code = rng.choices(nis, municipality_weight)[0]
            if rng.random() < 0.25:  # someone else of this municipality was invited, reminded, never answered
                contact = rng.choice(contact_ids)
                invited.append(dict(id=respondent_id, survey_id=survey_id, nis_code=code,
                                    organisation_id=contact_org.get(contact), contact_id=contact,
                                    invited_on=start.date(), reminded_on=start.date() + timedelta(days=21), notes=""))
                respondent_id += 1
            contact = rng.choice(contact_ids)
            invited.append(dict(id=respondent_id, survey_id=survey_id, nis_code=code,
                                organisation_id=contact_org.get(contact), contact_id=contact,
                                invited_on=start.date(), reminded_on=None, notes=""))
            when = start + timedelta(days=rng.randint(0, 45), minutes=rng.randint(0, 600))
            answered.append(dict(id=response_id, survey_id=survey_id, nis_code=code, respondent_id=respondent_id,
                                 audience_id=None, external_id=f"bench-{survey_id}-{n}",
                                 source=rng.choice(SOURCES), submitted_at=when))
            answers += _answer_rows(rng, questions, response_id, missing[code], rng.random() < 0.5)
            respondent_id += 1
            response_id += 1
    _bulk(session, SurveyRespondent.__table__, invited)
    _bulk(session, SurveyResponse.__table__, answered)
    _bulk(session, SurveyAnswer.__table__, answers)


def mvo_figures(session: Session, rng: random.Random, size, nis: list[str], org_ids: list[int],  # noqa: ANN001
                contact_ids: list[int]) -> None:
    if not size.mvo_organisations:
        return
    se_types = social_economy_type_ids(session)
    rows = session.execute(select(Organisation.id, CodeItem.code).join(CodeItem, CodeItem.id == Organisation.type_id)
                           .where(Organisation.type_id.in_(se_types), Organisation.archived.is_(False))
                           .order_by(Organisation.id)).all()
    chosen = rng.sample(rows, min(len(rows), size.mvo_organisations))
    indicators = [i for i in list_indicators(session) if not i.is_computed]
    years = list(range(LAST_MVO_YEAR - size.mvo_years + 1, LAST_MVO_YEAR + 1))
    stamp = datetime.combine(date(LAST_MVO_YEAR + 1, 3, 31), datetime.min.time())
    values = []
    for organisation_id, type_code in sorted(chosen):
        kind = type_code if type_code in mvo_demo.PEOPLE else "maatwerkbedrijf"
        base = mvo_demo._base_figures(rng, kind)
        first = years[0] if rng.random() < 0.7 else rng.choice(years)  # some start reporting later
        for index, year in enumerate(y for y in years if y >= first):
            growth = (1 + rng.uniform(-0.03, 0.08)) ** index
            # incomplete: now and then a year half filled in, more often the last (still being collected)
            incomplete = rng.random() < (0.25 if year == LAST_MVO_YEAR else 0.08)
            for indicator in indicators:
                if incomplete and rng.random() < 0.5:
                    continue
                raw = mvo_demo._value(rng, indicator, base, growth, index)
                if raw is None:
                    continue
                if indicator.value_type == MVO_TEXT:
                    number, text = None, str(raw)
                elif indicator.value_type == YES_NO:
                    number, text = (1.0 if raw == "ja" else 0.0), ""
                else:
                    number, text = float(raw), ""
                source = "jaarverslag" if indicator.code in ("omzet", "overheidssteun") else ""
                values.append(dict(organisation_id=organisation_id, indicator_id=indicator.id, year=year,
                                   number=number, text=text, note="", source=source, updated_at=stamp))
    _bulk(session, MvoValue.__table__, values)

