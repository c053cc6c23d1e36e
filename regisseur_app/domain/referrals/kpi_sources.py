"""KPI sources of the referral log (features.spec.KpiSourceSpec): referrals made, work started, doorstroom.

The tables count per municipality; they stay inside the app (the progress report passes referral KPIs
through the small-count suppression before they leave it)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from regisseur_app.domain.core.memo import remembered
from regisseur_app.domain.core.municipalities import Municipality
from regisseur_app.domain.referrals.light import REFERRAL
from regisseur_app.domain.referrals.vocabulary import REGULAR_WORK
from regisseur_app.reports.content import Column, Table


def _per_municipality(session: Session, title: str, column, year: int, nis_code: str | None,  # noqa: ANN001
                      footnote: str, *extra) -> Table:  # noqa: ANN002
    start, end = date(year, 1, 1), date(year, 12, 31)
    if nis_code is None:
        municipalities = list(session.execute(select(Municipality.nis_code, Municipality.name)
                                              .where(Municipality.participating.is_(True)).order_by(Municipality.name)))
    else:
        municipalities = list(session.execute(select(Municipality.nis_code, Municipality.name)
                                              .where(Municipality.nis_code == nis_code)))
    counts = dict(session.execute(select(REFERRAL.c.nis_code, func.count()).where(
        column >= start, column <= end, REFERRAL.c.nis_code.in_([m[0] for m in municipalities]), *extra)
        .group_by(REFERRAL.c.nis_code)).all())
    rows = [[name, counts.get(code, 0)] for code, name in municipalities]
    rows.append(["Totaal", sum(counts.values())])
    return Table(title, [Column("Gemeente"), Column("Aantal", numeric=True)], rows, footnote=footnote,
                 total_row=True)


def _count(session: Session, kind: str, year: int, nis_code: str | None) -> float:
    """The total of `_per_municipality` for one kind (made, started, doorstroom), in one statement of its own, once
    per session while it does not write (domain.core.memo). Three statements, not one: each is served by its own
    index (cohort, start date, exit and exit date) in ≈ 1 ms on 100.000 referrals, while one statement that counts
    all three with an OR of their ranges made SQLite read the union of the rows (≈ 45 ms on the large region)."""
    def read() -> float:
        start, end = date(year, 1, 1), date(year, 12, 31)
        ref = REFERRAL.c
        condition = {"made": [ref.referral_date >= start, ref.referral_date <= end],
                     "started": [ref.start_date >= start, ref.start_date <= end],
                     "doorstroom": [ref.exit_date >= start, ref.exit_date <= end, ref.exit == REGULAR_WORK]}[kind]
        places = select(Municipality.nis_code).where(
            Municipality.participating.is_(True) if nis_code is None else Municipality.nis_code == nis_code)
        return float(session.scalar(select(func.count()).select_from(REFERRAL).where(
            *condition, ref.nis_code.in_(places))))

    return remembered(session, ("referral_count", kind, year, nis_code), read)


def referrals_made_count(session: Session, year: int, nis_code: str | None) -> float:
    return _count(session, "made", year, nis_code)


def referrals_started_count(session: Session, year: int, nis_code: str | None) -> float:
    return _count(session, "started", year, nis_code)


def referrals_doorstroom_count(session: Session, year: int, nis_code: str | None) -> float:
    return _count(session, "doorstroom", year, nis_code)


def referrals_made(session: Session, year: int, nis_code: str | None) -> Table:
    return _per_municipality(session, "Aantal doorverwijzingen naar VDAB", REFERRAL.c.referral_date, year, nis_code,
                             f"Doorverwijzingen met een doorverwijsdatum in {year}.")


def referrals_started(session: Session, year: int, nis_code: str | None) -> Table:
    return _per_municipality(session, "Gestarte tewerkstellingen na doorverwijzing", REFERRAL.c.start_date, year,
                             nis_code, f"Doorverwijzingen waarvan de tewerkstelling startte in {year}.")


def referrals_doorstroom(session: Session, year: int, nis_code: str | None) -> Table:
    return _per_municipality(session, "Doorstroom naar regulier werk", REFERRAL.c.exit_date, year, nis_code,
                             f"Doorverwijzingen met uitstroom 'doorstroom naar regulier werk' in {year}.",
                             REFERRAL.c.exit == REGULAR_WORK)
