"""reports.college.text_width gives reportlab's width of every string, font and size, also when asked again and
after it forgot what it knew (LIMIT)."""

from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth

from regisseur_app.reports.college import text_width as widths
from regisseur_app.reports.pdf_base import FONT, FONT_BOLD, register_fonts

TEXTS = ["", " ", "Bekkevoort", "1.234,50", "€ 12", "Café Zoë", "Totaal", "a\u00a0b", "Δ", "x" * 200]


def test_same_widths_as_reportlab(monkeypatch):
    register_fonts()
    monkeypatch.setattr(widths, "LIMIT", 7)
    for _ in range(3):
        for text in TEXTS:
            for font in (FONT, FONT_BOLD, "Helvetica"):
                for size in (6, 8.5, 9.5):
                    assert widths.text_width(text, font, size) == stringWidth(text, font, size)
    assert len(widths._known) <= 7
