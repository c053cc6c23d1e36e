"""Add or edit one SWOT item: quadrant, short text, optional source (indicator, survey, event, free text)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from regisseur_app.context import AppContext
from regisseur_app.domain.analysis import indicators, swot
from regisseur_app.domain.analysis.models import QUADRANTS, SOURCE_INDICATOR, SOURCE_KINDS, SOURCE_NONE
from regisseur_app.domain.analysis.swot import SwotInput
from regisseur_app.domain.core.base import ValidationError
from regisseur_app.operations import analysis as analysis_ops
from regisseur_app.ui.widgets import FieldErrors, save_cancel_buttons

SOURCE_HINTS = {
    "survey": "bv. Behoeftepeiling 2025, vraag 4",
    "event": "bv. Netwerkevent lokale besturen 12/03/2025",
    "text": "bv. Jaarverslag OCMW 2024",
    SOURCE_INDICATOR: "optioneel: een toelichting, bv. stijging sinds 2022",
}


class SwotItemDialog(QDialog):
    def __init__(self, ctx: AppContext, nis_code: str | None, quadrant: str, item_id: int | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.nis_code = nis_code
        self.item_id = item_id
        self.saved_id: int | None = None
        with ctx.reading() as session:
            self._indicators = indicators.list_indicators(session, include_inactive=True)
            existing = swot.get_swot_item(session, item_id) if item_id else None
        self.setWindowTitle("Nieuw SWOT-punt" if item_id is None else "SWOT-punt bewerken")
        self.resize(560, 360)
        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.quadrant_combo = QComboBox(objectName="quadrant")
        for key, label in QUADRANTS.items():
            self.quadrant_combo.addItem(label, key)
        self.text_edit = QPlainTextEdit(objectName="text")
        self.text_edit.setFixedHeight(90)
        self.counter = QLabel(objectName="counter")
        self.text_edit.textChanged.connect(self._count)
        self.kind_combo = QComboBox(objectName="source_kind")
        for key, label in SOURCE_KINDS.items():
            self.kind_combo.addItem(label[0].upper() + label[1:], key)
        self.indicator_combo = QComboBox(objectName="indicator_id")
        self.indicator_combo.addItem("— kies een kerncijfer —", None)
        for item in self._indicators:
            self.indicator_combo.addItem(item.label, item.id)
        self.source_edit = QLineEdit(objectName="source_text")
        self.kind_combo.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self.errors.add_row("quadrant", "Kwadrant", self.quadrant_combo)
        self.errors.add_row("text", "Omschrijving *", self.text_edit)
        form.addRow("", self.counter)
        self.errors.add_row("source_kind", "Bron", self.kind_combo)
        self.errors.add_row("indicator_id", "Kerncijfer", self.indicator_combo)
        self.errors.add_row("source_text", "Bron (tekst)", self.source_edit)
        self.form = form
        buttons = save_cancel_buttons(self.save, self.reject, "Bewaren")
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch()
        layout.addWidget(buttons)
        self.quadrant_combo.setCurrentIndex(self.quadrant_combo.findData(existing.quadrant if existing else quadrant))
        if existing:
            self.text_edit.setPlainText(existing.text)
            self.kind_combo.setCurrentIndex(self.kind_combo.findData(existing.source_kind))
            self.indicator_combo.setCurrentIndex(max(0, self.indicator_combo.findData(existing.indicator_id)))
            self.source_edit.setText(existing.source_text)
        self._kind_changed()
        self._count()

    def _count(self) -> None:
        n = len(self.text_edit.toPlainText().strip())
        self.counter.setText(f"{n} van {swot.MAX_TEXT} tekens")
        self.counter.setStyleSheet("color: #b00020;" if n > swot.MAX_TEXT else "color: #666;")

    def _kind_changed(self) -> None:
        kind = self.kind_combo.currentData()
        self.form.setRowVisible(self.errors.labels["indicator_id"].parentWidget(), kind == SOURCE_INDICATOR)
        self.form.setRowVisible(self.errors.labels["source_text"].parentWidget(), kind != SOURCE_NONE)
        self.source_edit.setPlaceholderText(SOURCE_HINTS.get(kind, ""))

    def collect(self) -> SwotInput:
        return SwotInput(self.quadrant_combo.currentData(), self.text_edit.toPlainText(), self.nis_code,
                         self.kind_combo.currentData(), self.indicator_combo.currentData(), self.source_edit.text())

    def save(self) -> None:
        try:
            self.saved_id = analysis_ops.save_swot_item(self.ctx, self.collect(), self.item_id)
        except ValidationError as exc:
            self.errors.show(exc.errors)
            return
        self.accept()
