"""'Rapport (PDF)…': the MVO report of the organisation and year on screen, made off the GUI thread."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from regisseur_app.context import AppContext
from regisseur_app.ui.workers import Cancelled, run_in_background


def save_organisation_report(parent: QWidget, ctx: AppContext, organisation_id: int, name: str, year: int,
                             on_done, target: Path | None = None) -> None:  # noqa: ANN001
    """Ask where (unless `target`), write the PDF in the background; `on_done(message)` afterwards."""
    from PySide6.QtWidgets import QMessageBox

    from regisseur_app.ui.mvo.template_actions import file_stem

    if target is None:
        chosen, _ = QFileDialog.getSaveFileName(parent, "MVO-rapport bewaren",
                                                str(Path.home() / f"{file_stem(name, year)}.pdf"), "PDF (*.pdf)")
        if not chosen:
            return
        target = Path(chosen).with_suffix(".pdf")

    def work(job) -> Path:  # noqa: ANN001
        from regisseur_app.reports.mvo.org_report import write_organisation_report

        job.progress(10, "MVO-rapport maken…")
        with ctx.reading() as session:
            return write_organisation_report(session, organisation_id, year, target)

    def failed(exc: Exception) -> None:
        if not isinstance(exc, Cancelled):
            QMessageBox.warning(parent, "MVO-rapport", f"Het rapport is niet gemaakt: {exc}")

    run_in_background(parent, "MVO-rapport maken…", work, lambda path: on_done(f"MVO-rapport bewaard als {path}."),
                      failed)
