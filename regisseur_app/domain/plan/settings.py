"""The plan period (first and last year of the regierol plan). Years before the first one are not checked:
there was no plan then, so the start screen shows no failures for them."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from regisseur_app.domain.core.base import ValidationError
from regisseur_app.domain.core.memo import remembered
from regisseur_app.domain.core.settings import AppSetting, set_setting

START_YEAR = "plan.start_year"
END_YEAR = "plan.end_year"


@dataclass(frozen=True)
class PlanPeriod:
    start_year: int
    end_year: int

    def covers(self, year: int) -> bool:
        return self.start_year <= year <= self.end_year

    @property
    def years(self) -> list[int]:
        return list(range(self.start_year, self.end_year + 1))

    @property
    def label(self) -> str:
        return f"{self.start_year}–{self.end_year}"


def plan_period(session) -> PlanPeriod | None:  # noqa: ANN001
    """None while no plan was made. Read once per session while it does not write (memo.py)."""
    return remembered(session, "plan_period", lambda: _read_period(session))


def _read_period(session) -> PlanPeriod | None:  # noqa: ANN001
    stored = dict(session.execute(select(AppSetting.key, AppSetting.value)
                                  .where(AppSetting.key.in_((START_YEAR, END_YEAR)))).all())  # one statement
    start, end = stored.get(START_YEAR) or "", stored.get(END_YEAR) or ""
    if not start or not end:
        return None
    return PlanPeriod(int(start), int(end))


def set_plan_period(session, start_year: int, end_year: int) -> None:  # noqa: ANN001
    if not 2000 <= start_year <= 2100 or not 2000 <= end_year <= 2100:
        raise ValidationError({"period": "Kies jaren tussen 2000 en 2100."})
    if end_year < start_year:
        raise ValidationError({"period": "Het laatste jaar van het plan ligt vóór het eerste."})
    if end_year - start_year > 12:
        raise ValidationError({"period": "Een plan loopt hoogstens 12 jaar."})
    set_setting(session, START_YEAR, str(start_year))
    set_setting(session, END_YEAR, str(end_year))
