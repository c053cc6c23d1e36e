"""How a cell of a neutral `content.Table` reads on paper and in Word: nl-BE numbers through `formatting`,
a dash for an unknown value, suppressed cells ("<5", "x") as they are. Shared by the PDF and .docx."""

from __future__ import annotations

from regisseur_app.formatting import format_number
from regisseur_app.reports.content import Cell, Column

UNKNOWN = "—"


def cell_text(value: Cell, column: Column) -> str:
    if value is None:
        return UNKNOWN
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, int | float):
        if column.numeric:
            return format_number(value, column.decimals)
        return str(value)
    return str(value)


def header_text(column: Column) -> str:
    return f"{column.title} ({column.unit})" if column.unit else column.title
