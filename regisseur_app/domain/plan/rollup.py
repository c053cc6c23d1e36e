"""Roll-ups of the plan status: per municipality (how many actions in each status), per objective and
municipality, and one status per action over its municipalities.

The status of an action over several municipalities: the common status when all agree; otherwise
'lopend' as soon as one municipality is running or has realised it; otherwise 'niet gestart'.
With a year, only the executions whose period touches that year count.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from regisseur_app.domain.core import municipalities
from regisseur_app.domain.plan.models import ACTIVE_STATUSES, NOT_STARTED, REALISED, RUNNING, STATUSES
from regisseur_app.domain.plan.service import ActionRow, ExecutionRow, list_plan


@dataclass(frozen=True)
class StatusCounts:
    label: str
    nis_code: str | None
    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def realised_share(self) -> float | None:
        return None if not self.total else self.counts[REALISED] / self.total


def overall_status(executions: list[ExecutionRow] | tuple[ExecutionRow, ...]) -> str:
    statuses = {e.status for e in executions}
    if not statuses:
        return NOT_STARTED
    if len(statuses) == 1:
        return statuses.pop()
    if statuses & set(ACTIVE_STATUSES):
        return RUNNING
    return NOT_STARTED


def _in_year(a: ActionRow, year: int | None) -> list[ExecutionRow]:
    return [e for e in a.executions if year is None or e.overlaps(year)]


def by_municipality(session: Session, year: int | None = None) -> list[StatusCounts]:
    """Per participating municipality: its actions by status, and a total row for the region (each
    action once, with its overall status)."""
    plan = list_plan(session)
    actions = [a for o in plan for a in o.actions]
    result = []
    for town in municipalities.list_municipalities(session, participating_only=True):
        counts = dict.fromkeys(STATUSES, 0)
        for a in actions:
            for e in _in_year(a, year):
                if e.nis_code == town.nis_code:
                    counts[e.status] += 1
        result.append(StatusCounts(town.name, town.nis_code, counts))
    region = dict.fromkeys(STATUSES, 0)
    for a in actions:
        executions = _in_year(a, year)
        if executions:
            region[overall_status(executions)] += 1
    result.append(StatusCounts("Regio (per actie)", None, region))
    return result


def by_objective(session: Session, nis_code: str | None = None, year: int | None = None) -> list[StatusCounts]:
    """Per objective: its actions by status, in one municipality or (None) over the region."""
    result = []
    for o in list_plan(session):
        counts = dict.fromkeys(STATUSES, 0)
        for a in o.actions:
            executions = [e for e in _in_year(a, year) if nis_code is None or e.nis_code == nis_code]
            if executions:
                counts[overall_status(executions)] += 1
        result.append(StatusCounts(f"{o.number}. {o.title}", None, counts))
    return result
