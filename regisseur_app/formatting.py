"""The one place where numbers and dates are written and read the Flemish (nl-BE) way.

Used by the UI, the PDF reports and the Excel/CSV exports alike.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

DATE_FORMAT = "%d/%m/%Y"
DATETIME_FORMAT = "%d/%m/%Y %H:%M"


def format_date(value: date | datetime | None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.date()
    return value.strftime(DATE_FORMAT)


def format_datetime(value: datetime | None) -> str:
    return "" if value is None else value.strftime(DATETIME_FORMAT)


def format_number(value: float | int | Decimal | None, decimals: int = 0) -> str:
    """1234.5 -> '1.234,50' with decimals=2; thousands with '.', decimals with ','."""
    if value is None:
        return ""
    text = f"{float(value):,.{decimals}f}" if not isinstance(value, int) or decimals else f"{value:,d}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def format_money(value: float | Decimal | None) -> str:
    return "" if value is None else f"€ {format_number(value, 2)}"


def format_bytes(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{format_number(size / 1024, 1)} kB"
    return f"{format_number(size / (1024 * 1024), 1)} MB"


_BELGIAN_NUMBER = re.compile(r"^[+-]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$")
_PLAIN_NUMBER = re.compile(r"^[+-]?\d+(\.\d+)?$")


def parse_number(text: str) -> Decimal:
    """Read '1.234,5', '1234,5', '1234.5' or '1 234' into a Decimal.

    Raises ValueError with a Dutch message when the text is not a number.
    """
    cleaned = str(text).strip().replace("\u00a0", "").replace(" ", "").replace("€", "")
    if not cleaned:
        raise ValueError("leeg in plaats van een getal")
    if _BELGIAN_NUMBER.match(cleaned):
        cleaned = cleaned.replace(".", "").replace(",", ".")
    elif not _PLAIN_NUMBER.match(cleaned):
        raise ValueError(f"'{text}' is geen geldig getal")
    try:
        return Decimal(cleaned)
    except InvalidOperation as exc:  # pragma: no cover - regexes above guard this
        raise ValueError(f"'{text}' is geen geldig getal") from exc


def parse_date(text: str) -> date:
    """Read '31/12/2025', '31-12-2025' or ISO '2025-12-31'."""
    cleaned = str(text).strip()
    for fmt in ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(cleaned, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"'{text}' is geen geldige datum (verwacht dd/mm/jjjj)")


def parse_whole_number(text: str) -> int | None:
    """Read a count typed the Flemish way ('1.500', '1500', '12,0'); '' gives None.

    Raises ValueError with a Dutch message for text that is no whole number.
    """
    if not str(text).strip():
        return None
    value = parse_number(text)
    if value != value.to_integral_value():
        raise ValueError(f"'{text}' is geen geheel getal")
    return int(value)


def counted(count: int, singular: str, plural: str) -> str:
    """'1 organisatie', '2 organisaties', '1.234 organisaties'."""
    return f"{format_number(count)} {singular if count == 1 else plural}"
