"""Menu actions 'Back-up maken', 'Back-up terugzetten…' and 'Database controleren'."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from regisseur_app.operations import maintenance
from regisseur_app.startup import RestoreIncompleteError
from regisseur_app.ui.workers import Cancelled, run_in_background


def make_backup_now(window) -> None:  # noqa: ANN001
    ctx = window.ctx

    def done(path) -> None:  # noqa: ANN001
        window.statusBar().showMessage(f"Back-up gemaakt en gecontroleerd: {path.name}", 10000)

    run_in_background(window, "Back-up maken…", lambda job: maintenance.make_backup(ctx),
                      done, lambda exc: _failed(window, "Back-up mislukt", exc), cancellable=False)


def check_database_now(window) -> None:  # noqa: ANN001
    ctx = window.ctx

    def done(report) -> None:  # noqa: ANN001
        box = QMessageBox.information if report.ok else QMessageBox.warning
        text = report.as_text()
        if report.counts:  # the counts are rows in the database: say what they include
            text += ("\n\nDe aantallen tellen alles wat in de database staat, ook gearchiveerde organisaties en "
                     "contactpersonen.")
        box(window, "Database controleren", text)

    run_in_background(window, "Database controleren…", lambda job: maintenance.check(ctx.db_path), done,
                      lambda exc: _failed(window, "Controle mislukt", exc), cancellable=False)


def restore_from_backup(window) -> None:  # noqa: ANN001
    from regisseur_app.ui.admin.restore_dialog import RestoreDialog

    dialog = RestoreDialog(window.ctx, window)
    if not dialog.exec() or dialog.chosen is None:
        return
    backup = dialog.chosen
    answer = QMessageBox.warning(
        window, "Back-up terugzetten",
        f"De huidige gegevens worden vervangen door de back-up van {dialog.chosen_label}.\n\n"
        "Eerst wordt nog een back-up van de huidige toestand gemaakt, zodat je dit kunt terugdraaien.\n\n"
        "Doorgaan?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
    if answer != QMessageBox.StandardButton.Yes:
        return

    def done(_value) -> None:  # noqa: ANN001
        window.reload_all()
        window.statusBar().showMessage(f"Back-up van {dialog.chosen_label} teruggezet.", 10000)

    def failed(exc: Exception) -> None:
        window.reload_all()
        _failed(window, "Terugzetten mislukt", exc)

    run_in_background(window, "Back-up terugzetten…", lambda job: maintenance.restore(window.ctx, backup.path),
                      done, failed, cancellable=False)


def _failed(parent: QWidget, title: str, exc: Exception) -> None:
    if isinstance(exc, Cancelled):
        return
    suffix = "" if isinstance(exc, RestoreIncompleteError) else "\n\nDe gegevens zijn niet gewijzigd."
    QMessageBox.critical(parent, title, f"{exc}{suffix}")
