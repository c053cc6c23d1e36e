"""Aggregated Excel export of the referral statistics: never a code, a date or a note of one referral.

Every count table goes through suppression (domain.suppression): counts 1-4 become "<5", secondary
cells "x", and tables sharing their totals are protected together. Lead times based on fewer
referrals than the threshold are not shown.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from regisseur_app.domain.referrals.stats import (
    LEAD_HEADERS,
    ReferralStats,
    lead_time_rows,
    period_text,
    protected_tables,
)
from regisseur_app.domain.referrals.suppression import SECONDARY_MARK, ProtectedTable
from regisseur_app.exchange.export import ExportError, guard_cells, save_workbook, sheet_name
from regisseur_app.formatting import format_date


def explanation_lines(stats: ReferralStats, threshold: int) -> list[str]:
    return [
        f"Periode: {period_text(stats.filter)}.",
        "Gemeenten: " + ", ".join(name for _nis, name in stats.municipalities) + ".",
        f"Aantallen van 1 tot {threshold - 1} worden getoond als '<{threshold}'.",
        f"'{SECONDARY_MARK}': bijkomend verborgen, zodat geen klein aantal uit een totaal of verschil af te leiden is.",
        f"Doorlooptijden op minder dan {threshold} doorverwijzingen worden niet getoond ('n<{threshold}').",
        "Deze tabellen bevatten geen codes, data of notities van individuele doorverwijzingen.",
        f"Gemaakt op {format_date(date.today())} met Regisseur.",
    ]


def workbook_data(stats: ReferralStats, threshold: int) -> list[tuple[str, list[str], list[list[object]]]]:
    """(sheet title, headers, rows) of every sheet except the explanation: what the file will hold."""
    sheets = []
    for table in protected_tables(stats, threshold):
        sheets.append((table.title, [table.row_key, *table.col_labels], table.display_rows()))
    sheets.append(("Doorlooptijden", list(LEAD_HEADERS), lead_time_rows(stats, threshold)))
    return sheets


def export_statistics(stats: ReferralStats, path: Path, threshold: int) -> None:
    """Write the aggregated workbook atomically (temporary file, then rename)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise ExportError(f"Kies een bestandsnaam die eindigt op .xlsx (niet '{path.name}').")
    book = Workbook()
    intro = book.active
    intro.title = "Toelichting"
    intro["A1"] = "Doorverwijzingen naar VDAB — geaggregeerde cijfers"
    intro["A1"].font = Font(bold=True, size=13)
    for row, line in enumerate(explanation_lines(stats, threshold), start=3):
        intro.cell(row=row, column=1, value=line)
    intro.column_dimensions["A"].width = 110
    for title, headers, rows in workbook_data(stats, threshold):
        sheet = book.create_sheet(sheet_name(title))
        sheet.append(list(headers))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        for values in rows:
            sheet.append(list(values))
            last = sheet.max_row
            for cell in sheet[last][1:]:
                cell.alignment = Alignment(horizontal="right")
                if isinstance(cell.value, int):
                    cell.number_format = "#,##0"
            if values[0] == "Totaal":
                for cell in sheet[last]:
                    cell.font = Font(bold=True)
        sheet.column_dimensions["A"].width = 22
        for index in range(2, len(headers) + 1):
            sheet.column_dimensions[sheet.cell(row=1, column=index).column_letter].width = 16
        sheet.freeze_panes = "B2"
    for sheet in book.worksheets:
        guard_cells(sheet)
    save_workbook(book, path)


def table_cells(table: ProtectedTable) -> list[object]:
    """Every value cell of a protected table as it is written (for checks)."""
    return [v for row in table.display_rows() for v in row[1:]]
