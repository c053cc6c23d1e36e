"""The Excel workbook 'with the tables behind every figure' of one or more college reports: a contents sheet,
then per report and section one sheet with its tables stacked (title, header, rows, footnote). Numbers stay
numbers (nl-BE number formats), suppressed cells stay "<5"/"x", text that a spreadsheet would run as a
formula is marked as text (formula-injection safe, as every export of the app); written atomically."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from regisseur_app.exchange.export import neutralise, save_workbook, sheet_name
from regisseur_app.reports.college.assemble import CollegeReport
from regisseur_app.reports.college.cells import header_text
from regisseur_app.reports.content import BarChart, Column, Table

_DANGEROUS_START = ("=", "+", "-", "@", "\t", "\r")
HEAD_FILL = PatternFill("solid", fgColor="1F4E79")


def _number_format(column: Column) -> str:
    return "#,##0" if column.decimals == 0 else "#,##0." + "0" * column.decimals


def _text_cell(cell, value: str) -> None:  # noqa: ANN001
    cell.value = value
    if value.startswith(_DANGEROUS_START):
        cell.data_type = "s"
        cell.quotePrefix = True


def _unique(title: str, used: set[str]) -> str:
    base = sheet_name(title)
    name, n = base, 2
    while name.lower() in used:
        suffix = f" ({n})"
        name = base[:31 - len(suffix)] + suffix
        n += 1
    used.add(name.lower())
    return name


def _tables(blocks: list) -> list[Table]:  # noqa: ANN001
    result = []
    for block in blocks:
        if isinstance(block, Table):
            result.append(block)
        elif isinstance(block, BarChart):
            columns = [Column("Categorie"), *[Column(name, True, 1) for name, _s in block.series]]
            rows = [[c, *[s[i] for _n, s in block.series]] for i, c in enumerate(block.categories)]
            result.append(Table(block.title, columns, rows))
    return result


def build_workbook(reports: list[CollegeReport]) -> Workbook:
    book = Workbook()
    contents = book.active
    contents.title = "Inhoud"
    contents.append(["Rapport", "Periode", "Onderdeel", "Tabel", "Blad"])
    for cell in contents[1]:
        cell.font = Font(bold=True)
    used = {"inhoud"}
    for report in reports:
        who = "Regio" if report.scope.is_region else report.scope.name
        for section in report.sections:
            tables = _tables(section.blocks)
            if not tables:
                continue
            sheet = book.create_sheet(_unique(f"{who} {section.title}", used))
            row = 1
            for table in tables:
                for values in ([who, report.scope.period_label, section.title, table.title, sheet.title],):
                    contents.append([neutralise(v) if isinstance(v, str) else v for v in values])
                row = _write_table(sheet, table, row)
            for index in range(1, sheet.max_column + 1):
                sheet.column_dimensions[get_column_letter(index)].width = 16 if index > 1 else 42
    for index, width in enumerate((18, 12, 28, 50, 32), start=1):
        contents.column_dimensions[get_column_letter(index)].width = width
    return book


def _write_table(sheet, table: Table, row: int) -> int:  # noqa: ANN001
    _text_cell(sheet.cell(row, 1), table.title)
    sheet.cell(row, 1).font = Font(bold=True, size=12)
    row += 1
    for c, column in enumerate(table.columns, start=1):
        cell = sheet.cell(row, c)
        _text_cell(cell, header_text(column))
        cell.font, cell.fill = Font(bold=True, color="FFFFFF"), HEAD_FILL
        cell.alignment = Alignment(wrap_text=True, horizontal="right" if column.numeric else "left")
    for r, values in enumerate(table.rows):
        row += 1
        bold = table.total_row and r == len(table.rows) - 1
        for c, column in enumerate(table.columns, start=1):
            value = values[c - 1] if c - 1 < len(values) else None
            cell = sheet.cell(row, c)
            if isinstance(value, str):
                _text_cell(cell, value)
                if column.numeric:
                    cell.alignment = Alignment(horizontal="right")
            elif value is not None:
                cell.value = value
                if column.numeric:
                    cell.number_format = _number_format(column)
            if bold:
                cell.font = Font(bold=True)
    if table.footnote:
        row += 1
        _text_cell(sheet.cell(row, 1), table.footnote)
        sheet.cell(row, 1).font = Font(italic=True, size=9)
    return row + 2


def write_workbook(reports: list[CollegeReport], path: Path) -> Path:
    return save_workbook(build_workbook(reports), path)
