"""The figures at the top of the Overzicht: the participating municipalities and three counts, in two
queries (the counts as scalar subqueries of one statement). The same numbers as the services give
(organisation_service.count_organisations and known_target_group_employees, contact_service.count_contacts,
municipalities.list_municipalities(participating_only=True)), without importing the list and search modules
those services bring along: the first start of a day computes this before the window is shown."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from regisseur_app.domain.core.municipalities import Municipality
from regisseur_app.domain.core.organisations import Contact, Organisation


def header_figures(session: Session) -> dict:
    """{"municipalities": names of the participating municipalities by name, "organisations": active ones,
    "target_group": known target-group employees of the active ones, "contacts": active, not erased}."""
    active = Organisation.archived.is_(False)
    organisations, target_group, contacts = session.execute(select(
        select(func.count()).select_from(Organisation).where(active).scalar_subquery(),
        select(func.coalesce(func.sum(Organisation.target_group_employees), 0)).where(active).scalar_subquery(),
        select(func.count()).select_from(Contact).where(Contact.archived.is_(False), Contact.erased.is_(False))
        .scalar_subquery())).one()
    names = list(session.scalars(select(Municipality.name).where(Municipality.participating.is_(True))
                                 .order_by(Municipality.name)))
    return {"municipalities": names, "organisations": organisations, "target_group": target_group or 0,
            "contacts": contacts}
