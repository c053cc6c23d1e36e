"""The outputs of an event from the dialog: .ics, invitation mails (.eml), attendance sheet (PDF), Excel.

Each asks where to save, runs off the GUI thread where it may take a moment, and tells the user where the
files are. Pass `target` to skip the file dialog (used by tests)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from regisseur_app.context import AppContext
from regisseur_app.domain.core.base import ValidationError
from regisseur_app.domain.events import participants
from regisseur_app.domain.events import service as event_service
from regisseur_app.operations import events as event_ops
from regisseur_app.ui.workers import Cancelled, run_in_background


def _suggest(ctx: AppContext, event_id: int, suffix: str) -> Path:
    from regisseur_app.exchange.events.ics import safe_file_name

    with ctx.reading() as session:
        title = event_service.event_title(session, event_id)
    return Path.home() / f"{safe_file_name(title)}{suffix}"


def _failed(parent: QWidget, title: str):  # noqa: ANN202
    def show(exc: Exception) -> None:
        if not isinstance(exc, Cancelled):
            text = "\n".join(exc.errors.values()) if isinstance(exc, ValidationError) else str(exc)
            QMessageBox.warning(parent, title, text)
    return show


def save_ics(parent: QWidget, ctx: AppContext, event_id: int, target: Path | None = None) -> Path | None:
    from regisseur_app.exchange.events.ics import IcsError, write_ics

    if target is None:
        name, _ = QFileDialog.getSaveFileName(parent, "Agenda-item bewaren", str(_suggest(ctx, event_id, ".ics")),
                                              "Agenda-item (*.ics)")
        if not name:
            return None
        target = Path(name).with_suffix(".ics")
    try:
        with ctx.reading() as session:
            write_ics(session, event_id, target)
    except IcsError as exc:
        QMessageBox.warning(parent, "Agenda-item", str(exc))
        return None
    QMessageBox.information(parent, "Agenda-item", f"Het agenda-item is bewaard als {target}.\nOutlook en andere "
                                                   "agenda's openen het met een dubbelklik.")
    return target


def write_invitations(parent: QWidget, ctx: AppContext, event_id: int, participant_ids: list[int] | None = None,
                      folder: Path | None = None) -> bool:
    """One .eml per invitee (default: everyone still 'uitgenodigd'; else the selected participants)."""
    from regisseur_app.exchange.events import eml

    with ctx.reading() as session:
        ok, refused = eml.invitees(session, event_id, participant_ids)
        others = [] if participant_ids is not None else [
            p for p in participants.list_participants(session, event_id) if p.status != "uitgenodigd"]
    if ok and others:  # say, before writing, that only the people still 'uitgenodigd' get a mail
        answer = QMessageBox.question(
            parent, "Uitnodigingen",
            f"Er worden uitnodigingsmails gemaakt voor de {len(ok)} deelnemer(s) met status 'Uitgenodigd'. "
            f"De {len(others)} andere deelnemer(s) (ingeschreven, afgemeld, …) krijgen er geen.\n\nWilt u ook "
            "anderen een mail sturen? Kies dan 'Nee', selecteer hen in de deelnemerslijst en maak de mails "
            "opnieuw.\n\nNu de uitnodigingen maken?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes)
        if answer != QMessageBox.StandardButton.Yes:
            return False
    if not ok:
        QMessageBox.warning(parent, "Uitnodigingen", "Er is niemand om een uitnodiging naar te sturen"
                            + (": " + "; ".join(refused) + "." if refused else
                               ". Nodig eerst contactpersonen uit (status 'Uitgenodigd')."))
        return False
    if refused:
        answer = QMessageBox.question(
            parent, "Uitnodigingen", "Geen uitnodiging per mail mogelijk voor:\n- " + "\n- ".join(refused)
            + f"\n\nDe uitnodigingen voor de {len(ok)} andere genodigden toch maken?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes)
        if answer != QMessageBox.StandardButton.Yes:
            return False
    if folder is None:
        chosen = QFileDialog.getExistingDirectory(parent, "Map voor de uitnodigingsmails", str(Path.home()))
        if not chosen:
            return False
        folder = Path(chosen)
    try:
        result = event_ops.write_invitations(ctx, event_id, folder, participant_ids, skip_refused=True)
    except (ValidationError, OSError) as exc:
        _failed(parent, "Uitnodigingen")(exc)
        return False
    text = (f"{len(result.written)} uitnodiging(en) bewaard in {folder}.\nOpen elk bestand (dubbelklik): Outlook "
            "toont het als nieuw bericht, klaar om te verzenden. Het agenda-item (.ics) zit als bijlage bij.")
    if result.status_changed:
        text += "\n\nDe status van het evenement is nu 'Uitnodigingen verstuurd'."
    QMessageBox.information(parent, "Uitnodigingen", text)
    if parent.property("open_folders") is not False:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
    return True


def save_attendance_sheet(parent: QWidget, ctx: AppContext, event_id: int, target: Path | None = None) -> None:
    if target is None:
        name, _ = QFileDialog.getSaveFileName(parent, "Aanwezigheidslijst bewaren",
                                              str(_suggest(ctx, event_id, " - aanwezigheidslijst.pdf")), "PDF (*.pdf)")
        if not name:
            return
        target = Path(name).with_suffix(".pdf")

    def work(job) -> Path:  # noqa: ANN001
        from regisseur_app.reports.events.attendance_sheet import write_attendance_sheet

        job.progress(10, "Aanwezigheidslijst maken…")
        with ctx.reading() as session:
            return write_attendance_sheet(session, event_id, target)

    def done(path: Path) -> None:
        QMessageBox.information(parent, "Aanwezigheidslijst", f"De aanwezigheidslijst is bewaard als {path}.")
        if parent.property("open_folders") is not False:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    run_in_background(parent, "Aanwezigheidslijst maken…", work, done, _failed(parent, "Aanwezigheidslijst"))


def export_participants(parent: QWidget, ctx: AppContext, event_id: int, target: Path | None = None) -> None:
    from regisseur_app.ui.export_action import ask_export_path, export_to_file

    if target is None:
        target = ask_export_path(parent, _suggest(ctx, event_id, " - deelnemers").name)
        if target is None:
            return
    from regisseur_app.exchange.events.export import participants_frame

    with ctx.reading() as session:
        rows = participants.list_participants(session, event_id)
    if export_to_file(parent, participants_frame(rows), target, "Deelnemers"):
        QMessageBox.information(parent, "Exporteren", f"{len(rows)} deelnemers geëxporteerd naar {target}.")
