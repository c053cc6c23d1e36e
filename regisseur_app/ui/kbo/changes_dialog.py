"""What the last import changed: new enterprises, stopped ones, moved seats, left the region."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from regisseur_app.context import AppContext
from regisseur_app.domain.kbo import changes
from regisseur_app.ui.kbo.changes_model import ChangesTableModel
from regisseur_app.ui.table_base import read_only_table, sorting_proxy
from regisseur_app.ui.widgets import close_button


class ChangesDialog(QDialog):
    def __init__(self, ctx: AppContext, summary_text: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Wijzigingen in het KBO-register")
        self.resize(900, 520)
        self.model = ChangesTableModel(self)
        with ctx.reading() as session:
            self.model.set_rows(changes.last_changes(session))
        table = read_only_table(sorting_proxy(self.model), "kbo_changes_table")
        for column, width in enumerate((110, 130, 260)):
            table.setColumnWidth(column, width)
        buttons = close_button(self.reject)
        layout = QVBoxLayout(self)
        if summary_text:
            layout.addWidget(QLabel(summary_text, wordWrap=True, objectName="kbo_changes_summary"))
        if self.model.rowCount() == 0:
            layout.addWidget(QLabel("Geen wijzigingen ten opzichte van de vorige import.", wordWrap=True))
        layout.addWidget(table)
        layout.addWidget(buttons)
