"""Referral import through the shared import dialog (file, mapping, preview, all-or-nothing)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from regisseur_app.context import AppContext
from regisseur_app.ui import import_dialog

KIND = "referrals"


def open_import(ctx: AppContext, parent: QWidget, path=None) -> bool:  # noqa: ANN001
    dialog = import_dialog.ImportDialog(ctx, KIND, parent=parent, path=path)
    dialog.duplicate_combo.setItemText(0, "Bestaande overslaan (zelfde gemeente en interne referentie)")
    dialog.duplicate_combo.model().item(1).setEnabled(False)
    return bool(dialog.exec())
