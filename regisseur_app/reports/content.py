"""The report-section interface: what a feature contributes to the college report (no Qt, no reportlab).

A section is `build(session, scope) -> SectionContent`, registered as a `features.spec.ReportSectionSpec`.
It returns neutral blocks (text, tables, bar charts) plus the key messages for the summary page; the
college report renders the same content to PDF (reportlab flowables), to .docx and to the Excel workbook
"with the tables behind every figure", so every figure is computed once.

Rules for a section:
- `scope.nis_code` None means the region (all participating municipalities); otherwise one municipality.
- only the period `scope.start`..`scope.end` (inclusive) counts for dated things.
- with no data, return `SectionContent(..., blocks=[Text("<one sentence that says so>")], has_data=False)`.
- counts about referred people pass through `domain.referrals.suppression` before they land in a block.
- numbers stay numbers in `Table.rows` (int/float/None, or a str such as "<5"/"x" for a suppressed cell);
  the renderer formats them nl-BE through `formatting` with `Column.decimals`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Protocol, Union

from sqlalchemy.orm import Session

Cell = Union[str, int, float, None]


@dataclass(frozen=True)
class Scope:
    """One municipality (nis_code and name) or the region (nis_code None), and a period."""

    nis_code: str | None
    name: str
    start: date
    end: date

    @property
    def is_region(self) -> bool:
        return self.nis_code is None

    @property
    def period_label(self) -> str:
        if self.start == date(self.start.year, 1, 1) and self.end == date(self.start.year, 12, 31):
            return str(self.start.year)
        return f"{self.start:%d/%m/%Y} – {self.end:%d/%m/%Y}"

    @classmethod
    def year(cls, year: int, nis_code: str | None = None, name: str = "de regio") -> Scope:
        return cls(nis_code, name, date(year, 1, 1), date(year, 12, 31))


@dataclass(frozen=True)
class Column:
    title: str
    numeric: bool = False
    decimals: int = 0
    unit: str = ""


@dataclass
class Text:
    text: str
    style: str = "body"  # body | note | heading


@dataclass
class Table:
    """A table shown in the report and written as a sheet of the workbook behind it."""

    title: str
    columns: list[Column]
    rows: list[list[Cell]]
    footnote: str = ""
    total_row: bool = False  # the last row is a total (drawn bold)


@dataclass
class BarChart:
    """Bars per category, one series or several (grouped), drawn as a vector chart."""

    title: str
    categories: list[str]
    series: list[tuple[str, list[float]]]
    unit: str = ""


Block = Union[Text, Table, BarChart]


@dataclass
class SectionContent:
    key: str
    title: str
    blocks: list[Block] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)  # key messages for the one-page summary
    has_data: bool = True

    @property
    def tables(self) -> list[Table]:
        return [block for block in self.blocks if isinstance(block, Table)]


class ReportSection(Protocol):
    def __call__(self, session: Session, scope: Scope) -> SectionContent: ...


def no_data(key: str, title: str, sentence: str) -> SectionContent:
    """The content of a section that has nothing to show for this scope: one sentence that says so."""
    return SectionContent(key, title, [Text(sentence)], [], has_data=False)
