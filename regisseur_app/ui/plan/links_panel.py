"""The 'Koppelingen' tab of an action: the events, surveys, organisations and follow-up actions that carry it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from regisseur_app.context import AppContext
from regisseur_app.domain.plan import links
from regisseur_app.operations import plan as ops
from regisseur_app.ui.plan.common import run_op
from regisseur_app.ui.plan.link_dialog import LinkDialog


class LinksPanel(QWidget):
    def __init__(self, ctx: AppContext, action_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.action_id = ctx, action_id
        self.list = QListWidget(objectName="link_list")
        self.hint = QLabel("Nog geen koppelingen. Koppel de evenementen, bevragingen, organisaties en opvolgacties "
                           "die deze actie uitvoeren.", wordWrap=True, objectName="links_hint")
        self.hint.setStyleSheet("color: #666;")
        add = QPushButton("Koppelen…", objectName="add_link")
        add.clicked.connect(self.add)
        self.remove_button = QPushButton("Ontkoppelen", objectName="remove_link")
        self.remove_button.clicked.connect(self.remove)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(self.remove_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        with self.ctx.reading() as session:
            rows = links.list_links(session, self.action_id)
        for row in rows:
            item = QListWidgetItem(f"{row.kind_label}: {row.title}")
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            if not row.exists:
                item.setForeground(Qt.GlobalColor.gray)
            self.list.addItem(item)
        self.hint.setVisible(not rows)
        self.remove_button.setEnabled(bool(rows))

    def add(self) -> None:
        dialog = LinkDialog(self.ctx, self)
        if dialog.exec() and (choice := dialog.choice()) is not None:
            run_op(self, ops.add_link, self.ctx, self.action_id, *choice)
            self.refresh()

    def remove(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            run_op(self, ops.remove_link, self.ctx, item.data(Qt.ItemDataRole.UserRole))
            self.refresh()
