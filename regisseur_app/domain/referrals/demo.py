"""Demo referrals: three years of FICTITIOUS referrals for the five demo municipalities.

Deterministic from the seed and the reference day (the first day of the current month, so the three
years end "now" and some referrals are naturally stale). Rates follow the size of the municipality;
Glabbeek, the smallest, gets only a handful a year so the exports show suppression ("<5") at work.
Lead times are drawn from ranges that look like practice: screening within weeks, a decision after
one to three months, a start of work one to four months after a positive decision. Every write goes
through the services, so the data pass the same validation as user input. No names, no numbers of
persons: the internal references are invented dossier numbers.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from regisseur_app.domain.core import codelists
from regisseur_app.domain.core.organisations import Organisation
from regisseur_app.domain.referrals.models import (
    CLOSED,
    DROPPED_OUT,
    NEGATIVE,
    NO_FOLLOW_UP,
    POSITIVE,
    REGULAR_WORK,
    SCREENING,
    STARTED,
)
from regisseur_app.domain.referrals.service import ReferralInput, StepInput, add_step, create_referral

DEMO_KEY = "referrals.demo_loaded"
# referrals a year: Bekkevoort, Geetbets, Glabbeek (smallest), Kortenaken, Tielt-Winge
YEARLY = {"24008": 42, "24028": 30, "24137": 5, "24054": 27, "24135": 55}
TYPE_WEIGHTS = {"screening": 55, "intensieve_dienstverlening": 20, "art60_twe": 20, "andere": 5}
WORK_FORMS = {"screening": {"maatwerk": 50, "lde": 8, "arbeidszorg": 32, "regulier": 10},
              "intensieve_dienstverlening": {"regulier": 70, "maatwerk": 30},
              "art60_twe": {"art60": 100}, "andere": {}}
AGE_WEIGHTS = {"onder_25": 18, "25_34": 27, "35_44": 24, "45_54": 20, "55_plus": 11}
NOTES = {
    SCREENING: ("Intake bij VDAB gepland.", "Screeningsgesprek gehad.", "Bijkomende attesten opgevraagd.", ""),
    POSITIVE: ("Indicering toegekend.", "Positief advies, zoektocht naar werkplek.", ""),
    NEGATIVE: ("Geen indicering: doorverwezen naar reguliere begeleiding.", ""),
    NO_FOLLOW_UP: ("Niet opgedaagd op de afspraak.", "Geen opvolging gewenst.", ""),
    STARTED: ("Start met proefperiode.", "Start na kennismaking op de werkvloer.", ""),
    REGULAR_WORK: ("Contract bij een reguliere werkgever.", ""),
    DROPPED_OUT: ("Traject stopgezet om gezondheidsredenen.", "Traject stopgezet.", ""),
    CLOSED: ("Dossier afgesloten.", ""),
}
WORKPLACE_TYPES = ("maatwerkbedrijf", "maatwerkafdeling", "lde", "arbeidszorg", "kringwinkel", "lokaal_bestuur")


def _pick(rng: random.Random, weights: dict[str, int]) -> str | None:
    if not weights:
        return None
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def populate_demo(session: Session, seed: int, today: date | None = None) -> int:
    """Add the demo referrals. Returns how many were made."""
    today = today or date.today().replace(day=1)
    rng = random.Random(seed * 7 + 5)
    ids = {name: {i.code: i.id for i in codelists.list_items(session, name, include_inactive=True)}
           for name in (codelists.REFERRAL_TYPE, codelists.REFERRAL_WORK_FORM, codelists.REFERRAL_AGE_GROUP)}
    workplaces = {code: [oid for oid, in session.execute(
        select(Organisation.id).join(codelists.CodeItem, codelists.CodeItem.id == Organisation.type_id)
        .where(codelists.CodeItem.code == code, Organisation.archived.is_(False)).order_by(Organisation.id))]
        for code in WORKPLACE_TYPES}
    start = date(today.year - 3, today.month, 1)
    span = (today - start).days
    planned = []
    for nis, per_year in YEARLY.items():
        for _ in range(per_year * 3):
            planned.append((start + timedelta(days=rng.randrange(span)), nis))
    planned.sort()
    made = 0
    for number, (when, nis) in enumerate(planned, start=1):
        type_code = _pick(rng, TYPE_WEIGHTS)
        work_form = _pick(rng, WORK_FORMS[type_code])
        data = ReferralInput(
            nis_code=nis, referral_date=when, type_id=ids[codelists.REFERRAL_TYPE][type_code],
            work_form_id=ids[codelists.REFERRAL_WORK_FORM].get(work_form) if work_form else None,
            age_group_id=ids[codelists.REFERRAL_AGE_GROUP][_pick(rng, AGE_WEIGHTS)] if rng.random() < 0.92 else None,
            leefloon=(rng.random() < (0.75 if type_code == "art60_twe" else 0.45)) if rng.random() < 0.95 else None,
            internal_reference=f"DOS-{when.year % 100:02d}/{number:04d}" if rng.random() < 0.7 else "",
            note=rng.choice(("Doorverwezen na gesprek met maatschappelijk werker.", "Vraag naar werk op maat.", "")))
        referral_id, _code = create_referral(session, data, today)
        for status, step_date, org in _history(rng, when, type_code, work_form, workplaces):
            if step_date > today:
                break
            add_step(session, referral_id, StepInput(status, step_date, rng.choice(NOTES[status]), org), today)
        made += 1
    return made


def _history(rng: random.Random, when: date, type_code: str, work_form: str | None,
             workplaces: dict[str, list[int]]) -> list[tuple[str, date, int | None]]:
    steps: list[tuple[str, date, int | None]] = []
    day = when
    stuck = rng.random() < 0.05  # some referrals simply stop moving: they show up as "vastgelopen"

    def after(low: int, high: int) -> date:
        nonlocal day
        day = day + timedelta(days=int(rng.triangular(low, high, low + (high - low) / 3)))
        return day

    if rng.random() < 0.06:
        return [(NO_FOLLOW_UP, after(10, 45), None), (CLOSED, after(5, 30), None)]
    steps.append((SCREENING, after(4, 40), None))
    if stuck:
        return steps
    outcome = rng.choices((POSITIVE, NEGATIVE, NO_FOLLOW_UP), weights=(62, 24, 14))[0]
    steps.append((outcome, after(20, 100), None))
    if outcome != POSITIVE:
        steps.append((CLOSED, after(5, 40), None))
        return steps
    if rng.random() < 0.12:
        steps += [(DROPPED_OUT, after(15, 90), None), (CLOSED, after(5, 30), None)]
        return steps
    kinds = {"maatwerk": ("maatwerkbedrijf", "maatwerkafdeling", "kringwinkel"), "lde": ("lde",),
             "arbeidszorg": ("arbeidszorg",), "art60": ("lokaal_bestuur", "kringwinkel", "maatwerkbedrijf")}
    pool = [oid for kind in kinds.get(work_form or "", WORKPLACE_TYPES) for oid in workplaces.get(kind, [])]
    if not pool:
        pool = [oid for ids in workplaces.values() for oid in ids]
    if not pool:
        return steps
    steps.append((STARTED, after(10, 130), rng.choice(pool)))
    fate = rng.random()
    if fate < 0.3:
        steps += [(REGULAR_WORK, after(150, 720), None), (CLOSED, after(10, 60), None)]
    elif fate < 0.5:
        steps += [(DROPPED_OUT, after(30, 400), None), (CLOSED, after(5, 40), None)]
    return steps
