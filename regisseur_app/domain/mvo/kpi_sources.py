"""KPI source of the MVO module (features.spec.KpiSourceSpec): complete MVO reports of a year.

The organisations of the scope that have at least one MVO value in the year (not archived; for a
municipality: active there), by name, with how many of the typed-in indicators they filled; counted in
one GROUP BY over that year's values (the same figures as overview.organisation_figures gives)."""

from __future__ import annotations

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import Session

from regisseur_app.domain.core.organisations import Organisation, organisation_municipality
from regisseur_app.domain.mvo.indicators import list_indicators
from regisseur_app.domain.mvo.models import MvoValue
from regisseur_app.domain.mvo.values import Completeness
from regisseur_app.formatting import counted
from regisseur_app.reports.content import Column, Table


def reports_complete(session: Session, year: int, nis_code: str | None) -> Table:
    """KPI 'MVO-rapporten volledig': one row per organisation of the scope with MVO values for the year; the
    last row, last column holds the number of complete reports."""
    wanted = [i.id for i in list_indicators(session) if i.active and not i.is_computed]
    filled = and_(MvoValue.indicator_id.in_(wanted),
                  or_(MvoValue.number.is_not(None), and_(MvoValue.text.is_not(None), MvoValue.text != "")))
    query = (select(Organisation.name, func.sum(case((filled, 1), else_=0)))
             .join(MvoValue, MvoValue.organisation_id == Organisation.id)
             .where(MvoValue.year == year, Organisation.archived.is_(False))
             .group_by(Organisation.id).order_by(Organisation.name, Organisation.id))
    if nis_code:
        query = query.where(Organisation.id.in_(select(organisation_municipality.c.organisation_id).where(
            organisation_municipality.c.nis_code == nis_code)))
    found = [(name, Completeness(int(n), len(wanted))) for name, n in session.execute(query)]
    rows: list[list] = [[name, done.text, 1 if done.complete else 0] for name, done in found]
    rows.append(["Totaal", counted(len(found), "organisatie", "organisaties"),
                 sum(1 for _name, done in found if done.complete)])
    return Table(f"MVO-rapporten {year}", [Column("Organisatie"), Column("Ingevuld"), Column("Volledig", True)], rows,
                 total_row=True)
