"""The list of backups to restore from: date, size, what each holds, and its check."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QTableWidget, QTableWidgetItem, QWidget

from regisseur_app.formatting import format_bytes, format_datetime, format_number
from regisseur_app.storage.backup import BackupInfo


class BackupTable(QTableWidget):
    """Newest first; the last column says whether the backup passed its integrity check."""

    def __init__(self, backups: list[BackupInfo], checks: dict[str, bool], parent: QWidget | None = None):
        labels = sorted({label for b in backups for label in b.counts})
        super().__init__(len(backups), 3 + len(labels), parent, objectName="backups")
        self.backups = backups
        self.setHorizontalHeaderLabels(["Datum en uur", "Grootte", *[label.capitalize() for label in labels],
                                        "Controle"])
        for row, backup in enumerate(backups):
            verified = checks.get(backup.path.name, False)
            cells = [format_datetime(backup.created), format_bytes(backup.size),
                     *[format_number(backup.counts.get(label, 0)) for label in labels],
                     "in orde" if verified else "beschadigd"]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if 0 < column < len(cells) - 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if not verified:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsSelectable)
                    item.setForeground(Qt.GlobalColor.gray)
                self.setItem(row, column, item)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().hide()
        self.resizeColumnsToContents()
        self.horizontalHeader().setStretchLastSection(True)
        first = next((i for i, b in enumerate(backups) if checks.get(b.path.name)), None)
        if first is not None:
            self.selectRow(first)

    def chosen(self) -> BackupInfo | None:
        rows = self.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None
