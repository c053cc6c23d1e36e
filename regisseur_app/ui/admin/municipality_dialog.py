"""Beheer › Gemeenten: the municipality reference list; add and edit (mergers happen)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from regisseur_app.context import AppContext
from regisseur_app.domain.core import municipalities
from regisseur_app.domain.core.base import ValidationError
from regisseur_app.domain.core.municipalities import MunicipalityData
from regisseur_app.formatting import format_number, parse_whole_number
from regisseur_app.operations import core as core_ops
from regisseur_app.ui.table_base import Column, RowTableModel, sorting_proxy
from regisseur_app.ui.widgets import FieldErrors, close_button, save_cancel_buttons


class MunicipalityTableModel(RowTableModel):
    COLUMNS = (
        Column("NIS-code", lambda m: m.nis_code),
        Column("Naam", lambda m: m.name),
        Column("Arrondissement", lambda m: m.arrondissement),
        Column("Provincie", lambda m: m.province),
        Column("Inwoners", lambda m: format_number(m.inhabitants), sort_key=lambda m: m.inhabitants,
               align_right=True),
        Column("Postcodes", lambda m: m.postcodes),
        Column("Deelnemend", lambda m: "ja" if m.participating else ""),
        Column("Gefuseerd in", lambda m: m.successor_name),
    )


class MunicipalityEditDialog(QDialog):
    def __init__(self, ctx: AppContext, existing: MunicipalityData | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.is_new = existing is None
        self.setWindowTitle("Nieuwe gemeente" if self.is_new else f"Gemeente {existing.name} bewerken")
        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.nis_edit = QLineEdit(objectName="nis_code", maxLength=5, placeholderText="5 cijfers, bv. 24008")
        self.name_edit = QLineEdit(objectName="municipality_name")
        self.arrondissement_edit = QLineEdit()
        self.province_edit = QLineEdit()
        self.inhabitants_edit = QLineEdit(objectName="inhabitants")
        self.inhabitants_edit.setValidator(QIntValidator(0, 10_000_000, self))
        self.postcodes_edit = QLineEdit(placeholderText="bv. 3460, 3461")
        for key, label, widget in [("nis_code", "NIS-code *", self.nis_edit), ("name", "Naam *", self.name_edit),
                                   ("arrondissement", "Arrondissement", self.arrondissement_edit),
                                   ("province", "Provincie", self.province_edit),
                                   ("inhabitants", "Inwoners", self.inhabitants_edit),
                                   ("postcodes", "Postcodes", self.postcodes_edit)]:
            self.errors.add_row(key, label, widget)
        self.participating = False
        if existing:
            self.nis_edit.setText(existing.nis_code)
            self.nis_edit.setReadOnly(True)
            self.name_edit.setText(existing.name)
            self.arrondissement_edit.setText(existing.arrondissement)
            self.province_edit.setText(existing.province)
            self.inhabitants_edit.setText("" if existing.inhabitants is None else str(existing.inhabitants))
            self.postcodes_edit.setText(existing.postcodes)
        buttons = save_cancel_buttons(self.save, self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def save(self) -> None:
        try:
            inhabitants = parse_whole_number(self.inhabitants_edit.text())
        except ValueError as exc:
            self.errors.show({"inhabitants": f"{exc}."})
            return
        data = MunicipalityData(
            nis_code=self.nis_edit.text().strip(), name=self.name_edit.text(),
            arrondissement=self.arrondissement_edit.text(), province=self.province_edit.text(),
            inhabitants=inhabitants, postcodes=self.postcodes_edit.text())
        try:
            core_ops.save_municipality(self.ctx, data, self.is_new)
        except ValidationError as exc:
            self.errors.show(exc.errors)
            return
        self.accept()


class MunicipalityListDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle("Gemeenten")
        self.resize(900, 600)
        self.model = MunicipalityTableModel(self)
        self.proxy = sorting_proxy(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.search = QLineEdit(placeholderText="Zoeken op naam, NIS-code, arrondissement…")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = QTableView(objectName="municipalities")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.doubleClicked.connect(lambda _i: self.edit())
        add = QPushButton("Nieuwe gemeente…")
        add.clicked.connect(lambda: self._open(None))
        edit = QPushButton("Bewerken…")
        edit.clicked.connect(self.edit)
        close = close_button(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(edit)
        buttons.addStretch()
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        with self.ctx.reading() as session:
            rows = municipalities.list_municipalities(session)
        names = {m.nis_code: m.name for m in rows}
        for m in rows:  # a merged municipality (1/1/2025) says which one it is part of now
            m.successor_name = f"{names.get(m.successor, m.successor)} (1/1/2025)" if m.successor else ""
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()

    def edit(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self._open(self.model.row_at(self.proxy.mapToSource(index).row()))

    def _open(self, existing: MunicipalityData | None) -> None:
        if MunicipalityEditDialog(self.ctx, existing, self).exec():
            self.refresh()
