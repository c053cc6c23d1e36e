"""CanvasTable works out its row heights and positions itself for a table of plain strings (table_canvas): the same
numbers as reportlab's Table._calc_height, for every table of the demo reports of every participating municipality
and the region, whole and split over pages, and a table with a minimum row height; a table with another kind of
cell still goes to reportlab."""

from __future__ import annotations

from datetime import date

from reportlab.platypus import Paragraph
from reportlab.platypus import Table as RLTable

from regisseur_app.reports.college.assemble import build_report, municipality_scopes
from regisseur_app.reports.college.pdf_table import pdf_table
from regisseur_app.reports.college.table_canvas import CanvasTable
from regisseur_app.reports.content import Scope, Table

WIDTH = 481.89  # the report's frame width (A4 less its margins), give or take: the heights follow the lines


def _layout(table: RLTable, calc) -> tuple:  # noqa: ANN001
    calc(table, 700, WIDTH)
    return list(table._rowHeights), list(table._rowpositions), table._height, table._hmax


def _demo_tables(ctx) -> list[Table]:  # noqa: ANN001
    found = []
    start, end = date(2025, 1, 1), date(2025, 12, 31)
    with ctx.reading() as session:
        scopes = [*municipality_scopes(session, start, end), Scope(None, "Regio", start, end)]
        for scope in scopes:
            report = build_report(session, scope, None)
            found += [b for s in report.sections for b in s.blocks if isinstance(b, Table)]
    return found


def test_heights_and_positions_equal_reportlabs(demo_ctx):
    tables = _demo_tables(demo_ctx)
    assert len(tables) > 50
    multi_line = 0
    for table in tables:
        for width in (WIDTH, 300.0):
            mine, theirs = pdf_table(table, width), pdf_table(table, width)
            assert isinstance(mine, CanvasTable)
            got = _layout(mine, CanvasTable._calc_height)
            assert got == _layout(theirs, RLTable._calc_height)
            multi_line += any(h > min(got[0]) for h in got[0])
            for part, other in zip(mine.split(width, 200), theirs.split(width, 200), strict=True):  # split pages
                assert _layout(part, CanvasTable._calc_height) == _layout(other, RLTable._calc_height)
    assert multi_line  # rows of several lines (wrapped cells, headers) are among them


def test_minimum_heights_and_other_cells():
    table = CanvasTable([["Kop", "Waarde"], ["a\nb\nc", "1"], ["", "2"]], colWidths=[100, 60], minRowHeights=[0, 5, 30])
    other = RLTable([["Kop", "Waarde"], ["a\nb\nc", "1"], ["", "2"]], colWidths=[100, 60], minRowHeights=[0, 5, 30])
    assert _layout(table, CanvasTable._calc_height) == _layout(other, RLTable._calc_height)
    with_paragraph = CanvasTable([["Kop", Paragraph("een alinea")], ["x", "y"]], colWidths=[100, 60])
    reference = RLTable([["Kop", Paragraph("een alinea")], ["x", "y"]], colWidths=[100, 60])
    assert _layout(with_paragraph, CanvasTable._calc_height) == _layout(reference, RLTable._calc_height)
