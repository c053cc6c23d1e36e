"""Table model of the changes found by the last KBO import."""

from __future__ import annotations

from regisseur_app.ui.table_base import Column, RowTableModel


class ChangesTableModel(RowTableModel):
    COLUMNS = (
        Column("KBO-nummer", lambda r: r.kbo_number),
        Column("Wijziging", lambda r: r.kind_label),
        Column("Naam", lambda r: r.name),
        Column("Toelichting", lambda r: r.detail),
    )
