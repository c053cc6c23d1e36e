"""Two more reads joined: the plan's executions with their municipality's name (list_plan, four statements instead of
five) and the obligations' first year from the setting and the earliest event in one statement; both equal the
former reads, kept here."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from regisseur_app.domain.core.codelists import CodeItem
from regisseur_app.domain.core.municipalities import Municipality
from regisseur_app.domain.core.settings import SETUP_YEAR, get_setting, set_setting
from regisseur_app.domain.events import obligations
from regisseur_app.domain.events.models import Event
from regisseur_app.domain.plan import service
from regisseur_app.domain.plan.models import ActionMunicipality, Objective, PlanAction, action_priority
from regisseur_app.domain.plan.service import ActionRow, ExecutionRow, ObjectiveRow


def _former_load_plan(session: Session) -> tuple[ObjectiveRow, ...]:
    """Five plain column queries (no ORM objects: cheaper, also the first time in a process)."""
    names = dict(session.execute(select(Municipality.nis_code, Municipality.name)).all())
    priorities: dict[int, list[str]] = {}
    for action_id, code in session.execute(select(action_priority.c.action_id, CodeItem.code)
                                           .join(CodeItem, CodeItem.id == action_priority.c.priority_id)):
        priorities.setdefault(action_id, []).append(code)
    executions: dict[int, list[ExecutionRow]] = {}
    e = ActionMunicipality
    for row in session.execute(select(e.id, e.action_id, e.nis_code, e.status, e.owner, e.start_date, e.end_date,
                                      e.notes, e.result, e.status_date).order_by(e.id)):
        executions.setdefault(row.action_id, []).append(ExecutionRow(
            row.id, row.action_id, row.nis_code, names.get(row.nis_code, row.nis_code), row.status, row.owner,
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


def _former_first_year(session) -> int:  # noqa: ANN001
    from datetime import date

    setup_year = get_setting(session, SETUP_YEAR)
    years = [int(setup_year)] if setup_year.isdigit() else [date.today().year]
    earliest = session.scalar(select(func.min(Event.starts_at)))
    if earliest is not None:
        years.append(earliest.year)
    return min(years)


def test_plan_with_names_joined_equals_the_former_load(demo_ctx):
    with demo_ctx.transaction() as session:
        plan = service._load_plan(session)
        assert plan == _former_load_plan(session)
        assert any(x.municipality != x.nis_code for o in plan for a in o.actions for x in a.executions)
        execution = session.scalars(select(ActionMunicipality)).first()
        session.get(Municipality, execution.nis_code).name = "Andere naam"
        session.flush()
        assert service._load_plan(session) == _former_load_plan(session)
        session.rollback()


def test_first_year_in_one_statement_equals_the_former_reads(demo_ctx):
    with demo_ctx.transaction() as session:
        assert obligations.first_year(session) == _former_first_year(session)
        set_setting(session, SETUP_YEAR, "1990")
        session.flush()
        assert obligations.first_year(session) == _former_first_year(session) == 1990
        set_setting(session, SETUP_YEAR, "")
        session.flush()
        assert obligations.first_year(session) == _former_first_year(session)
        earliest = session.scalar(select(func.min(Event.starts_at)))
        assert earliest is not None
        first = session.scalars(select(Event).order_by(Event.starts_at)).first()
        first.starts_at = datetime(1985, 6, 1, 10, 0)
        session.flush()
        assert obligations.first_year(session) == _former_first_year(session) == 1985
        session.rollback()
