"""The referral section of a PDF report: aggregated tables only, with the same suppression as the Excel
export (counts 1-4 as "<5", secondary cells "x", lead times on too few referrals left out).

`referral_section(stats, threshold)` returns flowables that a larger report (e.g. for a college) can
include; `write_referral_report` makes a PDF of just this section.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer

from regisseur_app.domain.referrals.stats import ReferralStats, lead_time_rows, period_text, protected_tables
from regisseur_app.domain.referrals.suppression import SECONDARY_MARK, ProtectedTable
from regisseur_app.formatting import format_number
from regisseur_app.reports.pdf_base import build_pdf, content_width, data_table, paragraph

SHOWN_TABLES = ("Doorverwijzingen per soort", "Beslissing na screening", "Verste fase bereikt",
                "Doorverwijzingen per jaar", "Huidige status")


def _cell(value: object) -> str:
    return format_number(value) if isinstance(value, int) else str(value)


def section_data(stats: ReferralStats, threshold: int) -> list[tuple[str, list[str], list[list[str]]]]:
    """(title, headers, rows as text) of every table in the section: exactly what the PDF prints."""
    tables = {t.title: t for t in protected_tables(stats, threshold)}
    result = []
    for title in SHOWN_TABLES:
        table: ProtectedTable = tables[title]
        keep = [c for c in range(len(table.col_labels))
                if c == len(table.col_labels) - 1 or any(table.values[r][c] for r in range(len(table.row_labels)))]
        headers = [table.row_key, *[table.col_labels[c] for c in keep]]
        rows = [[table.row_labels[r], *[_cell(table.cell(r, c)) for c in keep]] for r in range(len(table.row_labels))]
        result.append((title, headers, rows))
    lead = [[_cell(v) for v in row] for row in lead_time_rows(stats, threshold)]
    result.append(("Doorlooptijden (dagen)", ["Gemeente", "Verwijzing → beslissing: mediaan", "75e percentiel",
                                               "Beslissing → start: mediaan", "75e percentiel"], lead))
    return result


def referral_section(stats: ReferralStats, threshold: int, wide: bool = True) -> list[Flowable]:
    width = content_width(wide)
    story: list[Flowable] = [paragraph("Doorverwijzingen naar VDAB", "h2"),
                             paragraph(f"{period_text(stats.filter).capitalize()}; "
                                       f"{', '.join(name for _nis, name in stats.municipalities)}.")]
    for title, headers, rows in section_data(stats, threshold):
        n = len(headers)
        first = min(42 * mm, width * 0.25)
        widths = [first] + [(width - first) / (n - 1)] * (n - 1)
        story += [CondPageBreak(40 * mm), KeepTogether([
            paragraph(title, "body"), Spacer(1, 2 * mm),
            data_table(headers, rows, col_widths=widths, right_align=range(1, n), total_row=True)]),
            Spacer(1, 4 * mm)]
    story.append(paragraph(
        f"Aantallen van 1 tot {threshold - 1} staan als '<{threshold}'; '{SECONDARY_MARK}' is bijkomend verborgen "
        "zodat geen klein aantal uit een totaal of verschil af te leiden is. Doorlooptijden op minder dan "
        f"{threshold} doorverwijzingen worden niet getoond. Verste fase: elke doorverwijzing telt één keer, in de "
        "verste fase die ze bereikte.", "small"))
    return story


def write_referral_report(path: Path, stats: ReferralStats, threshold: int, association: str = "") -> Path:
    story = [paragraph("Doorverwijzingen naar VDAB", "title"),
             paragraph(association or "Regisseur lokale sociale economie", "subtitle"),
             *referral_section(stats, threshold)[1:]]
    return build_pdf(path, story, "Doorverwijzingen naar VDAB", header_left=association,
                     header_right="Doorverwijzingen — geaggregeerd", wide=True)
