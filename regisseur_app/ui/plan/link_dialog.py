"""Choose what to link to an action: an event, a survey, an organisation or a follow-up action."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from regisseur_app.context import AppContext
from regisseur_app.domain.plan import links
from regisseur_app.domain.plan.models import LINK_KINDS
from regisseur_app.storage.engine import fold


class LinkDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle("Koppeling toevoegen")
        self.resize(560, 460)
        self.kind_combo = QComboBox(objectName="link_kind")
        for kind in links.available_kinds():
            self.kind_combo.addItem(LINK_KINDS[kind], kind)
        self.search_edit = QLineEdit(objectName="link_search", placeholderText="Zoeken…")
        self.list = QListWidget(objectName="link_targets")
        self.list.itemDoubleClicked.connect(lambda _i: self.accept())
        self.kind_combo.currentIndexChanged.connect(self._load)
        self.search_edit.textChanged.connect(self._filter)
        form = QFormLayout()
        form.addRow("Soort", self.kind_combo)
        form.addRow("Zoeken", self.search_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Koppelen")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuleren")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self._load()

    def _load(self) -> None:
        self.list.clear()
        with self.ctx.reading() as session:
            choices = links.choices(session, self.kind_combo.currentData())
        for target_id, title in choices:
            item = QListWidgetItem(title)
            item.setData(Qt.ItemDataRole.UserRole, target_id)
            self.list.addItem(item)
        if not choices:
            self.list.addItem(QListWidgetItem("Nog niets om te koppelen van deze soort."))
        self._filter(self.search_edit.text())

    def _filter(self, text: str) -> None:
        wanted = fold(text)
        for i in range(self.list.count()):
            item = self.list.item(i)
            item.setHidden(bool(wanted) and wanted not in fold(item.text()))

    def choice(self) -> tuple[str, int] | None:
        item = self.list.currentItem()
        if item is None or item.data(Qt.ItemDataRole.UserRole) is None:
            return None
        return self.kind_combo.currentData(), item.data(Qt.ItemDataRole.UserRole)
