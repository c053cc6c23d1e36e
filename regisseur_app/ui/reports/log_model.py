"""Table model of the report log: which report went out for which municipality and period, when."""

from __future__ import annotations

from regisseur_app.domain.reports.log import LogRow
from regisseur_app.formatting import format_datetime
from regisseur_app.ui.table_base import Column, RowTableModel


class ReportLogModel(RowTableModel):
    COLUMNS = (
        Column("Gemaakt op", lambda r: format_datetime(r.made_at), lambda r: r.made_at),
        Column("Voor", lambda r: "Regio" if r.scope_name == "de regio" else r.scope_name),
        Column("Periode", lambda r: r.period_label, lambda r: (r.period_start, r.period_end)),
        Column("Soort", lambda r: r.kind_label),
        Column("Reeks", lambda r: "ja" if r.batch else "nee"),
        Column("Bestand", lambda r: r.path),
    )

    def set_rows(self, rows: list[LogRow]) -> None:
        super().set_rows(rows)
