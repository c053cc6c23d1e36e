"""A reportlab Paragraph that breaks its lines once per width.

Platypus asks a paragraph for its size more than once at the same width: a KeepTogether measures its content,
then the frame places each part; a table cell and the page's split test do the same. reportlab breaks the lines
again each time (a third of the college report's paragraph layout). The result depends only on the width (and
the paragraph's own text and style, which do not change once it is made), so a second call at the same width
returns the size found the first time."""

from __future__ import annotations

from reportlab import platypus


class Paragraph(platypus.Paragraph):
    _wrapped_width: float | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 - reportlab's names
        if availWidth == self._wrapped_width and hasattr(self, "blPara"):  # split() drops blPara when it gives up
            return self.width, self.height
        size = super().wrap(availWidth, availHeight)
        if size[0] == availWidth:  # laid out (not the 'does not fit' answer for a width of almost nothing)
            self._wrapped_width = availWidth
        return size
