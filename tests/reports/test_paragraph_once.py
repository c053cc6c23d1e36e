"""The college report's Paragraph breaks its lines once per width (reports/college/paragraph.py) and lays out
again when the width changes or when a refused split dropped its lines."""

from __future__ import annotations

import io

from reportlab import platypus
from reportlab.pdfgen.canvas import Canvas

from regisseur_app.reports.college.paragraph import Paragraph
from regisseur_app.reports.pdf_base import styles


def test_a_paragraph_breaks_its_lines_once_per_width(monkeypatch):
    breaks = []
    original = platypus.Paragraph.breakLines
    monkeypatch.setattr(platypus.Paragraph, "breakLines", lambda self, widths: breaks.append(widths) or
                        original(self, widths))
    paragraph = Paragraph("een woord " * 120, styles()["body"])
    size = paragraph.wrap(300, 1000)
    assert paragraph.wrap(300, 400) == size and len(breaks) == 1  # the same width: the same lines
    narrower = paragraph.wrap(200, 1000)
    assert narrower[1] > size[1] and len(breaks) == 2
    assert paragraph.split(200, 5) == []  # no room for two lines: reportlab drops the lines it broke
    assert paragraph.wrap(200, 1000) == narrower and len(breaks) == 3
    canvas = Canvas(io.BytesIO())
    paragraph.drawOn(canvas, 0, 0)  # drawn from the lines broken again
    assert plain_equal(paragraph, platypus.Paragraph("een woord " * 120, styles()["body"]), 200)


def plain_equal(ours: Paragraph, theirs: platypus.Paragraph, width: float) -> bool:
    """Same size and the same lines as reportlab's own Paragraph at that width."""
    ours_size, theirs_size = ours.wrap(width, 1000), theirs.wrap(width, 1000)
    return ours_size == theirs_size and [line[1] for line in ours.blPara.lines] == [line[1] for line in
                                                                                    theirs.blPara.lines]
