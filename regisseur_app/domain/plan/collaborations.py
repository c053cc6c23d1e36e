"""Samenwerkingen en opdrachten: the log of concrete results (an assignment to an SE company, a social
clause, a new local service, an enclave, a doorstroom agreement, a circular initiative)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from regisseur_app.domain.core.base import ValidationError
from regisseur_app.domain.core.codelists import CodeItem
from regisseur_app.domain.core.memo import remembered
from regisseur_app.domain.core.municipalities import Municipality
from regisseur_app.domain.core.organisations import Organisation
from regisseur_app.domain.core.validation import check_no_national_number
from regisseur_app.domain.plan import links
from regisseur_app.domain.plan.models import ROLE_SUPPLIER, ROLES, Collaboration, CollaborationParty, PlanAction
from regisseur_app.domain.plan.service import COLLABORATION_TYPE

MAX_VALUE = 100_000_000
MAX_JOBS = 10_000


@dataclass
class CollaborationInput:
    on_date: date
    title: str
    type_id: int
    nis_code: str | None = None           # None: the region
    estimated_value: float | None = None  # euro
    jobs: int | None = None
    description: str = ""
    event_id: int | None = None
    action_id: int | None = None
    parties: list[tuple[int, str]] = field(default_factory=list)  # (organisation id, role)


class CollaborationRow(NamedTuple):
    id: int
    on_date: date
    title: str
    type_code: str
    type_label: str
    nis_code: str | None
    municipality: str
    estimated_value: float | None
    jobs: int | None
    parties: str
    origin: str
    description: str
    supplier_ids: tuple[int, ...] = ()  # the organisations that carry it out (role 'uitvoerder')


def validate(session: Session, data: CollaborationInput) -> dict[str, str]:
    errors: dict[str, str] = {}
    if data.on_date is None:
        errors["on_date"] = "Vul de datum in."
    if not (data.title or "").strip():
        errors["title"] = "Beschrijf de samenwerking in een paar woorden."
    elif len(data.title.strip()) > 200:
        errors["title"] = "De titel is te lang (maximaal 200 tekens)."
    item = session.get(CodeItem, data.type_id) if data.type_id else None
    if item is None or item.list_name != COLLABORATION_TYPE:
        errors["type"] = "Kies het soort samenwerking."
    if data.nis_code and session.get(Municipality, data.nis_code) is None:
        errors["municipality"] = "Onbekende gemeente."
    if data.estimated_value is not None and not 0 <= data.estimated_value <= MAX_VALUE:
        errors["estimated_value"] = "De geschatte waarde ligt tussen € 0 en € 100.000.000."
    if data.jobs is not None and not 0 <= data.jobs <= MAX_JOBS:
        errors["jobs"] = "Het aantal jobs ligt tussen 0 en 10.000."
    if data.action_id is not None and session.get(PlanAction, data.action_id) is None:
        errors["action"] = "Deze actie bestaat niet meer."
    if data.event_id is not None and data.event_id not in links.titles(session, "event", [data.event_id]):
        errors["event"] = "Dit evenement bestaat niet meer."
    if not data.parties:
        errors["parties"] = "Kies minstens één betrokken organisatie."
    org_ids = [org_id for org_id, _ in data.parties]
    if len(set(org_ids)) != len(org_ids):
        errors["parties"] = "Elke organisatie komt één keer voor."
    known = set(session.scalars(select(Organisation.id).where(Organisation.id.in_(org_ids))))
    if any(org_id not in known for org_id in org_ids) or any(role not in ROLES for _, role in data.parties):
        errors["parties"] = "Onbekende organisatie of rol."
    check_no_national_number({"title": data.title, "description": data.description}, errors)
    return errors


def save(session: Session, data: CollaborationInput, collaboration_id: int | None = None) -> int:
    errors = validate(session, data)
    if errors:
        raise ValidationError(errors)
    if collaboration_id is None:
        row = Collaboration()
        session.add(row)
    else:
        row = session.get(Collaboration, collaboration_id)
        if row is None:
            raise ValidationError({"id": "Deze samenwerking bestaat niet meer."})
    row.on_date, row.title, row.type_id = data.on_date, data.title.strip(), data.type_id
    row.nis_code = data.nis_code or None
    row.estimated_value, row.jobs = data.estimated_value, data.jobs
    row.description = (data.description or "").strip()
    row.event_id, row.action_id = data.event_id, data.action_id
    row.parties = [CollaborationParty(organisation_id=org_id, role=role) for org_id, role in data.parties]
    session.flush()
    return row.id


def get(session: Session, collaboration_id: int) -> CollaborationInput | None:
    row = session.get(Collaboration, collaboration_id)
    if row is None:
        return None
    return CollaborationInput(row.on_date, row.title, row.type_id, row.nis_code, row.estimated_value, row.jobs,
                              row.description, row.event_id, row.action_id,
                              [(p.organisation_id, p.role) for p in row.parties])


def delete(session: Session, collaboration_id: int) -> CollaborationInput | None:
    """Delete; returns what it was (for undo)."""
    data = get(session, collaboration_id)
    if data is not None:
        session.delete(session.get(Collaboration, collaboration_id))
    return data


def in_scope(year: int | None, nis_code: str | None):  # noqa: ANN201
    """Conditions: dated in the year; for a municipality, its own ones (region-wide ones count for the region)."""
    conditions = []
    if year is not None:
        conditions += [Collaboration.on_date >= date(year, 1, 1), Collaboration.on_date <= date(year, 12, 31)]
    if nis_code is not None:
        conditions.append(Collaboration.nis_code == nis_code)
    return conditions


def list_collaborations(session: Session, year: int | None = None, nis_code: str | None = None) -> list[CollaborationRow]:
    """Newest first; dated in the year (None: every year); a municipality's own ones (None: all of them). The
    rows of a municipality (or all) are loaded once per session while it does not write (memo.py): the KPI
    sources and the report sections ask for them several times."""
    rows = remembered(session, ("collaborations", nis_code), lambda: _load(session, nis_code))
    return [r for r in rows if year is None or r.on_date.year == year]


def _load(session: Session, nis_code: str | None) -> tuple[CollaborationRow, ...]:
    """Plain column queries (no ORM objects): the collaborations with their type, then their parties."""
    c = Collaboration
    # the municipality's name and the action's number joined in (many-to-one: no row more), not read apart
    rows = list(session.execute(
        select(c.id, c.on_date, c.title, c.nis_code, c.estimated_value, c.jobs, c.description, c.event_id, c.action_id,
               CodeItem.code, CodeItem.label, Municipality.name.label("place"), PlanAction.number.label("action"))
        .join(CodeItem, CodeItem.id == c.type_id)
        .outerjoin(Municipality, Municipality.nis_code == c.nis_code)
        .outerjoin(PlanAction, PlanAction.id == c.action_id)
        .where(*in_scope(None, nis_code)).order_by(c.on_date.desc(), c.id.desc())))
    parties: dict[int, list[tuple[str, str, int]]] = {}
    for collaboration_id, organisation_id, role, name in session.execute(
            select(CollaborationParty.collaboration_id, CollaborationParty.organisation_id, CollaborationParty.role,
                   Organisation.name).join(Organisation, Organisation.id == CollaborationParty.organisation_id)
            .join(c, c.id == CollaborationParty.collaboration_id).where(*in_scope(None, nis_code))):
        parties.setdefault(collaboration_id, []).append((role, name, organisation_id))
    events = links.titles(session, "event", [r.event_id for r in rows if r.event_id is not None])
    order = list(ROLES)
    result = []
    for r in rows:
        own = sorted(parties.get(r.id, ()), key=lambda p: (order.index(p[0]), p[1]))
        text = "; ".join(f"{name} ({ROLES[role].lower()})" for role, name, _ in own)
        origin = ", ".join(x for x in (f"Actie {r.action}" if r.action is not None else "",
                                       events.get(r.event_id, links.GONE) if r.event_id is not None else "") if x)
        result.append(CollaborationRow(r.id, r.on_date, r.title, r.code, r.label, r.nis_code,
                                       r.place if r.nis_code and r.place is not None else "Regio",
                                       r.estimated_value, r.jobs, text, origin, r.description,
                                       tuple(sorted(o for role, _, o in own if role == ROLE_SUPPLIER))))
    return tuple(result)
