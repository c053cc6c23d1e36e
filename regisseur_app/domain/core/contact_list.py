"""Reading the contact list for the screens, in SQL: the ids of every matching contact in the chosen order
(one query; the count is exact and a page is a slice), and the rows of one page (two small queries).
People are sorted on their last name (the words after the first), then the whole name, like surname_key.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from regisseur_app.domain.core.common import escape_like
from regisseur_app.domain.core.municipalities import Municipality
from regisseur_app.domain.core.organisations import Contact, Organisation, contact_municipality
from regisseur_app.storage.dialect import after_first_word, folded, joined_text
from regisseur_app.storage.engine import fold

SORTS = ("name", "function", "organisation", "email", "phone", "municipalities")
CHUNK = 500  # ids per IN (...) when reading rows


@dataclass(frozen=True)
class ContactRow:
    id: int
    name: str
    function: str
    organisation_id: int | None
    organisation_name: str
    email: str
    phone: str
    municipalities: str
    archived: bool
    no_invitations: bool = False


@dataclass
class ContactFilter:
    text: str = ""
    organisation_id: int | None = None
    nis_code: str | None = None
    archived: bool = False


def _conditions(filt: ContactFilter) -> list:
    conditions = [Contact.archived.is_(filt.archived), Contact.erased.is_(False)]
    text = fold(filt.text)
    if text:
        like = f"%{escape_like(text)}%"
        organisations = select(Organisation.id).where(folded(Organisation.name).like(like, escape="\\"))
        # one fold per contact instead of three (a line break cannot be typed in the search box)
        searched = Contact.name + "\n" + Contact.function + "\n" + Contact.email
        conditions.append(or_(folded(searched).like(like, escape="\\"), Contact.organisation_id.in_(organisations)))
    if filt.organisation_id is not None:
        conditions.append(Contact.organisation_id == filt.organisation_id)
    if filt.nis_code:
        conditions.append(Contact.id.in_(select(contact_municipality.c.contact_id).where(
            contact_municipality.c.nis_code == filt.nis_code)))
    return conditions


def contact_ids(session: Session, filt: ContactFilter | None = None, sort: str = "name",
                descending: bool = False) -> list[int]:
    """The ids of every contact that matches, in the order of `sort` (one of SORTS; the name breaks ties)."""
    query = select(Contact.id).where(*_conditions(filt or ContactFilter()))
    # the last name, then the whole name, in one key: one fold per row (\x01 sorts before any character that
    # can be typed, and fold() does not strip it as it strips a leading tab)
    by_name = [folded(after_first_word(Contact.name) + "\x01" + Contact.name)]
    if sort == "name":
        keys = by_name
    elif sort == "full_name":  # as written, first name first (the pickers in dialogs)
        keys = [folded(Contact.name)]
    elif sort in ("function", "email", "phone"):
        keys = [folded(getattr(Contact, sort)), *by_name]
    elif sort == "organisation":
        query = query.outerjoin(Organisation, Organisation.id == Contact.organisation_id)
        keys = [folded(func.coalesce(Organisation.name, "")), *by_name]
    elif sort == "municipalities":
        ordered = (select(contact_municipality.c.contact_id.label("contact_id"), Municipality.name.label("name"))
                   .join_from(contact_municipality, Municipality,
                              Municipality.nis_code == contact_municipality.c.nis_code)
                   .order_by(contact_municipality.c.contact_id, Municipality.name).subquery())
        names = (select(ordered.c.contact_id, joined_text(ordered.c.name).label("names"))
                 .group_by(ordered.c.contact_id).subquery())
        query = query.outerjoin(names, names.c.contact_id == Contact.id)
        keys = [folded(func.coalesce(names.c.names, "")), *by_name]
    else:
        raise ValueError(f"unknown sort {sort!r}")
    keys.append(Contact.id)
    return _ids(session, query.order_by(*(k.desc() for k in keys) if descending else keys))


def _ids(session: Session, query) -> list[int]:  # noqa: ANN001
    """Plain integers straight from the driver (thousands of them: no ORM result processing)."""
    return list(session.connection().scalars(query))


def contact_rows(session: Session, ids: Iterable[int]) -> list[ContactRow]:
    """The list rows of these contacts, in the order of `ids` (unknown ids left out)."""
    wanted = list(ids)
    found: dict[int, ContactRow] = {}
    for start in range(0, len(wanted), CHUNK):
        found.update(_rows(session, wanted[start:start + CHUNK]))
    return [found[i] for i in wanted if i in found]


def _rows(session: Session, ids: list[int]) -> dict[int, ContactRow]:
    if not ids:
        return {}
    municipalities: dict[int, list[str]] = defaultdict(list)
    for cid, name in session.execute(
            select(contact_municipality.c.contact_id, Municipality.name)
            .join(Municipality, Municipality.nis_code == contact_municipality.c.nis_code)
            .where(contact_municipality.c.contact_id.in_(ids))
            .order_by(contact_municipality.c.contact_id, Municipality.name)):
        municipalities[cid].append(name)
    query = (select(Contact.id, Contact.name, Contact.function, Contact.organisation_id, Organisation.name,
                    Contact.email, Contact.phone, Contact.archived, Contact.no_invitations)
             .outerjoin(Organisation, Organisation.id == Contact.organisation_id)
             .where(Contact.id.in_(ids)))
    return {
        cid: ContactRow(id=cid, name=name, function=function, organisation_id=org_id,
                        organisation_name=org_name or "", email=email, phone=phone,
                        municipalities=", ".join(municipalities.get(cid, ())), archived=archived,
                        no_invitations=no_invitations)
        for cid, name, function, org_id, org_name, email, phone, archived, no_invitations in session.execute(query)
    }


def list_contacts(session: Session, filt: ContactFilter | None = None) -> list[ContactRow]:
    """Every matching contact by name as written (the pickers of dialogs; the contact list pages them)."""
    return contact_rows(session, contact_ids(session, filt, "full_name"))
