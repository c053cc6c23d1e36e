"""Per municipality of activity: organisations with MVO figures, complete reports and key totals."""

from __future__ import annotations

from regisseur_app.formatting import format_number
from regisseur_app.ui.table_base import Column, RowTableModel

KEY_COLUMNS = (("dgw_personen", "Doelgroepwerknemers", 0), ("doorstroom", "Doorstroom", 0),
               ("ton_hergebruikt", "Ton hergebruikt", 1), ("vermeden_co2", "Ton CO₂ vermeden", 1))


def _key(code: str, title: str, decimals: int) -> Column:
    return Column(title, lambda r: format_number(r.totals.get(code, 0.0), decimals),
                  sort_key=lambda r: r.totals.get(code, 0.0), align_right=True)


class MunicipalityTableModel(RowTableModel):
    COLUMNS = (
        Column("Gemeente", lambda r: r.name),
        Column("Organisaties", lambda r: str(r.organisations), sort_key=lambda r: r.organisations, align_right=True),
        Column("Volledig", lambda r: str(r.complete), sort_key=lambda r: r.complete, align_right=True),
        *(_key(code, title, decimals) for code, title, decimals in KEY_COLUMNS),
    )
