"""The college-report section of the needs survey: this municipality against the region (per question the
% of the municipality's answers next to the region's), the measured needs, and the response rate KPI."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from regisseur_app.domain.survey import dataset, needs, respondents, stats
from regisseur_app.domain.survey.models import NUMBER, SCALE, TEXT, Survey, SurveyResponse
from regisseur_app.formatting import counted
from regisseur_app.reports.college.memo import memo
from regisseur_app.reports.content import Column, Scope, SectionContent, Table, Text, no_data

KEY, TITLE = "survey", "Behoeftepeiling"


def _surveys(session: Session, scope: Scope) -> list[dataset.SurveyInfo]:
    """The surveys of the period with answers (id, title, year, audience), by year and title."""
    query = (select(Survey.id, Survey.title, Survey.year, Survey.audience_id)
             .where(Survey.year >= scope.start.year, Survey.year <= scope.end.year,
                    Survey.id.in_(select(SurveyResponse.survey_id)))
             .order_by(Survey.year, Survey.title))
    return [dataset.SurveyInfo(*row) for row in session.execute(query)]


def municipality_part(region: dataset.Dataset, nis_code: str) -> dataset.Dataset:
    """What `dataset.load(session, survey_id, nis_code)` gives, taken from the region's dataset in memory
    (that load would read every answer of the survey again)."""
    return replace(region, responses=[f for f in region.responses if f.nis_code == nis_code])


def _pct(value: float | None, n: int) -> float | str | None:
    if value is None:
        return None
    return "<5" if n < stats.SMALL else round(value, 1)


def build(session: Session, scope: Scope) -> SectionContent:
    surveys = _surveys(session, scope)
    blocks: list = []
    messages: list[str] = []
    for survey in surveys:
        region = dataset.shared(session, survey.id)
        local = municipality_part(region, scope.nis_code) if scope.nis_code else region
        if not local.responses:
            continue
        # the year only when the title does not already say it ("Behoeftepeiling 2025 (2025)")
        title = survey.title if str(survey.year) in survey.title else f"{survey.title} ({survey.year})"
        blocks.append(Text(f"{title}: {counted(len(local.responses), 'antwoord', 'antwoorden')}"
                           f" uit {scope.name}" + ("" if scope.is_region else
                                                   f", {counted(len(region.responses), 'antwoord', 'antwoorden')} "
                                                   "in de hele regio") + ".", "heading"))
        rows = []
        for question in local.questions.values():
            if question.kind == TEXT:
                continue
            # only the total column is shown: no split by municipality
            mine = stats.question_table(local, question.id, stats.TOTAL_ONLY)
            all_ = stats.question_table(region, question.id, stats.TOTAL_ONLY)
            if question.kind in (SCALE, NUMBER):
                rows.append([question.text, "gemiddelde", _mean(mine), mine.n, _mean(all_), all_.n])
            if question.kind != NUMBER:
                for a, b in zip(mine.rows, all_.rows, strict=True):
                    rows.append([question.text, a.label, _pct(a.percents[0], mine.n), mine.n,
                                 _pct(b.percents[0], all_.n), all_.n])
        blocks.append(Table(f"{survey.title}: {scope.name} tegenover de regio",
                            [Column("Vraag"), Column("Antwoord"), Column(scope.name, True, 1),
                             Column("n", True), Column("Regio", True, 1), Column("n regio", True)], rows,
                            footnote="Percentages van wie de vraag beantwoordde; '<5': minder dan 5 antwoorden, "
                                     "te klein om te interpreteren."))
    if not blocks:
        return no_data(KEY, TITLE, f"Er zijn geen antwoorden op een behoeftepeiling uit {scope.name} in "
                                   f"{scope.period_label}.")
    latest = max(s.year for s in surveys)
    need_rows = [r for r in memo(session, ("survey_need_rows", latest), lambda: needs.need_rows(session, latest))
                 if scope.is_region or r.nis_code == scope.nis_code]
    if need_rows:
        blocks.append(Table("Gemeten nood per dienstencategorie",
                            [Column("Gemeente"), Column("Dienstencategorie"), Column("Noodscore", True, 0, "%"),
                             Column("Antwoorden", True)],
                            [[r.municipality, r.category, round(r.score * 100), r.answers] for r in need_rows],
                            footnote=needs.FORMULA))
        high = [r for r in need_rows if r.score >= 0.5]
        if high:
            messages.append("Hoge nood gemeten voor " + ", ".join(
                sorted({r.category for r in high})) + ".")
    return SectionContent(KEY, TITLE, blocks, messages)


def _mean(table: stats.QuestionTable) -> float | str | None:
    mean = table.summaries[0].mean if table.summaries else None
    return None if mean is None else ("<5" if table.n < stats.SMALL else round(mean, 1))


def response_rate_kpi(session: Session, year: int, nis_code: str | None) -> Table:
    """Invited respondents who answered, per survey of the year; the last cell is the rate in %."""
    rows = []
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
