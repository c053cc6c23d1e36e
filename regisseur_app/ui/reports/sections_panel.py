"""The sections of the report, each switched on or off, with the regisseur's comment on the selected one,
kept per municipality (or the region) and period. Typing is saved when another section, municipality or
period is chosen, or before a report is made."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from regisseur_app.context import AppContext
from regisseur_app.domain.core.base import ValidationError
from regisseur_app.operations import reports as ops
from regisseur_app.reports.college.assemble import available_sections
from regisseur_app.reports.content import Scope


class SectionsPanel(QGroupBox):
    status_message = Signal(str)

    def __init__(self, ctx: AppContext, scope: Callable[[], Scope | None], parent: QWidget | None = None):
        super().__init__("Onderdelen (vink aan wat in het rapport moet)", parent)
        self.ctx = ctx
        self._scope = scope
        self._key: str | None = None
        self._comment_scope: Scope | None = None  # the scope the text in the editor belongs to
        self.sections = QListWidget(objectName="report_sections")
        self.sections.currentItemChanged.connect(self._section_changed)
        self.label = QLabel("Commentaar van de regisseur", objectName="comment_label", wordWrap=True)
        self.editor = QPlainTextEdit(objectName="report_comment")
        self.editor.setPlaceholderText("Eigen commentaar bij dit onderdeel, voor deze gemeente en periode "
                                       "(komt in een kader onder het onderdeel).")
        save = QPushButton("Commentaar bewaren", objectName="save_comment")
        save.clicked.connect(self.save_comment)
        box = QVBoxLayout(self)
        box.addWidget(self.sections, 2)
        box.addWidget(self.label)
        box.addWidget(self.editor, 2)
        box.addWidget(save, 0, Qt.AlignmentFlag.AlignRight)

    def reload(self) -> None:
        defaults = set(ops.default_keys(self.ctx))
        self.sections.blockSignals(True)
        self.sections.clear()
        for spec in available_sections():
            item = QListWidgetItem(spec.title)
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            item.setCheckState(Qt.CheckState.Checked if spec.key in defaults else Qt.CheckState.Unchecked)
            self.sections.addItem(item)
        self.sections.blockSignals(False)
        self._key = None
        if self.sections.count():
            self.sections.setCurrentRow(0)

    def chosen_keys(self) -> list[str]:
        return [self.sections.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.sections.count())
                if self.sections.item(i).checkState() == Qt.CheckState.Checked]

    def scope_changed(self) -> None:
        """Another municipality or period: keep what was typed (for the old one), show the new one's comment."""
        self.flush()
        self._load()

    def flush(self) -> bool:
        """Save a changed comment; False when it could not be saved (the message was shown)."""
        if self._key and self.editor.document().isModified():
            return self.save_comment()
        return True

    def _section_changed(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        self.flush()
        self._key = current.data(Qt.ItemDataRole.UserRole) if current else None
        self._load()

    def _load(self) -> None:
        scope = self._scope() if self._key else None
        self._comment_scope = scope
        text = ops.comments_for(self.ctx, scope).get(self._key, "") if scope else ""
        self.editor.setPlainText(text)
        self.editor.document().setModified(False)
        item = self.sections.currentItem()
        if item is not None and scope is not None:
            who = "de regio" if scope.is_region else scope.name
            self.label.setText(f"Commentaar bij '{item.text()}' – {who}, {scope.period_label}")

    def save_comment(self) -> bool:
        scope = self._comment_scope or self._scope()
        if scope is None or not self._key:
            return False
        try:
            ops.save_comment(self.ctx, scope, self._key, self.editor.toPlainText())
        except ValidationError as exc:
            QMessageBox.warning(self, "Commentaar niet bewaard", "\n".join(exc.errors.values()))
            return False
        self.editor.document().setModified(False)
        self.status_message.emit("Commentaar bewaard.")
        return True
