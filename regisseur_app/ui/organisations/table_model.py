"""Table models of organisations: the organisation list (ids and pages read from SQL, sorted there) and an
in-memory one for short lists sorted by Qt (the organisations of one cell of the offer map)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from regisseur_app.domain.core.organisation_service import OrganisationRow
from regisseur_app.formatting import format_number
from regisseur_app.ui.sql_list_model import SqlListModel
from regisseur_app.ui.table_base import Column, RowTableModel

NAME, TYPE, KBO, CITY, ACTIVE_IN, CATEGORIES, TARGET_GROUP, CONTACTS = range(8)

COLUMNS = (
    Column("Naam", lambda r: r.name),
    Column("Type", lambda r: r.type_label),
    Column("KBO-nummer", lambda r: r.kbo_number),
    Column("Plaats", lambda r: r.city or r.seat_name),
    Column("Actief in", lambda r: r.municipalities),
    Column("Dienstencategorieën", lambda r: r.categories),
    Column("Doelgroep-\nwerknemers", lambda r: format_number(r.target_group_employees),
           sort_key=lambda r: r.target_group_employees, align_right=True),
    Column("Contacten", lambda r: format_number(r.contact_count), sort_key=lambda r: r.contact_count,
           align_right=True),
)


def _archived_grey(row: OrganisationRow, role: int):  # noqa: ANN202
    if role == Qt.ItemDataRole.ForegroundRole and row.archived:
        return QColor("#777777")
    return None


class OrganisationListModel(SqlListModel):
    COLUMNS = COLUMNS
    SORT_KEYS = ("name", "type", "kbo_number", "place", "municipalities", "categories", "target_group_employees",
                 "contacts")

    def extra_data(self, row: OrganisationRow, role: int):  # noqa: ANN201
        return _archived_grey(row, role)


class OrganisationTableModel(RowTableModel):
    COLUMNS = COLUMNS

    def extra_data(self, row: OrganisationRow, role: int):  # noqa: ANN201
        return _archived_grey(row, role)
