"""Table model of the audit log (paged from SQL)."""

from __future__ import annotations

from regisseur_app.formatting import format_datetime
from regisseur_app.ui.referrals.paged_model import PagedTableModel
from regisseur_app.ui.table_base import Column


class AuditTableModel(PagedTableModel):
    COLUMNS = (
        Column("Tijdstip", lambda r: format_datetime(r.at)),
        Column("Handeling", lambda r: r.action),
        Column("Code", lambda r: r.code),
        Column("Veld", lambda r: r.field),
        Column("Oud", lambda r: r.old_value),
        Column("Nieuw", lambda r: r.new_value),
    )
    SORT_KEYS = ("id", None, None, None, None, None)
