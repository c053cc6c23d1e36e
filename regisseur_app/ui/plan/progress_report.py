"""Save the yearly progress report (PDF or Excel) for a year of the plan, built off the GUI thread."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

from regisseur_app.context import AppContext
from regisseur_app.domain.plan.settings import plan_period
from regisseur_app.ui.workers import run_in_background


def _make(ctx: AppContext, year: int, kind: str, path: Path):  # noqa: ANN202
    def work(job):  # noqa: ANN001, ANN202
        from regisseur_app.reports.plan.progress_content import build_progress

        job.progress(10, "Cijfers berekenen…")
        with ctx.reading() as session:
            report = build_progress(session, year)
        job.progress(70, "Bestand schrijven…")
        if kind == "pdf":
            from regisseur_app.reports.plan.progress_pdf import write_progress_pdf

            return write_progress_pdf(report, path)
        from regisseur_app.exchange.plan.progress_workbook import write_progress_workbook

        return write_progress_workbook(report, path)

    return work


def export_progress_report(parent: QWidget, ctx: AppContext, kind: str, year: int | None = None,
                           path: Path | None = None) -> None:
    with ctx.reading() as session:
        period = plan_period(session)
    if period is None:
        QMessageBox.information(parent, "Voortgangsrapport", "Er is nog geen actieplan: laad eerst het standaardplan.")
        return
    if year is None:
        this_year = date.today().year
        default = period.years.index(this_year) if this_year in period.years else len(period.years) - 1
        choice, ok = QInputDialog.getItem(parent, "Voortgangsrapport", "Jaar:", [str(y) for y in period.years],
                                          default, False)
        if not ok:
            return
        year = int(choice)
    if path is None:
        suffix, filt = (".pdf", "PDF (*.pdf)") if kind == "pdf" else (".xlsx", "Excel (*.xlsx)")
        chosen, _ = QFileDialog.getSaveFileName(parent, "Voortgangsrapport bewaren",
                                                str(Path.home() / f"voortgangsrapport-{year}{suffix}"), filt)
        if not chosen:
            return
        path = Path(chosen)

    def done(result) -> None:  # noqa: ANN001
        message = f"Voortgangsrapport {year} bewaard: {result}"
        if hasattr(parent, "status_message"):
            parent.status_message.emit(message)

    def failed(error) -> None:  # noqa: ANN001
        QMessageBox.warning(parent, "Voortgangsrapport", str(error))

    run_in_background(parent, "Voortgangsrapport maken", _make(ctx, year, kind, path), done, failed)
