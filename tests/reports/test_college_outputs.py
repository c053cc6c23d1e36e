"""The other outputs of the college report: the .docx holds the same figures as the PDF (python-docx read
back), the workbook every table (formula-injection safe), the batch on the demo database (files, log,
cancel) and the command line."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from regisseur_app.cli import main
from regisseur_app.domain.reports.log import list_log
from regisseur_app.exchange.reports.workbook import write_workbook
from regisseur_app.operations import reports as ops
from regisseur_app.reports.college.assemble import build_report, find_scope
from regisseur_app.reports.college.cells import cell_text
from regisseur_app.reports.college.render_docx import write_docx
from regisseur_app.reports.college.render_pdf import write_pdf
from regisseur_app.reports.content import Column, SectionContent, Table
from tests.reports.helpers import pdf_lines

YEAR = 2025


def _report(ctx, name="Geetbets"):
    with ctx.reading() as session:
        return build_report(session, find_scope(session, name, date(YEAR, 1, 1), date(YEAR, 12, 31)))


def test_docx_holds_the_same_figures_as_the_pdf(demo_ctx, tmp_path):
    import docx

    report = _report(demo_ctx)
    write_pdf(report, tmp_path / "r.pdf")
    write_docx(report, tmp_path / "r.docx")
    lines = set(pdf_lines(tmp_path / "r.pdf"))
    document = docx.Document(str(tmp_path / "r.docx"))
    word_tables = [[[c.text for c in row.cells] for row in t.rows] for t in document.tables]
    content_tables = [t for s in report.sections for t in s.tables]
    assert len(word_tables) >= len(content_tables) > 5
    compared = 0
    for table in content_tables:
        expected = [[cell_text(v, c) for v, c in zip(row, table.columns, strict=False)] for row in table.rows]
        assert any(rows[1:] == expected for rows in word_tables), table.title
        for row in expected:
            for text in row[1:]:
                if text and text[0].isdigit() and " " not in text:
                    assert text in lines, (table.title, text)  # the PDF has the same cell
                    compared += 1
    assert compared > 50
    assert "Rapport aan het college van burgemeester en schepenen van Geetbets" in \
        " ".join(p.text for p in document.paragraphs)


def test_workbook_has_every_table_and_neutralises_formulas(demo_ctx, tmp_path):
    report = _report(demo_ctx)
    report.sections.append(SectionContent("x", "Proef", [Table("Gevaarlijk", [Column("Tekst"), Column("N", True)],
                                                               [["=1+1", 3], ["@cmd", "<5"]])]))
    write_workbook([report], tmp_path / "t.xlsx")
    book = load_workbook(tmp_path / "t.xlsx")
    titles = {row[3] for row in book["Inhoud"].iter_rows(min_row=2, values_only=True)}
    assert {t.title for s in report.sections for t in s.tables} <= titles
    sheet = book[[n for n in book.sheetnames if "Proef" in n][0]]
    cells = {c.coordinate: c for row in sheet.iter_rows() for c in row}
    formula = next(c for c in cells.values() if c.value == "=1+1")
    assert formula.data_type == "s" and formula.quotePrefix
    assert any(c.value == 3 for c in cells.values()) and any(c.value == "<5" for c in cells.values())


def test_batch_on_the_demo_database_makes_and_logs_every_report(demo_ctx, tmp_path):
    seen = []
    result = ops.run_batch(demo_ctx, date(YEAR, 1, 1), date(YEAR, 12, 31), tmp_path / "uit",
                           progress=lambda p, t: seen.append(p))
    names = sorted(p.name for p in result.files)
    assert len([n for n in names if n.startswith("Rapport college")]) == 5
    assert "Regionaal rapport 2025.pdf" in names and "Tabellen 2025.xlsx" in names
    assert all(p.stat().st_size > 2000 for p in result.files)
    assert seen == sorted(seen) and seen[-1] == 100
    with demo_ctx.reading() as session:
        logged = [r for r in list_log(session) if r.batch]
    assert {r.scope_name for r in logged} >= {"Bekkevoort", "Geetbets", "Glabbeek", "Kortenaken", "Tielt-Winge",
                                               "de regio"}
    assert {r.kind for r in logged} >= {"pdf", "xlsx"} and all(r.period_label == "2025" for r in logged)


def test_a_cancelled_batch_logs_only_what_was_made(demo_ctx, tmp_path):
    class Stop(Exception):
        pass

    def progress(percent, _text):
        if percent > 60:
            raise Stop()

    with demo_ctx.reading() as session:
        before = len(list_log(session))
    with pytest.raises(Stop):
        ops.run_batch(demo_ctx, date(YEAR, 1, 1), date(YEAR, 6, 30), tmp_path / "half", progress=progress)
    made = sorted((tmp_path / "half").glob("*.pdf"))
    assert 0 < len(made) < 5
    with demo_ctx.reading() as session:
        assert len(list_log(session)) - before == len(made)


def test_command_line_single_report_and_all(demo_ctx, tmp_path, capsys):
    db = Path(demo_ctx.db_path)
    assert main(["rapport", "--db", str(db), "--gemeente", "bekkevoort", "--jaar", "2025",
                 "--uit", str(tmp_path / "bekkevoort.pdf")]) == 0
    assert "Rapport aan het college van burgemeester en schepenen van Bekkevoort" in \
        " ".join(pdf_lines(tmp_path / "bekkevoort.pdf"))
    assert main(["rapport", "--db", str(db), "--alle", "--jaar", "2025", "--uit", str(tmp_path / "map")]) == 0
    err = capsys.readouterr().err
    assert "[100%]" in err and "7 bestanden" in err
    assert len(list((tmp_path / "map").glob("*.pdf"))) == 6
    assert main(["rapport", "--db", str(db), "--gemeente", "Leuven", "--jaar", "2025",
                 "--uit", str(tmp_path / "x.pdf")]) == 2
    assert "geen deelnemende gemeente" in capsys.readouterr().err
    assert main(["rapport", "--db", str(db), "--gemeente", "Glabbeek", "--uit", str(tmp_path / "x.pdf")]) == 2
