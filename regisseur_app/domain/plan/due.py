"""Actions that need attention: an execution not realised whose end date has passed or falls within the
coming weeks, or one still 'niet gestart' whose start date has passed."""

from __future__ import annotations

from datetime import date, timedelta
from typing import NamedTuple

from sqlalchemy.orm import Session

from regisseur_app.domain.plan.models import NOT_STARTED, REALISED, STATUS_LABELS
from regisseur_app.domain.plan.service import list_actions

HORIZON_DAYS = 30
OVERDUE = "over tijd"
DUE_SOON = "binnenkort"
LATE_START = "start gepland"


class DueAction(NamedTuple):
    action_id: int
    execution_id: int
    number: str
    title: str
    municipality: str
    status: str
    when: date
    reason: str

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]

    def text(self) -> str:
        if self.reason == OVERDUE:
            return f"einddatum voorbij sinds {self.when:%d/%m/%Y}"
        if self.reason == DUE_SOON:
            return f"einddatum {self.when:%d/%m/%Y}"
        return f"had moeten starten op {self.when:%d/%m/%Y}"


def due_actions(session: Session, today: date | None = None, horizon_days: int = HORIZON_DAYS) -> list[DueAction]:
    today = today or date.today()
    limit = today + timedelta(days=horizon_days)
    result = []
    for a in list_actions(session):
        for e in a.executions:
            if e.status == REALISED:
                continue
            if e.end_date is not None and e.end_date < today:
                result.append(DueAction(a.id, e.id, a.number, a.title, e.municipality, e.status, e.end_date, OVERDUE))
            elif e.end_date is not None and e.end_date <= limit:
                result.append(DueAction(a.id, e.id, a.number, a.title, e.municipality, e.status, e.end_date, DUE_SOON))
            elif e.status == NOT_STARTED and e.start_date is not None and e.start_date < today:
                result.append(DueAction(a.id, e.id, a.number, a.title, e.municipality, e.status, e.start_date,
                                        LATE_START))
    order = {OVERDUE: 0, LATE_START: 1, DUE_SOON: 2}
    return sorted(result, key=lambda d: (order[d.reason], d.when, d.number, d.municipality))
