"""Which organisations report on MVO: the active social-economy organisations, plus any organisation that
already has MVO values; with their completeness for a year."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from regisseur_app.domain.analysis.inventory import social_economy_type_ids
from regisseur_app.domain.core.organisations import Organisation
from regisseur_app.domain.mvo.indicators import list_indicators
from regisseur_app.domain.mvo.models import MvoValue
from regisseur_app.domain.mvo.values import Completeness, completeness_of
from regisseur_app.storage.dialect import folded_contains


@dataclass(frozen=True)
class MvoOrganisationRow:
    id: int
    name: str
    type_label: str
    municipalities: str
    nis_codes: tuple[str, ...]
    completeness: Completeness
    years: tuple[int, ...]  # years with at least one value


def reporting_organisations(session: Session, year: int, text: str = "", nis_code: str | None = None
                            ) -> list[MvoOrganisationRow]:
    """Active SE organisations and organisations with MVO values, by name; with completeness for `year`."""
    with_values = select(MvoValue.organisation_id)
    query = (select(Organisation).options(selectinload(Organisation.type), selectinload(Organisation.municipalities))
             .where(Organisation.archived.is_(False),
                    or_(Organisation.type_id.in_(social_economy_type_ids(session)), Organisation.id.in_(with_values)))
             .order_by(Organisation.name))
    if text.strip():
        query = query.where(folded_contains(Organisation.name, text.strip()))
    organisations = list(session.scalars(query))
    if nis_code:
        organisations = [o for o in organisations if nis_code in {m.nis_code for m in o.municipalities}]
    indicators = list_indicators(session)
    ids = [o.id for o in organisations]
    values: dict[int, dict[int, MvoValue]] = {i: {} for i in ids}
    years: dict[int, set[int]] = {i: set() for i in ids}
    if ids:
        for value in session.scalars(select(MvoValue).where(MvoValue.organisation_id.in_(ids))):
            years[value.organisation_id].add(value.year)
            if value.year == year:
                values[value.organisation_id][value.indicator_id] = value
    return [MvoOrganisationRow(o.id, o.name, o.type.label, ", ".join(sorted(m.name for m in o.municipalities)),
                               tuple(sorted(m.nis_code for m in o.municipalities)),
                               completeness_of(indicators, values[o.id]), tuple(sorted(years[o.id])))
            for o in organisations]


def organisation_name(session: Session, organisation_id: int) -> str:
    org = session.get(Organisation, organisation_id)
    return org.name if org else ""
