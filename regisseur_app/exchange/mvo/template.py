"""The Excel template of one organisation and year, to send out and fill in (openpyxl).

One visible sheet lists the typed-in indicators (computed ones are left out: Regisseur computes them)
with last year's values for reference; only the columns Waarde, Opmerking and Bron are editable (the sheet
is protected without a password, so a careful user can still unprotect it). A very hidden sheet
'_regisseur' identifies the organisation and year with a checksum; the import refuses a template of
another organisation or year, and a damaged one.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from regisseur_app.domain.core.organisations import Organisation
from regisseur_app.domain.mvo.models import COUNT, NUMERIC_TYPES, PERCENTAGE, YES_NO
from regisseur_app.domain.mvo.values import editable_value, year_sheet
from regisseur_app.exchange.export import ExportError, save_workbook
from regisseur_app.formatting import format_date

MARKER = "regisseur-mvo-sjabloon"
VERSION = "1"
ID_SHEET = "_regisseur"
CODE, PILLAR, LABEL, UNIT, KIND, RANGE, PREVIOUS, VALUE, NOTE, SOURCE, DEFINITION, REFERENCE = range(12)
HEADER_ROW = 6
DANGEROUS_START = ("=", "+", "-", "@", "\t", "\r")


def headers(year: int) -> list[str]:
    return ["Code", "Pijler", "Indicator", "Eenheid", "Soort waarde", "Toegelaten", f"Vorig jaar ({year - 1})",
            f"Waarde {year}", "Opmerking", "Bron", "Definitie", "GRI / VSME"]


def sheet_title(year: int) -> str:
    return f"MVO {year}"


def checksum(organisation_id: int, year: int) -> str:
    return hashlib.sha256(f"{MARKER}|{VERSION}|{organisation_id}|{year}".encode()).hexdigest()[:16]


@dataclass(frozen=True)
class TemplateInfo:
    path: Path
    rows: int


def write_template(session: Session, organisation_id: int, year: int, path: Path) -> TemplateInfo:
    """Write the template of this organisation and year to `path` (atomically). Raises ExportError."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill, Protection
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    org = session.get(Organisation, organisation_id)
    if org is None:
        raise ExportError("Deze organisatie bestaat niet meer.")
    rows = [r for r in year_sheet(session, organisation_id, year) if not r.indicator.is_computed
            and r.indicator.active]
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = sheet_title(year)
    sheet["A1"] = f"MVO-gegevens {year}"
    sheet["A1"].font = Font(bold=True, size=14)
    sheet["A2"] = org.name
    sheet["A2"].font = Font(bold=True, size=12)
    sheet["A3"] = ("Vul de kolom 'Waarde' in (met een opmerking en de bron waar nodig) en stuur het bestand terug. "
                   "Percentages als getal van 0 tot 100; ja/nee als 'ja' of 'nee'. Verander de code in kolom A niet.")
    sheet["A4"] = (f"Gemaakt op {format_date(date.today())} met Regisseur. Berekende indicatoren (zoals vermeden "
                   "CO₂) rekent Regisseur zelf uit.")
    header = headers(year)
    fill = PatternFill("solid", fgColor="1F4E79")
    for column, title in enumerate(header, start=1):
        cell = sheet.cell(HEADER_ROW, column, title)
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = fill
    editable = PatternFill("solid", fgColor="FFF9E0")
    yes_no = DataValidation(type="list", formula1='"ja,nee"', allow_blank=True,
                            error="Kies ja of nee.", errorTitle="Ja of nee")
    sheet.add_data_validation(yes_no)
    for line, row in enumerate(rows, start=HEADER_ROW + 1):
        indicator = row.indicator
        values = [indicator.code, indicator.pillar, indicator.label, indicator.unit, indicator.type_label,
                  indicator.range_text, _cell_value(indicator, row, previous=True), _cell_value(indicator, row),
                  row.note, row.source, indicator.definition, indicator.reference_text]
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(line, column, value)
            if isinstance(value, str) and value.startswith(DANGEROUS_START):
                cell.data_type = "s"  # text that Excel would run as a formula stays text (quote-prefix flag)
                cell.quotePrefix = True
            if column - 1 in (VALUE, NOTE, SOURCE):
                cell.protection = Protection(locked=False)
                cell.fill = editable
            if column - 1 == DEFINITION:
                cell.alignment = Alignment(wrap_text=False)
        value_cell = f"{get_column_letter(VALUE + 1)}{line}"
        if indicator.value_type == YES_NO:
            yes_no.add(value_cell)
        elif indicator.value_type in NUMERIC_TYPES:
            low = indicator.min_value if indicator.min_value is not None else (0 if indicator.value_type == PERCENTAGE
                                                                               else None)
            high = indicator.max_value if indicator.max_value is not None else (
                100 if indicator.value_type == PERCENTAGE else None)
            _number_validation(sheet, value_cell, indicator.value_type == COUNT, low, high, indicator.label)
    widths = [22, 10, 44, 14, 20, 14, 16, 16, 30, 24, 60, 18]
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = f"A{HEADER_ROW + 1}"
    sheet.protection.sheet = True
    sheet.protection.formatRows = False
    sheet.protection.formatColumns = False
    info = workbook.create_sheet(ID_SHEET)
    for line, (key, value) in enumerate((("soort", MARKER), ("versie", VERSION), ("organisatie_id", organisation_id),
                                         ("organisatie", org.name), ("jaar", year),
                                         ("controle", checksum(organisation_id, year))), start=1):
        info.cell(line, 1, key)
        info.cell(line, 2, value)
    info.sheet_state = "veryHidden"
    info.protection.sheet = True
    _save_atomically(workbook, Path(path))
    return TemplateInfo(Path(path), len(rows))


def _cell_value(indicator, row, previous: bool = False):  # noqa: ANN001, ANN202
    """The number itself for numeric cells (Excel sums and validates them), text otherwise."""
    if previous:
        return row.previous or None
    if indicator.value_type in NUMERIC_TYPES:
        return row.number
    text = editable_value(indicator, row.number, row.text)
    return text or None


def _number_validation(sheet, cell: str, whole: bool, low, high, label: str) -> None:  # noqa: ANN001
    from openpyxl.worksheet.datavalidation import DataValidation

    if low is None and high is None:
        return
    kind = "whole" if whole else "decimal"
    if low is not None and high is not None:
        rule = DataValidation(type=kind, operator="between", formula1=str(low), formula2=str(high), allow_blank=True)
        rule.error = f"{label}: een getal van {low:g} tot {high:g}."
    else:
        rule = DataValidation(type=kind, operator="greaterThanOrEqual", formula1=str(low), allow_blank=True)
        rule.error = f"{label}: een getal van minstens {low:g}."
    rule.errorTitle = "Ongeldige waarde"
    sheet.add_data_validation(rule)
    rule.add(cell)


def _save_atomically(workbook, path: Path) -> None:  # noqa: ANN001
    save_workbook(workbook, path)
