"""Table model of the open answers of a question (municipality, answer)."""

from __future__ import annotations

from regisseur_app.ui.table_base import Column, RowTableModel


class TextAnswerModel(RowTableModel):
    COLUMNS = (
        Column("Gemeente", lambda t: t[0]),
        Column("Antwoord", lambda t: t[1]),
    )
