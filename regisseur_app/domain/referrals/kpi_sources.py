"""KPI sources of the referral log (features.spec.KpiSourceSpec): referrals made, work started, doorstroom.

The tables count per municipality; they stay inside the app (the progress report passes referral KPIs
through the small-count suppression before they leave it)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import and_, case, func, or_, select
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


def _counts(session: Session, year: int, nis_code: str | None) -> tuple[float, float, float]:
    """The three `_count`s below (made, started, doorstroom) in one statement, once per session while it does not
    write (domain.core.memo): the plan's KPIs ask for them one after the other."""
    def read() -> tuple[float, float, float]:
        start, end = date(year, 1, 1), date(year, 12, 31)
        ref = REFERRAL.c
        places = select(Municipality.nis_code).where(
            Municipality.participating.is_(True) if nis_code is None else Municipality.nis_code == nis_code)
        made, started = ref.referral_date.between(start, end), ref.start_date.between(start, end)
        doorstroom = and_(ref.exit_date.between(start, end), ref.exit == REGULAR_WORK)
        row = session.execute(select(*(func.coalesce(func.sum(case((c, 1), else_=0)), 0) for c in
                                       (made, started, doorstroom)))
                              .where(ref.nis_code.in_(places), or_(made, started, doorstroom))).one()
        return float(row[0]), float(row[1]), float(row[2])

    return remembered(session, ("referral_counts", year, nis_code), read)


def referrals_made_count(session: Session, year: int, nis_code: str | None) -> float:
    return _counts(session, year, nis_code)[0]


def referrals_started_count(session: Session, year: int, nis_code: str | None) -> float:
    return _counts(session, year, nis_code)[1]


def referrals_doorstroom_count(session: Session, year: int, nis_code: str | None) -> float:
    return _counts(session, year, nis_code)[2]


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
