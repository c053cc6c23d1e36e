"""Table model of the inventory review: organisations whose enterprise stopped or whose seat moved."""

from __future__ import annotations

from regisseur_app.ui.table_base import Column, RowTableModel

KIND_LABELS = {"stopped": "Stopgezet", "moved": "Zetel verhuisd"}


class ReviewTableModel(RowTableModel):
    COLUMNS = (
        Column("Organisatie", lambda r: r.name),
        Column("KBO-nummer", lambda r: r.kbo_number),
        Column("Vaststelling", lambda r: KIND_LABELS.get(r.kind, r.kind)),
        Column("Toelichting", lambda r: r.reason),
        Column("Adres in de inventaris", lambda r: r.inventory_address),
        Column("Zetel volgens de KBO", lambda r: r.kbo_address),
    )
