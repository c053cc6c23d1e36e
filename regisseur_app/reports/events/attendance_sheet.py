"""Attendance sheet (aanwezigheidslijst) to sign on the day: event on top, one row per registered
participant with a signature column tall enough to sign, and blank rows for walk-ins."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle
from sqlalchemy.orm import Session

from regisseur_app.domain.core.setup import association_name
from regisseur_app.domain.events.models import PRESENT, REGISTERED
from regisseur_app.domain.events.participants import list_participants
from regisseur_app.domain.events.service import get_event
from regisseur_app.formatting import format_date
from regisseur_app.reports.pdf_base import BRAND, GRID, ZEBRA, build_pdf, content_width, fitted, paragraph, styles

ROW_HEIGHT = 13 * mm
BLANK_ROWS = 5
ON_SHEET = (REGISTERED, PRESENT)


def sheet_rows(session: Session, event_id: int) -> list[tuple[str, str, str]]:
    """(name, organisation, function) of everyone expected: registered or already present."""
    return [(r.name, r.organisation, r.function) for r in list_participants(session, event_id)
            if r.status in ON_SHEET]


def write_attendance_sheet(session: Session, event_id: int, path: Path, blank_rows: int = BLANK_ROWS) -> Path:
    event = get_event(session, event_id)
    rows = sheet_rows(session, event_id)
    st = styles()
    start, end = event.starts_at, event.ends_at
    when = (f"{format_date(start)}, {start:%H:%M}–{end:%H:%M}" if start.date() == end.date()
            else f"{format_date(start)} {start:%H:%M} – {format_date(end)} {end:%H:%M}")
    story = [paragraph("Aanwezigheidslijst", "subtitle"), paragraph(event.title, "title"),
             paragraph(f"Datum: {when}"), paragraph(f"Locatie: {event.location or '—'}"), Spacer(1, 4 * mm),
             paragraph(f"{len(rows)} ingeschreven deelnemer(s). Wie niet op de lijst staat, vult een lege rij in.",
                       "small"), Spacer(1, 3 * mm)]
    widths = [10 * mm, 38 * mm, 38 * mm, 42 * mm]  # the rest (about 52 mm) for the signature
    widths.append(content_width() - sum(widths))
    head = [Paragraph(h, st["cell_head"]) for h in ("Nr", "Naam", "Organisatie", "Functie", "Handtekening")]
    body = [head]
    for n, (name, organisation, function) in enumerate(rows, start=1):
        # a long word ("beleidsverantwoordelijke") gets a smaller font instead of being split in two
        body.append([Paragraph(str(n), st["cell"]), fitted(name, st["cell"], widths[1]),
                     fitted(organisation, st["cell"], widths[2]), fitted(function, st["cell"], widths[3]), ""])
    for n in range(len(rows) + 1, len(rows) + blank_rows + 1):
        body.append([Paragraph(str(n), st["cell"]), "", "", "", ""])
    table = Table(body, colWidths=widths, rowHeights=[8 * mm] + [ROW_HEIGHT] * (len(body) - 1), repeatRows=1)
    commands = [("BACKGROUND", (0, 0), (-1, 0), BRAND), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("GRID", (0, 0), (-1, -1), 0.5, GRID), ("BOX", (0, 0), (-1, -1), 0.8, BRAND)]
    commands += [("BACKGROUND", (0, i), (-1, i), ZEBRA) for i in range(2, len(body), 2)]
    table.setStyle(TableStyle(commands))
    story.append(table)
    header_left = association_name(session) or "Regisseur"
    return build_pdf(Path(path), story, title=f"Aanwezigheidslijst {event.title}", header_left=header_left,
                     header_right=f"Aanwezigheidslijst – {format_date(start)}")


