"""KPI source of the needs survey (features.spec.KpiSourceSpec): the response rate of the year's surveys.

Kept apart from the college-report section (reports/survey/section.py) so that computing the plan's KPIs
imports only the respondents module, not the statistics and needs analysis the section draws on."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from regisseur_app.domain.survey import respondents
from regisseur_app.domain.survey.models import Survey
from regisseur_app.reports.content import Column, Table


def response_rate(session: Session, year: int, nis_code: str | None) -> Table:
    """Invited respondents who answered, per survey of the year; the last cell is the rate in %."""
    rows: list[list] = []
    invited = answered = 0
    for survey in session.scalars(select(Survey).where(Survey.year == year).order_by(Survey.title)):
        rates = [r for r in respondents.response_rates(session, survey.id)
                 if (r.nis_code == nis_code if nis_code else r.nis_code == "")]
        i, a = sum(r.invited for r in rates), sum(r.responded for r in rates)
        invited, answered = invited + i, answered + a
        rows.append([survey.title, i, a, round(100 * a / i, 1) if i else None])
    rows.append(["Totaal", invited, answered, round(100 * answered / invited, 1) if invited else None])
    return Table("Responsgraad behoeftepeiling", [Column("Peiling"), Column("Uitgenodigd", True),
                                                  Column("Geantwoord", True), Column("Responsgraad", True, 1, "%")],
                 rows, total_row=True)
