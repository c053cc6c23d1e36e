"""KPI source of the needs survey (features.spec.KpiSourceSpec): the response rate of the year's surveys.

Kept apart from the college-report section (reports/survey/section.py) so that computing the plan's KPIs
imports only the survey models, not the statistics and needs analysis the section draws on; the value alone
(`response_rate_value`, what KPI progress and the Overzicht use) not even those: it reads the three tables it
counts by name (`sqlalchemy.table`), because the Overzicht computes it at a start without a kept snapshot,
where declaring and configuring the seven survey models would cost ≈ 20 ms for one number
(tests/unit/test_kpi_source_values.py checks these names against the models and the value against the table)."""

from __future__ import annotations

from sqlalchemy import case, column, exists, func, select, table
from sqlalchemy.orm import Session

from regisseur_app.reports.content import Column, Table

SURVEY = table("survey", column("id"), column("year"))
RESPONDENT = table("survey_respondent", column("id"), column("survey_id"), column("nis_code"))
RESPONSE = table("survey_response", column("respondent_id"))


def response_rate_value(session: Session, year: int, nis_code: str | None) -> float | None:
    """The last cell of `response_rate`: invited respondents of the year's surveys who answered, in %, in one
    statement (a respondent belongs to one survey, so counting them over all the year's surveys at once gives
    the sum of the per-survey counts)."""
    invitee = RESPONDENT.c
    scope = [invitee.survey_id.in_(select(SURVEY.c.id).where(SURVEY.c.year == year))]
    if nis_code is not None:
        scope.append(invitee.nis_code == nis_code)
    # each invitee looked up in the responses' respondent index (≈ 5 ms on the large region; a join of every
    # response with a distinct count ≈ 10 ms)
    answered_one = exists().where(RESPONSE.c.respondent_id == invitee.id)
    invited, answered = session.execute(select(func.count(), func.coalesce(func.sum(case((answered_one, 1), else_=0)), 0))
                                        .select_from(RESPONDENT).where(*scope)).one()
    return round(100 * answered / invited, 1) if invited else None


def response_rate(session: Session, year: int, nis_code: str | None) -> Table:
    """Invited respondents who answered, per survey of the year; the last cell is the rate in %. The same counts
    as respondents.response_rates (its total row for the region), for all the year's surveys in two queries."""
    from regisseur_app.domain.survey.models import Survey, SurveyRespondent, SurveyResponse

    surveys = list(session.execute(select(Survey.id, Survey.title).where(Survey.year == year).order_by(Survey.title)))
    ids = [survey_id for survey_id, _title in surveys]
    scope = [] if nis_code is None else [SurveyRespondent.nis_code == nis_code]
    invited_by = dict(session.execute(select(SurveyRespondent.survey_id, func.count())
                                      .where(SurveyRespondent.survey_id.in_(ids), *scope)
                                      .group_by(SurveyRespondent.survey_id)).all())
    answered_by = dict(session.execute(select(SurveyRespondent.survey_id, func.count(func.distinct(SurveyRespondent.id)))
                                       .join(SurveyResponse, SurveyResponse.respondent_id == SurveyRespondent.id)
                                       .where(SurveyRespondent.survey_id.in_(ids), *scope)
                                       .group_by(SurveyRespondent.survey_id)).all())
    rows: list[list] = []
    for survey_id, title in surveys:
        i, a = invited_by.get(survey_id, 0), answered_by.get(survey_id, 0)
        rows.append([title, i, a, round(100 * a / i, 1) if i else None])
    invited, answered = sum(invited_by.values()), sum(answered_by.values())
    rows.append(["Totaal", invited, answered, round(100 * answered / invited, 1) if invited else None])
    return Table("Responsgraad behoeftepeiling", [Column("Peiling"), Column("Uitgenodigd", True),
                                                  Column("Geantwoord", True), Column("Responsgraad", True, 1, "%")],
                 rows, total_row=True)
