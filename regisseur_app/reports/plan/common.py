"""Shared pieces of the plan's report section and yearly progress report (no Qt, no reportlab)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from regisseur_app.domain.plan import kpis, rollup, subsidy
from regisseur_app.domain.plan.models import STATUS_LABELS, STATUSES
from regisseur_app.domain.plan.settings import plan_period
from regisseur_app.reports.content import BarChart, Cell, Column, Table

SMALL = 5  # referral counts 1-4 leave the app as "<5" (DESIGN.md section 5)


def shown(progress: kpis.KpiProgress) -> Cell:
    """The value as it may leave the app: a referral count below 5 becomes '<5'."""
    value = progress.value
    if value is None:
        return None
    if progress.source_key and progress.source_key.startswith("referrals_") and 0 < value < SMALL:
        return f"<{SMALL}"
    return value


def kpi_table(progress: list[kpis.KpiProgress], year: int, title: str = "") -> Table:
    """The KPI table of `kpis.progress` rows computed once (the section's message counts the same rows)."""
    rows: list[list[Cell]] = []
    for p in progress:
        ratio = p.ratio
        if isinstance(shown(p), str):
            ratio = None
        rows.append([p.objective_number, p.title, "berekend" if p.computed else "met de hand", shown(p), p.target,
                     None if ratio is None else round(ratio * 100), p.state_label])
    return Table(title or f"KPI's {year} tegenover het streefcijfer",
                 [Column("Doel"), Column("KPI"), Column("Bron"), Column("Waarde", numeric=True, decimals=0),
                  Column("Streefcijfer", numeric=True), Column("% van doel", numeric=True, unit="%"), Column("Stand")],
                 rows, footnote="Op schema: minstens het deel van het streefcijfer dat past bij het deel van het jaar "
                                "dat voorbij is. Doorverwijzingen van 1 tot 4 staan als '<5'.")


def subsidy_table(checks: list[subsidy.MunicipalityCheck], year: int, nis_code: str | None) -> Table:
    """The subsidy table of checks already made (for `nis_code`, or every municipality when None)."""
    if nis_code is None:
        priorities = [p.priority for p in checks[0].priorities] if checks else []
        rows = [[c.municipality, *[p.state_label for p in c.priorities], c.state_label] for c in checks]
        return Table(f"Subsidievoorwaarde {year}: minstens één actie per WSE-LR-prioriteit",
                     [Column("Gemeente"), *[Column(code) for code in priorities], Column("Samen")], rows,
                     footnote="Een actie telt wanneer ze lopend of gerealiseerd is in de gemeente en haar periode het "
                              "jaar raakt en begonnen is. Risico: nog geen actie die telt, wel een geplande.")
    rows = []
    for c in checks:
        for p in c.priorities:
            rows.append([p.priority, p.state_label, "; ".join(a.text() for a in p.counting)
                         or "; ".join("gepland: " + a.text() for a in p.pending) or "geen actie"])
    return Table(f"Subsidievoorwaarde {year}: minstens één actie per WSE-LR-prioriteit",
                 [Column("Prioriteit"), Column("Stand"), Column("Acties die meetellen")], rows)


def status_table(counts: list[rollup.StatusCounts], year: int, nis_code: str | None) -> Table:
    rows = [[c.label, *[c.counts[s] for s in STATUSES], c.total] for c in counts]
    rows.append(["Totaal", *[sum(c.counts[s] for c in counts) for s in STATUSES], sum(c.total for c in counts)])
    return Table(f"Acties per doelstelling en status ({year})",
                 [Column("Doelstelling"), *[Column(STATUS_LABELS[s], numeric=True) for s in STATUSES],
                  Column("Totaal", numeric=True)], rows, total_row=True,
                 footnote="Acties waarvan de periode het jaar raakt; een actie in meerdere gemeenten telt één keer "
                          "met haar samengevatte status." if nis_code is None else "")


def status_chart(counts: list[rollup.StatusCounts], year: int) -> BarChart:
    return BarChart(f"Acties per doelstelling ({year})", [c.label.split(".")[0] for c in counts],
                    [(STATUS_LABELS[s], [float(c.counts[s]) for c in counts]) for s in STATUSES], "acties")


def has_plan_for(session: Session, year: int) -> bool:
    period = plan_period(session)
    return period is not None and period.covers(year)
