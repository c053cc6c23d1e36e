"""Suppression: no exported cell (Excel or PDF) shows a count from 1 to 4, and no hidden cell can be
computed back from totals or differences (checked independently with numpy's rank)."""

import random
from datetime import date

import numpy as np
import pytest
from openpyxl import load_workbook

from regisseur_app.domain.referrals.stats import StatsFilter, compute_stats
from regisseur_app.domain.referrals.suppression import CountTable, protect, protect_all
from regisseur_app.exchange.referrals.export import export_statistics
from regisseur_app.reports.referrals.referral_report import section_data, write_referral_report
from tests.unit.referral_helpers import (
    BEKKEVOORT,
    GEETBETS,
    GLABBEEK,
    KORTENAKEN,
    TIELT_WINGE,
    seed_counts,
)

SMALL = {1, 2, 3, 4}


def _hidden_recoverable(shown: list[list[object]]) -> list[tuple[int, int]]:
    """Independent check on a grid with totals (last row/column): a hidden cell (None) is recoverable
    when adding its unit vector does not raise the rank of the additivity equations over the hidden cells."""
    n_rows, n_cols = len(shown), len(shown[0])
    hidden = [(r, c) for r in range(n_rows) for c in range(n_cols) if shown[r][c] is None]
    if not hidden:
        return []
    index = {cell: i for i, cell in enumerate(hidden)}
    equations = []
    for r in range(n_rows):
        row = np.zeros(len(hidden))
        for c in range(n_cols):
            if (r, c) in index:
                row[index[(r, c)]] = -1 if c == n_cols - 1 else 1
        equations.append(row)
    for c in range(n_cols):
        row = np.zeros(len(hidden))
        for r in range(n_rows):
            if (r, c) in index:
                row[index[(r, c)]] = -1 if r == n_rows - 1 else 1
        equations.append(row)
    matrix = np.array(equations)
    base = np.linalg.matrix_rank(matrix)
    exposed = []
    for cell, i in index.items():
        unit = np.zeros(len(hidden))
        unit[i] = 1
        if np.linalg.matrix_rank(np.vstack([matrix, unit])) == base:
            exposed.append(cell)
    return exposed


def _parse(value: object) -> int | None:
    """A shown cell as a number, None when hidden ('<5', 'x')."""
    if isinstance(value, int):
        return value
    text = str(value).replace(".", "")
    return int(text) if text.isdigit() else None


@pytest.mark.parametrize("seed", range(40))
def test_random_tables_show_no_small_count_and_hide_nothing_recoverable(seed):
    rng = random.Random(seed)
    rows, cols = rng.randint(2, 6), rng.randint(2, 7)
    counts = [[rng.choice([0, 0, 1, 2, 3, 4, 5, 6, 9, 14, 30]) for _ in range(cols)] for _ in range(rows)]
    table = protect(CountTable("t", [f"r{i}" for i in range(rows)], [f"c{j}" for j in range(cols)], counts))
    shown = [[_parse(v) for v in row[1:]] for row in table.display_rows()]
    assert not any(v in SMALL for row in shown for v in row)
    assert _hidden_recoverable(shown) == []


def test_protected_together_a_total_hidden_in_one_table_is_hidden_in_all():
    a = CountTable("a", ["A", "B", "C"], ["p", "q"], [[10, 12], [1, 7], [20, 30]])
    b = CountTable("b", ["A", "B", "C"], ["u", "v", "w"], [[7, 7, 8], [3, 3, 2], [15, 15, 20]])
    protected = protect_all([a, b])
    totals = [{r for (r, c) in t.suppressed if c == len(t.col_labels) - 1} for t in protected]
    assert totals[0] == totals[1]


@pytest.fixture
def small_counts_db(ctx):
    """Mostly large counts, and a handful in Glabbeek: 2 referrals, one decided."""
    seed_counts(ctx, ((BEKKEVOORT, 23), (GEETBETS, 17), (KORTENAKEN, 12), (TIELT_WINGE, 31), (GLABBEEK, 2)))
    return ctx


def _stats(ctx):
    with ctx.reading() as s:
        return compute_stats(s, StatsFilter(date_from=date(2025, 1, 1), date_to=date(2025, 12, 31)))


