"""Beheer › Rapportinstellingen: the association's name, its logo (PNG or SVG), the sender line under the
cover, and which sections of the college report are on by default."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from regisseur_app.context import AppContext
from regisseur_app.domain.core.base import ValidationError
from regisseur_app.domain.reports.settings import ReportSettings, load_settings, logo_kind_of
from regisseur_app.operations import reports as ops
from regisseur_app.reports.college.assemble import available_sections
from regisseur_app.ui.widgets import FieldErrors, save_cancel_buttons


class ReportSettingsDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle("Rapportinstellingen")
        self.setObjectName("report_settings_dialog")
        with ctx.reading() as session:
            self.settings = load_settings(session)
        chosen = self.settings.default_sections
        self.name_edit = QLineEdit(self.settings.association, objectName="association")
        self.sender_edit = QLineEdit(self.settings.sender, objectName="sender",
                                     placeholderText="bv. Jan Peeters, regisseur sociale economie – 016 12 34 56")
        self.logo_label = QLabel(objectName="logo_state")
        choose = QPushButton("Logo kiezen…", objectName="choose_logo")
        choose.clicked.connect(self.choose_logo)
        remove = QPushButton("Logo verwijderen", objectName="remove_logo")
        remove.clicked.connect(self.remove_logo)
        logo_row = QWidget()
        row = QHBoxLayout(logo_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.logo_label, 1)
        row.addWidget(choose)
        row.addWidget(remove)
        self.sections = QListWidget(objectName="default_sections")
        for spec in available_sections():
            item = QListWidgetItem(spec.title)
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            on = spec.default_on if chosen is None else spec.key in chosen
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            self.sections.addItem(item)
        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.errors.add_row("association", "Naam van de vereniging", self.name_edit)
        self.errors.add_row("logo", "Logo (PNG of SVG)", logo_row)
        self.errors.add_row("sender", "Afzender (onder de voorpagina)", self.sender_edit)
        form.addRow("Standaard in elk rapport", self.sections)
        buttons = save_cancel_buttons(self.accept, self.reject, "Bewaren")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self._show_logo()
        self.resize(620, 460)

    def _show_logo(self) -> None:
        if self.settings.logo:
            kind = (self.settings.logo_kind or logo_kind_of(self.settings.logo) or "").upper()
            self.logo_label.setText(f"{kind}-logo ingesteld ({len(self.settings.logo) // 1024 + 1} kB)")
        else:
            self.logo_label.setText("Geen logo")

    def choose_logo(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Logo kiezen", "", "Afbeeldingen (*.png *.svg)")
        if not name:
            return
        try:
            data = Path(name).read_bytes()
        except OSError as exc:
            self.errors.show({"logo": f"'{Path(name).name}' kan niet gelezen worden: {exc.strerror or exc}."})
            return
        if logo_kind_of(data) is None:
            self.errors.show({"logo": f"'{Path(name).name}' is geen PNG- of SVG-bestand."})
            return
        self.settings.logo, self.settings.logo_kind = data, logo_kind_of(data) or ""
        self.errors.show({})
        self._show_logo()

    def remove_logo(self) -> None:
        self.settings.logo, self.settings.logo_kind = b"", ""
        self._show_logo()

    def accept(self) -> None:
        keys = [self.sections.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.sections.count())
                if self.sections.item(i).checkState() == Qt.CheckState.Checked]
        data = ReportSettings(association=self.name_edit.text(), sender=self.sender_edit.text(),
                              logo=self.settings.logo, logo_kind=self.settings.logo_kind, default_sections=keys)
        try:
            ops.save_report_settings(self.ctx, data)
        except ValidationError as exc:
            self.errors.show(exc.errors)
            return
        super().accept()
