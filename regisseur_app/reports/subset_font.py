"""The reports' TrueType font, with a quick way through reportlab's subset mapping for plain ASCII text.

reportlab embeds a TrueType font as subsets and maps every drawn string to subset codes one character at a
time in Python (`TTFont.splitString`; ≈ 1.400 strings in a college report). With `asciiReadable` (reportlab's
default) each document's first subset gives the printable ASCII characters their own codes, so such a string
maps to itself: `[(0, the ASCII bytes)]`, what the loop would return. `SubsetFont` returns that at once when
the document's subset state holds exactly that mapping; any other text goes through reportlab's loop."""

from __future__ import annotations

from reportlab.pdfbase.ttfonts import TTFont

_PRINTABLE_ASCII = range(32, 127)


class SubsetFont(TTFont):
    def splitString(self, text, doc, encoding="utf-8"):  # noqa: ANN001, ANN201, N802 - reportlab's hook
        state = self.state.get(doc)
        if (state is not None and text and isinstance(text, str) and text.isascii() and text.isprintable()
                and _ascii_as_is(state)):
            return [(0, text.encode("ascii"))]
        return super().splitString(text, doc, encoding)


def _ascii_as_is(state: TTFont.State) -> bool:
    """Whether this document's subsets map every printable ASCII character to its own code (assignments are
    never changed once made, so the answer is kept on the state)."""
    known = getattr(state, "_ascii_as_is", None)
    if known is None:
        assignments = state.assignments
        known = state._ascii_as_is = all(assignments.get(code) == code for code in _PRINTABLE_ASCII)
    return known
