"""The integer elimination of the suppression gives what the straightforward rank test over exact
fractions gives (the implementation before): the same recoverable cells for any hidden pattern, and the
same protected tables for the referral statistics of a real database."""

import random
from datetime import date
from fractions import Fraction

import pytest

from regisseur_app.domain.referrals import suppression
from regisseur_app.domain.referrals.stats import StatsFilter, compute_stats
from regisseur_app.domain.referrals.suppression import CountTable, protect_all, recoverable_cells
from tests.unit.referral_helpers import (
    BEKKEVOORT,
    GEETBETS,
    GLABBEEK,
    KORTENAKEN,
    TIELT_WINGE,
    seed_counts,
)


def _rank(matrix: list[list[Fraction]]) -> int:
    rows = [row[:] for row in matrix if any(row)]
    rank, n_cols = 0, len(rows[0]) if rows else 0
    for col in range(n_cols):
        pivot = next((i for i in range(rank, len(rows)) if rows[i][col] != 0), None)
        if pivot is None:
            continue
        rows[rank], rows[pivot] = rows[pivot], rows[rank]
        for i in range(len(rows)):
            if i != rank and rows[i][col] != 0:
                factor = rows[i][col] / rows[rank][col]
                rows[i] = [a - factor * b for a, b in zip(rows[i], rows[rank], strict=True)]
        rank += 1
    return rank


def reference_recoverable(n_rows: int, n_cols: int, hidden: set[tuple[int, int]]) -> set[tuple[int, int]]:
    """A hidden cell is recoverable when its unit vector does not raise the rank (over fractions) of
    'body cells of a line add up to its total', restricted to the hidden cells."""
    unknowns = sorted(hidden)
    if not unknowns:
        return set()
    index = {cell: i for i, cell in enumerate(unknowns)}
    matrix = []
    for r in range(n_rows):
        matrix.append([Fraction(0)] * len(unknowns))
        for c in range(n_cols):
            if (r, c) in index:
                matrix[-1][index[(r, c)]] = Fraction(-1 if c == n_cols - 1 else 1)
    for c in range(n_cols):
        matrix.append([Fraction(0)] * len(unknowns))
        for r in range(n_rows):
            if (r, c) in index:
                matrix[-1][index[(r, c)]] = Fraction(-1 if r == n_rows - 1 else 1)
    base = _rank(matrix)
    found = set()
    for cell, i in index.items():
        unit = [Fraction(0)] * len(unknowns)
        unit[i] = Fraction(1)
        if _rank([*matrix, unit]) == base:
            found.add(cell)
    return found


@pytest.mark.parametrize("seed", range(60))
def test_recoverable_cells_equal_the_fraction_rank_test(seed):
    rng = random.Random(seed)
    n_rows, n_cols = rng.randint(2, 9), rng.randint(2, 9)
    cells = [(r, c) for r in range(n_rows) for c in range(n_cols)]
    for share in (0.1, 0.25, 0.5, 0.8):
        hidden = {cell for cell in cells if rng.random() < share}
        assert recoverable_cells(n_rows, n_cols, hidden) == reference_recoverable(n_rows, n_cols, hidden)


def test_known_patterns():
    # one hidden body cell in a row: its row total gives it back
    assert recoverable_cells(3, 3, {(0, 0)}) == {(0, 0)}
    # a rectangle of four hidden body cells: none can be computed back
    assert recoverable_cells(3, 3, {(0, 0), (0, 1), (1, 0), (1, 1)}) == set()
    # a row's three body cells and its total hidden, nothing else in their columns: the column totals
    # give each cell back, and then the row total
    assert recoverable_cells(3, 4, {(0, 0), (0, 1), (0, 2), (0, 3)}) == {(0, 0), (0, 1), (0, 2), (0, 3)}


@pytest.fixture
def referrals_db(ctx):
    """Large counts in four municipalities, a handful in Glabbeek, over two referral types."""
    seed_counts(ctx, ((BEKKEVOORT, 23), (GEETBETS, 17), (KORTENAKEN, 6), (TIELT_WINGE, 31), (GLABBEEK, 3)))
    return ctx


def test_protected_referral_tables_equal_those_of_the_fraction_rank_test(referrals_db, monkeypatch):
    with referrals_db.reading() as s:
        tables = compute_stats(s, StatsFilter(date_from=date(2025, 1, 1), date_to=date(2025, 12, 31))).count_tables()
    rng = random.Random(7)
    # and a few made-up tables with the same shape as real ones
    tables += [CountTable("t", [f"r{i}" for i in range(5)], [f"c{j}" for j in range(n)],
                          [[rng.choice([0, 1, 2, 3, 6, 9, 14, 30]) for _ in range(n)] for _ in range(5)])
               for n in (2, 4, 6)]
    for threshold in (3, 5, 10):
        fast = protect_all(tables, threshold)
        with monkeypatch.context() as m:
            m.setattr(suppression, "recoverable_cells", reference_recoverable)
            slow = protect_all(tables, threshold)
        assert fast == slow
        assert any(t.secondary for t in fast)  # the comparison covers secondary suppression
