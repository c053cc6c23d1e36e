"""Table model of the gap list of one municipality."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from regisseur_app.domain.analysis.gaps import Gap
from regisseur_app.formatting import format_number
from regisseur_app.ui.table_base import Column, RowTableModel


def _need(gap: Gap) -> str:
    if gap.need is None:
        return "niet gemeten"
    return f"{format_number(gap.need.score * 100)} %" + (f" ({gap.need.source})" if gap.need.source else "")


class GapModel(RowTableModel):
    COLUMNS = (
        Column("Rang", lambda g: str(g.rank), lambda g: g.rank, True),
        Column("Dienstencategorie", lambda g: g.label),
        Column("Oordeel", lambda g: g.verdict),
        Column("Gemeten nood", _need, lambda g: g.need.score if g.need else -1, True),
        Column("In gemeente", lambda g: format_number(g.offer), lambda g: g.offer, True),
        Column("In regio", lambda g: format_number(g.region_offer), lambda g: g.region_offer, True),
        Column("Aanbod in buurgemeenten", lambda g: ", ".join(g.neighbours) or "nergens"),
    )

    def extra_data(self, gap: Gap, role: int):  # noqa: ANN201
        if role == Qt.ItemDataRole.BackgroundRole:
            if gap.high_need:
                return QColor("#f3a6ab")
            return QColor("#f6c6c9") if gap.offer == 0 else QColor("#fff0b3")
        return None
