"""College-report section 'Doorverwijzingen naar VDAB': aggregated counts only, protected by
`domain.referrals.suppression` (counts 1-4 as "<5", secondary cells "x").

The tables are protected once for the whole region (all participating municipalities, shared totals), so
the municipality reports together never reveal more than the regional table. A municipality's report shows
its own column and the region's column of those protected tables; the regional report shows them whole.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from regisseur_app.domain.referrals.settings import load_settings
from regisseur_app.domain.referrals.stats import (
    ReferralStats,
    StatsFilter,
    compute_stats,
    lead_time_rows,
    protected_tables,
)
from regisseur_app.domain.referrals.suppression import SECONDARY_MARK, TOTAL, ProtectedTable
from regisseur_app.formatting import format_number
from regisseur_app.reports.college.memo import memo
from regisseur_app.reports.content import Column, Scope, SectionContent, Table, Text, no_data

KEY, TITLE = "doorverwijzingen", "Doorverwijzingen naar VDAB"
SHOWN = ("Doorverwijzingen per soort", "Beslissing na screening", "Verste fase bereikt")


def footnote(threshold: int) -> str:
    return (f"Privacy: '<{threshold}' staat voor een aantal kleiner dan {threshold} (maar niet nul). "
            f"'{SECONDARY_MARK}' is een aantal dat bijkomend verborgen is, zodat een klein aantal niet uit een "
            "totaal of een verschil af te leiden is. Doorlooptijden op minder dan "
            f"{threshold} doorverwijzingen worden niet getoond ('n<{threshold}'). Verste fase: elke doorverwijzing "
            "telt één keer, in de verste fase die ze bereikte.")


def build(session: Session, scope: Scope) -> SectionContent:
    threshold = load_settings(session).suppression_threshold
    stats = memo(session, ("referral_stats", scope.start, scope.end),
                 lambda: compute_stats(session, StatsFilter(scope.start, scope.end)))
    period = f"doorverwezen in de periode {scope.period_label}"
    if stats.total == 0:
        return no_data(KEY, TITLE, f"Er zijn geen doorverwijzingen naar VDAB {period}.")
    tables = memo(session, ("referral_tables", scope.start, scope.end, threshold),
                  lambda: {t.title: t for t in protected_tables(stats, threshold)})
    if scope.is_region:
        return _region(stats, tables, threshold, period)
    names = [name for _nis, name in stats.municipalities]
    if scope.name not in names:
        return no_data(KEY, TITLE, f"{scope.name} is geen deelnemende gemeente; er zijn geen cijfers.")
    row = names.index(scope.name)
    if sum(stats.by_type.counts[row]) == 0:
        return no_data(KEY, TITLE, f"Er zijn geen doorverwijzingen vanuit {scope.name} {period}.")
    blocks: list = [Text(f"Doorverwijzingen vanuit {scope.name} naar VDAB, {period}, naast de regio (alle "
                         "deelnemende gemeenten samen).")]
    for title in SHOWN:
        blocks.append(_side_by_side(tables[title], row, scope.name))
    lead = {r[0]: r[1:] for r in lead_time_rows(stats, threshold)}
    blocks.append(Table("Doorlooptijden (dagen)", [
        Column("Doorlooptijd"), Column(scope.name, True), Column("Regio", True)], [
        ["Doorverwijzing → beslissing: mediaan", lead[scope.name][0], lead["Totaal"][0]],
        ["Doorverwijzing → beslissing: 75e percentiel", lead[scope.name][1], lead["Totaal"][1]],
        ["Beslissing → start: mediaan", lead[scope.name][2], lead["Totaal"][2]],
        ["Beslissing → start: 75e percentiel", lead[scope.name][3], lead["Totaal"][3]]]))
    blocks.append(Text(footnote(threshold), "note"))
    by_type = tables["Doorverwijzingen per soort"]
    decision = tables["Beslissing na screening"]
    total = by_type.cell(row, len(by_type.col_labels) - 1)
    positive = decision.cell(row, 0)
    messages = [f"{_text(total)} doorverwijzingen naar VDAB vanuit {scope.name}, waarvan {_text(positive)} met een "
                "positieve beslissing."]
    return SectionContent(KEY, TITLE, blocks, messages)


def _text(value: int | str) -> str:
    return format_number(value) if isinstance(value, int) else str(value)


def _side_by_side(table: ProtectedTable, row: int, name: str) -> Table:
    """Categories down, this municipality and the region across (a subset of the protected table)."""
    last_row = len(table.row_labels) - 1
    rows = [[label, table.cell(row, c), table.cell(last_row, c)] for c, label in enumerate(table.col_labels)]
    rows[-1][0] = TOTAL
    return Table(table.title, [Column(_first_header(table.title)), Column(name, True), Column("Regio", True)], rows,
                 total_row=True)


def _first_header(title: str) -> str:
    return {"Doorverwijzingen per soort": "Soort", "Beslissing na screening": "Beslissing",
            "Verste fase bereikt": "Fase"}.get(title, "")


def _region(stats: ReferralStats, tables: dict[str, ProtectedTable], threshold: int, period: str) -> SectionContent:
    blocks: list = [Text(f"Doorverwijzingen naar VDAB, {period}, per gemeente.")]
    for title in SHOWN:
        table = tables[title]
        keep = [c for c in range(len(table.col_labels))
                if c == len(table.col_labels) - 1 or any(table.values[r][c] for r in range(len(table.row_labels)))]
        rows = [[table.row_labels[r], *[table.cell(r, c) for c in keep]] for r in range(len(table.row_labels))]
        blocks.append(Table(title, [Column("Gemeente"), *[Column(table.col_labels[c], True) for c in keep]], rows,
                            total_row=True))
    blocks.append(Table("Doorlooptijden (dagen)", [
        Column("Gemeente"), Column("Verwijzing → beslissing: mediaan", True), Column("75e percentiel", True),
        Column("Beslissing → start: mediaan", True), Column("75e percentiel", True)],
        lead_time_rows(stats, threshold), total_row=True))
    blocks.append(Text(footnote(threshold), "note"))
    total = tables["Doorverwijzingen per soort"]
    grand = total.cell(len(total.row_labels) - 1, len(total.col_labels) - 1)
    return SectionContent(KEY, TITLE, blocks, [f"{_text(grand)} doorverwijzingen naar VDAB in de regio."])
