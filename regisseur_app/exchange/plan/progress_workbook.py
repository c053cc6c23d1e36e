"""The yearly progress report as an Excel workbook: a summary sheet, then one sheet per table of the report
(the same content as the PDF). Text that a spreadsheet would run as a formula is stored as text with Excel's
quote-prefix flag, as in exchange/export.py (the value itself stays unchanged)."""

from __future__ import annotations

from pathlib import Path

from regisseur_app.exchange.export import _DANGEROUS_START, ExportError, save_workbook, sheet_name
from regisseur_app.reports.content import Table, Text
from regisseur_app.reports.plan.progress_content import ProgressReport


def _unique(name: str, used: set[str]) -> str:
    base, n = sheet_name(name), 2
    candidate = base
    while candidate.lower() in used:
        suffix = f" ({n})"
        candidate = base[:31 - len(suffix)] + suffix
        n += 1
    used.add(candidate.lower())
    return candidate


def _safe(sheet) -> None:  # noqa: ANN001
    for row in sheet.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and cell.value.startswith(_DANGEROUS_START):
                cell.data_type = "s"
                cell.quotePrefix = True


def _number_format(column) -> str:  # noqa: ANN001
    if column.unit == "€":
        return '"€" #,##0.00'
    return "#,##0" if column.decimals == 0 else "#,##0." + "0" * column.decimals


def write_progress_workbook(report: ProgressReport, path: Path) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise ExportError(f"Kies een bestandsnaam die eindigt op .xlsx (niet '{path.name}').")
    book = Workbook()
    summary = book.active
    summary.title = "Samenvatting"
    summary.append([report.title])
    summary["A1"].font = Font(bold=True, size=14)
    summary.append([f"{report.association} · planperiode {report.period_label}"])
    summary.append([])
    used = {"samenvatting"}
    for chapter in report.chapters:
        for block in chapter.blocks:
            if isinstance(block, Text) and chapter.key == "summary":
                summary.append([block.text])
            elif isinstance(block, Table):
                sheet = book.create_sheet(_unique(block.title, used))
                sheet.append([f"{c.title} ({c.unit})" if c.unit else c.title for c in block.columns])
                for cell in sheet[1]:
                    cell.font = Font(bold=True)
                for row in block.rows:
                    sheet.append(list(row))
                for index, column in enumerate(block.columns, start=1):
                    letter = get_column_letter(index)
                    longest = max([len(str(r[index - 1] or "")) for r in block.rows] + [len(column.title)])
                    sheet.column_dimensions[letter].width = min(60, max(10, longest + 2))
                    if column.numeric:
                        for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                            cell.number_format = _number_format(column)
                if block.total_row and block.rows:
                    for cell in sheet[sheet.max_row]:
                        cell.font = Font(bold=True)
                if block.footnote:
                    sheet.append([])
                    sheet.append([block.footnote])
                sheet.freeze_panes = "A2"
                _safe(sheet)
    summary.column_dimensions["A"].width = 110
    _safe(summary)
    save_workbook(book, path)
    return path
