"""'Excel-sjabloon…' and 'Sjabloon inlezen…' for the organisation and year on screen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from regisseur_app.context import AppContext
from regisseur_app.domain.core.base import ValidationError
from regisseur_app.exchange.export import ExportError
from regisseur_app.exchange.mvo.template import write_template
from regisseur_app.exchange.mvo.template_import import TemplateError, read_template
from regisseur_app.operations import mvo as mvo_ops
from regisseur_app.storage.backup import BackupError

XLSX_FILTER = "Excel-werkmap (*.xlsx)"


def file_stem(name: str, year: int) -> str:
    safe = "".join(c if c.isalnum() or c in " -_" else "_" for c in name).strip()
    return f"MVO {year} {safe}"


def make_template(parent: QWidget, ctx: AppContext, organisation_id: int, name: str, year: int) -> str | None:
    """Ask where, write the template; the status text, or None when cancelled or failed (message shown)."""
    path, _ = QFileDialog.getSaveFileName(parent, "Excel-sjabloon bewaren",
                                          str(Path.home() / f"{file_stem(name, year)}.xlsx"), XLSX_FILTER)
    if not path:
        return None
    target = Path(path) if path.lower().endswith(".xlsx") else Path(path + ".xlsx")
    try:
        with ctx.reading() as session:
            info = write_template(session, organisation_id, year, target)
    except ExportError as exc:
        QMessageBox.warning(parent, "Sjabloon niet gemaakt", str(exc))
        return None
    return f"Sjabloon met {info.rows} indicatoren bewaard in {target}."


def import_template(parent: QWidget, ctx: AppContext, organisation_id: int, year: int) -> str | None:
    """Ask for the filled-in file, check it, show every change and import after confirmation."""
    from regisseur_app.ui.mvo.import_preview_dialog import ImportPreviewDialog

    path, _ = QFileDialog.getOpenFileName(parent, "Ingevuld MVO-sjabloon kiezen", str(Path.home()), XLSX_FILTER)
    if not path:
        return None
    try:
        with ctx.reading() as session:
            preview = read_template(session, Path(path), organisation_id, year)
    except TemplateError as exc:
        QMessageBox.warning(parent, "Sjabloon niet ingelezen", str(exc))
        return None
    if not preview.changes:
        QMessageBox.information(parent, "Sjabloon inlezen", "Het sjabloon bevat geen wijzigingen.")
        return "Sjabloon gelezen: geen wijzigingen."
    dialog = ImportPreviewDialog(preview, Path(path).name, parent)
    if not dialog.exec():
        return "Inlezen geannuleerd: er is niets gewijzigd."
    try:
        changes = mvo_ops.import_template_values(ctx, organisation_id, year, preview.entries)
    except (ValidationError, BackupError, OSError) as exc:
        message = "; ".join(exc.errors.values()) if isinstance(exc, ValidationError) else str(exc)
        QMessageBox.warning(parent, "Sjabloon niet ingelezen", f"Er is niets gewijzigd: {message}")
        return None
    return f"Sjabloon ingelezen: {len(changes)} wijziging(en) bewaard (back-up gemaakt)."
