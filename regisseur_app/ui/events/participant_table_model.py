"""Table model of an event's participants."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from regisseur_app.domain.events.models import DECLINED, NO_SHOW, PRESENT, WAITING
from regisseur_app.domain.events.participants import ParticipantRow
from regisseur_app.formatting import format_date, format_datetime
from regisseur_app.ui.table_base import Column, RowTableModel

NAME, STATUS, ROLE, ORGANISATION, FUNCTION, EMAIL, INVITED_AT, CHECKED_IN = range(8)
STATUS_COLOURS = {PRESENT: "#1b7a3a", WAITING: "#a15c00", DECLINED: "#777777", NO_SHOW: "#b00020"}


def _status(r: ParticipantRow) -> str:
    return f"{r.status_label} ({r.waiting_position})" if r.waiting_position else r.status_label


class ParticipantTableModel(RowTableModel):
    COLUMNS = (
        Column("Naam", lambda r: r.name),
        Column("Status", _status, sort_key=lambda r: (r.status_label, r.waiting_position or 0)),
        Column("Rol", lambda r: r.role_label),
        Column("Organisatie", lambda r: r.organisation),
        Column("Functie", lambda r: r.function),
        Column("E-mailadres", lambda r: r.email or "— geen —"),
        Column("Uitgenodigd op", lambda r: format_date(r.invited_at), sort_key=lambda r: r.invited_at.isoformat()),
        Column("Aangemeld om", lambda r: format_datetime(r.checked_in_at),
               sort_key=lambda r: r.checked_in_at.isoformat() if r.checked_in_at else ""),
    )

    def extra_data(self, row: ParticipantRow, role: int):  # noqa: ANN201
        if role == Qt.ItemDataRole.ForegroundRole and row.status in STATUS_COLOURS:
            return QColor(STATUS_COLOURS[row.status])
        if role == Qt.ItemDataRole.ToolTipRole and row.contact_archived:
            return "Deze contactpersoon is gearchiveerd."
        return None
