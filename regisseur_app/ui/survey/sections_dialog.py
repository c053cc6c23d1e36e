"""Rubrieken of a survey: add, rename (F2) and delete (Del, after confirmation; the questions stay, without
rubriek). Each of them can be undone with Ctrl+Z and redone with Ctrl+Y, here and later in the main window
(one undo stack); here only the steps made in this dialog (DialogUndo), and the list shows the result."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
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
from regisseur_app.domain.core.base import ValidationError
from regisseur_app.domain.survey.questionnaire import section_question_counts
from regisseur_app.domain.survey.views import survey_view
from regisseur_app.formatting import counted
from regisseur_app.operations import survey as ops
from regisseur_app.ui.dialog_undo import DialogUndo
from regisseur_app.ui.widgets import close_button


class SectionsDialog(QDialog):
    def __init__(self, ctx: AppContext, survey_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.survey_id = ctx, survey_id
        self.setWindowTitle("Rubrieken")
        self.resize(460, 360)
        self.list = QListWidget(objectName="sections")
        self.list.itemDoubleClicked.connect(lambda _item: self.rename_selected())
        self.list.currentRowChanged.connect(lambda _row: self._update())
        self.hint = QLabel("Nog geen rubrieken. Een rubriek groepeert vragen, bv. 'Uw gemeente' of 'Noden'.",
                           objectName="hint", wordWrap=True)
        self.hint.setStyleSheet("color: #555;")
        self.new_button = QPushButton("Nieuwe rubriek…", objectName="new_section")
        self.rename_button = QPushButton("Hernoemen…", objectName="rename_section")
        self.rename_button.setToolTip("Rubriek hernoemen (F2)")
        self.delete_button = QPushButton("Verwijderen…", objectName="delete_section")
        self.delete_button.setToolTip("Rubriek verwijderen (Delete); de vragen blijven bestaan")
        self.new_button.clicked.connect(self.new_section)
        self.rename_button.clicked.connect(self.rename_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.rename_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch()
        close = close_button(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.hint)
        layout.addWidget(self.list, 1)
        layout.addWidget(QLabel("Wat u hier toevoegt, hernoemt of verwijdert, maakt u ongedaan met Ctrl+Z "
                                "(opnieuw uitvoeren: Ctrl+Y).", wordWrap=True))
        self.undo_note = QLabel(objectName="undo_note", wordWrap=True)
        layout.addWidget(self.undo_note)
        layout.addWidget(close)
        QShortcut(QKeySequence(Qt.Key.Key_F2), self.list, activated=self.rename_selected)
        QShortcut(QKeySequence(Qt.Key.Key_Delete), self.list, activated=self.delete_selected)
        self.undo_keys = DialogUndo(self, self.undo_note, after=self.refresh)
        self.refresh()

    def refresh(self, select: int | None = None) -> None:
        with self.ctx.reading() as session:
            sections = survey_view(session, self.survey_id).sections
            counts = section_question_counts(session, self.survey_id)
        current = select if select is not None else self.selected_id()
        self.list.clear()
        for section_id, title in sections:
            item = QListWidgetItem(f"{title}  ({counted(counts.get(section_id, 0), 'vraag', 'vragen')})")
            item.setData(Qt.ItemDataRole.UserRole, (section_id, title))
            self.list.addItem(item)
            if section_id == current:
                self.list.setCurrentItem(item)
        if self.list.currentRow() < 0 and self.list.count():
            self.list.setCurrentRow(0)
        self.hint.setVisible(not sections)
        self._update()

    def _update(self) -> None:
        chosen = self.list.currentItem() is not None
        self.rename_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    def selected(self) -> tuple[int, str] | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def selected_id(self) -> int | None:
        chosen = self.selected()
        return chosen[0] if chosen else None

    def _ask_title(self, caption: str, title: str = "") -> str | None:
        text, ok = QInputDialog.getText(self, caption, "Titel van de rubriek:", text=title)
        return text if ok else None

    def _save(self, title: str, section_id: int | None) -> int | None:
        try:
            return ops.save_section(self.ctx, self.survey_id, title, section_id)
        except ValidationError as exc:
            QMessageBox.warning(self, "Rubriek niet bewaard", "\n".join(exc.errors.values()))
            return None

    def new_section(self) -> None:
        title = self._ask_title("Nieuwe rubriek")
        if title is not None:
            saved = self._save(title, None)
            if saved is not None:
                self.refresh(saved)

    def rename_selected(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        title = self._ask_title("Rubriek hernoemen", chosen[1])
        if title is not None and title.strip() != chosen[1] and self._save(title, chosen[0]) is not None:
            self.refresh(chosen[0])

    def delete_selected(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        with self.ctx.reading() as session:
            questions = section_question_counts(session, self.survey_id).get(chosen[0], 0)
        stays = (f" De {counted(questions, 'vraag', 'vragen')} erin blijven bestaan, zonder rubriek."
                 if questions else "")
        answer = QMessageBox.question(self, "Rubriek verwijderen", f"Rubriek '{chosen[1]}' verwijderen?{stays}")
        if answer != QMessageBox.StandardButton.Yes:
            return
        ops.delete_section(self.ctx, chosen[0])
        self.refresh()
