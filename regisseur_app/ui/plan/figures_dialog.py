"""The figures behind a KPI value: the table the source computed (or the hand-entered values)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLabel, QTableView, QVBoxLayout, QWidget

from regisseur_app.reports.content import Table
from regisseur_app.ui.fit_contents import fit_to_contents
from regisseur_app.ui.plan.content_table_model import ContentTableModel
from regisseur_app.ui.widgets import close_button


class FiguresDialog(QDialog):
    def __init__(self, table: Table, heading: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(f"Cijfers achter de waarde – {table.title}")
        self.resize(820, 520)
        title = QLabel(f"<b>{heading}</b>", wordWrap=True)
        self.model = ContentTableModel(table, self)
        self.view = QTableView(objectName="figures_table")
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(True)
        fit_to_contents(self.view)
        note = QLabel(table.footnote, wordWrap=True)
        note.setStyleSheet("color: #555;")
        buttons = close_button(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.view)
        layout.addWidget(note)
        layout.addWidget(buttons)
