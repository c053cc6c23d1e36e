"""The regional overview per indicator: organisations that reported, total and average (nl-BE)."""

from __future__ import annotations

from regisseur_app.domain.mvo.overview import OverviewRow
from regisseur_app.domain.mvo.values import display_value
from regisseur_app.formatting import format_number
from regisseur_app.ui.table_base import Column, RowTableModel


def _total(row: OverviewRow) -> str:
    if row.yes is not None:
        return f"{row.yes} × ja"
    return "" if row.total is None else display_value(row.indicator, row.total)


def _average(row: OverviewRow) -> str:
    return "" if row.average is None else display_value(row.indicator, row.average) if row.indicator.decimals \
        else format_number(row.average, 1)


class OverviewTableModel(RowTableModel):
    COLUMNS = (
        Column("Pijler", lambda r: r.indicator.pillar,
               sort_key=lambda r: r.indicator.pillar_order * 100_000 + r.indicator.sort_order),
        Column("Indicator", lambda r: r.indicator.label + (" *" if r.indicator.is_computed else "")),
        Column("Eenheid", lambda r: r.indicator.unit),
        Column("Organisaties", lambda r: str(r.reporting), sort_key=lambda r: r.reporting, align_right=True),
        Column("Totaal", _total, sort_key=lambda r: r.total if r.total is not None else r.yes, align_right=True),
        Column("Gemiddelde", _average, sort_key=lambda r: r.average, align_right=True),
    )
