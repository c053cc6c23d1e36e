"""A long table's footnote stays on the page of the table's last row: wherever the table ends on a page, the
note is never alone at the top of the next one (read back per page with pypdf)."""

from __future__ import annotations

from pypdf import PdfReader
from reportlab.platypus import Spacer

from regisseur_app.reports.college.pdf_document import build_document
from regisseur_app.reports.college.pdf_table import pdf_table
from regisseur_app.reports.college.render_pdf import WIDTH, _styles, _table_flowables
from regisseur_app.reports.content import Column, Table

NOTE = "Voetnoot bij de tabel: op schema betekent minstens het deel van het streefcijfer dat bij het jaar past."
ROWS = [[f"kpi-{i:02d}", f"omschrijving {i}", i * 3] for i in range(1, 21)]
TABLE = Table("", [Column("Code"), Column("KPI"), Column("Waarde", True)], ROWS, footnote=NOTE)


def _pages(path) -> list[str]:  # noqa: ANN001
    return [page.extract_text() or "" for page in PdfReader(str(path)).pages]


def test_the_note_stays_with_the_last_rows_wherever_the_table_ends(tmp_path):
    frame = 297 * 72 / 25.4 - (18 + 17) * 72 / 25.4 - 12  # A4 minus the margins and the frame's padding
    _width, table_height = pdf_table(TABLE, WIDTH).wrap(WIDTH, frame)
    # first spacer heights: the table ends just above the page bottom, then a little lower (the note
    # would have fit alone on the page, or not); it runs over the page for the larger ones
    edge = frame - table_height
    split = 0
    for offset in range(-36, 30, 3):
        path = tmp_path / f"t{offset}.pdf"
        build_document(path, [Spacer(1, max(1.0, edge + offset)), *_table_flowables(TABLE, _styles())],
                       "t", "links", "rechts", "IGO")
        pages = _pages(path)
        on_note = [i for i, text in enumerate(pages) if "Voetnoot bij de tabel" in text]
        assert len(on_note) == 1, offset
        page = pages[on_note[0]]
        assert "kpi-20" in page, f"note without the last row (spacer {edge + offset:.0f} pt)"
        assert not page.lstrip().startswith("Voetnoot"), offset
        first = next(i for i, text in enumerate(pages) if "kpi-01" in text)
        split += first != on_note[0]
        if first != on_note[0]:
            assert "Code" in page and "Waarde" in page  # the rows moved over are under the repeated header
    assert split, "no spacer height made the table run over two pages: the edge was not tested"
