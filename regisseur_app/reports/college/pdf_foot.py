"""A table with its footnote underneath, as one flowable: the note stays on the page of the table's last row.

As two flowables (table, then note paragraph) a table that just fits its page pushes its note alone to the top
of the next one. Here, when the table and the note do not fit together, the table is split so that the rows
that do not fit above the note go to the next page (with the repeated header) and the note with them."""

from __future__ import annotations

from reportlab.platypus import Flowable, Paragraph
from reportlab.platypus import Table as RLTable


class TableWithNote(Flowable):
    def __init__(self, table: RLTable, note: Paragraph, gap: float = 2):
        super().__init__()
        self.table, self.note, self.gap = table, note, gap
        self.hAlign = table.hAlign
        self._table_height = self._note_height = 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        table_width, self._table_height = self.table.wrap(avail_width, avail_height)
        note_width, self._note_height = self.note.wrap(avail_width, avail_height)
        self.width = max(table_width, note_width)
        self.height = self._table_height + self.gap + self._note_height
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        self.wrap(avail_width, avail_height)
        if self.height <= avail_height:
            return [self]
        room = avail_height - self.gap - self._note_height
        parts = self.table.split(avail_width, room) if room > 0 else []
        if len(parts) < 2:  # not even the header and a row fit above the note here: all to the next page
            return []
        return [*parts[:-1], TableWithNote(parts[-1], self.note, self.gap)]

    def draw(self) -> None:
        self.table.drawOn(self.canv, 0, self._note_height + self.gap)
        self.note.drawOn(self.canv, 0, 0)
