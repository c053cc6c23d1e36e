"""Tab 'Indicatoren': the framework (add, edit, retire and reinstate; a retired indicator keeps its values)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from regisseur_app.context import AppContext
from regisseur_app.domain.core.base import ValidationError
from regisseur_app.domain.mvo.indicators import list_indicators
from regisseur_app.operations import mvo as mvo_ops
from regisseur_app.ui.mvo.indicator_table_model import IndicatorTableModel
from regisseur_app.ui.table_base import ID_ROLE, fit_columns, read_only_table, sorting_proxy


class IndicatorsTab(QWidget):
    status_message = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.model = IndicatorTableModel(self)
        self.proxy = sorting_proxy(self.model)
        self.table = read_only_table(self.proxy, "indicators")
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        self.retired_check = QCheckBox("Ook indicatoren uit gebruik", objectName="show_retired")
        self.retired_check.toggled.connect(lambda _c: self.refresh())
        self.new_button = QPushButton("Nieuw…", objectName="new_indicator")
        self.new_button.clicked.connect(lambda: self.open_editor(None))
        self.edit_button = QPushButton("Bewerken…", objectName="edit_indicator")
        self.edit_button.clicked.connect(self.edit_selected)
        self.retire_button = QPushButton("Uit gebruik / terug in gebruik", objectName="retire_indicator")
        self.retire_button.clicked.connect(self.toggle_selected)
        self.count_label = QLabel(objectName="indicator_count")
        buttons = QHBoxLayout()
        for widget in (self.new_button, self.edit_button, self.retire_button, self.retired_check):
            buttons.addWidget(widget)
        buttons.addStretch()
        buttons.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def refresh(self) -> None:
        with self.ctx.reading() as session:
            rows = list_indicators(session, include_inactive=self.retired_check.isChecked())
        self.model.set_rows(rows)
        fit_columns(self.table)
        for column in range(self.model.columnCount()):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 320))
        self.count_label.setText(f"{sum(1 for r in rows if r.active)} indicatoren in gebruik")

    def _selected(self):  # noqa: ANN202
        index = self.table.currentIndex()
        if not index.isValid():
            self.status_message.emit("Selecteer eerst een indicator.")
            return None
        indicator_id = index.siblingAtColumn(0).data(ID_ROLE)
        return next(self.model.row_at(r) for r in range(self.model.rowCount()) if self.model.row_at(r).id == indicator_id)

    def open_editor(self, indicator_id: int | None) -> None:
        from regisseur_app.ui.mvo.indicator_dialog import IndicatorDialog

        dialog = IndicatorDialog(self.ctx, indicator_id, self)
        if dialog.exec():
            self.status_message.emit(f"Indicator '{dialog.label_edit.text().strip()}' bewaard.")
        self.refresh()

    def edit_selected(self) -> None:
        row = self._selected()
        if row is not None:
            self.open_editor(row.id)

    def toggle_selected(self) -> None:
        row = self._selected()
        if row is None:
            return
        try:
            mvo_ops.set_indicator_active(self.ctx, row.id, not row.active)
        except ValidationError as exc:
            self.status_message.emit(next(iter(exc.errors.values())))
            return
        self.status_message.emit(f"'{row.label}' " + ("weer in gebruik." if not row.active else
                                                      "uit gebruik genomen; de ingevulde waarden blijven bewaard "
                                                      "(Ctrl+Z maakt dit ongedaan)."))
        self.refresh()
