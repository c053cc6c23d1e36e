"""What checking an answer import leaves for the user and for the write (exchange.survey.importer): the
problems to resolve (a value that maps to no option, a cell that cannot be read), one draft per response
with its finished answer rows, and what the check was made with."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from regisseur_app.domain.survey.views import QuestionView
from regisseur_app.exchange.survey.formats import Target

DROP = -1          # a value issue resolved by leaving the value out (a municipality issue: the row)
DROP_CELL, DROP_ROW = "cell", "row"
Progress = Callable[[int, str], None]


class ImportError_(Exception):
    """The file cannot be imported into this survey at all (Dutch message naming the file)."""


@dataclass
class ValueIssue:
    key: tuple            # ("q", question id, folded text) or ("m", folded text)
    column: str
    question: str
    raw: str
    lines: list[int] = field(default_factory=list)
    choice: int | str | None = None  # option id / nis code, DROP, or None (unresolved)

    @property
    def is_municipality(self) -> bool:
        return self.key[0] == "m"


@dataclass
class CellIssue:
    line: int
    column: str
    value: str
    message: str
    row_only: bool = False   # only the whole row can be dropped (duplicate id, no municipality)
    choice: str | None = None


@dataclass(slots=True)
class Draft:
    line: int
    external_id: str
    submitted_at: datetime | None
    nis: str | tuple | None
    respondent_id: int | None
    # answers still to be put together at the write: qid -> option ids / ("?", key) / number / text (a part
    # unknown, or a question fed by several columns)
    answers: dict[int, object] = field(default_factory=dict)
    # finished answer rows (responses.ANSWER_COLUMNS) of the questions each read from one column
    rows: list[tuple] = field(default_factory=list)


@dataclass
class ImportPlan:
    survey_id: int
    source: str
    file_name: str
    drafts: list[Draft]
    value_issues: list[ValueIssue]
    cell_issues: list[CellIssue]
    already_imported: int
    ignored_columns: list[str]
    # what the check was made with: the mapping, the municipality for rows without one, the database's data
    # generation and the questionnaire (the write trusts the checked rows only while these hold)
    targets: list[Target] = field(default_factory=list)
    default_nis: str | None = None
    generation: int | None = None
    questionnaire: tuple[QuestionView, ...] = ()

    @property
    def open_problems(self) -> int:
        return sum(1 for v in self.value_issues if v.choice is None) + sum(
            1 for c in self.cell_issues if c.choice is None)

    def made_with(self, targets: list[Target], default_nis: str | None) -> bool:
        """Whether this plan is the check of this mapping and default municipality (else: check again)."""
        return list(targets) == self.targets and default_nis == self.default_nis


@dataclass
class ImportOutcome:
    added: int
    skipped_existing: int
    dropped_rows: int
