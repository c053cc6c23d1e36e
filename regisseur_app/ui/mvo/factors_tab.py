"""Tab 'Emissiefactoren': the materials and their factors, each with its source and year (editable)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from regisseur_app.context import AppContext
from regisseur_app.domain.mvo.materials import list_materials
from regisseur_app.operations import mvo as mvo_ops
from regisseur_app.ui.mvo.material_table_model import MaterialTableModel
from regisseur_app.ui.table_base import ID_ROLE, fit_columns, read_only_table, sorting_proxy

NOTE = ("De meegeleverde factoren komen uit gepubliceerde studies (WRAP 2011 en 2012, TNO voor de Nederlandse "
        "kringloopbranche). Ze zijn een vertrekpunt: controleer ze en vervang ze door factoren die bij uw regio en "
        "uw stromen passen. Materialen zonder factor tellen niet mee in de vermeden CO₂.")


class FactorsTab(QWidget):
    status_message = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.model = MaterialTableModel(self)
        self.proxy = sorting_proxy(self.model)
        self.table = read_only_table(self.proxy, "materials")
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        note = QLabel(NOTE)
        note.setWordWrap(True)
        self.new_button = QPushButton("Nieuw materiaal…", objectName="new_material")
        self.new_button.clicked.connect(lambda: self.open_editor(None))
        self.edit_button = QPushButton("Bewerken…", objectName="edit_material")
        self.edit_button.clicked.connect(self.edit_selected)
        self.retire_button = QPushButton("Uit gebruik / terug in gebruik", objectName="retire_material")
        self.retire_button.clicked.connect(self.toggle_selected)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.retire_button):
            buttons.addWidget(button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def refresh(self) -> None:
        with self.ctx.reading() as session:
            rows = list_materials(session)
        self.model.set_rows(rows)
        fit_columns(self.table)
        self.table.setColumnWidth(0, min(self.table.columnWidth(0), 260))

    def _selected(self):  # noqa: ANN202
        index = self.table.currentIndex()
        if not index.isValid():
            self.status_message.emit("Selecteer eerst een materiaal.")
            return None
        material_id = index.siblingAtColumn(0).data(ID_ROLE)
        return next(self.model.row_at(r) for r in range(self.model.rowCount()) if self.model.row_at(r).id == material_id)

    def open_editor(self, material) -> None:  # noqa: ANN001
        from regisseur_app.ui.mvo.material_dialog import MaterialDialog

        if MaterialDialog(self.ctx, material, self).exec():
            self.status_message.emit("Emissiefactor bewaard; de vermeden CO₂ wordt ermee herberekend.")
        self.refresh()

    def edit_selected(self) -> None:
        row = self._selected()
        if row is not None:
            self.open_editor(row)

    def toggle_selected(self) -> None:
        row = self._selected()
        if row is None:
            return
        mvo_ops.set_material_active(self.ctx, row.id, not row.active)
        self.status_message.emit(f"'{row.label}' " + ("weer in gebruik." if not row.active else "uit gebruik genomen "
                                                      "(met de indicator; waarden blijven bewaard)."))
        self.refresh()
