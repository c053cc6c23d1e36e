"""Table model of follow-up actions (of one event, or overdue ones across events)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from regisseur_app.formatting import format_date
from regisseur_app.ui.table_base import Column, RowTableModel

if TYPE_CHECKING:  # the rows' type only: the Overzicht imports this model without the events modules
    from regisseur_app.domain.events.follow_up import ActionRow

DESCRIPTION, OWNER, DUE, STATUS, ORGANISATIONS = range(5)


def _due(r: ActionRow) -> str:
    text = format_date(r.due_date)
    return f"{text} (te laat)" if r.overdue else text


class ActionTableModel(RowTableModel):
    COLUMNS = (
        Column("Actie", lambda r: r.description.splitlines()[0] if r.description else ""),
        Column("Verantwoordelijke", lambda r: r.owner),
        Column("Uiterlijk", _due, sort_key=lambda r: (r.due_date or date.max).isoformat()),
        Column("Status", lambda r: r.status_label),
        Column("Organisaties", lambda r: r.organisations),
    )

    def extra_data(self, row: ActionRow, role: int):  # noqa: ANN201
        if role == Qt.ItemDataRole.ForegroundRole and row.overdue:
            return QColor("#b00020")
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.description
        return None


class OverdueActionTableModel(ActionTableModel):
    COLUMNS = (
        Column("Uiterlijk", lambda r: format_date(r.due_date), sort_key=lambda r: (r.due_date or date.max).isoformat()),
        Column("Actie", lambda r: r.description.splitlines()[0] if r.description else ""),
        Column("Verantwoordelijke", lambda r: r.owner),
        Column("Evenement", lambda r: f"{r.event_title} ({format_date(r.event_date)})"),
        Column("Status", lambda r: r.status_label),
    )
