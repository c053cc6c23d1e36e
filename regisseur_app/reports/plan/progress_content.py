"""The yearly progress report for the funder and the association's board, as neutral content (no reportlab):
per WSE-LR priority and per objective the actions with their status and results, the KPIs against target,
the collaborations. The PDF (progress_pdf) and the Excel workbook (exchange/plan/progress_workbook) both
render this, so every figure is computed once."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy.orm import Session

from regisseur_app.domain.core.setup import association_name
from regisseur_app.domain.plan import collaborations, kpis, rollup, service, subsidy
from regisseur_app.domain.plan.models import STATUS_LABELS, STATUSES
from regisseur_app.domain.plan.settings import plan_period
from regisseur_app.reports.content import BarChart, Cell, Column, SectionContent, Table, Text
from regisseur_app.reports.plan.common import shown, subsidy_table
from regisseur_app.reports.plan.section import collaboration_message, collaboration_table, kpi_message
from regisseur_app.reports.plan.sources import registered_sources


@dataclass
class ProgressReport:
    year: int
    association: str
    period_label: str
    chapters: list[SectionContent] = field(default_factory=list)
    made_on: date = field(default_factory=date.today)

    @property
    def title(self) -> str:
        return f"Voortgangsrapport regierol sociale economie {self.year}"


def _summary(session: Session, year: int, checks: list[subsidy.MunicipalityCheck], progress: list[kpis.KpiProgress],
             collabs: list[collaborations.CollaborationRow]) -> SectionContent:
    region = rollup.by_municipality(session, year)[-1]
    met = sum(c.state == subsidy.MET for c in checks)
    messages = [
        f"Subsidievoorwaarde {year}: {met} van {len(checks)} gemeenten hebben voor elke WSE-LR-prioriteit minstens "
        "één actie die meetelt.",
        f"Acties in {year}: " + ", ".join(f"{region.counts[s]} {STATUS_LABELS[s].lower()}" for s in STATUSES) + ".",
        kpi_message(progress, year, "de regio"),
        collaboration_message(collabs, str(year)),
    ]
    return SectionContent("summary", "Samenvatting", [Text(m) for m in messages], messages)


def _priorities(session: Session, year: int, checks: list[subsidy.MunicipalityCheck]) -> SectionContent:
    blocks: list = [subsidy_table(checks, year, None)]
    codes = [(p.priority, p.priority_label) for p in checks[0].priorities] if checks else []
    for code, label in codes:
        rows: list[list[Cell]] = []
        for c in checks:
            p = next(p for p in c.priorities if p.priority == code)
            rows.append([c.municipality, p.state_label, "; ".join(a.text() for a in p.counting)
                         or ("gepland: " + "; ".join(a.text() for a in p.pending) if p.pending else "geen actie")])
        blocks.append(Table(label, [Column("Gemeente"), Column("Stand"), Column("Acties die meetellen")], rows))
    return SectionContent("priorities", "Per WSE-LR-prioriteit", blocks)


def _status_text(a: service.ActionRow, year: int) -> str:
    parts = [f"{e.municipality}: {e.status_label.lower()}" for e in a.executions if e.overlaps(year)]
    return "; ".join(parts) or "niet gepland in dit jaar"


def _objectives(session: Session, year: int, progress: list[kpis.KpiProgress]) -> SectionContent:
    blocks: list = []
    for o in service.list_plan(session):
        blocks.append(Text(f"{o.number}. {o.title}", "heading"))
        rows: list[list[Cell]] = []
        for a in o.actions:
            results = sorted({e.result for e in a.executions if e.result and e.overlaps(year)})
            executions = [e for e in a.executions if e.overlaps(year)]
            rows.append([a.number, a.title, ", ".join(a.priorities),
                         STATUS_LABELS[rollup.overall_status(executions)] if executions else "—",
                         _status_text(a, year), " ".join(results)])
        blocks.append(Table(f"Acties van doelstelling {o.number}",
                            [Column("Nr."), Column("Actie"), Column("WSE-LR"), Column("Status"),
                             Column("Per gemeente"), Column("Resultaten")], rows))
        own = [p for p in progress if p.objective_id == o.id]
        if own:
            blocks.append(_kpi_rows(f"KPI's van doelstelling {o.number}", own))
    return SectionContent("objectives", "Per doelstelling: acties, resultaten en KPI's", blocks)


def _kpi_rows(title: str, progress: list[kpis.KpiProgress]) -> Table:
    rows: list[list[Cell]] = []
    for p in progress:
        value = shown(p)
        ratio = None if p.ratio is None or isinstance(value, str) else round(p.ratio * 100)
        rows.append([p.title, p.unit, value, p.target, ratio, p.state_label])
    return Table(title, [Column("KPI"), Column("Eenheid"), Column("Waarde", numeric=True),
                         Column("Streefcijfer", numeric=True), Column("% van doel", numeric=True, unit="%"),
                         Column("Stand")], rows)


def _kpi_chapter(year: int, progress: list[kpis.KpiProgress]) -> SectionContent:
    with_ratio = [p for p in progress if p.ratio is not None and not isinstance(shown(p), str)]
    blocks: list = []
    if with_ratio:
        blocks.append(BarChart(f"KPI's {year}: bereikt deel van het streefcijfer",
                               [f"{p.objective_number}. {p.title}" for p in with_ratio],
                               [("% van het streefcijfer", [round(p.ratio * 100, 1) for p in with_ratio])], "%"))
    blocks.append(_kpi_rows(f"Alle KPI's {year}", progress))
    blocks.append(Text("Op schema: minstens het deel van het streefcijfer dat past bij het deel van het jaar dat "
                       "voorbij is. Doorverwijzingen van 1 tot 4 staan als '<5'.", "note"))
    return SectionContent("kpis", "KPI's tegenover het streefcijfer", blocks)


def _collaborations(year: int, rows: list[collaborations.CollaborationRow]) -> SectionContent:
    if not rows:
        return SectionContent("collaborations", "Samenwerkingen en opdrachten",
                              [Text(f"Er zijn in {year} geen samenwerkingen of opdrachten geregistreerd.")],
                              has_data=False)
    by_type: dict[str, float] = {}
    for r in rows:
        by_type[r.type_label] = by_type.get(r.type_label, 0.0) + (r.estimated_value or 0.0)
    chart = BarChart(f"Geschatte waarde per soort samenwerking ({year})", list(by_type),
                     [("Geschatte waarde", list(by_type.values()))], "€")
    return SectionContent("collaborations", "Samenwerkingen en opdrachten",
                          [chart, collaboration_table(sorted(rows, key=lambda r: r.on_date),
                                                      f"Samenwerkingen en opdrachten {year}")])


def _municipalities(session: Session, year: int) -> SectionContent:
    counts = rollup.by_municipality(session, year)
    rows: list[list[Cell]] = [[c.label, *[c.counts[s] for s in STATUSES], c.total,
                               None if c.realised_share is None else round(c.realised_share * 100)] for c in counts]
    return SectionContent("municipalities", "Stand van het plan per gemeente", [Table(
        f"Acties per gemeente en status ({year})",
        [Column("Gemeente"), *[Column(STATUS_LABELS[s], numeric=True) for s in STATUSES], Column("Totaal", numeric=True),
         Column("Gerealiseerd", numeric=True, unit="%")], rows, total_row=True,
        footnote="De laatste rij telt elke actie één keer, met haar samengevatte status over de gemeenten.")])


def build_progress(session: Session, year: int) -> ProgressReport:
    period = plan_period(session)
    report = ProgressReport(year, association_name(session) or "de vereniging", period.label if period else "–")
    if not service.has_plan(session):
        report.chapters = [SectionContent("summary", "Samenvatting", [Text("Er is nog geen actieplan ingevoerd.")],
                                          has_data=False)]
        return report
    checks = subsidy.check(session, year)
    progress = kpis.progress(session, year, sources=registered_sources())
    collabs = collaborations.list_collaborations(session, year)
    report.chapters = [_summary(session, year, checks, progress, collabs), _priorities(session, year, checks),
                       _objectives(session, year, progress), _kpi_chapter(year, progress),
                       _collaborations(year, collabs), _municipalities(session, year)]
    return report
