"""The organisations that report on MVO, with their completeness for the chosen year."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from regisseur_app.domain.mvo.orgs import MvoOrganisationRow
from regisseur_app.ui.table_base import Column, RowTableModel

INCOMPLETE = QColor("#b00020")
COMPLETE = QColor("#1b5e20")


class OrganisationTableModel(RowTableModel):
    COLUMNS = (
        Column("Organisatie", lambda r: r.name),
        Column("Type", lambda r: r.type_label),
        Column("Volledigheid", lambda r: r.completeness.text, sort_key=lambda r: r.completeness.percent),
        Column("Gemeenten", lambda r: r.municipalities),
    )

    def extra_data(self, row: MvoOrganisationRow, role: int):  # noqa: ANN201
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.completeness.filled == 0:
                return None
            return COMPLETE if row.completeness.complete else INCOMPLETE
        return None
