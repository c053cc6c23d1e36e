"""Choose a backup to restore: date, size and what it holds."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from regisseur_app.context import AppContext
from regisseur_app.formatting import format_bytes, format_datetime, format_number
from regisseur_app.operations.maintenance import list_backups
from regisseur_app.storage.backup import BackupInfo


class RestoreDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Back-up terugzetten")
        self.resize(640, 420)
        self.chosen: BackupInfo | None = None
        self.chosen_label = ""
        self.backups = list_backups(ctx)
        labels = sorted({label for b in self.backups for label in b.counts})
        self.table = QTableWidget(len(self.backups), 2 + len(labels), objectName="backups")
        self.table.setHorizontalHeaderLabels(["Datum en uur", "Grootte", *[label.capitalize() for label in labels]])
        for row, backup in enumerate(self.backups):
            cells = [format_datetime(backup.created), format_bytes(backup.size),
                     *[format_number(backup.counts.get(label, 0)) for label in labels]]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.resizeColumnsToContents()
        self.table.doubleClicked.connect(lambda _i: self.accept())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Terugzetten…")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuleren")
        buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.backups))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        info = QLabel("Kies de back-up die je wilt terugzetten (nieuwste bovenaan)." if self.backups
                      else "Er zijn nog geen back-ups.")
        layout = QVBoxLayout(self)
        layout.addWidget(info)
        layout.addWidget(self.table)
        layout.addWidget(QLabel(f"Map: {ctx.paths.backup_dir}", wordWrap=True))
        layout.addWidget(buttons)
        if self.backups:
            self.table.selectRow(0)

    def accept(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.backups):
            self.chosen = self.backups[row]
            self.chosen_label = format_datetime(self.chosen.created)
            super().accept()
