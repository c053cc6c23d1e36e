"""User actions of the action plan (one transaction each; undo where it fits). Topic announced: "plan"."""

from __future__ import annotations

from regisseur_app.domain.plan import collaborations, default_plan, kpis, links, service
from regisseur_app.domain.plan.models import STATUS_LABELS
from regisseur_app.domain.plan.settings import set_plan_period as _set_period
from regisseur_app.operations.base import Op, operation
from regisseur_app.reports.plan.sources import registered_sources

TOPIC = "plan"


@operation(changes={TOPIC})
def load_default_plan(op: Op, start_year: int) -> int:
    return default_plan.load_default_plan(op.session, start_year, sources=registered_sources())


@operation(changes={TOPIC})
def set_plan_period(op: Op, start_year: int, end_year: int) -> None:
    _set_period(op.session, start_year, end_year)


@operation(changes={TOPIC})
def save_objective(op: Op, data: service.ObjectiveInput, objective_id: int | None = None) -> int:
    return service.save_objective(op.session, data, objective_id)


@operation(changes={TOPIC})
def delete_objective(op: Op, objective_id: int) -> None:
    service.delete_objective(op.session, objective_id)


@operation(changes={TOPIC})
def save_action(op: Op, data: service.ActionInput, action_id: int | None = None) -> int:
    return service.save_action(op.session, data, action_id)


@operation(changes={TOPIC})
def delete_action(op: Op, action_id: int) -> None:
    service.delete_action(op.session, action_id)


@operation(changes={TOPIC})
def update_execution(op: Op, execution_id: int, data: service.ExecutionInput) -> None:
    before = service.get_execution(op.session, execution_id)
    service.update_execution(op.session, execution_id, data)
    if before is not None:
        op.undoable("actie bijwerken", undo=lambda ctx: update_execution(ctx, execution_id, before),
                    redo=lambda ctx: update_execution(ctx, execution_id, data))


@operation(changes={TOPIC})
def set_action_status(op: Op, execution_ids: list[int], status: str) -> int:
    previous = service.set_status(op.session, execution_ids, status)
    changed = [i for i, old in previous.items() if old != status]
    if changed:
        def undo(ctx) -> None:  # noqa: ANN001
            for old in set(previous[i] for i in changed):
                set_action_status(ctx, [i for i in changed if previous[i] == old], old)

        op.undoable(f"status '{STATUS_LABELS[status].lower()}'", undo=undo,
                    redo=lambda ctx: set_action_status(ctx, changed, status))
    return len(changed)


@operation(changes={TOPIC})
def add_link(op: Op, action_id: int, kind: str, target_id: int) -> int:
    link_id = links.add_link(op.session, action_id, kind, target_id)
    return link_id


@operation(changes={TOPIC})
def remove_link(op: Op, link_id: int) -> None:
    removed = links.remove_link(op.session, link_id)
    if removed is not None:
        holder = [link_id]

        def undo(ctx) -> None:  # noqa: ANN001
            holder[0] = add_link(ctx, *removed)

        op.undoable("koppeling verwijderen", undo=undo, redo=lambda ctx: remove_link(ctx, holder[0]))


@operation(changes={TOPIC})
def save_collaboration(op: Op, data: collaborations.CollaborationInput, collaboration_id: int | None = None) -> int:
    return collaborations.save(op.session, data, collaboration_id)


@operation(changes={TOPIC})
def delete_collaboration(op: Op, collaboration_id: int) -> None:
    data = collaborations.delete(op.session, collaboration_id)
    if data is not None:
        holder = [collaboration_id]

        def undo(ctx) -> None:  # noqa: ANN001
            holder[0] = save_collaboration(ctx, data)

        op.undoable("samenwerking verwijderen", undo=undo, redo=lambda ctx: delete_collaboration(ctx, holder[0]))


@operation(changes={TOPIC})
def save_kpi(op: Op, data: kpis.KpiInput, kpi_id: int | None = None) -> int:
    return kpis.save_kpi(op.session, data, kpi_id, sources=registered_sources())


@operation(changes={TOPIC})
def delete_kpi(op: Op, kpi_id: int) -> None:
    kpis.delete_kpi(op.session, kpi_id)


@operation(changes={TOPIC})
def set_kpi_target(op: Op, kpi_id: int, year: int, nis_code: str | None, target: float | None) -> None:
    before = kpis.set_target(op.session, kpi_id, year, nis_code, target)
    op.undoable("streefcijfer wijzigen", undo=lambda ctx: set_kpi_target(ctx, kpi_id, year, nis_code, before),
                redo=lambda ctx: set_kpi_target(ctx, kpi_id, year, nis_code, target))


@operation(changes={TOPIC})
def set_kpi_value(op: Op, kpi_id: int, year: int, nis_code: str | None, value: float | None) -> None:
    before = kpis.set_value(op.session, kpi_id, year, nis_code, value)
    op.undoable("KPI-waarde wijzigen", undo=lambda ctx: set_kpi_value(ctx, kpi_id, year, nis_code, before),
                redo=lambda ctx: set_kpi_value(ctx, kpi_id, year, nis_code, value))
