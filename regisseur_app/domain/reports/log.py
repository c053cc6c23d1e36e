"""The log of reports made: which report went out for which municipality and period, when, to which file."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from regisseur_app.domain.reports.comments import scope_key
from regisseur_app.domain.reports.models import ReportLogEntry
from regisseur_app.reports.content import Scope

KIND_LABELS = {"pdf": "PDF", "docx": "Word", "xlsx": "Excel"}


@dataclass(frozen=True)
class LogRow:
    id: int
    made_at: datetime
    scope_name: str
    period_start: date
    period_end: date
    kind: str
    path: str
    sections: str
    batch: bool

    @property
    def period_label(self) -> str:
        return Scope(None, "", self.period_start, self.period_end).period_label

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind)


def record(session: Session, scope: Scope, kind: str, path: Path, sections: list[str], batch: bool = False,
           made_at: datetime | None = None) -> None:
    session.add(ReportLogEntry(made_at=made_at or datetime.now().replace(microsecond=0), scope_key=scope_key(scope),
                               scope_name=scope.name, period_start=scope.start, period_end=scope.end, kind=kind,
                               path=str(path), sections=",".join(sections), batch=batch))
    session.flush()


def list_log(session: Session, limit: int = 500) -> list[LogRow]:
    rows = session.scalars(select(ReportLogEntry).order_by(ReportLogEntry.made_at.desc(), ReportLogEntry.id.desc())
                           .limit(limit))
    return [LogRow(r.id, r.made_at, r.scope_name, r.period_start, r.period_end, r.kind, r.path, r.sections, r.batch)
            for r in rows]
