"""Tables on paper: header words are never broken (the font shrinks instead), numeric headers are right-
aligned over their numbers, a long table runs over pages with its header repeated, nl-BE numbers."""

from __future__ import annotations

from datetime import date

from reportlab.pdfbase.pdfmetrics import stringWidth

from regisseur_app.domain.reports.settings import ReportSettings
from regisseur_app.reports.college.assemble import CollegeReport
from regisseur_app.reports.college.pdf_table import BASE_SIZE, PAD, column_widths, pdf_table, wrapped
from regisseur_app.reports.college.render_pdf import write_pdf
from regisseur_app.reports.content import Column, Scope, SectionContent, Table
from regisseur_app.reports.pdf_base import FONT, FONT_BOLD
from tests.reports.helpers import pdf_lines

WIDE = Table("Breed", [Column("Gemeente"), *[Column(f"Doorverwijzingen soort {i}", True) for i in range(6)]],
             [["Bekkevoort", *range(1000, 1006)], ["Totaal", *range(6)]], total_row=True)


def test_header_words_fit_whole_even_when_the_font_must_shrink():
    widths, size = column_widths(WIDE, 480)
    assert size < BASE_SIZE
    assert sum(widths) <= 480 + 0.01
    for column, width in zip(WIDE.columns, widths, strict=True):
        longest = max(stringWidth(word, FONT_BOLD, size) for word in column.title.split())
        assert width >= longest + 2 * PAD - 0.01, column.title


def test_numbers_and_their_headers_are_right_aligned_in_nl_be():
    table = pdf_table(Table("t", [Column("Naam"), Column("Bedrag", True, 2)], [["a", 1234.5]]), 400)
    head, row = table._cellvalues[0], table._cellvalues[1]
    # every cell is plain text, aligned by the cell style: the numeric column and its header right
    assert head == ["Naam", "Bedrag"] and row[1] == "1.234,50"
    assert [table._cellStyles[r][1].alignment for r in (0, 1)] == ["RIGHT", "RIGHT"]
    assert [table._cellStyles[r][0].alignment for r in (0, 1)] == ["LEFT", "LEFT"]
    assert table._cellStyles[0][0].fontname == FONT_BOLD and table._cellStyles[1][0].fontname != FONT_BOLD
    long = pdf_table(Table("t", [Column("Naam"), Column("Bedrag", True, 2)],
                           [["een naam die veel te lang is voor de smalle kolom " * 3, 1234.5]]), 200)
    assert long._cellStyles[1][0].alignment == "LEFT" and long._cellvalues[1][1] == "1.234,50"


def test_long_cells_and_headers_wrap_at_spaces_within_their_column():
    text = "een naam die veel te lang is voor de smalle kolom " * 3
    table = pdf_table(Table("t", [Column("Omschrijving van de organisatie"), Column("Bedrag", True, 2)],
                            [[text, 1234.5]]), 200)
    widths, size = column_widths(Table("t", [Column("Omschrijving van de organisatie"), Column("Bedrag", True, 2)],
                                       [[text, 1234.5]]), 200)
    for r, font in ((0, FONT_BOLD), (1, FONT)):
        lines = table._cellvalues[r][0].split("\n")
        assert " ".join(lines) == " ".join(table._cellvalues[r][0].split())  # only spaces became breaks
        assert all(stringWidth(line, font, size) <= widths[0] - 2 * PAD for line in lines)
        # as few lines as a greedy paragraph: the next word would not have fitted on any line
        assert all(stringWidth(f"{a} {b.split()[0]}", font, size) > widths[0] - 2 * PAD
                   for a, b in zip(lines, lines[1:]))
    assert len(table._cellvalues[1][0].split("\n")) > 3
    assert wrapped("a\nb c", FONT, 8, 1000) == "a\nb c"  # a newline in the text stays a line break


def test_a_long_table_repeats_its_header_on_every_page(tmp_path):
    rows = [[f"Rij {i}", i * 1000, i / 3] for i in range(1, 151)]
    table = Table("Lang", [Column("Omschrijving"), Column("Aantal deelnemers", True), Column("Gemiddelde", True, 2)],
                  rows)
    scope = Scope(None, "de regio", date(2025, 1, 1), date(2025, 12, 31))
    report = CollegeReport(scope, ReportSettings(association="IGO"), [SectionContent("x", "Proef", [table])])
    write_pdf(report, tmp_path / "lang.pdf")
    from pypdf import PdfReader

    pages = [p.extract_text() for p in PdfReader(str(tmp_path / "lang.pdf")).pages[2:]]
    assert len(pages) >= 3
    assert all("Aantal deelnemers" in text for text in pages)
    lines = pdf_lines(tmp_path / "lang.pdf")
    assert "150.000" in lines and "50,00" in lines
