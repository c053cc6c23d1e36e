"""Table model of the responses of a survey."""

from __future__ import annotations

from regisseur_app.formatting import format_datetime
from regisseur_app.ui.table_base import Column, RowTableModel


class ResponseModel(RowTableModel):
    COLUMNS = (
        Column("Nr.", lambda r: str(r.id), lambda r: r.id, True),
        Column("Gemeente", lambda r: r.municipality),
        Column("Respondent", lambda r: r.respondent or "—"),
        Column("Ingevuld op", lambda r: format_datetime(r.submitted_at),
               lambda r: r.submitted_at.isoformat() if r.submitted_at else ""),
        Column("Bron", lambda r: r.source),
        Column("Beantwoorde vragen", lambda r: str(r.answered), lambda r: r.answered, True),
        Column("Antwoord-id", lambda r: r.external_id),
    )
