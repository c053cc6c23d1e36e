"""KPI source of the inventory (features.spec.KpiSourceSpec): SE organisations in the inventory."""

from __future__ import annotations

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session, aliased

from regisseur_app.domain.core.codelists import CodeItem
from regisseur_app.domain.core.municipalities import Municipality
from regisseur_app.domain.core.organisations import Organisation, organisation_municipality
from regisseur_app.reports.content import Column, Table

# the organisation types that make an organisation part of the social economy
SE_TYPE_CODES = ("maatwerkbedrijf", "maatwerkafdeling", "lde", "arbeidszorg", "kringwinkel")


def se_organisation_ids(session: Session) -> set[int]:
    return set(session.scalars(select(Organisation.id).join(CodeItem, Organisation.type_id == CodeItem.id)
                               .where(CodeItem.code.in_(SE_TYPE_CODES))))


def _se_in(session: Session, nis_code: str | None) -> list[ColumnElement[bool]]:
    """Active (not archived) organisations of an SE type working in the municipality or having their seat
    there; for the region (None): in any participating municipality. Joined with CodeItem on the type."""
    if nis_code is None:
        codes = list(session.scalars(select(Municipality.nis_code).where(Municipality.participating.is_(True))))
    else:
        codes = [nis_code]
    active_in = select(organisation_municipality.c.organisation_id).where(
        organisation_municipality.c.nis_code.in_(codes))
    return [CodeItem.code.in_(SE_TYPE_CODES), Organisation.archived.is_(False),
            or_(Organisation.id.in_(active_in), Organisation.seat_nis_code.in_(codes))]


def se_organisations_count(session: Session, year: int, nis_code: str | None) -> float:
    """The last cell of `se_organisations`, counted by the database instead of listed."""
    return float(session.scalar(select(func.count()).select_from(Organisation)
                                .join(CodeItem, Organisation.type_id == CodeItem.id).where(*_se_in(session, nis_code))))


def se_organisations(session: Session, year: int, nis_code: str | None) -> Table:
    """Active (not archived) SE organisations in the inventory, working in the municipality (or having their
    seat there); for the region: in any participating municipality. The inventory keeps no history, so
    every year shows the inventory as it is today."""
    seat = aliased(Municipality)
    found = session.execute(
        select(Organisation.name, CodeItem.label, seat.name)
        .join(CodeItem, Organisation.type_id == CodeItem.id)
        .outerjoin(seat, Organisation.seat_nis_code == seat.nis_code)
        .where(*_se_in(session, nis_code))
        .order_by(Organisation.name, Organisation.id)).all()
    rows: list[list] = [[name, type_label, seat_name or "", 1] for name, type_label, seat_name in found]
    rows.append(["Totaal", "", "", len(found)])
    return Table("SE-organisaties in de inventaris",
                 [Column("Organisatie"), Column("Type"), Column("Zetel"), Column("Aantal", numeric=True)],
                 rows, footnote="Stand van de inventaris vandaag (de inventaris houdt geen historiek bij); "
                                "niet gearchiveerde organisaties van een SE-type.", total_row=True)
