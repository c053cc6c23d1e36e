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
