"""Reading a generated report back: the text lines of a PDF (pypdf) and the cells of a table row."""

from __future__ import annotations

import re
from pathlib import Path

NUMBER = re.compile(r"^(\d{1,3}(\.\d{3})*|\d+)(,\d+)?$|^-\d")


def pdf_lines(path: Path, first_page: int = 0) -> list[str]:
    from pypdf import PdfReader

    pages = PdfReader(str(path)).pages[first_page:]
    return [line.strip() for page in pages for line in (page.extract_text() or "").splitlines() if line.strip()]


def row_cells(lines: list[str], label: str, n: int, start: int = 0) -> list[str]:
    """The n cells after the row label `label` (which may be wrapped over up to three lines)."""
    for i in range(start, len(lines)):
        for k in (1, 2, 3):
            if " ".join(lines[i:i + k]) == label:
                return lines[i + k:i + k + n]
    raise AssertionError(f"row {label!r} not found")
