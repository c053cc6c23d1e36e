"""A college table whose plain-text cells are written as one PDF text object per table.

reportlab's Table draws every line of every cell with `canvas.drawString`/`drawRightString`: a new text object,
font and colour state, the bidi check and the code packed, for each of the ~1.400 strings of a report. The
college tables (pdf_table) hold only plain strings, left- or right-aligned: `CanvasTable` places them exactly
where Table._drawCell would (same padding, vertical alignment, leading and right edge) but into one text object,
written before the table's lines as reportlab does. Any other cell (a flowable, centred or decimal alignment,
a link, bidi or shaping) is left to reportlab."""

from __future__ import annotations

from reportlab.platypus import Table

from regisseur_app.reports.college.text_width import text_width as stringWidth


class CanvasTable(Table):
    _text = None  # the text object being filled while the table draws

    def draw(self) -> None:
        self._text = None
        try:
            super().draw()
        finally:
            self._flush()

    def _drawCell(self, cellval, cellstyle, pos, size) -> None:  # noqa: ANN001, N802 - reportlab's hook
        style = cellstyle
        if (not isinstance(cellval, str) or style.alignment not in ("LEFT", "RIGHT")
                or style.valign not in ("TOP", "BOTTOM", "MIDDLE") or style.href or style.destination
                or style.direction or style.shaping):
            self._flush()
            self._curcellstyle = None  # reportlab sets the canvas's font and colour again
            super()._drawCell(cellval, cellstyle, pos, size)
            return
        (column_x, row_y), (width, height) = pos, size
        lines = cellval.split("\n")
        leading, font, font_size = style.leading, style.fontname, style.fontsize
        if style.valign == "BOTTOM":
            y = row_y + style.bottomPadding + len(lines) * leading - font_size
        elif style.valign == "TOP":
            y = row_y + height - style.topPadding - font_size
        else:
            y = row_y + (style.bottomPadding + height - style.topPadding + len(lines) * leading) / 2.0 - font_size
        left = style.alignment == "LEFT"
        x = column_x + style.leftPadding if left else column_x + width - style.rightPadding
        text = self._text
        if text is None:
            text = self._text = self.canv.beginText()
            self._font = self._colour = None
        if self._font != (font, font_size, leading):
            text.setFont(font, font_size, leading)
            self._font = (font, font_size, leading)
        if self._colour != style.color:
            text.setFillColor(style.color)
            self._colour = style.color
        for line in lines:
            if line:  # an empty line shows nothing
                text.setTextOrigin(x if left else x - stringWidth(line, font, font_size), y)
                # textLine as drawString writes it: the line, then the move to the next (T*), which text extraction
                # (pypdf) reads as the end of a line
                text.textLine(line)
            y -= leading

    def _calc_height(self, availHeight, availWidth, H=None, W=None) -> None:  # noqa: ANN001, N802, N803
        """Table._calc_height for a table of plain strings without spans: a row is as high as its cell with the
        most lines (leading × lines + padding), the same sums in the same order; row positions as reportlab
        accumulates them. Anything else (a flowable, a span, a width to work out) goes to reportlab."""
        heights = self._argH
        if self._spanCmds or None not in heights:
            return super()._calc_height(availHeight, availWidth, H, W)
        values = self._cellvalues
        if any(type(v) is not str for row in values for v in row):
            return super()._calc_height(availHeight, availWidth, H, W)
        least = self._minRowHeights
        heights = self._rowHeights = heights[:]
        for i, height in enumerate(heights):
            if height is not None:
                continue
            h = 0
            for v, s in zip(values[i], self._cellStyles[i]):  # as reportlab: split lines, leading x lines, padding
                t = (s.leading or 1.2 * s.fontsize) * (v.count("\n") + 1)
                t += s.bottomPadding + s.topPadding
                if t > h:
                    h = t
            heights[i] = max(least[i], h) if least else h
        # reportlab's row positions: summed from the last row up, with its compensation term
        self._rowpositions = positions = []
        height = c = 0
        for i in range(len(heights) - 1, -1, -1):
            positions.append(height)
            y = heights[i] - c
            t = height + y
            c = (t - height) - y
            height = t
        positions.append(height)
        self._height = height
        positions.reverse()
        self._hmax = len(heights)
        return None

    def _drawLines(self) -> None:  # noqa: N802 - the text goes under the lines, as in reportlab
        self._flush()
        super()._drawLines()

    def _flush(self) -> None:
        if self._text is not None:
            self.canv.drawText(self._text)
            self._text = None
