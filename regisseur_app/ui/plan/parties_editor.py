"""The parties of a collaboration: organisations from the inventory, each with a role."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from regisseur_app.domain.plan.models import ROLES


class PartiesEditor(QWidget):
    def __init__(self, organisations: list[tuple[int, str]], parent: QWidget | None = None):
        super().__init__(parent)
        self.names = dict(organisations)
        self.org_combo = QComboBox(objectName="party_organisation")
        self.org_combo.setEditable(True)  # type to find an organisation
        self.org_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for org_id, name in organisations:
            self.org_combo.addItem(name, org_id)
        self.org_combo.setCurrentIndex(-1)
        self.role_combo = QComboBox(objectName="party_role")
        for code, label in ROLES.items():
            self.role_combo.addItem(label, code)
        add = QPushButton("Toevoegen", objectName="add_party")
        add.clicked.connect(self.add_current)
        remove = QPushButton("Verwijderen", objectName="remove_party")
        remove.clicked.connect(self.remove_current)
        self.list = QListWidget(objectName="party_list")
        self.list.setFixedHeight(90)
        row = QHBoxLayout()
        row.addWidget(self.org_combo, 1)
        row.addWidget(self.role_combo)
        row.addWidget(add)
        row.addWidget(remove)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.list)

    def add(self, org_id: int, role: str) -> None:
        for i in range(self.list.count()):
            if self.list.item(i).data(Qt.ItemDataRole.UserRole)[0] == org_id:
                self.list.takeItem(i)
                break
        item = QListWidgetItem(f"{self.names.get(org_id, org_id)} – {ROLES[role].lower()}")
        item.setData(Qt.ItemDataRole.UserRole, (org_id, role))
        self.list.addItem(item)

    def add_current(self) -> None:
        index = self.org_combo.findText(self.org_combo.currentText())
        if index >= 0:
            self.add(self.org_combo.itemData(index), self.role_combo.currentData())
            self.org_combo.setCurrentIndex(-1)

    def remove_current(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)

    def parties(self) -> list[tuple[int, str]]:
        return [tuple(self.list.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.list.count())]
