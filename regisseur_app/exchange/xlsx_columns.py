"""calamine's rows turned into texts a column at a time (the fast xlsx path, see xlsx_reader).

A column of texts is stripped by one C call; any other column is converted per distinct value: a survey
export has a few hundred distinct answers per question, and numbers and time stamps are the only cells that
are no text. The result is what converting cell by cell gives (tests/unit/test_xlsx_columns.py)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

_NUMBER_KINDS = frozenset((bool, int, float))  # equal across kinds (True == 1 == 1.0) but written differently
_STAMP_KINDS = frozenset((date, datetime))


def text_rows(values: list[list], keep: int, pad: int, convert: Callable[[object], str]) -> list[list[str]]:
    """Each row of `values` as `pad` empty texts and then the texts of its first `keep` values: strings stripped,
    other values through `convert` (which may raise to refuse the file)."""
    if not values or keep <= 0:
        return [[""] * pad for _ in values] if pad else [[] for _ in values]
    columns: list = [("",) * len(values)] * pad
    for column in list(zip(*values, strict=True))[:keep]:
        columns.append(_column_texts(column, convert))
    return list(map(list, zip(*columns, strict=True)))


def _column_texts(column: tuple, convert: Callable[[object], str]) -> list[str] | tuple:
    try:
        return list(map(str.strip, column))  # a column of texts only: most columns
    except TypeError:
        pass
    kinds = set(map(type, column))  # of every cell: a set of the values keeps one of True and 1.0
    if kinds <= _STAMP_KINDS:  # dates and time stamps: mostly all different
        return list(map(stamp_text, column))
    distinct = set(column)
    if len(kinds & _NUMBER_KINDS) > 1 or 2 * len(distinct) > len(column):  # True == 1.0; or few repeats
        return [value.strip() if value.__class__ is str else convert(value) for value in column]
    texts = {value: value.strip() if value.__class__ is str else convert(value) for value in distinct}
    return list(map(texts.__getitem__, column))


def stamp_text(value: date) -> str:
    """cell_text of a date or datetime (formatting.format_date, or format_datetime when it has a time of day),
    without strftime (twice as slow)."""
    if value.__class__ is datetime and (value.hour or value.minute or value.second or value.microsecond):
        return f"{value.day:02}/{value.month:02}/{value.year} {value.hour:02}:{value.minute:02}"
    return f"{value.day:02}/{value.month:02}/{value.year}"
