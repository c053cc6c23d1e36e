"""Objectives and actions of the plan, and the status of each action per participating municipality."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from regisseur_app.domain.core.base import ValidationError
from regisseur_app.domain.core.codelists import CodeItem
from regisseur_app.domain.core.memo import remembered
from regisseur_app.domain.core.municipalities import Municipality
from regisseur_app.domain.core.validation import check_no_national_number
from regisseur_app.domain.plan.models import (
    NOT_STARTED,
    STATUS_LABELS,
    ActionMunicipality,
    Objective,
    PlanAction,
    action_priority,
)

PRIORITY_LIST = "plan_priority"
COLLABORATION_TYPE = "collaboration_type"


@dataclass
class ObjectiveInput:
    number: str
    title: str
    description: str = ""


@dataclass
class ActionInput:
    objective_id: int
    number: str
    title: str
    description: str = ""
    priority_ids: list[int] = field(default_factory=list)
    nis_codes: list[str] = field(default_factory=list)  # the municipalities that take part in the action


@dataclass
class ExecutionInput:
    """The action in one municipality."""

    status: str = NOT_STARTED
    owner: str = ""
    start_date: date | None = None
    end_date: date | None = None
    notes: str = ""
    result: str = ""


class ExecutionRow(NamedTuple):
    id: int
    action_id: int
    nis_code: str
    municipality: str
    status: str
    owner: str
    start_date: date | None
    end_date: date | None
    notes: str
    result: str
    status_date: date | None

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]

    def overlaps(self, year: int) -> bool:
        """The period touches the year (no dates: the whole plan period)."""
        return ((self.start_date is None or self.start_date <= date(year, 12, 31))
                and (self.end_date is None or self.end_date >= date(year, 1, 1)))


class ActionRow(NamedTuple):
    id: int
    objective_id: int
    objective_number: str
    number: str
    title: str
    description: str
    priorities: tuple[str, ...]          # codes, e.g. ("WSE-LR1", "WSE-LR4")
    executions: tuple[ExecutionRow, ...]

    def execution(self, nis_code: str) -> ExecutionRow | None:
        return next((e for e in self.executions if e.nis_code == nis_code), None)


class ObjectiveRow(NamedTuple):
    id: int
    number: str
    title: str
    description: str
    actions: tuple[ActionRow, ...]


def _check_text(values: dict[str, str], errors: dict[str, str], limits: dict[str, int]) -> None:
    for key, limit in limits.items():
        if len((values.get(key) or "").strip()) > limit:
            errors[key] = f"Te lang (maximaal {limit} tekens)."
    check_no_national_number(values, errors)


def save_objective(session: Session, data: ObjectiveInput, objective_id: int | None = None) -> int:
    errors: dict[str, str] = {}
    if not data.number.strip():
        errors["number"] = "Geef de doelstelling een nummer (bv. 7)."
    if not data.title.strip():
        errors["title"] = "Geef de doelstelling een titel."
    _check_text({"number": data.number, "title": data.title, "description": data.description}, errors,
                {"number": 10, "title": 200, "description": 5000})
    if errors:
        raise ValidationError(errors)
    if objective_id is None:
        position = (session.scalar(select(func.max(Objective.position))) or 0) + 1
        objective = Objective(position=position)
        session.add(objective)
    else:
        objective = _get(session, Objective, objective_id)
    objective.number, objective.title = data.number.strip(), data.title.strip()
    objective.description = data.description.strip()
    session.flush()
    return objective.id


def delete_objective(session: Session, objective_id: int) -> None:
    session.delete(_get(session, Objective, objective_id))


def save_action(session: Session, data: ActionInput, action_id: int | None = None) -> int:
    errors: dict[str, str] = {}
    if session.get(Objective, data.objective_id) is None:
        errors["objective"] = "Kies de doelstelling waaronder de actie valt."
    if not data.number.strip():
        errors["number"] = "Geef de actie een nummer (bv. 2.3)."
    if not data.title.strip():
        errors["title"] = "Geef de actie een titel."
    known = set(session.scalars(select(CodeItem.id).where(CodeItem.list_name == PRIORITY_LIST)))
    if any(p not in known for p in data.priority_ids):
        errors["priorities"] = "Onbekende WSE-LR-prioriteit."
    municipalities = set(session.scalars(select(Municipality.nis_code).where(
        Municipality.nis_code.in_(data.nis_codes))))
    if any(code not in municipalities for code in data.nis_codes):
        errors["municipalities"] = "Onbekende gemeente."
    _check_text({"number": data.number, "title": data.title, "description": data.description}, errors,
                {"number": 10, "title": 200, "description": 5000})
    if errors:
        raise ValidationError(errors)
    if action_id is None:
        position = (session.scalar(select(func.max(PlanAction.position)).where(
            PlanAction.objective_id == data.objective_id)) or 0) + 1
        action = PlanAction(position=position)
        session.add(action)
    else:
        action = _get(session, PlanAction, action_id)
    action.objective_id = data.objective_id
    action.number, action.title = data.number.strip(), data.title.strip()
    action.description = data.description.strip()
    action.priorities = list(session.scalars(select(CodeItem).where(CodeItem.id.in_(data.priority_ids))))
    wanted = set(data.nis_codes)
    for execution in list(action.municipalities):
        if execution.nis_code not in wanted:
            action.municipalities.remove(execution)
    present = {e.nis_code for e in action.municipalities}
    for code in sorted(wanted - present):
        action.municipalities.append(ActionMunicipality(nis_code=code, status=NOT_STARTED))
    session.flush()
    return action.id


def delete_action(session: Session, action_id: int) -> None:
    session.delete(_get(session, PlanAction, action_id))


def validate_execution(data: ExecutionInput) -> dict[str, str]:
    errors: dict[str, str] = {}
    if data.status not in STATUS_LABELS:
        errors["status"] = "Kies een status."
    if data.start_date and data.end_date and data.end_date < data.start_date:
        errors["end_date"] = "De einddatum ligt vóór de begindatum."
    _check_text({"owner": data.owner, "notes": data.notes, "result": data.result}, errors,
                {"owner": 200, "notes": 5000, "result": 5000})
    return errors


def update_execution(session: Session, execution_id: int, data: ExecutionInput, today: date | None = None) -> None:
    errors = validate_execution(data)
    if errors:
        raise ValidationError(errors)
    row = _get(session, ActionMunicipality, execution_id)
    if row.status != data.status:
        row.status_date = today or date.today()
    row.status, row.owner = data.status, data.owner.strip()
    row.start_date, row.end_date = data.start_date, data.end_date
    row.notes, row.result = data.notes.strip(), data.result.strip()


def set_status(session: Session, execution_ids: list[int], status: str, today: date | None = None) -> dict[int, str]:
    """Set the status of these executions; returns their previous statuses (for undo)."""
    if status not in STATUS_LABELS:
        raise ValidationError({"status": "Kies een status."})
    previous = {}
    for execution_id in execution_ids:
        row = _get(session, ActionMunicipality, execution_id)
        previous[execution_id] = row.status
        if row.status != status:
            row.status, row.status_date = status, today or date.today()
    return previous


def get_execution(session: Session, execution_id: int) -> ExecutionInput | None:
    row = session.get(ActionMunicipality, execution_id)
    if row is None:
        return None
    return ExecutionInput(row.status, row.owner, row.start_date, row.end_date, row.notes, row.result)


def get_action(session: Session, action_id: int) -> ActionInput | None:
    action = session.get(PlanAction, action_id)
    if action is None:
        return None
    return ActionInput(action.objective_id, action.number, action.title, action.description,
                       [p.id for p in action.priorities], [e.nis_code for e in action.municipalities])


def get_objective(session: Session, objective_id: int) -> ObjectiveInput | None:
    objective = session.get(Objective, objective_id)
    return None if objective is None else ObjectiveInput(objective.number, objective.title, objective.description)


def list_plan(session: Session) -> list[ObjectiveRow]:
    """The whole plan: objectives in order, their actions, each action's executions per municipality. Loaded
    once per session while it does not write (memo.py): the subsidy check, the roll-ups and the report share it."""
    return list(remembered(session, "plan", lambda: _load_plan(session)))


def _load_plan(session: Session) -> tuple[ObjectiveRow, ...]:
    """Four plain column queries (no ORM objects: cheaper, also the first time in a process); the municipalities'
    names joined into the executions' select."""
    priorities: dict[int, list[str]] = {}
    for action_id, code in session.execute(select(action_priority.c.action_id, CodeItem.code)
                                           .join(CodeItem, CodeItem.id == action_priority.c.priority_id)):
        priorities.setdefault(action_id, []).append(code)
    executions: dict[int, list[ExecutionRow]] = {}
    e = ActionMunicipality
    for row in session.execute(select(e.id, e.action_id, e.nis_code, e.status, e.owner, e.start_date, e.end_date,
                                      e.notes, e.result, e.status_date, Municipality.name.label("place"))
                               .outerjoin(Municipality, Municipality.nis_code == e.nis_code).order_by(e.id)):
        executions.setdefault(row.action_id, []).append(ExecutionRow(
            row.id, row.action_id, row.nis_code, row.nis_code if row.place is None else row.place, row.status,
            row.owner,
            row.start_date, row.end_date, row.notes, row.result, row.status_date))
    actions: dict[int, list] = {}
    for a in session.execute(select(PlanAction.id, PlanAction.objective_id, PlanAction.number, PlanAction.title,
                                    PlanAction.description).order_by(PlanAction.position, PlanAction.id)):
        actions.setdefault(a.objective_id, []).append(a)
    result = []
    for o in session.execute(select(Objective.id, Objective.number, Objective.title, Objective.description)
                             .order_by(Objective.position, Objective.id)):
        rows = tuple(ActionRow(a.id, o.id, o.number, a.number, a.title, a.description,
                               tuple(sorted(priorities.get(a.id, ()))),
                               tuple(sorted(executions.get(a.id, ()), key=lambda x: x.municipality)))
                     for a in actions.get(o.id, ()))
        result.append(ObjectiveRow(o.id, o.number, o.title, o.description, rows))
    return tuple(result)


def list_actions(session: Session) -> list[ActionRow]:
    return [a for o in list_plan(session) for a in o.actions]


def has_plan(session: Session) -> bool:
    return bool(session.scalar(select(func.count()).select_from(Objective)))


def _get(session: Session, model, row_id: int):  # noqa: ANN001, ANN202
    row = session.get(model, row_id)
    if row is None:
        raise ValidationError({"id": "Dit onderdeel van het plan bestaat niet meer."})
    return row
