"""Reading the organisation list for the screens, in SQL: the ids of every matching organisation in the
chosen order (one query, so the count is exact and any page is a slice), and the rows of one page.

5.000 organisations: the ids are a few milliseconds; a page of 200 rows is four small queries (the
organisations with their type and seat, their municipalities, categories and contact counts).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, aliased

from regisseur_app.domain.core.codelists import CodeItem
from regisseur_app.domain.core.common import escape_like
from regisseur_app.domain.core.municipalities import Municipality
from regisseur_app.domain.core.organisations import (
    Contact,
    Organisation,
    organisation_category,
    organisation_municipality,
)
from regisseur_app.domain.core.validation import format_kbo
from regisseur_app.storage.dialect import folded, joined_text
from regisseur_app.storage.engine import fold

SORTS = ("name", "type", "kbo_number", "place", "municipalities", "categories", "target_group_employees",
         "contacts")
CHUNK = 500  # ids per IN (...) when reading rows


@dataclass(frozen=True)
class OrganisationRow:
    id: int
    name: str
    kbo_number: str
    type_label: str
    street: str
    postcode: str
    city: str
    seat_name: str
    municipalities: str
    categories: str
    target_group_employees: int | None
    contact_count: int
    archived: bool
    website: str = ""
    notes: str = ""


@dataclass
class OrganisationFilter:
    text: str = ""
    type_id: int | None = None
    nis_code: str | None = None
    category_id: int | None = None
    archived: bool = False


_TYPE = aliased(CodeItem)
_SEAT = aliased(Municipality)


def _conditions(filt: OrganisationFilter) -> list:
    conditions = [Organisation.archived.is_(filt.archived)]
    text = fold(filt.text)
    if text:
        like = f"%{escape_like(text)}%"
        digits = re.sub(r"\D", "", filt.text)
        # one fold per organisation instead of three (a line break cannot be typed in the search box)
        searched = Organisation.name + "\n" + Organisation.city + "\n" + Organisation.website
        matches = [folded(searched).like(like, escape="\\")]
        if len(digits) >= 3:
            matches.append(Organisation.kbo_number.like(f"%{digits}%"))
        conditions.append(or_(*matches))
    if filt.type_id:
        conditions.append(Organisation.type_id == filt.type_id)
    if filt.nis_code:
        active_in = select(organisation_municipality.c.organisation_id).where(
            organisation_municipality.c.nis_code == filt.nis_code)
        conditions.append(or_(Organisation.seat_nis_code == filt.nis_code, Organisation.id.in_(active_in)))
    if filt.category_id:
        conditions.append(Organisation.id.in_(select(organisation_category.c.organisation_id).where(
            organisation_category.c.category_id == filt.category_id)))
    return conditions


def _names_per_organisation(link, link_key, key, label):  # noqa: ANN001, ANN202
    """Subquery (organisation_id, names): the labels joined with ', ' in alphabetical order, as shown."""
    ordered = (select(link.c.organisation_id.label("organisation_id"), label.label("label"))
               .join_from(link, key.table, key == link_key)
               .order_by(link.c.organisation_id, label).subquery())
    return (select(ordered.c.organisation_id, joined_text(ordered.c.label).label("names"))
            .group_by(ordered.c.organisation_id).subquery())


def organisation_ids(session: Session, filt: OrganisationFilter | None = None, sort: str = "name",
                     descending: bool = False) -> list[int]:
    """The ids of every organisation that matches, in the order of `sort` (one of SORTS; the name breaks ties)."""
    filt = filt or OrganisationFilter()
    query = select(Organisation.id).where(*_conditions(filt))
    if sort == "name":
        key = folded(Organisation.name)
    elif sort == "type":
        query = query.join(_TYPE, _TYPE.id == Organisation.type_id)
        key = folded(_TYPE.label)
    elif sort == "kbo_number":
        key = func.coalesce(Organisation.kbo_number, "")
    elif sort == "place":  # the list shows the city, else the seat's name
        query = query.outerjoin(_SEAT, _SEAT.nis_code == Organisation.seat_nis_code)
        key = folded(func.coalesce(func.nullif(Organisation.city, ""), _SEAT.name, ""))
    elif sort in ("municipalities", "categories"):
        names = (_names_per_organisation(organisation_municipality, organisation_municipality.c.nis_code,
                                         Municipality.nis_code, Municipality.name) if sort == "municipalities"
                 else _names_per_organisation(organisation_category, organisation_category.c.category_id,
                                              CodeItem.id, CodeItem.label))
        query = query.outerjoin(names, names.c.organisation_id == Organisation.id)
        key = folded(func.coalesce(names.c.names, ""))
    elif sort == "target_group_employees":
        key = func.coalesce(Organisation.target_group_employees, -1)
    elif sort == "contacts":  # one grouped pass over the contacts' index, not a count per organisation
        counts = (select(Contact.organisation_id, func.count().label("n")).where(Contact.archived.is_(False))
                  .group_by(Contact.organisation_id).subquery())
        query = query.outerjoin(counts, counts.c.organisation_id == Organisation.id)
        key = func.coalesce(counts.c.n, 0)
    else:
        raise ValueError(f"unknown sort {sort!r}")
    keys = [key, Organisation.id] if sort == "name" else [key, folded(Organisation.name), Organisation.id]
    order = [k.desc() for k in keys] if descending else keys
    return _ids(session, query.order_by(*order))


def _ids(session: Session, query) -> list[int]:  # noqa: ANN001
    """Plain integers straight from the driver (thousands of them: no ORM result processing)."""
    return list(session.connection().scalars(query))


def organisation_rows(session: Session, ids: Iterable[int]) -> list[OrganisationRow]:
    """The list rows of these organisations, in the order of `ids` (unknown ids left out)."""
    wanted = list(ids)
    found: dict[int, OrganisationRow] = {}
    for start in range(0, len(wanted), CHUNK):
        found.update(_rows(session, wanted[start:start + CHUNK]))
    return [found[i] for i in wanted if i in found]


def _rows(session: Session, ids: list[int]) -> dict[int, OrganisationRow]:
    if not ids:
        return {}
    municipalities = _labels(session, organisation_municipality, organisation_municipality.c.nis_code,
                             Municipality.nis_code, Municipality.name, ids)
    categories = _labels(session, organisation_category, organisation_category.c.category_id, CodeItem.id,
                         CodeItem.label, ids)
    counts = dict(session.execute(
        select(Contact.organisation_id, func.count())
        .where(Contact.organisation_id.in_(ids), Contact.archived.is_(False)).group_by(Contact.organisation_id)).all())
    query = (select(Organisation.id, Organisation.name, Organisation.kbo_number, _TYPE.label, Organisation.street,
                    Organisation.postcode, Organisation.city, _SEAT.name, Organisation.target_group_employees,
                    Organisation.archived, Organisation.website, Organisation.notes)
             .join(_TYPE, _TYPE.id == Organisation.type_id)
             .outerjoin(_SEAT, _SEAT.nis_code == Organisation.seat_nis_code)
             .where(Organisation.id.in_(ids)))
    return {
        oid: OrganisationRow(
            id=oid, name=name, kbo_number=format_kbo(kbo), type_label=type_label, street=street, postcode=postcode,
            city=city, seat_name=seat or "", municipalities=", ".join(municipalities.get(oid, ())),
            categories=", ".join(categories.get(oid, ())), target_group_employees=target,
            contact_count=counts.get(oid, 0), archived=archived, website=website, notes=notes)
        for oid, name, kbo, type_label, street, postcode, city, seat, target, archived, website, notes
        in session.execute(query)
    }


def _labels(session: Session, link, link_key, key, label, ids: list[int]) -> dict[int, list[str]]:  # noqa: ANN001
    """organisation id -> the labels of its linked rows, in alphabetical order (as sorted by SQL)."""
    found: dict[int, list[str]] = defaultdict(list)
    for oid, text in session.execute(select(link.c.organisation_id, label).join(key.table, key == link_key)
                                     .where(link.c.organisation_id.in_(ids))
                                     .order_by(link.c.organisation_id, label)):
        found[oid].append(text)
    return found


def list_organisations(session: Session, filt: OrganisationFilter | None = None) -> list[OrganisationRow]:
    """Every matching organisation, by name (for exports and the services; the screen pages them)."""
    return organisation_rows(session, organisation_ids(session, filt))
