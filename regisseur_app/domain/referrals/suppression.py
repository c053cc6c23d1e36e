"""Statistical disclosure control for every referral table that leaves the app.

Primary suppression: a count from 1 to threshold-1 (default 1-4), in the body or in a total, is shown
as "<5". Secondary suppression: more cells (shown as "x") are hidden until no hidden cell can be
computed back from the row and column totals:
1. every line (a row with its total, a column with its total, the total row and the total column)
   must hide none or at least two cells; the extra cell is the smallest non-zero count of the line
   (least information lost);
2. then an exact check: the hidden cells are the unknowns of the linear system "body cells add up to
   their row and column totals"; a hidden cell is recoverable when its unit vector lies in the row
   space of that system (exact integer elimination). While one is recoverable, another cell on
   one of its lines is hidden.
3. inner cells are chosen before totals, and a total of 5 or more is hidden only when no choice of
   inner cells protects the table as well: a municipality's own total stays visible where possible.
Tables that share their totals (per municipality, same population) are protected together
(`protect_all`): a total hidden in one table is hidden in all, so one table cannot reveal another.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

TOTAL = "Totaal"
SECONDARY_MARK = "x"


@dataclass
class CountTable:
    title: str
    row_labels: list[str]
    col_labels: list[str]
    counts: list[list[int]]
    row_key: str = "Gemeente"

    def grid(self) -> list[list[int]]:
        """The body with a total column and a total row."""
        rows = [[*row, sum(row)] for row in self.counts]
        totals = [sum(row[c] for row in rows) for c in range(len(self.col_labels) + 1)]
        return [*rows, totals]


@dataclass
class ProtectedTable:
    title: str
    row_key: str
    row_labels: list[str]   # including "Totaal"
    col_labels: list[str]   # including "Totaal"
    values: list[list[int]]
    primary: set[tuple[int, int]] = field(default_factory=set)
    secondary: set[tuple[int, int]] = field(default_factory=set)
    threshold: int = 5

    @property
    def suppressed(self) -> set[tuple[int, int]]:
        return self.primary | self.secondary

    def cell(self, r: int, c: int) -> int | str:
        if (r, c) in self.primary:
            return f"<{self.threshold}"
        if (r, c) in self.secondary:
            return SECONDARY_MARK
        return self.values[r][c]

    def display_rows(self) -> list[list[int | str]]:
        return [[self.row_labels[r], *[self.cell(r, c) for c in range(len(self.col_labels))]]
                for r in range(len(self.row_labels))]


def _lines(n_rows: int, n_cols: int) -> list[list[tuple[int, int]]]:
    rows = [[(r, c) for c in range(n_cols)] for r in range(n_rows)]
    cols = [[(r, c) for r in range(n_rows)] for c in range(n_cols)]
    return rows + cols


def _equations(n_rows: int, n_cols: int) -> list[dict[tuple[int, int], int]]:
    """body cells of a line minus its total = 0, for every row and column (totals included)."""
    equations = []
    for r in range(n_rows):
        eq = {(r, c): 1 for c in range(n_cols - 1)}
        eq[(r, n_cols - 1)] = -1
        equations.append(eq)
    for c in range(n_cols):
        eq = {(r, c): 1 for r in range(n_rows - 1)}
        eq[(n_rows - 1, c)] = -1
        equations.append(eq)
    return equations


def _reduced(matrix: list[list[int]]) -> list[list[int]]:
    """The rows of the reduced row echelon form of an integer matrix, each up to a non-zero integer factor:
    Gauss-Jordan elimination without division (row_i * pivot - row_p * entry), every row divided by the
    gcd of its entries so the numbers stay small. Exact, like elimination over fractions, and the zero
    pattern is that of the reduced row echelon form."""
    rows = [row[:] for row in matrix if any(row)]
    rank, n_cols = 0, len(rows[0]) if rows else 0
    for col in range(n_cols):
        pivot = next((i for i in range(rank, len(rows)) if rows[i][col]), None)
        if pivot is None:
            continue
        rows[rank], rows[pivot] = rows[pivot], rows[rank]
        top = rows[rank]
        p = top[col]
        for i in range(len(rows)):
            f = rows[i][col]
            if i != rank and f:
                row = [a * p - b * f for a, b in zip(rows[i], top, strict=True)]
                g = math.gcd(*row)
                rows[i] = [a // g for a in row] if g > 1 else row
        rank += 1
    return rows[:rank]


def recoverable_cells(n_rows: int, n_cols: int, hidden: set[tuple[int, int]]) -> set[tuple[int, int]]:
    """Hidden cells whose exact value follows from the shown cells and the additivity of the table.

    A cell is recoverable when its unit vector lies in the row space of the equations over the hidden
    cells. In the reduced row echelon form a combination of rows has at each pivot column the coefficient
    of that pivot's row, so a unit vector lies in the row space exactly when the form has a row that is
    (a multiple of) that unit vector: one elimination answers for every cell."""
    unknowns = sorted(hidden)
    if not unknowns:
        return set()
    index = {cell: i for i, cell in enumerate(unknowns)}
    matrix = []
    for eq in _equations(n_rows, n_cols):
        row = [0] * len(unknowns)
        for cell, coef in eq.items():
            if cell in index:
                row[index[cell]] = coef
        if any(row):
            matrix.append(row)
    found = set()
    for row in _reduced(matrix):
        nonzero = [i for i, a in enumerate(row) if a]
        if len(nonzero) == 1:
            found.add(unknowns[nonzero[0]])
    return found


def _cost(values: list[list[int]], cell: tuple[int, int], threshold: int) -> tuple:
    """Which cell to hide first: inner cells before totals (a total of 5 or more last of all), non-zero
    before zero (a hidden zero protects little), then the smallest count (least information lost)."""
    n_rows, n_cols = len(values), len(values[0])
    value = values[cell[0]][cell[1]]
    is_total = cell[0] == n_rows - 1 or cell[1] == n_cols - 1
    return (is_total and value >= threshold, value == 0, is_total, value, cell)


class _Blocked(Exception):
    """Only cells the search must avoid could protect a line."""


def _complement(values: list[list[int]], line: list[tuple[int, int]], hidden: set[tuple[int, int]],
                avoid: set[tuple[int, int]], threshold: int) -> tuple[int, int] | None:
    candidates = [cell for cell in line if cell not in hidden]
    allowed = [cell for cell in candidates if cell not in avoid]
    if candidates and not allowed:
        raise _Blocked()
    return min(allowed, key=lambda c: _cost(values, c, threshold)) if allowed else None


def _search(values: list[list[int]], start: set[tuple[int, int]], avoid: set[tuple[int, int]],
            threshold: int) -> set[tuple[int, int]]:
    """Hide more cells than `start` until nothing hidden can be computed back (never a cell of `avoid`:
    raises _Blocked when that is not possible)."""
    n_rows, n_cols = len(values), len(values[0])
    hidden = set(start)
    lines = _lines(n_rows, n_cols)
    while True:
        changed = False
        for line in lines:
            on_line = [cell for cell in line if cell in hidden]
            if len(on_line) == 1:
                extra = _complement(values, line, hidden, avoid, threshold)
                if extra is not None:
                    hidden.add(extra)
                    changed = True
        if changed:
            continue
        exposed = recoverable_cells(n_rows, n_cols, hidden)
        if not exposed:
            return hidden
        cell = min(exposed)
        options = [c for line in lines if cell in line
                   for c in [_complement(values, line, hidden, avoid, threshold)] if c is not None]
        if not options:
            return hidden  # every cell of its lines is hidden already: nothing more to do
        hidden.add(min(options, key=lambda c: _cost(values, c, threshold)))


def protect(table: CountTable, threshold: int = 5, forced: set[tuple[int, int]] | None = None) -> ProtectedTable:
    values = table.grid()
    n_rows, n_cols = len(values), len(values[0])
    primary = {(r, c) for r in range(n_rows) for c in range(n_cols) if 0 < values[r][c] < threshold}
    start = primary | set(forced or ())
    hidden = _search(values, start, set(), threshold)
    # a total of 5 or more hidden as a complement: look for inner cells that protect the table as well
    def big_totals(cells: set[tuple[int, int]]) -> set[tuple[int, int]]:
        return {(r, c) for (r, c) in cells - start
                if (r == n_rows - 1 or c == n_cols - 1) and values[r][c] >= threshold}

    avoid: set[tuple[int, int]] = set()
    for total in sorted(big_totals(hidden), key=lambda cell: -values[cell[0]][cell[1]]):
        if total not in hidden:
            continue
        try:
            trial = _search(values, start, avoid | {total}, threshold)
        except _Blocked:
            continue
        if big_totals(trial) < big_totals(hidden) and not recoverable_cells(n_rows, n_cols, trial):
            hidden, avoid = trial, avoid | {total}
    return ProtectedTable(title=table.title, row_key=table.row_key, row_labels=[*table.row_labels, TOTAL],
                          col_labels=[*table.col_labels, TOTAL], values=values, primary=primary,
                          secondary=hidden - primary, threshold=threshold)


def protect_all(tables: list[CountTable], threshold: int = 5) -> list[ProtectedTable]:
    """Protect tables with the same rows and row totals together: a hidden total is hidden everywhere."""
    shared: set[int] = set()  # row indexes (the last is the grand total) whose total is hidden
    while True:
        result = []
        for table in tables:
            n_cols = len(table.col_labels) + 1
            result.append(protect(table, threshold, {(r, n_cols - 1) for r in shared}))
        now = {r for t in result for (r, c) in t.suppressed if c == len(t.col_labels) - 1}
        if now <= shared:
            return result
        shared |= now
