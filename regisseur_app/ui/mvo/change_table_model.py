"""The changes an imported template would make: indicator, old value, new value, note or source."""

from __future__ import annotations

from regisseur_app.ui.table_base import Column, RowTableModel


class ChangeTableModel(RowTableModel):
    COLUMNS = (
        Column("Indicator", lambda c: c.label),
        Column("Oud", lambda c: c.old or "—", align_right=True),
        Column("Nieuw", lambda c: c.new or "(gewist)", align_right=True),
        Column("Opmerking of bron", lambda c: c.detail),
    )
