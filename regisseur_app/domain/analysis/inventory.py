"""What the omgevingsanalyse reads from the organisation inventory: where an organisation is present,
and which organisation types count as social economy (a flag per type, kept in the database)."""

from __future__ import annotations

from sqlalchemy import Select, delete, func, select, union
from sqlalchemy.orm import Session

from regisseur_app.domain.analysis.models import SocialEconomyType
from regisseur_app.domain.core.base import ValidationError
from regisseur_app.domain.core.codelists import ORGANISATION_TYPE, CodeItem
from regisseur_app.domain.core.memo import remembered
from regisseur_app.domain.core.organisations import Organisation, organisation_municipality


def organisation_places() -> Select:
    """(organisation_id, nis_code) for every municipality where an organisation is present: the ones it is
    active in plus its seat. The same rule as the municipality filter of the organisation list."""
    active_in = select(organisation_municipality.c.organisation_id.label("organisation_id"),
                       organisation_municipality.c.nis_code.label("nis_code"))
    seat = select(Organisation.id.label("organisation_id"), Organisation.seat_nis_code.label("nis_code")).where(
        Organisation.seat_nis_code.is_not(None))
    return union(active_in, seat)


def social_economy_type_codes(session: Session) -> set[str]:
    return set(session.scalars(select(SocialEconomyType.type_code)))


def social_economy_type_ids(session: Session) -> set[int]:
    """Ids of the organisation types flagged as social economy; read once per session while it does not write
    (domain.core.memo: the offer map and the MVO reporters of a college report both ask)."""
    return set(remembered(session, "social_economy_type_ids", lambda: frozenset(session.scalars(
        select(CodeItem.id).where(CodeItem.list_name == ORGANISATION_TYPE,
                                  CodeItem.code.in_(select(SocialEconomyType.type_code)))))))


def set_social_economy_types(session: Session, type_ids: list[int]) -> None:
    """Flag exactly these organisation types as social economy."""
    items = list(session.scalars(select(CodeItem).where(CodeItem.id.in_(type_ids))))
    if len(items) != len(set(type_ids)) or any(i.list_name != ORGANISATION_TYPE for i in items):
        raise ValidationError({"se_types": "Een gekozen organisatietype bestaat niet meer."})
    session.execute(delete(SocialEconomyType))
    for item in items:
        session.add(SocialEconomyType(type_code=item.code))


def count_active_by_municipality(session: Session, nis_codes: list[str], type_ids: set[int] | None = None
                                 ) -> dict[str, int]:
    """Active (not archived) organisations present in each municipality, optionally of these types only."""
    places = organisation_places().subquery()
    query = (select(places.c.nis_code, func.count(func.distinct(places.c.organisation_id)))
             .join(Organisation, Organisation.id == places.c.organisation_id)
             .where(Organisation.archived.is_(False), places.c.nis_code.in_(nis_codes))
             .group_by(places.c.nis_code))
    if type_ids is not None:
        query = query.where(Organisation.type_id.in_(sorted(type_ids)))
    found = dict(session.execute(query).all())
    return {nis: int(found.get(nis, 0)) for nis in nis_codes}


def count_se_organisations(session: Session, nis_codes: list[str]) -> dict[str, int]:
    """The computed indicator 'aantal SE-organisaties': active organisations of social-economy types."""
    return count_active_by_municipality(session, nis_codes, social_economy_type_ids(session))


def count_se_organisations_region(session: Session, nis_codes: list[str]) -> int:
    """Distinct active SE organisations present in at least one of these municipalities."""
    places = organisation_places().subquery()
    return session.scalar(
        select(func.count(func.distinct(places.c.organisation_id)))
        .join(Organisation, Organisation.id == places.c.organisation_id)
        .where(Organisation.archived.is_(False), places.c.nis_code.in_(nis_codes),
               Organisation.type_id.in_(sorted(social_economy_type_ids(session))))) or 0
