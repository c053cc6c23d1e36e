"""The subsidy condition of the regierol, checked: at least one action per WSE-LR priority per year, in
every participating municipality.

For a year and a municipality, an action *counts* for a priority when it is tagged with that priority,
the municipality takes part in it, its period there touches the year (no dates: the whole plan period),
its status is 'lopend' or 'gerealiseerd', and its period has started (start date on or before today).

- gehaald: at least one action counts;
- risico: none counts yet, the year is not over, and there is at least one action that could still count
  (status 'niet gestart' or 'uitgesteld', or running but with a start date still to come);
- niet gehaald: none counts, and the year is over or nothing is planned;
- n.v.t.: a year outside the plan period (before the plan was made there was nothing to check).
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from sqlalchemy.orm import Session

from regisseur_app.domain.core import codelists, municipalities
from regisseur_app.domain.core.memo import remembered
from regisseur_app.domain.plan.models import ACTIVE_STATUSES
from regisseur_app.domain.plan.service import PRIORITY_LIST, ActionRow, ExecutionRow, list_actions
from regisseur_app.domain.plan.settings import plan_period

MET = "gehaald"
AT_RISK = "risico"
NOT_MET = "niet_gehaald"
NOT_APPLICABLE = "nvt"
STATE_LABELS = {MET: "Gehaald", AT_RISK: "Risico", NOT_MET: "Niet gehaald", NOT_APPLICABLE: "N.v.t."}
SEVERITY = {NOT_APPLICABLE: 0, MET: 1, AT_RISK: 2, NOT_MET: 3}


class CountingAction(NamedTuple):
    action_id: int
    number: str
    title: str
    status_label: str
    period: str

    def text(self) -> str:
        return f"{self.number} {self.title} ({self.status_label.lower()}{', ' + self.period if self.period else ''})"


class PriorityCheck(NamedTuple):
    priority: str        # code, e.g. WSE-LR2
    priority_label: str
    year: int
    nis_code: str
    municipality: str
    state: str
    counting: tuple[CountingAction, ...]   # the actions that count
    pending: tuple[CountingAction, ...]    # the ones that could still count (for 'risico')

    @property
    def state_label(self) -> str:
        return STATE_LABELS[self.state]


class MunicipalityCheck(NamedTuple):
    nis_code: str
    municipality: str
    year: int
    priorities: tuple[PriorityCheck, ...]

    @property
    def state(self) -> str:
        """The worst state over the priorities."""
        if not self.priorities:
            return NOT_APPLICABLE
        return max((p.state for p in self.priorities), key=SEVERITY.__getitem__)

    @property
    def state_label(self) -> str:
        return STATE_LABELS[self.state]


def _period(e: ExecutionRow) -> str:
    from regisseur_app.formatting import format_date

    if e.start_date and e.end_date:
        return f"{format_date(e.start_date)} – {format_date(e.end_date)}"
    if e.start_date:
        return f"vanaf {format_date(e.start_date)}"
    if e.end_date:
        return f"tot {format_date(e.end_date)}"
    return ""


def _item(a: ActionRow, e: ExecutionRow) -> CountingAction:
    return CountingAction(a.id, a.number, a.title, e.status_label, _period(e))


def counts(e: ExecutionRow, year: int, today: date) -> bool:
    return e.status in ACTIVE_STATUSES and e.overlaps(year) and (e.start_date is None or e.start_date <= today)


def _inputs(session: Session) -> tuple[tuple, tuple]:
    """The participating municipalities and the priorities (once per session: the batch checks every
    municipality in one session)."""
    return (tuple(municipalities.list_municipalities(session, participating_only=True)),
            tuple(codelists.list_items(session, PRIORITY_LIST)))


def check(session: Session, year: int, today: date | None = None, nis_codes: list[str] | None = None
          ) -> list[MunicipalityCheck]:
    """The check for every participating municipality (or these ones) in the year."""
    today = today or date.today()
    period = plan_period(session)
    participating, priorities = remembered(session, "subsidy_inputs", lambda: _inputs(session))
    towns = [m for m in participating if nis_codes is None or m.nis_code in nis_codes]
    actions = list_actions(session)
    tagged_with = {p.code: [a for a in actions if p.code in a.priorities] for p in priorities}
    result = []
    for town in towns:
        checks = []
        for priority in priorities:
            tagged = [(a, a.execution(town.nis_code)) for a in tagged_with[priority.code]]
            tagged = [(a, e) for a, e in tagged if e is not None and e.overlaps(year)]
            counting = tuple(_item(a, e) for a, e in tagged if counts(e, year, today))
            pending = tuple(_item(a, e) for a, e in tagged if not counts(e, year, today))
            if period is None or not period.covers(year):
                state = NOT_APPLICABLE
            elif counting:
                state = MET
            elif pending and year >= today.year:
                state = AT_RISK
            else:
                state = NOT_MET
            checks.append(PriorityCheck(priority.code, priority.label, year, town.nis_code, town.name, state,
                                        counting, pending))
        result.append(MunicipalityCheck(town.nis_code, town.name, year, tuple(checks)))
    return result
