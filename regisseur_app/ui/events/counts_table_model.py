"""Table model of statistics rows (label, invited, registered, present, attendance rate)."""

from __future__ import annotations

from regisseur_app.domain.events.stats import Counts
from regisseur_app.formatting import format_date, format_number
from regisseur_app.ui.table_base import Column, RowTableModel

LABEL, INVITED, REGISTERED, PRESENT, RATE = range(5)


def _numbers() -> tuple[Column, ...]:
    return (
        Column("Uitgenodigd", lambda r: format_number(r.invited), sort_key=lambda r: r.invited, align_right=True),
        Column("Ingeschreven", lambda r: format_number(r.registered), sort_key=lambda r: r.registered,
               align_right=True),
        Column("Aanwezig", lambda r: format_number(r.present), sort_key=lambda r: r.present, align_right=True),
        Column("Opkomst", lambda r: r.rate_text, sort_key=lambda r: r.rate, align_right=True),
    )


class CountsTableModel(RowTableModel):
    def __init__(self, first_header: str, parent=None):  # noqa: ANN001
        super().__init__(parent)
        self.COLUMNS = (Column(first_header, lambda r: r.label), *_numbers())


class EventCountsTableModel(RowTableModel):
    COLUMNS = (
        Column("Datum", lambda r: format_date(r.starts_at), sort_key=lambda r: r.starts_at.isoformat() if r.starts_at else ""),
        Column("Evenement", lambda r: r.label),
        *_numbers(),
    )

    def extra_data(self, row: Counts, role: int):  # noqa: ANN201
        return None
