"""A deterministic, fictitious but realistic region for the benchmark (no clock, one seed).

    python bench/region.py OUT.sqlite [--size large|small|tiny]

`large` is the region of issue 16: 20 participating municipalities, 5.000 organisations, 20.000
contacts, 100.000 referrals with full status histories, 300 events with 30.000 participants, 20 surveys
with 50.000 responses (bench/region_survey.py), 10 years of MVO figures for 500 organisations, and what
the later modules bring (each `FEATURE_GENERATORS` entry fills one feature when its tables exist).
Rows are written in bulk through SQLAlchemy Core on the app's own models (the services would take
minutes for 100.000 referrals); the database is created and migrated by the app itself first.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import insert, select  # noqa: E402
from sqlalchemy.orm import Session  # noqa: E402

from bench import region_survey  # noqa: E402
from regisseur_app.context import AppContext, AppPaths  # noqa: E402
from regisseur_app.domain.core import codelists  # noqa: E402
from regisseur_app.domain.core.municipalities import Municipality  # noqa: E402
from regisseur_app.domain.core.organisations import (  # noqa: E402
    Contact,
    Organisation,
    contact_municipality,
    organisation_category,
    organisation_municipality,
)
from regisseur_app.domain.core.setup import complete_setup  # noqa: E402
from regisseur_app.domain.events.models import Event, EventParticipant, event_municipality  # noqa: E402
from regisseur_app.domain.referrals.models import Referral, ReferralStep  # noqa: E402
from regisseur_app.startup import open_context  # noqa: E402

TODAY = date(2026, 11, 30)  # fixed: the same data on every run
FLOW = ("in_screening", "positief", "tewerkstelling", "doorstroom", "afgesloten")
FIRST = ("An", "Bart", "Els", "Jan", "Lotte", "Pieter", "Sofie", "Tom", "Wim", "Ines", "Koen", "Marie")
LAST = ("Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens", "Wouters")
WORDS = ("Groen", "Kring", "Atelier", "Werkplaats", "Hageland", "Velp", "Demer", "Zorg", "Fiets", "Poets")


@dataclass(frozen=True)
class Size:
    municipalities: int
    organisations: int
    contacts: int
    referrals: int
    events: int
    participants: int
    surveys: int = 0
    responses: int = 0           # filled-in questionnaires, ~12 answer rows each
    mvo_organisations: int = 0
    mvo_years: int = 0


SIZES = {
    "large": Size(20, 5_000, 20_000, 100_000, 300, 30_000, 20, 50_000, 500, 10),
    "small": Size(5, 500, 2_000, 10_000, 30, 3_000, 8, 5_000, 60, 5),
    "tiny": Size(5, 60, 200, 500, 6, 120, 2, 60, 6, 2),
}


def _chunks(rows: list[dict], n: int = 5_000):  # noqa: ANN202
    for start in range(0, len(rows), n):
        yield rows[start:start + n]


def _bulk(session: Session, table, rows: list[dict]) -> None:  # noqa: ANN001
    for chunk in _chunks(rows):
        session.execute(insert(table), chunk)


def _setup(session: Session, size: Size) -> list[str]:
    # the first municipalities of arrondissement Leuven (Hageland) and its neighbours, by NIS code
    codes = session.scalars(select(Municipality.nis_code).where(Municipality.nis_code.like("24%"))
                            .order_by(Municipality.nis_code)).all()
    chosen = list(codes[:size.municipalities])
    complete_setup(session, "IGO benchmark (fictief)", chosen)
    return chosen


def _inventory(session: Session, rng: random.Random, size: Size, nis: list[str]) -> tuple[list[int], list[int]]:
    types = [i.id for i in codelists.list_items(session, codelists.ORGANISATION_TYPE)]
    categories = [i.id for i in codelists.list_items(session, codelists.SERVICE_CATEGORY)]
    orgs, org_muni, org_cat = [], [], []
    for oid in range(1, size.organisations + 1):
        seat = rng.choice(nis)
        orgs.append(dict(id=oid, name=f"{rng.choice(WORDS)} {rng.choice(WORDS).lower()} {oid}", kbo_number=None,
                         type_id=rng.choice(types), street=f"Dorpsstraat {rng.randint(1, 200)}", postcode="",
                         city="", seat_nis_code=seat, target_group_employees=rng.choice((None, rng.randint(1, 250))),
                         website="", notes="", archived=rng.random() < 0.05))
        for m in {seat, *rng.sample(nis, rng.randint(0, 3))}:
            org_muni.append(dict(organisation_id=oid, nis_code=m))
        for c in rng.sample(categories, rng.randint(1, 3)):
            org_cat.append(dict(organisation_id=oid, category_id=c))
    _bulk(session, Organisation.__table__, orgs)
    _bulk(session, organisation_municipality, org_muni)
    _bulk(session, organisation_category, org_cat)
    contacts, contact_muni = [], []
    for cid in range(1, size.contacts + 1):
        contacts.append(dict(id=cid, name=f"{rng.choice(FIRST)} {rng.choice(LAST)} {cid}", function="medewerker",
                             organisation_id=rng.randint(1, size.organisations), email=f"p{cid}@voorbeeld.example",
                             phone="", notes="", archived=False))
        contact_muni.append(dict(contact_id=cid, nis_code=rng.choice(nis)))
    _bulk(session, Contact.__table__, contacts)
    _bulk(session, contact_municipality, contact_muni)
    return list(range(1, size.organisations + 1)), list(range(1, size.contacts + 1))


def _referrals(session: Session, rng: random.Random, size: Size, nis: list[str]) -> None:
    types = [i.id for i in codelists.list_items(session, codelists.REFERRAL_TYPE)]
    prefixes = {code: f"G{i:02d}" for i, code in enumerate(nis)}
    counters: dict[tuple[str, int], int] = {}
    referrals, steps = [], []
    for rid in range(1, size.referrals + 1):
        code = rng.choice(nis)
        when = TODAY - timedelta(days=rng.randrange(5 * 365))
        key = (prefixes[code], when.year)
        counters[key] = counters.get(key, 0) + 1
        history = [("doorverwezen", when)]
        day = when
        for status in FLOW[:rng.randrange(len(FLOW) + 1)]:
            day = day + timedelta(days=rng.randint(5, 90))
            if day > TODAY:
                break
            history.append((status, day))
        seen = dict(history)
        status, status_date = history[-1]
        referrals.append(dict(
            id=rid, code=f"{key[0]}-{key[1]}-{counters[key]:04d}", nis_code=code, internal_reference="",
            referral_date=when, type_id=rng.choice(types), status=status, status_date=status_date,
            screening_date=seen.get("in_screening"), decision="positief" if "positief" in seen else None,
            decision_date=seen.get("positief"), start_date=seen.get("tewerkstelling"),
            exit="doorstroom" if "doorstroom" in seen else None, exit_date=seen.get("doorstroom"),
            closed_date=seen.get("afgesloten")))
        steps += [dict(referral_id=rid, position=p, status=s, step_date=d, note="")
                  for p, (s, d) in enumerate(history, start=1)]
    _bulk(session, Referral.__table__, referrals)
    _bulk(session, ReferralStep.__table__, steps)


def _events(session: Session, rng: random.Random, size: Size, nis: list[str], contacts: list[int]) -> None:
    types = [i.id for i in codelists.list_items(session, codelists.EVENT_TYPE)]
    events, munis, participants = [], [], []
    per_event = max(1, size.participants // max(1, size.events))
    for eid in range(1, size.events + 1):
        start = datetime.combine(TODAY - timedelta(days=rng.randrange(6 * 365)), datetime.min.time()) \
            + timedelta(hours=rng.choice((9, 13, 18)))
        events.append(dict(id=eid, uid=f"bench-{eid}@regisseur.example", title=f"Netwerkmoment {eid}",
                           type_id=rng.choice(types), starts_at=start, ends_at=start + timedelta(hours=3),
                           location="Gemeentehuis", description="", capacity=None, status="afgelopen",
                           report="", ics_sequence=0))
        munis += [dict(event_id=eid, nis_code=m) for m in rng.sample(nis, min(len(nis), rng.randint(1, 5)))]
        for contact in rng.sample(contacts, min(len(contacts), per_event)):
            status = rng.choice(("aanwezig", "aanwezig", "ingeschreven", "afwezig", "uitgenodigd"))
            participants.append(dict(event_id=eid, contact_id=contact, status=status, role="deelnemer",
                                     invited_at=start - timedelta(days=30), status_changed_at=start,
                                     checked_in_at=start if status == "aanwezig" else None, note=""))
    _bulk(session, Event.__table__, events)
    _bulk(session, event_municipality, munis)
    _bulk(session, EventParticipant.__table__, participants)


def _plan(session: Session, rng: random.Random, size: Size, nis: list[str], org_ids: list[int],
          contact_ids: list[int]) -> None:
    """The default action plan (objectives, actions per municipality, KPIs with their sources) from 2021."""
    from regisseur_app.domain.plan.default_plan import load_default_plan
    from regisseur_app.reports.plan.sources import registered_sources

    load_default_plan(session, 2021, 6, sources=registered_sources())


# Later features add a generator here: fn(session, rng, size, nis_codes, org_ids, contact_ids).
FEATURE_GENERATORS: list[tuple[str, Callable]] = [("plan", _plan), ("survey", region_survey.surveys),
                                                  ("mvo", region_survey.mvo_figures)]


def generate(db: Path, size_name: str = "large", seed: int = 16) -> Path:
    size = SIZES[size_name]
    if db.exists():
        db.unlink()
    paths = AppPaths.for_db(db, log_dir=db.parent / "logs", config_dir=db.parent / "cfg")
    ctx: AppContext = open_context(paths)
    rng = random.Random(seed)
    try:
        with ctx.transaction() as session:
            nis = _setup(session, size)
            org_ids, contact_ids = _inventory(session, rng, size, nis)
            _referrals(session, rng, size, nis)
            _events(session, rng, size, nis, contact_ids)
            for _name, generator in FEATURE_GENERATORS:
                generator(session, rng, size, nis, org_ids, contact_ids)
        with ctx.engine.connect() as conn:
            conn.exec_driver_sql("ANALYZE")
            conn.commit()
    finally:
        ctx.close()
    return db


def main() -> int:
    parser = argparse.ArgumentParser(description="Genereer een fictieve regio voor de benchmark.")
    parser.add_argument("out", type=Path)
    parser.add_argument("--size", choices=sorted(SIZES), default="large")
    args = parser.parse_args()
    start = time.perf_counter()
    generate(args.out, args.size)
    print(f"{args.size}: {args.out} in {time.perf_counter() - start:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
