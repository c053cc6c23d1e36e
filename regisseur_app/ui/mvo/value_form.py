"""The entry form of one organisation and year, grouped by pillar: per indicator the value (with its unit
and last year's value), a note and a source; computed indicators show their value and formula. The
completeness label follows what is typed; errors appear under the value they concern."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from regisseur_app.domain.mvo.models import TEXT, YES_NO
from regisseur_app.domain.mvo.values import SheetRow, ValueEntry, editable_value
from regisseur_app.ui.widgets import ERROR_STYLE, INVALID_FIELD_STYLE

HEADERS = ("Indicator", "Waarde", "Eenheid", "Vorig jaar", "Opmerking", "Bron")


class _Row:
    def __init__(self, sheet: SheetRow, editor: QWidget | None, note: QLineEdit | None, source: QLineEdit | None,
                 error: QLabel):
        self.sheet, self.editor, self.note, self.source, self.error = sheet, editor, note, source, error

    @property
    def indicator(self):  # noqa: ANN201
        return self.sheet.indicator

    def raw(self) -> str:
        if isinstance(self.editor, QComboBox):
            return self.editor.currentData() or ""
        return self.editor.text() if isinstance(self.editor, QLineEdit) else ""

    def filled(self) -> bool:
        return bool(self.raw().strip())


class ValueForm(QScrollArea):
    changed = Signal()  # something was typed

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setObjectName("value_form")
        self.rows: dict[str, _Row] = {}
        self._loading = False
        self.dirty = False
        self.set_rows([])

    def set_rows(self, sheet: list[SheetRow]) -> None:
        """Rebuild the form for these rows (one organisation and year)."""
        self._loading = True
        self.rows = {}
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        pillars: dict[str, list[SheetRow]] = {}
        for row in sheet:
            pillars.setdefault(row.indicator.pillar, []).append(row)
        for pillar, rows in pillars.items():
            box = QGroupBox(pillar, objectName=f"pillar_{pillar.lower()}")
            grid = QGridLayout(box)
            grid.setHorizontalSpacing(8)
            grid.setVerticalSpacing(2)
            for column, header in enumerate(HEADERS):
                label = QLabel(f"<b>{header}</b>")
                grid.addWidget(label, 0, column)
            line = 1
            for row in rows:
                line = self._add_row(grid, line, row)
            for column, width in enumerate((230, 110, 90, 80)):
                grid.setColumnMinimumWidth(column, width)
            grid.setColumnStretch(0, 3)
            grid.setColumnStretch(4, 2)
            grid.setColumnStretch(5, 2)
            layout.addWidget(box)
        layout.addStretch()
        self.setWidget(body)
        self._loading = False
        self.dirty = False

    def _add_row(self, grid: QGridLayout, line: int, row: SheetRow) -> int:
        indicator = row.indicator
        label = QLabel(indicator.label + ("" if indicator.active else " (uit gebruik)"))
        tip = [indicator.definition]
        if indicator.reference_text:
            tip.append(indicator.reference_text)
        if indicator.range_text:
            tip.append(f"Toegelaten: {indicator.range_text}")
        label.setToolTip("\n".join(t for t in tip if t))
        label.setWordWrap(True)
        grid.addWidget(label, line, 0)
        error = QLabel(objectName=f"error_{indicator.code}")
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        previous = QLabel(row.previous or "—")
        previous.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        unit = QLabel(indicator.unit)
        if indicator.is_computed:
            value = QLabel(f"<b>{row.shown or '—'}</b>", objectName=f"computed_{indicator.code}")
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            value.setToolTip(f"Formule: {indicator.formula_text}\n{row.explanation}")
            grid.addWidget(value, line, 1)
            grid.addWidget(unit, line, 2)
            grid.addWidget(previous, line, 3)
            formula = QLabel(f"= {indicator.formula_text}", objectName=f"formula_{indicator.code}")
            formula.setStyleSheet("color: #555;")
            formula.setWordWrap(True)
            formula.setToolTip(row.explanation)
            grid.addWidget(formula, line, 4, 1, 2)
            self.rows[indicator.code] = _Row(row, None, None, None, error)
            return line + 1
        if indicator.value_type == YES_NO:
            editor = QComboBox(objectName=f"value_{indicator.code}")
            for text, data in (("", ""), ("ja", "ja"), ("nee", "nee")):
                editor.addItem(text, data)
            editor.setCurrentIndex(editor.findData(row.shown))
            editor.currentIndexChanged.connect(lambda _i: self._typed())
        else:
            editor = QLineEdit(editable_value(indicator, row.number, row.text), objectName=f"value_{indicator.code}")
            if indicator.value_type != TEXT:
                editor.setAlignment(Qt.AlignmentFlag.AlignRight)
                editor.setMaximumWidth(130)
            editor.setPlaceholderText(indicator.range_text)
            editor.textChanged.connect(lambda _t: self._typed())
        editor.setToolTip(label.toolTip())
        note = QLineEdit(row.note, objectName=f"note_{indicator.code}", placeholderText="opmerking")
        source = QLineEdit(row.source, objectName=f"source_{indicator.code}", placeholderText="bron")
        for widget in (note, source):
            widget.textChanged.connect(lambda _t: self._typed())
        grid.addWidget(editor, line, 1)
        grid.addWidget(unit, line, 2)
        grid.addWidget(previous, line, 3)
        grid.addWidget(note, line, 4)
        grid.addWidget(source, line, 5)
        grid.addWidget(error, line + 1, 1, 1, 5)
        self.rows[indicator.code] = _Row(row, editor, note, source, error)
        return line + 2

    def _typed(self) -> None:
        if not self._loading:
            self.dirty = True
            self.changed.emit()

    def entries(self) -> list[ValueEntry]:
        return [ValueEntry(r.indicator.id, r.raw(), r.note.text(), r.source.text())
                for r in self.rows.values() if r.editor is not None]

    def filled_count(self) -> tuple[int, int]:
        """(filled, total) among the active typed-in indicators, from what is in the editors now."""
        wanted = [r for r in self.rows.values() if r.editor is not None and r.indicator.active]
        return sum(1 for r in wanted if r.filled()), len(wanted)

    def show_errors(self, errors: dict[str, str]) -> None:
        first = None
        for code, row in self.rows.items():
            text = errors.get(code, "")
            row.error.setText(text)
            row.error.setVisible(bool(text))
            if isinstance(row.editor, QLineEdit):
                row.editor.setStyleSheet(INVALID_FIELD_STYLE if text else "")
            if text and first is None:
                first = row
        if first is not None and first.editor is not None:
            self.ensureWidgetVisible(first.editor)
            first.editor.setFocus()

    def editor(self, code: str) -> QWidget | None:
        row = self.rows.get(code)
        return row.editor if row else None
