"""The ordered answer options of a question: label and (optionally) the service category it measures need
for. Add, remove, move up and down; scale and ja/nee keep their fixed number of points."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from regisseur_app.domain.survey.questionnaire import OptionInput

ID_ROLE = Qt.ItemDataRole.UserRole


class OptionEditor(QWidget):
    def __init__(self, categories: list[tuple[int, str]], parent: QWidget | None = None):
        super().__init__(parent)
        self.categories = categories
        self.table = QTableWidget(0, 2, objectName="options")
        self.table.setHorizontalHeaderLabels(["Antwoordmogelijkheid", "Meet nood aan (dienstencategorie)"])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setVisible(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.add_button = QPushButton("Toevoegen", objectName="add_option")
        self.remove_button = QPushButton("Verwijderen", objectName="remove_option")
        self.up_button = QPushButton("Omhoog", objectName="option_up")
        self.down_button = QPushButton("Omlaag", objectName="option_down")
        self.add_button.clicked.connect(lambda: self.add_option(OptionInput(""), edit=True))
        self.remove_button.clicked.connect(self.remove_current)
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.fixed = False

    def set_fixed(self, fixed: bool) -> None:
        """Scale and ja/nee: labels editable, no points added or removed."""
        self.fixed = fixed
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            button.setEnabled(not fixed)

    def _combo(self, category_id: int | None) -> QComboBox:
        combo = QComboBox()
        combo.addItem("—", None)
        for cid, label in self.categories:
            combo.addItem(label, cid)
        combo.setCurrentIndex(max(0, combo.findData(category_id)))
        return combo

    def add_option(self, option: OptionInput, edit: bool = False) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        item = QTableWidgetItem(option.label)
        item.setData(ID_ROLE, option.id)
        self.table.setItem(row, 0, item)
        self.table.setCellWidget(row, 1, self._combo(option.category_id))
        if edit:
            self.table.setCurrentCell(row, 0)
            self.table.editItem(item)

    def set_options(self, options: list[OptionInput]) -> None:
        self.table.setRowCount(0)
        for option in options:
            self.add_option(option)

    def options(self) -> list[OptionInput]:
        result = []
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            combo = self.table.cellWidget(row, 1)
            result.append(OptionInput(item.text() if item else "", combo.currentData(),
                                      item.data(ID_ROLE) if item else None))
        return result

    def remove_current(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def move_current(self, step: int) -> None:
        row = self.table.currentRow()
        other = row + step
        if row < 0 or not 0 <= other < self.table.rowCount():
            return
        options = self.options()
        options[row], options[other] = options[other], options[row]
        self.set_options(options)
        self.table.setCurrentCell(other, 0)
