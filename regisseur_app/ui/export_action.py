"""'Exporteren…': ask for a file name and write the current list to Excel or CSV."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton, QWidget

from regisseur_app.formatting import counted

FILTERS = "Excel-werkmap (*.xlsx);;CSV, gescheiden door puntkomma (*.csv)"


def ask_export_path(parent: QWidget, suggested_name: str) -> Path | None:
    path, chosen = QFileDialog.getSaveFileName(parent, "Exporteren", str(Path.home() / f"{suggested_name}.xlsx"),
                                               FILTERS)
    if not path:
        return None
    target = Path(path)
    if target.suffix.lower() not in (".xlsx", ".csv"):
        target = target.with_suffix(".csv" if "csv" in chosen.lower() else ".xlsx")
    return target


def export_to_file(parent: QWidget, frame, target: Path, sheet_title: str) -> bool:  # noqa: ANN001
    from regisseur_app.exchange.export import ExportError, export_frame

    try:
        export_frame(frame, target, sheet_title)
    except ExportError as exc:
        QMessageBox.warning(parent, "Exporteren mislukt", str(exc))
        return False
    return True


class ImportExportMixin:
    """'Importeren…' and 'Exporteren…' for a ListPage whose rows can be imported and exported.

    Subclasses set IMPORT_KIND (the key of an ImportKind in the feature registry) and EXPORT_NAME, and implement
    export_frame(rows) returning a pandas DataFrame.
    """

    IMPORT_KIND = ""
    EXPORT_NAME = ""

    def export_frame(self, rows: list):  # noqa: ANN201
        raise NotImplementedError

    def add_import_export_buttons(self) -> None:
        self.import_button = QPushButton("Importeren…", objectName="import")
        self.export_button = QPushButton("Exporteren…", objectName="export")
        self.import_button.clicked.connect(self.import_file)
        self.export_button.clicked.connect(self.export_list)
        self.extra_buttons.insertWidget(3, self.import_button)
        self.extra_buttons.insertWidget(4, self.export_button)

    def import_file(self) -> None:
        from regisseur_app.ui.import_dialog import ImportDialog

        if ImportDialog(self.ctx, self.IMPORT_KIND, parent=self).exec():
            self.refresh()

    def export_list(self) -> None:
        rows = self.visible_rows()
        target = ask_export_path(self, self.EXPORT_NAME.lower())
        if target and export_to_file(self, self.export_frame(rows), target, self.EXPORT_NAME):
            self.status_message.emit(
                f"{counted(len(rows), self.NOUN_SINGULAR, self.NOUN_PLURAL)} geëxporteerd naar {target}.")
