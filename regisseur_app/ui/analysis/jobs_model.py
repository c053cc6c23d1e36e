"""Table model of the target-group jobs per municipality and per 1.000 inhabitants."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from regisseur_app.domain.analysis.offer_map import JobsRow
from regisseur_app.formatting import format_number
from regisseur_app.ui.table_base import Column, RowTableModel


class JobsModel(RowTableModel):
    COLUMNS = (
        Column("Gemeente", lambda r: r.name),
        Column("Doelgroepwerknemers", lambda r: format_number(r.jobs, 0 if float(r.jobs).is_integer() else 1),
               lambda r: r.jobs, True),
        Column("Organisaties met een aantal", lambda r: format_number(r.organisations), lambda r: r.organisations,
               True),
        Column("SE-organisaties zonder aantal", lambda r: format_number(r.unknown), lambda r: r.unknown, True),
        Column("Inwoners", lambda r: format_number(r.inhabitants.value), lambda r: r.inhabitants.value, True),
        Column("Bron inwoners", lambda r: r.inhabitants.description),
        Column("Per 1.000 inwoners", lambda r: format_number(r.per_1000, 2), lambda r: r.per_1000, True),
    )

    def extra_data(self, row: JobsRow, role: int):  # noqa: ANN201
        if role == Qt.ItemDataRole.FontRole and not row.nis_code:
            font = QFont()
            font.setBold(True)
            return font
        return None
