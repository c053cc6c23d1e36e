"""nl-BE text for KPI values and targets (through formatting)."""

from __future__ import annotations

from regisseur_app.formatting import format_money, format_number


def kpi_number(value: float | None, unit: str) -> str:
    if value is None:
        return ""
    if unit == "€":
        return format_money(value)
    decimals = 0 if float(value).is_integer() else 1
    text = format_number(value, decimals)
    return f"{text} {unit}" if unit and unit != "%" else (f"{text} %" if unit == "%" else text)


def kpi_value_text(value: float | None, unit: str, computed: bool) -> str:
    """A KPI's value for a table; a KPI without one says so instead of a blank cell: 'geen gegevens' when it is
    computed (no survey held yet this year), 'niet ingevuld' when it is entered by hand."""
    if value is None:
        return "geen gegevens" if computed else "niet ingevuld"
    return kpi_number(value, unit)
