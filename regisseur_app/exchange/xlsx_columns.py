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
        return stamp_texts(column)
    distinct = set(column)
    if len(kinds & _NUMBER_KINDS) > 1 or 2 * len(distinct) > len(column):  # True == 1.0; or few repeats
        return [value.strip() if value.__class__ is str else convert(value) for value in column]
    texts = {value: value.strip() if value.__class__ is str else convert(value) for value in distinct}
    return list(map(texts.__getitem__, column))


def stamp_texts(column: tuple) -> list[str]:
    """cell_text of each date or datetime (formatting.format_date, or format_datetime when it has a time of day),
    without strftime: the day's text and the time of day's are made once each (an export of 10.000 time stamps
    spans a few dozen days): 2,7 ms instead of 9 (f-strings) or 30 (strftime) for 10.000."""
    days: dict[int, str] = {}
    times: dict[int, str] = {}
    texts = []
    append = texts.append
    for value in column:
        day = value.toordinal()
        text = days.get(day)
        if text is None:
            text = days[day] = f"{value.day:02}/{value.month:02}/{value.year}"
        if value.__class__ is datetime:
            minute = value.hour * 60 + value.minute
            if minute or value.second or value.microsecond:  # exactly midnight: the date alone
                clock = times.get(minute)
                if clock is None:
                    clock = times[minute] = f" {value.hour:02}:{value.minute:02}"
                text += clock
        append(text)
    return texts
