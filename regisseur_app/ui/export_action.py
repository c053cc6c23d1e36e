"""'Exporteren…': ask for a file name and write the current list to Excel or CSV."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget


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
