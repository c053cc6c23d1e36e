"""Preview of an imported MVO template: every change (old → new) before anything is written; the user
confirms with 'Wijzigingen inlezen' (a backup is made first) or cancels."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from regisseur_app.exchange.mvo.template_import import TemplatePreview
from regisseur_app.formatting import counted
from regisseur_app.ui.mvo.change_table_model import ChangeTableModel
from regisseur_app.ui.table_base import read_only_table, sorting_proxy


class ImportPreviewDialog(QDialog):
    def __init__(self, preview: TemplatePreview, file_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("MVO-sjabloon inlezen — controle")
        self.resize(900, 520)
        summary = QLabel(
            f"<b>{preview.organisation}</b> — {preview.year}, uit '{file_name}':<br/>"
            f"{counted(len(preview.changes), 'wijziging', 'wijzigingen')}, "
            f"{counted(preview.unchanged, 'waarde', 'waarden')} ongewijzigd.", objectName="summary")
        summary.setWordWrap(True)
        self.model = ChangeTableModel(self)
        self.model.set_rows(preview.changes)
        table = read_only_table(sorting_proxy(self.model), "changes")
        table.resizeColumnsToContents()
        notes = []
        if preview.missing:
            notes.append(f"Niet in het bestand (blijven zoals ze zijn): {', '.join(preview.missing)}.")
        if preview.ignored_columns:
            notes.append(f"Genegeerde kolommen: {', '.join(preview.ignored_columns)}.")
        notes.append("Er wordt eerst een back-up gemaakt; met Ctrl+Z maakt u het inlezen ongedaan.")
        note = QLabel("\n".join(notes), objectName="notes")
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.buttons.addButton("Wijzigingen inlezen", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton("Annuleren", QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(table, 1)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
