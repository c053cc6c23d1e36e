"""Beheer › Indicatoren: the code list of key-figure indicators (name, unit, source, count or not,
decimals, active) and which organisation types count as social economy."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from regisseur_app.context import AppContext
from regisseur_app.domain.analysis import indicators
from regisseur_app.domain.analysis import inventory as analysis_inventory
from regisseur_app.domain.analysis.indicators import IndicatorInput
from regisseur_app.domain.core import codelists
from regisseur_app.domain.core.base import ValidationError
from regisseur_app.operations import analysis as analysis_ops
from regisseur_app.ui.widgets import CheckList, FieldErrors, close_button


class IndicatorDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.changed = False
        self.setWindowTitle("Indicatoren en sociale-economietypes")
        self.resize(1040, 640)
        self.list = QListWidget(objectName="indicator_list")
        self.list.currentRowChanged.connect(lambda _r: self._load_current())
        self.new_button = QPushButton("Nieuwe indicator", objectName="new_indicator")
        self.new_button.clicked.connect(self._new)
        self.active_button = QPushButton("Niet meer gebruiken", objectName="toggle_active")
        self.active_button.clicked.connect(self._toggle_active)
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        row = QHBoxLayout()
        row.addWidget(self.new_button)
        row.addWidget(self.active_button)
        left.addLayout(row)
        form_box = QGroupBox("Indicator")
        form = QFormLayout(form_box)
        self.errors = FieldErrors(form)
        self.label_edit = QLineEdit(objectName="label")
        self.unit_edit = QLineEdit(objectName="unit", placeholderText="bv. personen, %, organisaties")
        self.source_edit = QLineEdit(objectName="source", placeholderText="bv. VDAB, jaargemiddelde")
        self.count_check = QCheckBox("Een aantal: optelbaar tot een regionaal totaal en uit te drukken per 1.000 "
                                     "inwoners", objectName="is_count")
        self.decimals_spin = QSpinBox(objectName="decimals", minimum=0, maximum=indicators.MAX_DECIMALS)
        self.computed_label = QLabel(objectName="computed", wordWrap=True)
        self.computed_label.setStyleSheet("color: #555;")
        self.errors.add_row("label", "Naam *", self.label_edit)
        self.errors.add_row("unit", "Eenheid", self.unit_edit)
        self.errors.add_row("source", "Bron", self.source_edit)
        self.errors.add_row("is_count", "", self.count_check)
        self.errors.add_row("decimals", "Decimalen", self.decimals_spin)
        form.addRow(self.computed_label)
        self.save_button = QPushButton("Indicator bewaren", objectName="save_indicator")
        self.save_button.clicked.connect(self._save)
        form.addRow(self.save_button)
        se_box = QGroupBox("Organisatietypes die meetellen als sociale economie")
        se_layout = QVBoxLayout(se_box)
        with ctx.reading() as session:
            types = codelists.list_items(session, codelists.ORGANISATION_TYPE, include_inactive=True)
            chosen = analysis_inventory.social_economy_type_ids(session)
        self.se_list = CheckList([(t.id, t.label) for t in types])
        self.se_list.setObjectName("se_types")
        self.se_list.set_checked(chosen)
        se_layout.addWidget(QLabel("Ze bepalen 'Aantal SE-organisaties' en de keuze 'alleen sociale economie' in de "
                                   "aanbodkaart en de hiaten.", wordWrap=True))
        se_layout.addWidget(self.se_list)
        self.se_error = QLabel(objectName="se_error", wordWrap=True)
        self.se_error.setStyleSheet("color: #b00020;")
        se_layout.addWidget(self.se_error)
        save_types = QPushButton("Types bewaren", objectName="save_se_types")
        save_types.clicked.connect(self._save_types)
        se_layout.addWidget(save_types)
        right = QVBoxLayout()
        right.addWidget(form_box)
        right.addWidget(se_box, 1)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addLayout(right, 1)
        close = close_button(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(close)
        self._current_id: int | None = None
        self._reload()

    def _reload(self, select_id: int | None = None) -> None:
        with self.ctx.reading() as session:
            self._items = indicators.list_indicators(session, include_inactive=True)
        self.list.blockSignals(True)
        self.list.clear()
        for item in self._items:
            entry = QListWidgetItem(item.title + ("" if item.active else " (niet meer gebruikt)"))
            entry.setData(Qt.ItemDataRole.UserRole, item.id)
            if not item.active:
                entry.setForeground(QColor("#888888"))
            self.list.addItem(entry)
        self.list.blockSignals(False)
        ids = [i.id for i in self._items]
        self.list.setCurrentRow(ids.index(select_id) if select_id in ids else 0)
        self._load_current()

    def _load_current(self) -> None:
        row = self.list.currentRow()
        if not 0 <= row < len(self._items):
            return
        item = self._items[row]
        self._current_id = item.id
        self.label_edit.setText(item.label)
        self.unit_edit.setText(item.unit)
        self.source_edit.setText(item.source)
        self.count_check.setChecked(item.is_count)
        self.count_check.setEnabled(not (item.is_computed or item.is_inhabitants))
        self.decimals_spin.setValue(item.decimals)
        self.computed_label.setText(f"Deze indicator wordt {item.computed_label}." if item.is_computed else "")
        self.active_button.setText("Niet meer gebruiken" if item.active else "Weer gebruiken")
        self.active_button.setEnabled(not item.is_inhabitants)
        self.errors.show({})

    def _new(self) -> None:
        self._current_id = None
        self.list.clearSelection()
        for edit in (self.label_edit, self.unit_edit, self.source_edit):
            edit.clear()
        self.count_check.setChecked(True)
        self.count_check.setEnabled(True)
        self.decimals_spin.setValue(0)
        self.computed_label.clear()
        self.label_edit.setFocus()

    def _save(self) -> None:
        data = IndicatorInput(self.label_edit.text(), self.unit_edit.text(), self.source_edit.text(),
                              self.count_check.isChecked(), self.decimals_spin.value())
        try:
            saved = analysis_ops.save_indicator(self.ctx, data, self._current_id)
        except ValidationError as exc:
            self.errors.show(exc.errors)
            return
        self.changed = True
        self._reload(saved)

    def _toggle_active(self) -> None:
        current = next((i for i in self._items if i.id == self._current_id), None)
        if current is None:
            return
        try:
            analysis_ops.set_indicator_active(self.ctx, current.id, not current.active)
        except ValidationError as exc:
            self.errors.show({"label": exc.errors.get("label", str(exc))})
            return
        self.changed = True
        self._reload(current.id)

    def _save_types(self) -> None:
        try:
            analysis_ops.set_social_economy_types(self.ctx, self.se_list.checked_values())
        except ValidationError as exc:
            self.se_error.setText(" ".join(exc.errors.values()))
            return
        self.se_error.setText("Bewaard.")
        self.changed = True
