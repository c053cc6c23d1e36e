"""Table model of the referral list (paged from SQL)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from regisseur_app.domain.referrals.service import ReferralRow
from regisseur_app.formatting import format_date, format_number
from regisseur_app.ui.referrals.paged_model import PagedTableModel
from regisseur_app.ui.table_base import Column

CODE, MUNICIPALITY, REFERRAL_DATE, TYPE, STATUS, STATUS_DATE, DAYS = range(7)
STALE_BACKGROUND = "#fde7d9"


class ReferralTableModel(PagedTableModel):
    COLUMNS = (
        Column("Code", lambda r: r.code),
        Column("Gemeente", lambda r: r.municipality),
        Column("Doorverwezen op", lambda r: format_date(r.referral_date)),
        Column("Soort", lambda r: r.type_label),
        Column("Status", lambda r: r.status_label + (" — vastgelopen" if r.stale else "")),
        Column("Sinds", lambda r: format_date(r.status_date)),
        Column("Dagen in status", lambda r: format_number(r.days_in_status), align_right=True),
    )
    SORT_KEYS = ("code", "municipality", "referral_date", "type", "status", "status_date", "status_date")

    def extra_data(self, row: ReferralRow, role: int):  # noqa: ANN201
        if role == Qt.ItemDataRole.BackgroundRole and row.stale:
            return QColor(STALE_BACKGROUND)
        if role == Qt.ItemDataRole.ToolTipRole and row.stale:
            return f"Vastgelopen: al {format_number(row.days_in_status)} dagen in deze status."
        return None
