"""The files of a survey, written on request: printable questionnaire (PDF), XLSForm, Excel template and
the results workbook. Each asks for a file name, writes, and reports in Dutch."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from regisseur_app.context import AppContext

KINDS = {
    "pdf": ("Vragenlijst afdrukken (PDF)", "vragenlijst", "PDF-bestand (*.pdf)", ".pdf"),
    "xlsform": ("XLSForm voor KoboToolbox/ODK", "xlsform", "XLSForm (*.xlsx)", ".xlsx"),
    "template": ("Excel-sjabloon om in te vullen", "sjabloon", "Excel-werkmap (*.xlsx)", ".xlsx"),
    "results": ("Resultaten (Excel)", "resultaten", "Excel-werkmap (*.xlsx)", ".xlsx"),
}


def _writer(kind: str):  # noqa: ANN202
    if kind == "pdf":
        from regisseur_app.reports.survey.questionnaire_pdf import write_questionnaire

        return write_questionnaire
    if kind == "xlsform":
        from regisseur_app.exchange.survey.xlsform import write_xlsform

        return write_xlsform
    from regisseur_app.exchange.survey import workbooks

    return workbooks.write_template if kind == "template" else workbooks.write_results


def suggested(title: str, kind: str) -> str:
    return re.sub(r"[^\w\- ]+", "", f"{title} - {KINDS[kind][1]}").strip() + KINDS[kind][3]


def write_output(parent: QWidget, ctx: AppContext, survey_id: int, title: str, kind: str,
                 target: Path | None = None) -> Path | None:
    caption, _stem, filters, suffix = KINDS[kind]
    if target is None:
        name, _chosen = QFileDialog.getSaveFileName(parent, caption, str(Path.home() / suggested(title, kind)), filters)
        if not name:
            return None
        target = Path(name)
    # imported when a file is written, not with the page: reportlab and the exporters took 0,15 s of the
    # Behoeftepeiling page's first show
    from regisseur_app.exchange.export import ExportError
    from regisseur_app.reports.pdf_base import ReportError

    if target.suffix.lower() != suffix:
        target = target.with_suffix(suffix)
    try:
        with ctx.reading() as session:
            _writer(kind)(session, survey_id, target)
    except (ExportError, ReportError) as exc:
        QMessageBox.warning(parent, "Bewaren mislukt", str(exc))
        return None
    return target
