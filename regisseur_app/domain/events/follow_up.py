"""Follow-up actions of events: owner (a contact or the regisseur), due date, status, organisations.

An action is overdue when it is still open or in progress and its due date has passed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from regisseur_app.domain.core.base import ValidationError
from regisseur_app.domain.core.organisations import Contact, Organisation
from regisseur_app.domain.core.validation import check_no_national_number
from regisseur_app.domain.events.models import (
    ACTION_DONE,
    ACTION_OPEN,
    ACTION_STATUSES,
    ACTION_UNFINISHED,
    REGISSEUR_OWNER,
    Event,
    FollowUpAction,
    action_organisation,
)


@dataclass
class ActionInput:
    description: str
    owner_contact_id: int | None = None  # None: the regisseur
    due_date: date | None = None
    status: str = ACTION_OPEN
    organisation_ids: list[int] = field(default_factory=list)


class ActionRow(NamedTuple):
    id: int
    event_id: int
    event_title: str
    event_date: date
    description: str
    owner: str
    due_date: date | None
    status: str
    status_label: str
    organisations: str
    overdue: bool
    completed_on: date | None


def validate_action(session: Session, data: ActionInput) -> dict[str, str]:
    errors: dict[str, str] = {}
    text = (data.description or "").strip()
    if not text:
        errors["description"] = "Beschrijf de actie."
    elif len(text) > 2000:
        errors["description"] = "De beschrijving is te lang (maximaal 2.000 tekens)."
    if data.status not in ACTION_STATUSES:
        errors["status"] = "Kies een geldige status."
    if data.owner_contact_id is not None and session.get(Contact, data.owner_contact_id) is None:
        errors["owner_contact_id"] = "De gekozen verantwoordelijke bestaat niet meer."
    if data.organisation_ids:
        found = set(session.scalars(select(Organisation.id).where(Organisation.id.in_(data.organisation_ids))))
        if found != set(data.organisation_ids):
            errors["organisation_ids"] = "Een gekozen organisatie bestaat niet meer."
    check_no_national_number({"description": data.description}, errors)
    return errors


def save_action(session: Session, event_id: int, data: ActionInput, action_id: int | None = None,
                today: date | None = None) -> int:
    errors = validate_action(session, data)
    if errors:
        raise ValidationError(errors)
    if session.get(Event, event_id) is None:
        raise ValidationError({"description": "Dit evenement bestaat niet meer."})
    action = FollowUpAction(event_id=event_id) if action_id is None else session.get(FollowUpAction, action_id)
    if action is None:
        raise ValidationError({"description": "Deze actie bestaat niet meer."})
    if data.status == ACTION_DONE and action.status != ACTION_DONE:
        action.completed_on = today or date.today()
    elif data.status != ACTION_DONE:
        action.completed_on = None
    action.description = data.description.strip()
    action.owner_contact_id = data.owner_contact_id
    action.due_date = data.due_date
    action.status = data.status
    action.organisations = list(session.scalars(select(Organisation).where(
        Organisation.id.in_(data.organisation_ids))))
    if action_id is None:
        session.add(action)
    session.flush()
    return action.id


def get_action(session: Session, action_id: int) -> ActionInput | None:
    a = session.get(FollowUpAction, action_id)
    if a is None:
        return None
    return ActionInput(a.description, a.owner_contact_id, a.due_date, a.status,
                       sorted(o.id for o in a.organisations))


def delete_action(session: Session, action_id: int) -> None:
    action = session.get(FollowUpAction, action_id)
    if action is not None:
        session.delete(action)


def set_action_status(session: Session, action_id: int, status: str, today: date | None = None) -> None:
    data = get_action(session, action_id)
    if data is None:
        raise ValidationError({"status": "Deze actie bestaat niet meer."})
    action = session.get(FollowUpAction, action_id)
    data.status = status
    save_action(session, action.event_id, data, action_id, today)


def list_actions(session: Session, event_id: int, today: date | None = None) -> list[ActionRow]:
    return _rows(session, today or date.today(), FollowUpAction.event_id == event_id,
                 order=(FollowUpAction.due_date.is_(None), FollowUpAction.due_date, FollowUpAction.id))


def overdue_actions(session: Session, today: date | None = None) -> list[ActionRow]:
    """Open or in-progress actions whose due date is before today, oldest first."""
    today = today or date.today()
    return _rows(session, today, FollowUpAction.status.in_(ACTION_UNFINISHED), FollowUpAction.due_date < today,
                 order=(FollowUpAction.due_date, FollowUpAction.id))


def _rows(session: Session, today: date, *where: ColumnElement[bool], order: tuple) -> list[ActionRow]:
    """The actions matching `where` as rows, in two plain queries (the actions with their event and owner, then
    the names of their organisations) instead of loading the actions, events, owners and organisations as ORM
    objects: the Overzicht lists the overdue ones at every start that computes it."""
    found = session.execute(
        select(FollowUpAction.id, FollowUpAction.event_id, Event.title, Event.starts_at, FollowUpAction.description,
               Contact.name, FollowUpAction.due_date, FollowUpAction.status, FollowUpAction.completed_on)
        .join(Event, FollowUpAction.event_id == Event.id)
        .outerjoin(Contact, FollowUpAction.owner_contact_id == Contact.id)
        .where(*where).order_by(*order)).all()
    names: dict[int, list[str]] = {}
    if found:
        linked = action_organisation.c
        for action_id, name in session.execute(
                select(linked.action_id, Organisation.name).join(Organisation, Organisation.id == linked.organisation_id)
                .where(linked.action_id.in_([r[0] for r in found]))):
            names.setdefault(action_id, []).append(name)
    return [ActionRow(id=action_id, event_id=event_id, event_title=title, event_date=starts_at.date(),
                      description=description, owner=owner if owner is not None else REGISSEUR_OWNER,
                      due_date=due_date, status=status, status_label=ACTION_STATUSES.get(status, status),
                      organisations=", ".join(sorted(names.get(action_id, ()))),
                      overdue=status in ACTION_UNFINISHED and due_date is not None and due_date < today,
                      completed_on=completed_on)
            for action_id, event_id, title, starts_at, description, owner, due_date, status, completed_on in found]
