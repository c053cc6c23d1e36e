"""Right of access (art. 15 AVG): everything Regisseur holds about one referral code, in one workbook.

This is the only export of a single referral; it is meant for the person concerned (through the OCMW
that knows the code) and is recorded in the audit log.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from regisseur_app.domain.core.base import ValidationError
from regisseur_app.domain.referrals import audit
from regisseur_app.domain.referrals.service import find_by_code, get_referral
from regisseur_app.exchange.export import guard_cells, save_workbook
from regisseur_app.formatting import format_date, format_datetime


def access_sheets(session: Session, code: str) -> list[tuple[str, list[str], list[list[str]]]]:
    referral_id = find_by_code(session, code)
    detail = get_referral(session, referral_id) if referral_id else None
    if detail is None:
        raise ValidationError({"code": f"Er is geen doorverwijzing met code '{code}' (meer)."})
    d = detail.data
    leefloon = {True: "ja", False: "nee", None: "onbekend"}[d.leefloon]
    data = [["Code", detail.code], ["Doorverwijzende gemeente", detail.municipality],
            ["Interne referentie OCMW", d.internal_reference], ["Doorverwijsdatum", format_date(d.referral_date)],
            ["Soort doorverwijzing", detail.type_label], ["Beoogde werkvorm", detail.work_form_label],
            ["Leeftijdscategorie", detail.age_group_label], ["Leefloon", leefloon],
            ["Huidige status", detail.steps[-1].status_label], ["Sinds", format_date(detail.status_date)]]
    steps = [[str(s.position), format_date(s.step_date), s.status_label, s.organisation_name, s.note]
             for s in detail.steps]
    log = [[format_datetime(a.at), a.action, a.field, a.old_value, a.new_value]
           for a in audit.audit_for_code(session, detail.code)]
    return [("Gegevens", ["Gegeven", "Waarde"], data),
            ("Stappen", ["Nr.", "Datum", "Status", "Organisatie", "Notitie"], steps),
            ("Auditlog", ["Tijdstip", "Handeling", "Veld", "Oud", "Nieuw"], log)]


def export_access(session: Session, code: str, path: Path) -> None:
    """Write the workbook atomically and record the export in the audit log (same transaction)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    sheets = access_sheets(session, code)
    book = Workbook()
    book.remove(book.active)
    for title, headers, rows in sheets:
        sheet = book.create_sheet(title)
        sheet.append(headers)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append(list(row))
        for index, width in enumerate((24, 28, 28, 30, 60), start=1):
            sheet.column_dimensions[sheet.cell(row=1, column=index).column_letter].width = width
    intro = book.create_sheet("Toelichting", 0)
    intro["A1"] = f"Inzage: alle gegevens over doorverwijzing {sheets[0][2][0][1]}"
    intro["A1"].font = Font(bold=True, size=13)
    intro["A3"] = f"Gemaakt op {format_date(date.today())}. Regisseur bewaart geen namen of rijksregisternummers."
    intro.column_dimensions["A"].width = 100
    for sheet in book.worksheets:
        guard_cells(sheet)
    save_workbook(book, Path(path))
    audit.log(session, audit.ACCESS_EXPORT, sheets[0][2][0][1], "", "", "alle gegevens geëxporteerd")
