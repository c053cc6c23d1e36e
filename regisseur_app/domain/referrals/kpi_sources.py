"""KPI sources of the referral log (features.spec.KpiSourceSpec): referrals made, work started, doorstroom.

The tables count per municipality; they stay inside the app (the progress report passes referral KPIs
through the small-count suppression before they leave it)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

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


def _count(session: Session, column, year: int, nis_code: str | None, *extra) -> float:  # noqa: ANN001, ANN002
    """The total of `_per_municipality`, counted in one statement (no list of municipalities)."""
    places = select(Municipality.nis_code).where(
        Municipality.participating.is_(True) if nis_code is None else Municipality.nis_code == nis_code)
    return float(session.scalar(select(func.count()).select_from(REFERRAL).where(
        column >= date(year, 1, 1), column <= date(year, 12, 31), REFERRAL.c.nis_code.in_(places), *extra)))


def referrals_made_count(session: Session, year: int, nis_code: str | None) -> float:
    return _count(session, REFERRAL.c.referral_date, year, nis_code)


def referrals_started_count(session: Session, year: int, nis_code: str | None) -> float:
    return _count(session, REFERRAL.c.start_date, year, nis_code)


def referrals_doorstroom_count(session: Session, year: int, nis_code: str | None) -> float:
    return _count(session, REFERRAL.c.exit_date, year, nis_code, REFERRAL.c.exit == REGULAR_WORK)


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
