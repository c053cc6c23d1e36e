"""Choosing and reading a .xlsx/.csv file off the GUI thread: shared by the import dialogs."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QHBoxLayout, QMessageBox, QPushButton, QVBoxLayout, QWidget

from regisseur_app.exchange.importing import ImportRejected
from regisseur_app.exchange.tabular import RawTable, TableReadError, read_table
from regisseur_app.formatting import counted
from regisseur_app.ui.workers import Cancelled, run_in_background

DELIMITER_NAMES = {";": "gescheiden door puntkomma", ",": "gescheiden door komma", "\t": "gescheiden door tab"}


def describe_table(table: RawTable) -> str:
    """'orgs.csv: 12 rijen, 5 kolommen, tekenset cp1252, gescheiden door puntkomma'."""
    details = [counted(len(table.rows), "rij", "rijen"), counted(len(table.headers), "kolom", "kolommen")]
    if table.encoding:
        details.append(f"tekenset {table.encoding}")
    if table.delimiter:
        details.append(DELIMITER_NAMES.get(table.delimiter, ""))
    return f"{table.source}: " + ", ".join(d for d in details if d)


class TableFileMixin:
    """For an import QDialog with `path_edit`, `file_info`, `table`, `_set_preview(preview or None)` and
    `_file_loaded(table)`: choose and read the file, and report a failed import."""

    def lay_out_import(self, choose: QPushButton, body: QWidget) -> None:
        """File row on top, the dialog's own `body` in the middle, Importeren/Annuleren below."""
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.import_button.setText("Importeren")
        self.import_button.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuleren")
        self.buttons.accepted.connect(self.run_import)
        self.buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(self.path_edit, 1)
        top.addWidget(choose)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.file_info)
        layout.addWidget(body, 1)
        layout.addWidget(self.buttons)

    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Bestand kiezen", str(Path.home()),
                                              "Tabellen (*.xlsx *.csv);;Alle bestanden (*)")
        if name:
            self.load_file(Path(name))

    def load_file(self, path: Path) -> None:
        self.path_edit.setText(str(path))
        run_in_background(self, "Bestand lezen…", lambda job: read_table(path), self._file_loaded,
                          self._file_failed)

    def _file_failed(self, exc: Exception) -> None:
        if isinstance(exc, Cancelled):
            return
        self.table = None
        self._set_preview(None)
        self.file_info.setText("")
        message = str(exc) if isinstance(exc, TableReadError) else f"Het bestand kon niet gelezen worden: {exc}"
        QMessageBox.warning(self, "Bestand niet ingelezen", message)

    def _import_failed(self, exc: Exception) -> None:
        if isinstance(exc, Cancelled):
            QMessageBox.information(self, "Import geannuleerd", "De import is geannuleerd; er is niets gewijzigd.")
            return
        if isinstance(exc, ImportRejected):
            self._set_preview(exc.preview)
        QMessageBox.warning(self, "Import mislukt", f"{exc}\n\nEr is niets gewijzigd.")
