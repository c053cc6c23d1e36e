"""Beheer › Bewaartermijn toepassen: preview of the closed referrals past the retention period, then a
verified backup and the erasure (with an audit entry per code)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from regisseur_app.context import AppContext
from regisseur_app.domain.referrals.retention import REASON_RETENTION, retention_preview
from regisseur_app.domain.referrals.settings import load_settings
from regisseur_app.formatting import format_date, format_number
from regisseur_app.operations.referrals import run_retention
from regisseur_app.ui.workers import Cancelled, run_in_background


class RetentionDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.erased = 0
        self.setWindowTitle("Bewaartermijn toepassen")
        self.resize(640, 520)
        with ctx.reading() as session:
            self.candidates = retention_preview(session)
            months = load_settings(session).retention_months
        n = len(self.candidates)
        intro = QLabel(
            f"Afgesloten doorverwijzingen die langer dan {months} maanden afgesloten zijn, worden gewist met al hun "
            "stappen. Eerst wordt een gecontroleerde back-up gemaakt. Het auditlog en het register van gewiste codes "
            "houden alleen de code en de datum bij.", wordWrap=True)
        self.count_label = QLabel(objectName="retention_count")
        self.count_label.setText(f"<b>{format_number(n)} doorverwijzing{'en' if n != 1 else ''} te wissen.</b>"
                                 if n else "<b>Er zijn geen doorverwijzingen voorbij de bewaartermijn.</b>")
        self.table = QTableWidget(n, 3, objectName="retention_table")
        self.table.setHorizontalHeaderLabels(["Code", "Gemeente", "Afgesloten op"])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        for row, c in enumerate(self.candidates):
            for col, value in enumerate((c.code, c.municipality, format_date(c.closed_date))):
                self.table.setItem(row, col, QTableWidgetItem(value))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.erase_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.erase_button.setText("Back-up maken en wissen")
        self.erase_button.setEnabled(bool(n))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Sluiten")
        self.buttons.accepted.connect(self.erase)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.count_label)
        layout.addWidget(self.table)
        layout.addWidget(self.buttons)

    def erase(self) -> None:
        codes = [c.code for c in self.candidates]
        answer = QMessageBox.warning(
            self, "Definitief wissen", f"{_count(len(codes))} definitief wissen?\n\n"
            "Er wordt eerst een gecontroleerde back-up gemaakt.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return

        def done(count: int) -> None:
            self.erased = count
            QMessageBox.information(self, "Gewist", f"{_count(count)} gewist.")
            self.accept()

        def failed(exc: Exception) -> None:
            if not isinstance(exc, Cancelled):
                QMessageBox.critical(self, "Wissen mislukt", f"{exc}\n\nEr is niets gewist.")

        run_in_background(self, "Bewaartermijn toepassen…",
                          lambda job: run_retention(self.ctx, codes, REASON_RETENTION, progress=job.progress),
                          done, failed, cancellable=False)


def _count(n: int) -> str:
    return f"{format_number(n)} doorverwijzing{'' if n == 1 else 'en'}"
