"""Table of the collaborations and assignments."""

from __future__ import annotations

from regisseur_app.formatting import format_date, format_money, format_number
from regisseur_app.ui.table_base import Column, RowTableModel


class CollaborationTableModel(RowTableModel):
    COLUMNS = (
        Column("Datum", lambda r: format_date(r.on_date), lambda r: r.on_date.toordinal()),
        Column("Samenwerking", lambda r: r.title),
        Column("Soort", lambda r: r.type_label),
        Column("Gemeente", lambda r: r.municipality),
        Column("Geschatte waarde", lambda r: format_money(r.estimated_value), lambda r: r.estimated_value,
               align_right=True),
        Column("Jobs", lambda r: format_number(r.jobs), lambda r: r.jobs, align_right=True),
        Column("Partijen", lambda r: r.parties),
        Column("Vloeit voort uit", lambda r: r.origin),
    )
