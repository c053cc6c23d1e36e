"""reports.subset_font.SubsetFont answers as reportlab's TTFont does: the same chunks for every string, the same
subsets and assignments afterwards, in documents written one after the other; and the college PDF uses it."""

from __future__ import annotations

import random

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfdoc import PDFDocument
from reportlab.pdfbase.ttfonts import TTFont

from regisseur_app.paths import resources_dir
from regisseur_app.reports.pdf_base import FONT, FONT_BOLD, register_fonts
from regisseur_app.reports.subset_font import SubsetFont

FIXED = ["", " ", "Bekkevoort", "1.234,50", "31/12/2025", "€ 12", "Café Zoë", "a\u00a0b", "tab\there", "nl\n",
         "ÀÉÎõü", "Δ delta", "x", "100 %", "~{}|", "\x7f", "Totaal", "Geen gegevens voor deze periode."]


def _texts(seed: int) -> list[str]:
    rng = random.Random(seed)
    alphabet = [chr(c) for c in range(32, 127)] + list("éèëïöüàçÉ€–—’“”\u00a0\t\n") + [chr(c) for c in range(0x391, 0x3a9)]
    return FIXED + ["".join(rng.choice(alphabet) if rng.random() < 0.2 else rng.choice("abcdef 0123")
                            for _ in range(rng.randint(0, 30))) for _ in range(600)]


def test_same_chunks_and_subsets_as_reportlab():
    path = str(resources_dir() / "fonts" / "DejaVuSans.ttf")
    ours, theirs = SubsetFont("SubsetTest", path), TTFont("SubsetTestPlain", path)
    for seed in range(3):  # documents one after the other, each with its own subsets
        doc_ours, doc_theirs = PDFDocument(), PDFDocument()
        for text in _texts(seed):
            assert ours.splitString(text, doc_ours) == theirs.splitString(text, doc_theirs), repr(text)
        assert ours.state[doc_ours].subsets == theirs.state[doc_theirs].subsets
        assert ours.state[doc_ours].assignments == theirs.state[doc_theirs].assignments


def test_the_report_fonts_are_subset_fonts():
    register_fonts()
    assert all(isinstance(pdfmetrics.getFont(name), SubsetFont) for name in (FONT, FONT_BOLD))
