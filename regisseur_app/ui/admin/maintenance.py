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
    """The full check (storage and the features' own checks, e.g. the audit chain); index damage can be
    repaired from here, other damage points to restoring a backup."""
    ctx = window.ctx

    def done(report) -> None:  # noqa: ANN001
        text = report.as_text()
        if report.ok and report.counts:  # the counts are rows in the database: say what they include
            text += ("\n\nDe aantallen tellen alles wat in de database staat, ook gearchiveerde organisaties en "
                     "contactpersonen.")
        if report.ok:
            QMessageBox.information(window, "Database controleren", text)
            return
        if not report.repairable:
            hint = ("\n\nZet een back-up terug via 'Bestand › Back-up terugzetten…'." if report.problems else "")
            QMessageBox.warning(window, "Database controleren", text + hint)
            return
        box = QMessageBox(QMessageBox.Icon.Warning, "Database controleren", text,
                          QMessageBox.StandardButton.Cancel, window)
        repair = box.addButton("Indexen herstellen", QMessageBox.ButtonRole.AcceptRole)
        box.button(QMessageBox.StandardButton.Cancel).setText("Sluiten")
        box.exec()
        if box.clickedButton() is repair:
            repair_indexes_now(window)

    run_in_background(window, "Database controleren…", lambda job: maintenance.check(ctx.db_path), done,
                      lambda exc: _failed(window, "Controle mislukt", exc), cancellable=False)


def repair_indexes_now(window) -> None:  # noqa: ANN001
    ctx = window.ctx

    def done(after) -> None:  # noqa: ANN001
        window.reload_all()
        if after.ok:
            window.statusBar().showMessage("Indexen hersteld: de database is in orde.", 10000)
            QMessageBox.information(window, "Indexen herstellen", "De indexen zijn opnieuw opgebouwd; de database "
                                    "is in orde. Een kopie van de beschadigde database is apart bewaard.")
        else:
            QMessageBox.warning(window, "Indexen herstellen", "Herstellen lukte niet volledig: " + after.summary())

    run_in_background(window, "Indexen herstellen…", lambda job: maintenance.repair_indexes(ctx), done,
                      lambda exc: _failed(window, "Herstellen mislukt", exc), cancellable=False)


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
