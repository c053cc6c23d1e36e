"""Small reusable widgets: a searchable check list, validation messages shown at the field, a dialog's
Save/Cancel buttons and the hint of an empty list."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

ERROR_STYLE = "color: #b00020;"
INVALID_FIELD_STYLE = "border: 1px solid #b00020;"


class CheckList(QWidget):
    """A list of checkable items (value, label), with an optional filter box above it."""

    def __init__(self, items: list[tuple[object, str]], with_filter: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.filter_edit = QLineEdit(placeholderText="Zoeken in de lijst…")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._apply_filter)
        self.filter_edit.setVisible(with_filter)
        self.list = QListWidget()
        self.list.setMinimumHeight(90)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.list)
        self.set_items(items)

    def set_items(self, items: list[tuple[object, str]]) -> None:
        checked = set(self.checked_values()) if self.list.count() else set()
        self.list.clear()
        for value, label in items:
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, value)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if value in checked else Qt.CheckState.Unchecked)
            self.list.addItem(item)

    def checked_values(self) -> list:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.CheckState.Checked]

    def set_checked(self, values) -> None:  # noqa: ANN001
        wanted = set(values)
        for i in range(self.list.count()):
            item = self.list.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in wanted
                               else Qt.CheckState.Unchecked)

    def _apply_filter(self, text: str) -> None:
        needle = text.casefold().strip()
        for i in range(self.list.count()):
            item = self.list.item(i)
            item.setHidden(bool(needle) and needle not in item.text().casefold())


class FieldErrors:
    """Puts a red message under each form field that has an error, and clears the others."""

    def __init__(self, form: QFormLayout):
        self.form = form
        self.labels: dict[str, QLabel] = {}
        self.widgets: dict[str, QWidget] = {}

    def add_row(self, key: str, label: str, widget: QWidget) -> None:
        container = QWidget()
        box = QVBoxLayout(container)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(widget)
        message = QLabel()
        message.setObjectName(f"error_{key}")
        message.setStyleSheet(ERROR_STYLE)
        message.setWordWrap(True)
        message.hide()
        box.addWidget(message)
        self.form.addRow(label, container)
        self.labels[key] = message
        self.widgets[key] = widget

    def show(self, errors: dict[str, str]) -> None:
        for key, label in self.labels.items():
            text = errors.get(key, "")
            label.setText(text)
            label.setVisible(bool(text))
            widget = self.widgets[key]
            if isinstance(widget, QLineEdit):
                widget.setStyleSheet(INVALID_FIELD_STYLE if text else "")
        first = next((k for k in self.labels if k in errors), None)
        if first is not None:
            self.widgets[first].setFocus()


def empty_hint(object_name: str = "empty_hint") -> QLabel:
    """The short hint an empty list shows: what the first step is."""
    label = QLabel(objectName=object_name, wordWrap=True)
    label.setStyleSheet("color: #1f4e79; background: #eef4fa; padding: 8px; border-radius: 3px;")
    label.hide()
    return label


def close_button(on_close: Callable[[], object]) -> QDialogButtonBox:
    """A dialog's one Close button, labelled 'Sluiten' whether or not Qt's translation is loaded."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.button(QDialogButtonBox.StandardButton.Close).setText("Sluiten")
    buttons.rejected.connect(on_close)
    return buttons


def save_cancel_buttons(on_save: Callable[[], object], on_cancel: Callable[[], object],
                        save_text: str = "Opslaan") -> QDialogButtonBox:
    """A dialog's Save and Cancel buttons, labelled in Dutch whether or not Qt's translation is loaded."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Save).setText(save_text)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuleren")
    buttons.accepted.connect(on_save)
    buttons.rejected.connect(on_cancel)
    return buttons
