"""College-report sections of the plan: 'Actieplan en KPI's' and 'Samenwerkingen en opdrachten'."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from regisseur_app.domain.plan import collaborations, kpis, rollup, subsidy
from regisseur_app.domain.plan.service import list_plan
from regisseur_app.domain.plan.settings import plan_period
from regisseur_app.formatting import counted, format_money, format_number
from regisseur_app.reports.content import Column, Scope, SectionContent, Table, Text, no_data
from regisseur_app.reports.plan.common import (
    has_plan_for,
    kpi_table,
    status_chart,
    status_table,
    subsidy_table,
)
from regisseur_app.reports.plan.sources import registered_sources

KEY, TITLE = "plan", "Actieplan en KPI's"
COLLAB_KEY, COLLAB_TITLE = "collaborations", "Samenwerkingen en opdrachten"


def build(session: Session, scope: Scope) -> SectionContent:
    year = scope.end.year
    if not list_plan(session):  # the plan, loaded once for this session: the check and the roll-up share it
        return no_data(KEY, TITLE, f"Er is nog geen actieplan ingevoerd: voor {scope.name} zijn er in "
                                   f"{scope.period_label} geen acties of KPI's om te tonen.")
    if not has_plan_for(session, year):
        period = plan_period(session)
        return no_data(KEY, TITLE, f"Het actieplan loopt van {period.label}; {year} valt erbuiten.")
    blocks = []
    if scope.start.year != year or scope.start.month != 1 or scope.start.day != 1:
        blocks.append(Text(f"De KPI's en de subsidievoorwaarde gelden per kalenderjaar: hier {year}.", "note"))
    checks = subsidy.check(session, year, nis_codes=None if scope.nis_code is None else [scope.nis_code])
    priorities = [p for c in checks for p in c.priorities]
    met = sum(p.state == subsidy.MET for p in priorities)
    progress = kpis.progress(session, year, scope.nis_code, sources=registered_sources())
    messages = [f"Subsidievoorwaarde {year}: {met} van {len(priorities)} combinaties gemeente × WSE-LR-prioriteit "
                "gehaald." if scope.nis_code is None else
                f"Subsidievoorwaarde {year}: {met} van {len(priorities)} WSE-LR-prioriteiten gehaald.",
                kpi_message(progress, year, "de regio" if scope.is_region else scope.name)]
    counts = rollup.by_objective(session, scope.nis_code, year)  # once: for the table and the chart
    blocks += [Text(messages[0]), subsidy_table(checks, year, scope.nis_code), status_table(counts, year, scope.nis_code),
               status_chart(counts, year), Text(messages[1]), kpi_table(progress, year)]
    return SectionContent(KEY, TITLE, blocks, messages)


def kpi_message(progress: list[kpis.KpiProgress], year: int, where: str) -> str:
    """How the KPIs with a target stand; without any target, that there are none (not '0 van 0')."""
    with_target = [p for p in progress if p.target is not None]
    if not progress:
        return f"Het actieplan heeft nog geen KPI's voor {year}."
    if not with_target:
        return (f"KPI's {year}: er zijn nog geen streefcijfers voor {where} ingevuld; de tabel toont de waarden "
                "zonder doel.")
    good = sum(p.state in (kpis.REACHED, kpis.ON_TRACK) for p in with_target)
    missed = sum(p.state in (kpis.MISSED, kpis.BEHIND) for p in with_target)
    ahead = "gehaald" if year < date.today().year else "gehaald of op schema"
    behind = "niet gehaald" if year < date.today().year else "achter op schema"
    text = f"KPI's {year}: {good} van {len(with_target)} met een streefcijfer {ahead}"
    return text + (f", {missed} {behind}." if missed else ".")


def collaboration_message(rows: list[collaborations.CollaborationRow], period_label: str) -> str:
    """The number of collaborations, their estimated value and jobs; a value or jobs that nobody entered are
    left out rather than shown as € 0,00."""
    text = f"{counted(len(rows), 'nieuwe samenwerking', 'nieuwe samenwerkingen')} in {period_label}"
    valued = [r.estimated_value for r in rows if r.estimated_value]
    jobs = sum(r.jobs or 0 for r in rows)
    parts = []
    if valued:
        value = f"{format_money(sum(valued))} geschatte waarde"
        if len(valued) < len(rows):
            value += f" (voor {format_number(len(valued))} ervan is een waarde opgegeven)"
        parts.append(value)
    if jobs:
        parts.append(f"{format_number(jobs)} {'job' if jobs == 1 else 'jobs'}")
    if not parts:
        return text + "."
    return f"{text}, samen {' en '.join(parts)}."


def collaboration_table(rows: list[collaborations.CollaborationRow], title: str) -> Table:
    body = [[r.on_date.strftime("%d/%m/%Y"), r.title, r.type_label, r.municipality, r.parties, r.estimated_value,
             r.jobs] for r in rows]
    valued = [r.estimated_value for r in rows if r.estimated_value is not None]
    body.append(["Totaal", counted(len(rows), "samenwerking", "samenwerkingen"), "", "", "",
                 float(sum(valued)) if valued else None, sum(r.jobs or 0 for r in rows)])
    return Table(title, [Column("Datum"), Column("Samenwerking"), Column("Soort"), Column("Gemeente"),
                         Column("Partijen"), Column("Geschatte waarde", numeric=True, decimals=2, unit="€"),
                         Column("Jobs", numeric=True)], body, total_row=True)


def build_collaborations(session: Session, scope: Scope) -> SectionContent:
    rows = [r for r in collaborations.list_collaborations(session, None, scope.nis_code)
            if scope.start <= r.on_date <= scope.end]
    if not rows:
        return no_data(COLLAB_KEY, COLLAB_TITLE,
                       f"Er zijn geen samenwerkingen of opdrachten geregistreerd voor {scope.name} in "
                       f"{scope.period_label}.")
    message = collaboration_message(rows, scope.period_label)
    return SectionContent(COLLAB_KEY, COLLAB_TITLE,
                          [Text(message), collaboration_table(rows, f"Samenwerkingen en opdrachten {scope.period_label}")],
                          [message])