def test_excel_export_has_no_small_count_and_nothing_recoverable(small_counts_db, tmp_path):
    stats = _stats(small_counts_db)
    target = tmp_path / "doorverwijzingen.xlsx"
    export_statistics(stats, target, threshold=5)
    book = load_workbook(target)
    count_sheets = [n for n in book.sheetnames if n not in ("Toelichting", "Doorlooptijden")]
    assert len(count_sheets) == 5
    saw_small_marker = False
    row_totals: dict[str, set] = {}
    for name in count_sheets:
        sheet = book[name]
        grid = [[_parse(c.value) for c in row[1:]] for row in sheet.iter_rows(min_row=2)]
        assert not any(v in SMALL for row in grid for v in row), name
        assert _hidden_recoverable(grid) == [], name
        saw_small_marker |= any(c.value == "<5" for row in sheet.iter_rows(min_row=2) for c in row)
        for row in sheet.iter_rows(min_row=2):
            row_totals.setdefault(row[0].value, set()).add(_parse(row[-1].value))
    assert saw_small_marker  # Glabbeek's small counts are there, as "<5"
    assert row_totals["Glabbeek"] == {None}  # hidden in every sheet
    assert all(len(v) == 1 for v in row_totals.values())  # each total shown the same everywhere (or hidden)
    lead = {row[0].value: [c.value for c in row[1:]] for row in book["Doorlooptijden"].iter_rows(min_row=2)}
    assert lead["Glabbeek"] == ["n<5"] * 4


def test_pdf_section_data_has_no_small_count_and_nothing_recoverable(small_counts_db, tmp_path):
    stats = _stats(small_counts_db)
    for title, _headers, rows in section_data(stats, 5):
        if title.startswith("Doorlooptijden"):
            continue
        grid = [[_parse(v) for v in row[1:]] for row in rows]
        assert not any(v in SMALL for row in grid for v in row), title
        assert _hidden_recoverable(grid) == [], title
    pdf = write_referral_report(tmp_path / "r.pdf", stats, 5, "IGO test")
    assert pdf.read_bytes().startswith(b"%PDF")


def test_threshold_from_settings_changes_marker(small_counts_db, tmp_path):
    stats = _stats(small_counts_db)
    for title, _headers, rows in section_data(stats, 10):
        if not title.startswith("Doorlooptijden"):
            cells = [_parse(v) for row in rows for v in row[1:]]
            assert not any(v is not None and 1 <= v <= 9 for v in cells), title


def test_a_municipality_total_stays_visible_when_inner_cells_protect_as_well():
    """Geetbets' own total (25) was hidden as a complement; inner cells protect the small counts as well."""
    counts = [[0, 6, 1], [3, 30, 3], [0, 25, 0]]
    table = protect(CountTable("per soort", ["Bekkevoort", "Kortenaken", "Geetbets"], ["a", "b", "c"], counts))
    shown = [[_parse(v) for v in row[1:]] for row in table.display_rows()]
    assert [row[-1] for row in shown] == [7, 36, 25, 68]  # every municipality's total visible
    assert not any(v in SMALL for row in shown for v in row)
    assert _hidden_recoverable(shown) == []


@pytest.mark.parametrize("seed", range(40))
def test_a_hidden_total_of_five_or_more_is_needed(seed):
    """Every total of 5 or more hidden as a complement is needed: showing it would expose a cell."""
    rng = random.Random(1000 + seed)
    rows, cols = rng.randint(2, 5), rng.randint(2, 6)
    counts = [[rng.choice([0, 0, 1, 2, 3, 4, 5, 6, 9, 14, 30]) for _ in range(cols)] for _ in range(rows)]
    table = protect(CountTable("t", [f"r{i}" for i in range(rows)], [f"c{j}" for j in range(cols)], counts))
    shown = [[_parse(v) for v in row[1:]] for row in table.display_rows()]
    last_row, last_col = len(shown) - 1, len(shown[0]) - 1
    for r, c in table.secondary:
        if (r == last_row or c == last_col) and table.values[r][c] >= 5:
            trial = [row[:] for row in shown]
            trial[r][c] = table.values[r][c]
            assert _hidden_recoverable(trial), (r, c)
