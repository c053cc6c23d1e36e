"""The cell styles of a college table (pdf_table), made directly instead of through a TableStyle.

reportlab makes a CellStyle per cell and then applies each cell command (font, colour, alignment, padding) to
every cell of its range: ≈ 6.700 assignments for the 19 tables of a demo report. A college table has at most six
different cell styles (header, body or total row; text or number column); `cell_styles` makes each once and
gives it to every cell that has it, with the values those commands would have set. The table's own commands
(backgrounds and lines) stay in its TableStyle. Nothing changes a cell style after the table is made: a split
table takes its rows' styles as they are."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.platypus.tables import CellStyle

from regisseur_app.reports.pdf_base import FONT, FONT_BOLD

PAD = 4.0  # left and right padding of a cell, each
V_PAD = 2.5  # top and bottom padding


def cell_styles(rows: int, numeric: list[bool], size: float, leading: float, total_row: bool
                ) -> list[list[CellStyle]]:
    """The styles of a table of `rows` rows (the header first) and columns `numeric` (right-aligned)."""
    made: dict[tuple[str, bool], CellStyle] = {}

    def style(kind: str, right: bool) -> CellStyle:
        found = made.get((kind, right))
        if found is None:
            found = made[(kind, right)] = _style(kind, right, size, leading)
        return found

    last = rows - 1
    return [[style("header" if r == 0 else "total" if total_row and r == last else "body", right)
             for right in numeric] for r in range(rows)]


def _style(kind: str, right: bool, size: float, leading: float) -> CellStyle:
    cell = CellStyle(kind)
    cell.fontname, cell.fontsize, cell.leading = (FONT if kind == "body" else FONT_BOLD), size, leading
    if kind == "header":
        cell.color = colors.toColor(colors.white, colors.Color(0, 0, 0))  # as the TEXTCOLOR command sets it
    if right:
        cell.alignment = "RIGHT"
    cell.valign = "BOTTOM" if kind == "header" else "TOP"
    cell.leftPadding = cell.rightPadding = PAD
    cell.topPadding = cell.bottomPadding = V_PAD
    return cell
