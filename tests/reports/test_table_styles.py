"""reports.college.table_styles: the cell styles pdf_table gives its tables are, cell by cell, what the former
TableStyle cell commands (font, colour, alignment, padding) made of reportlab's own per-cell styles, and the
table keeps the same background and line commands; for every table of the demo's municipality and regional
reports, and for tables without rows or total."""

from __future__ import annotations

from datetime import date

from reportlab.lib import colors
from reportlab.platypus import TableStyle

from regisseur_app.operations import reports as ops
from regisseur_app.reports.college.pdf_table import pdf_table
from regisseur_app.reports.college.render_pdf import WIDTH
from regisseur_app.reports.college.table_canvas import CanvasTable
from regisseur_app.reports.content import Column, Table
from regisseur_app.reports.pdf_base import BRAND, FONT, FONT_BOLD, GRID, ZEBRA

PAD = 4.0


def _with_commands(table: Table, made: CanvasTable) -> CanvasTable:
    """The same cells styled as pdf_table did before: one TableStyle with every command."""
    body = made._cellvalues
    size = made._cellStyles[0][0].fontsize
    leading = size * 1.25
    reference = CanvasTable(body, colWidths=made._argW, repeatRows=1, hAlign="LEFT")
    commands = [
        ("FONT", (0, 0), (-1, 0), FONT_BOLD, size, leading),
        ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
        ("FONT", (0, 1), (-1, -1), FONT, size, leading),
        *[("ALIGN", (i, 0), (i, -1), "RIGHT") for i, c in enumerate(table.columns) if c.numeric],
        ("BACKGROUND", (0, 0), (-1, 0), BRAND),
        ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
        ("VALIGN", (0, 1), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, GRID),
        ("LEFTPADDING", (0, 0), (-1, -1), PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    for index in range(2, len(body), 2):
        commands.append(("BACKGROUND", (0, index), (-1, index), ZEBRA))
    if table.total_row and len(body) > 1:
        commands += [("LINEABOVE", (0, -1), (-1, -1), 1, BRAND), ("FONT", (0, -1), (-1, -1), FONT_BOLD, size, leading)]
    reference.setStyle(TableStyle(commands))
    return reference


def _values(style) -> dict:
    return {name: getattr(style, name) for name in dir(style) if not name.startswith("_") and name != "name"
            and not callable(getattr(style, name))}


def _assert_same(table: Table) -> None:
    made = pdf_table(table, WIDTH)
    reference = _with_commands(table, made)
    assert [[_values(s) for s in row] for row in made._cellStyles] == \
           [[_values(s) for s in row] for row in reference._cellStyles], table.title
    assert made._bkgrndcmds == reference._bkgrndcmds and made._linecmds == reference._linecmds


def test_every_demo_table_gets_the_styles_of_its_former_commands(demo_ctx):
    tables = []
    for year in (2025, 2026):
        start, end = date(year, 1, 1), date(year, 12, 31)
        for scope in [*ops.scopes(demo_ctx, start, end)[:2], ops.region_scope(start, end)]:
            report = ops.load_report(demo_ctx, scope)
            tables += [b for s in report.sections for b in s.blocks if isinstance(b, Table)]
    assert len(tables) > 30 and any(t.total_row for t in tables)
    for table in tables:
        _assert_same(table)


def test_small_tables():
    columns = [Column("Naam"), Column("Aantal", True), Column("Bedrag", True, 2)]
    _assert_same(Table("leeg", columns, []))
    _assert_same(Table("één", columns, [["a", 1, 2.5]], total_row=True))
    _assert_same(Table("twee", columns, [["a", 1, 2.5], ["Totaal", 1, 2.5]], total_row=True))
    _assert_same(Table("drie", columns, [["a", 1, 2.5], ["b", 2, 3.5], ["c", 3, 4.5]]))
