"""Beheer › Codelijsten: add, rename and (de)activate items of the editable code lists."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from regisseur_app.context import AppContext
from regisseur_app.domain.core import codelists
from regisseur_app.domain.core.base import ValidationError
from regisseur_app.features import code_list_titles
from regisseur_app.operations import core as core_ops
from regisseur_app.ui.widgets import close_button


class CodeListDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle("Codelijsten")
        self.resize(520, 520)
        self.list_combo = QComboBox(objectName="list_choice")
        for name, title in code_list_titles().items():
            self.list_combo.addItem(title, name)
        self.list_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.items = QListWidget(objectName="items")
        self.items.itemDoubleClicked.connect(lambda _i: self.rename())
        add = QPushButton("Toevoegen…", objectName="add_item")
        add.clicked.connect(self.add)
        rename = QPushButton("Hernoemen…")
        rename.clicked.connect(self.rename)
        self.toggle_button = QPushButton("Niet meer gebruiken", objectName="toggle_item")
        self.toggle_button.clicked.connect(self.toggle)
        self.items.currentItemChanged.connect(lambda *_a: self._update_toggle())
        close = close_button(self.reject)
        buttons = QHBoxLayout()
        for button in (add, rename, self.toggle_button):
            buttons.addWidget(button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.list_combo)
        layout.addWidget(QLabel("Items die niet meer gebruikt worden blijven bij bestaande gegevens staan, "
                                "maar zijn niet meer te kiezen.", wordWrap=True))
        layout.addWidget(self.items)
        layout.addLayout(buttons)
        layout.addWidget(close)
        self.refresh()

    def refresh(self, select_id: int | None = None) -> None:
        with self.ctx.reading() as session:
            rows = codelists.list_items(session, self.list_combo.currentData(), include_inactive=True)
        self.items.clear()
        for row in rows:
            item = QListWidgetItem(row.label if row.active else f"{row.label} (niet meer in gebruik)")
            item.setData(Qt.ItemDataRole.UserRole, (row.id, row.label, row.active))
            if not row.active:
                item.setForeground(QColor("#777777"))
            self.items.addItem(item)
            if row.id == select_id:
                self.items.setCurrentItem(item)

    def _current(self) -> tuple[int, str, bool] | None:
        item = self.items.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _update_toggle(self) -> None:
        current = self._current()
        self.toggle_button.setText("Weer gebruiken" if current and not current[2] else "Niet meer gebruiken")

    def add(self) -> None:
        label, ok = QInputDialog.getText(self, "Toevoegen", "Omschrijving:")
        if ok:
            self._apply(lambda: core_ops.add_code_item(self.ctx, self.list_combo.currentData(), label))

    def rename(self) -> None:
        current = self._current()
        if current is None:
            return
        label, ok = QInputDialog.getText(self, "Hernoemen", "Nieuwe omschrijving:", text=current[1])
        if ok:
            self._apply(lambda: core_ops.rename_code_item(self.ctx, current[0], label))

    def toggle(self) -> None:
        current = self._current()
        if current is not None:
            self._apply(lambda: core_ops.set_code_item_active(self.ctx, current[0], not current[2]))

    def _apply(self, change) -> None:  # noqa: ANN001
        try:
            item_id = change()
        except ValidationError as exc:
            QMessageBox.warning(self, "Codelijsten", " ".join(exc.errors.values()))
            return
        self.refresh(item_id)
