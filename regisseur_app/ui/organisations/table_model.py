"""Table model of the organisation list."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from regisseur_app.domain.core.organisation_service import OrganisationRow
from regisseur_app.formatting import format_number
from regisseur_app.ui.table_base import Column, RowTableModel

NAME, TYPE, KBO, CITY, ACTIVE_IN, CATEGORIES, TARGET_GROUP, CONTACTS = range(8)


class OrganisationTableModel(RowTableModel):
    COLUMNS = (
        Column("Naam", lambda r: r.name),
        Column("Type", lambda r: r.type_label),
        Column("KBO-nummer", lambda r: r.kbo_number),
        Column("Plaats", lambda r: r.city or r.seat_name),
        Column("Actief in", lambda r: r.municipalities),
        Column("Dienstencategorieën", lambda r: r.categories),
        Column("Doelgroepwerknemers", lambda r: format_number(r.target_group_employees),
               sort_key=lambda r: r.target_group_employees, align_right=True),
        Column("Contacten", lambda r: format_number(r.contact_count), sort_key=lambda r: r.contact_count,
               align_right=True),
    )

    def extra_data(self, row: OrganisationRow, role: int):  # noqa: ANN201
        if role == Qt.ItemDataRole.ForegroundRole and row.archived:
            return QColor("#777777")
        return None
