"""'Database herstellen': shown at start when the database is damaged or cannot be opened.

It says what is wrong (the full integrity check, classified), lists the backups with date, size, what
they hold and whether they pass their check, and offers to restore one (the damaged file is copied
aside first) or, when only the indexes are damaged, to rebuild them. Accepted = open Regisseur now.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from regisseur_app import features
from regisseur_app.context import AppPaths
from regisseur_app.formatting import format_datetime
from regisseur_app.storage import recovery
from regisseur_app.storage.backup import integrity_errors, list_backups
from regisseur_app.ui.recovery.backup_table import BackupTable
from regisseur_app.ui.workers import Cancelled, run_in_background


class RecoveryWindow(QDialog):
    def __init__(self, paths: AppPaths, parent: QWidget | None = None):
        super().__init__(parent)
        self.paths = paths
        self.safety_copy: Path | None = None  # set after a restore: the damaged file's copy
        self.table: BackupTable | None = None
        self.setWindowTitle("Regisseur – database herstellen")
        self.resize(760, 520)
        self.diagnosis = recovery.diagnose(paths.db_path)
        self.title = title = QLabel("<b>De database is beschadigd</b>" if self.diagnosis.kind != recovery.UNREADABLE
                       else "<b>De database kan niet geopend worden</b>", objectName="title")
        self.summary = QLabel(self.diagnosis.summary(), wordWrap=True, objectName="summary")
        self.details = QPlainTextEdit("\n".join(self.diagnosis.problems[:12]) or "–", readOnly=True)
        self.details.setMaximumHeight(80)
        self.backup_info = QLabel("Back-ups controleren…", wordWrap=True)
        self.result = QLabel("", wordWrap=True, objectName="result")
        self.result.hide()
        self.repair_button = QPushButton("Indexen herstellen", objectName="repair")
        self.repair_button.setVisible(self.diagnosis.kind == recovery.INDEX_ONLY)
        self.restore_button = QPushButton("Back-up terugzetten…", objectName="restore", enabled=False)
        self.open_button = QPushButton("Regisseur openen", objectName="open")
        self.open_button.hide()
        close_button = QPushButton("Afsluiten")
        self.repair_button.clicked.connect(self.repair)
        self.restore_button.clicked.connect(self.restore)
        self.open_button.clicked.connect(self.accept)
        close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.repair_button)
        buttons.addWidget(self.restore_button)
        buttons.addStretch()
        buttons.addWidget(self.open_button)
        buttons.addWidget(close_button)
        self.body = QVBoxLayout(self)
        self.body.addWidget(title)
        self.body.addWidget(self.summary)
        self.body.addWidget(QLabel(f"Bestand: {paths.db_path}", wordWrap=True))
        self.body.addWidget(QLabel("Technische details (meldingen van SQLite, voor wie helpt):"))
        self.body.addWidget(self.details)
        self.body.addWidget(self.backup_info)
        self.body.addWidget(self.result)
        self.body.addLayout(buttons)
        QTimer.singleShot(0, self._check_backups)

    # -- the backups -------------------------------------------------------------------------------
    def _check_backups(self) -> None:
        folder = self.paths.backup_dir

        def work(job):  # noqa: ANN001, ANN202
            backups = list_backups(folder, counts=features.backup_counts())
            checks = {}
            for number, info in enumerate(backups, start=1):
                job.progress(int(100 * number / max(len(backups), 1)), f"Back-up {number} van {len(backups)} controleren…")
                checks[info.path.name] = not integrity_errors(info.path)
            return backups, checks

        run_in_background(self, "Back-ups controleren…", work, self._show_backups, self._failed)

    def _show_backups(self, value) -> None:  # noqa: ANN001
        backups, checks = value
        good = sum(checks.values())
        self.table = BackupTable(backups, checks, self)
        self.table.doubleClicked.connect(lambda _i: self.restore())
        self.body.insertWidget(self.body.indexOf(self.backup_info) + 1, self.table)
        if not backups:
            self.backup_info.setText(f"Er zijn geen back-ups in {self.paths.backup_dir}.")
        else:
            self.backup_info.setText(f"Back-ups in {self.paths.backup_dir} (nieuwste bovenaan; {good} van "
                                     f"{len(backups)} in orde). Kies de back-up die je wilt terugzetten:")
        self.restore_button.setEnabled(good > 0)

    # -- actions -----------------------------------------------------------------------------------
    def restore(self) -> None:
        chosen = self.table.chosen() if self.table is not None else None
        if chosen is None or not self.restore_button.isEnabled():
            return
        when = format_datetime(chosen.created)
        answer = QMessageBox.warning(
            self, "Back-up terugzetten",
            f"De back-up van {when} wordt teruggezet.\n\nDe beschadigde database wordt eerst ongewijzigd apart "
            f"bewaard in {recovery.damaged_folder(self.paths.backup_dir)}.\n\nDoorgaan?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return

        def done(safety: Path) -> None:
            self.safety_copy = safety
            self._succeeded(f"De back-up van {when} is teruggezet en gecontroleerd. De beschadigde database is "
                            f"bewaard als {safety}.")

        run_in_background(self, "Back-up terugzetten…", lambda job: recovery.restore_file(
            self.paths.db_path, chosen.path, self.paths.backup_dir), done, self._failed, cancellable=False)

    def repair(self) -> None:
        def done(after: recovery.Diagnosis) -> None:
            if after.ok:
                self._succeeded("De indexen zijn opnieuw opgebouwd en de database is nu in orde. Een kopie van de "
                                f"beschadigde database staat in {recovery.damaged_folder(self.paths.backup_dir)}.")
            else:
                self.diagnosis = after
                self.summary.setText("Herstellen lukte niet volledig: " + after.summary())
                self.details.setPlainText("\n".join(after.problems[:12]))
                self.repair_button.hide()

        run_in_background(self, "Indexen herstellen…", lambda job: recovery.repair_indexes(
            self.paths.db_path, self.paths.backup_dir), done, self._failed, cancellable=False)

    def _succeeded(self, text: str) -> None:
        self.diagnosis = recovery.diagnose(self.paths.db_path)
        self.title.setText("<b>De database is hersteld</b>" if self.diagnosis.ok else self.title.text())
        self.summary.setText(self.diagnosis.summary())
        self.details.setPlainText("\n".join(self.diagnosis.problems[:12]) or "Volledige controle: in orde.")
        self.result.setText(text)
        self.result.setStyleSheet("color: #1b5e20; font-weight: bold;")
        self.result.show()
        for widget in (self.repair_button, self.restore_button, self.table, self.backup_info):
            if widget is not None:
                widget.hide()
        self.open_button.show()
        self.open_button.setDefault(True)
        self.open_button.setFocus()
        self.body.insertStretch(self.body.count() - 1, 1)

    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, Cancelled):
            return
        QMessageBox.critical(self, "Herstellen mislukt", f"{exc}\n\nDe beschadigde database is niet gewijzigd.")
