"""How one mapped column of an answer import reads its cells (exchange.survey.importer).

Decided once per column, and every distinct text of a column read once: an export of 10.000 responses
repeats a few answers per question, so matching options, parsing numbers and checking texts for a
rijksregisternummer happen per distinct value (`ColumnReader.read` is remembered per text), not per cell.

A question fed by one column alone ("direct") gets its finished answer rows (responses.ANSWER_COLUMNS)
from the reading; its value is final unless a part maps to no option (a ValueIssue the user resolves
later). A question fed by several columns (LimeSurvey's sub-question columns, two columns mapped onto one
question) keeps its parts per response, put together when the plan is written, as before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache

from regisseur_app.domain.survey.models import MULTI, NUMBER, TEXT
from regisseur_app.domain.survey.privacy import national_number_problem
from regisseur_app.domain.survey.responses import answer_values
from regisseur_app.domain.survey.views import QuestionView
from regisseur_app.exchange.survey import formats
from regisseur_app.exchange.survey.formats import fold
from regisseur_app.formatting import parse_number

EMPTY: tuple = ()


@dataclass(frozen=True, slots=True)
class Special:
    """A cell text that is not (only) finished answer rows: a cell problem, unknown parts, or the parts of a
    question fed by several columns."""

    parts: object = None                    # option ids / ("?", key) items, a number, a text; None: nothing
    unknown: tuple = ()                     # (issue key, raw part) of each part that maps to no option
    problem: str | None = None              # the CellIssue message
    shown: str = ""                         # the cell's value as the CellIssue shows it


class ColumnReader:
    """The cells of one QUESTION column. `read(text)` gives a tuple of answer rows (direct questions whose
    value is final; () for a blank cell) or a `Special`; the caller remembers it per text."""

    def __init__(self, question: QuestionView, header: str, direct: bool, answer_codes: bool):
        self.question, self.header, self.direct, self.answer_codes = question, header, direct, answer_codes

    def read(self, cell: str) -> tuple | Special:
        value = cell.strip()
        if not value:
            return EMPTY
        question = self.question
        if question.kind == NUMBER:
            try:
                number = float(parse_number(value))
            except ValueError:
                return Special(problem=f"'{value}' is geen getal (vraag '{question.text[:50]}').", shown=value)
            return ((question.id, None, number, ""),) if self.direct else Special(parts=number)
        if question.kind == TEXT:
            problem = national_number_problem(value)
            if problem:
                return Special(problem=problem, shown="(verborgen)")
            return ((question.id, None, None, value),) if self.direct else Special(parts=value)
        parts = formats.split_choices(value, question, self.answer_codes) if question.kind == MULTI else [value]
        items: list = []
        unknown: list = []
        for part in parts:
            option = formats.option_for(question, part, self.answer_codes)
            if option is not None:
                items.append(option.id)
                continue
            key = ("q", question.id, fold(part))
            unknown.append((key, part))
            items.append(("?", key))
        if self.direct and not unknown:
            chosen = list(dict.fromkeys(items))
            return tuple(answer_values(question, chosen if question.kind == MULTI else chosen[:1]))
        return Special(parts=tuple(items), unknown=tuple(unknown))


# what format_datetime writes (the xlsx reader's text of a date-time cell) and the tools' day-first stamps,
# read without strptime (~10 µs a cell): the day and the time of day each remembered per text
_DAY = re.compile(r"([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})")
_CLOCK = re.compile(r"([0-9]{1,2}):([0-9]{1,2})(?::([0-9]{1,2}))?")


@lru_cache(maxsize=4096)
def _day(text: str) -> tuple[int, int, int] | None:
    match = _DAY.fullmatch(text)
    if match is None:
        return None
    day, month, year = (int(g) for g in match.groups())
    try:
        date(year, month, day)
    except ValueError:
        return None
    return year, month, day


@lru_cache(maxsize=4096)
def _clock(text: str) -> tuple[int, int, int] | None:
    match = _CLOCK.fullmatch(text)
    if match is None:
        return None
    hour, minute, second = (int(g or 0) for g in match.groups())
    return (hour, minute, second) if hour < 24 and minute < 60 and second < 60 else None


def parse_timestamp(text: str) -> datetime:
    """formats.parse_timestamp, with its first formats ('%d/%m/%Y %H:%M:%S', '%d/%m/%Y %H:%M') read
    directly: the same moment for every text they accept; the rest (and a date those fields do not make,
    e.g. a US month-first stamp) is left to it. Raises ValueError (Dutch)."""
    day, _space, clock = text.partition(" ")
    found, at = _day(day), _clock(clock)
    if found and at:
        return datetime(*found, *at)
    return formats.parse_timestamp(text)
