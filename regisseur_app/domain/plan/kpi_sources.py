"""KPI sources of the plan itself (features.spec.KpiSourceSpec): new collaborations, the value of
assignments to SE companies, the jobs they bring. A municipality counts the collaborations registered for
it; the region counts all of them (also the region-wide ones)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from regisseur_app.domain.core.kpi_sources import se_organisation_ids
from regisseur_app.domain.plan import collaborations
from regisseur_app.formatting import format_date
from regisseur_app.reports.content import Column, Table


def _rows(session: Session, year: int, nis_code: str | None) -> list[collaborations.CollaborationRow]:
    return sorted(collaborations.list_collaborations(session, year, nis_code), key=lambda r: (r.on_date, r.id))


def new_collaborations(session: Session, year: int, nis_code: str | None) -> Table:
    rows = _rows(session, year, nis_code)
    body = [[format_date(r.on_date), r.title, r.type_label, r.municipality, 1] for r in rows]
    body.append(["Totaal", "", "", "", len(rows)])
    return Table("Nieuwe samenwerkingen en opdrachten",
                 [Column("Datum"), Column("Samenwerking"), Column("Soort"), Column("Gemeente"),
                  Column("Aantal", numeric=True)], body,
                 footnote=f"Samenwerkingen met een datum in {year}.", total_row=True)


def _assignments_to_se(session: Session, year: int, nis_code: str | None) -> list[collaborations.CollaborationRow]:
    se_ids = se_organisation_ids(session)
    return [r for r in _rows(session, year, nis_code) if any(o in se_ids for o in r.supplier_ids)]


def assignment_value(session: Session, year: int, nis_code: str | None) -> Table:
    rows = _assignments_to_se(session, year, nis_code)
    body = [[format_date(r.on_date), r.title, r.parties, r.estimated_value or 0.0] for r in rows]
    body.append(["Totaal", "", "", float(sum(r.estimated_value or 0 for r in rows))])
    return Table("Waarde van opdrachten aan SE-bedrijven",
                 [Column("Datum"), Column("Samenwerking"), Column("Partijen"),
                  Column("Geschatte waarde", numeric=True, decimals=2, unit="€")], body,
                 footnote="Samenwerkingen waarin een SE-organisatie de uitvoerder is; zonder geschatte waarde telt "
                          "een samenwerking voor € 0.", total_row=True)


def jobs(session: Session, year: int, nis_code: str | None) -> Table:
    rows = [r for r in _rows(session, year, nis_code) if r.jobs]
    body = [[format_date(r.on_date), r.title, r.type_label, r.jobs] for r in rows]
    body.append(["Totaal", "", "", sum(r.jobs for r in rows)])
    return Table("Jobs uit samenwerkingen",
                 [Column("Datum"), Column("Samenwerking"), Column("Soort"), Column("Jobs", numeric=True)], body,
                 footnote="Het aantal jobs dat bij elke samenwerking werd geschat of vastgesteld.", total_row=True)
