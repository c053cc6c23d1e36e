"""PDF tables: numbers under their own header (right-aligned headers), header words never split, long
words in the attendance sheet not broken in two (read back with pdftotext)."""

import subprocess
from datetime import datetime

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.units import mm

from regisseur_app.reports.events.attendance_sheet import write_attendance_sheet
from regisseur_app.reports.pdf_base import build_pdf, content_width, data_table, fit_widths, longest_word
from tests.unit.events_support import contact, event, org

HEADERS = ["Gemeente", "Doorverwezen", "In screening", "Beslissing: positief", "Tewerkstelling gestart",
           "Doorstroom naar regulier werk", "Uitval", "Afgesloten", "Totaal"]


def _text(pdf) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def test_numeric_headers_are_right_aligned_like_their_numbers():
    table = data_table(["Gemeente", "2025", "Verschil"], [["Bekkevoort", "6.332", "+12"]], [60 * mm, 30 * mm, 30 * mm],
                       right_align=(1, 2))
    header = table._cellvalues[0]
    assert [cell.style.alignment == TA_RIGHT for cell in header] == [False, True, True]


def test_header_words_are_never_split(tmp_path):
    width = content_width(wide=True)
    first = 42 * mm
    narrow = [first] + [(width - first) / (len(HEADERS) - 1)] * (len(HEADERS) - 1)
    widths = fit_widths(HEADERS, narrow)
    assert abs(sum(widths) - sum(narrow)) < 0.01
    for header, column in zip(HEADERS, widths, strict=True):
        assert longest_word(header, "RegisseurSans-Bold", 8.5) < column, header
    rows = [["Bekkevoort", 12, 3, 4, 5, 1, 0, 9, 34]]
    pdf = build_pdf(tmp_path / "t.pdf", [data_table(HEADERS, rows, narrow, right_align=range(1, 9))], "t", wide=True)
    words = _text(pdf).split()
    for word in ("Doorverwezen", "Tewerkstelling", "screening", "Afgesloten"):
        assert word in words


def test_attendance_sheet_keeps_long_words_whole(app_ctx, tmp_path):
    with app_ctx.transaction() as s:
        eid = event(s, start=datetime(2026, 6, 18, 14))
        oid = org(s, "Lokaal bestuur Glabbeek", "lokaal_bestuur")
        cid = contact(s, "Marie-Louise Vandenberghe", oid, function="Beleidsverantwoordelijke sociale economie")
        from regisseur_app.domain.events.participants import invite_contacts, list_participants, set_status

        invite_contacts(s, eid, [cid])
        set_status(s, list_participants(s, eid)[0].id, "ingeschreven")
    with app_ctx.reading() as s:
        pdf = write_attendance_sheet(s, eid, tmp_path / "lijst.pdf")
    words = _text(pdf).split()
    assert "Beleidsverantwoordelijke" in words and "Marie-Louise" in words
