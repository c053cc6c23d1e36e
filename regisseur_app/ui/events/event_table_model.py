"""Table model of the event list."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from regisseur_app.domain.events.models import CANCELLED, CONCEPT
from regisseur_app.domain.events.service import EventRow
from regisseur_app.formatting import format_date, format_number
from regisseur_app.ui.table_base import Column, RowTableModel

DATE, TIME, TITLE, TYPE, LOCATION, MUNICIPALITIES, STATUS, INVITED, SEATED, PRESENT = range(10)


def _time(r: EventRow) -> str:
    if r.starts_at.date() == r.ends_at.date():
        return f"{r.starts_at:%H:%M}–{r.ends_at:%H:%M}"
    return f"{r.starts_at:%H:%M} – {format_date(r.ends_at)}"


class EventTableModel(RowTableModel):
    COLUMNS = (
        Column("Datum", lambda r: format_date(r.starts_at), sort_key=lambda r: r.starts_at.isoformat()),
        Column("Uur", _time, sort_key=lambda r: r.starts_at.isoformat()),
        Column("Titel", lambda r: r.title),
        Column("Soort", lambda r: r.type_label),
        Column("Locatie", lambda r: r.location),
        Column("Gemeenten", lambda r: r.municipalities),
        Column("Status", lambda r: r.status_label),
        Column("Uitgenodigd", lambda r: format_number(r.invited), sort_key=lambda r: r.invited, align_right=True),
        Column("Ingeschreven", lambda r: format_number(r.seated) + (f" / {r.capacity_text}" if r.capacity else ""),
               sort_key=lambda r: r.seated, align_right=True),
        Column("Aanwezig", lambda r: format_number(r.present), sort_key=lambda r: r.present, align_right=True),
    )

    def extra_data(self, row: EventRow, role: int):  # noqa: ANN201
        if role == Qt.ItemDataRole.ForegroundRole and row.status in (CANCELLED, CONCEPT):
            return QColor("#777777")
        if role == Qt.ItemDataRole.FontRole and row.status == CANCELLED:
            from PySide6.QtGui import QFont

            font = QFont()
            font.setStrikeOut(True)
            return font
        return None
