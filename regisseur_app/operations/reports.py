"""User actions of the college reports: comments, settings, making one report (PDF or .docx), the preview,
and the batch (every municipality + the region + the Excel workbook into a folder, with progress and
cancel). Every file made is logged: which report, for which municipality and period, when."""

from __future__ import annotations

import os
import re
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from regisseur_app.domain.core.settings import data_generation
from regisseur_app.domain.reports import comments, log
from regisseur_app.domain.reports.settings import ReportSettings, save_settings
from regisseur_app.gc_pause import gc_paused
from regisseur_app.operations.base import Op, operation
from regisseur_app.operations.reports_prepare import (  # noqa: F401  (the page's)
    is_prepared,
    is_warmed,
    prepare,
    prepare_page,
    report_asked,
)
from regisseur_app.reports.college.assemble import (
    CollegeReport,
    build_report,
    default_section_keys,
    municipality_scopes,
    region_scope,
)
from regisseur_app.reports.content import Scope

if TYPE_CHECKING:
    from regisseur_app.context import AppContext

Progress = Callable[[int, str], None]  # may raise to cancel (ui.workers.Job.progress raises Cancelled)


@operation(changes={"reports"})
def save_comment(op: Op, scope: Scope, section_key: str, text: str) -> None:
    previous = comments.set_comment(op.session, scope, section_key, text)
    if previous != (text or "").strip():
        op.undoable("commentaar aanpassen",
                    undo=lambda ctx: save_comment(ctx, scope, section_key, previous),
                    redo=lambda ctx: save_comment(ctx, scope, section_key, text))


@operation(changes={"reports", "settings"})
def save_report_settings(op: Op, settings: ReportSettings) -> None:
    save_settings(op.session, settings)


@operation(changes={"reports"})
def record_made(op: Op, entries: list[tuple[Scope, str, Path, list[str]]], batch: bool = False) -> None:
    made_at = datetime.now().replace(microsecond=0)
    for scope, kind, path, keys in entries:
        log.record(op.session, scope, kind, path, keys, batch, made_at)


collector_paused = gc_paused  # the report's pause: see regisseur_app/gc_pause.py


def load_report(ctx: AppContext, scope: Scope, keys: list[str] | None = None) -> CollegeReport:
    with ctx.reading() as session:
        return build_report(session, scope, keys)


def default_keys(ctx: AppContext) -> list[str]:
    with ctx.reading() as session:
        return default_section_keys(session)


def scopes(ctx: AppContext, start: date, end: date) -> list[Scope]:
    with ctx.reading() as session:
        return municipality_scopes(session, start, end)


def report_log(ctx: AppContext) -> list[log.LogRow]:
    with ctx.reading() as session:
        return log.list_log(session)


def comments_for(ctx: AppContext, scope: Scope) -> dict[str, str]:
    with ctx.reading() as session:
        return comments.get_comments(session, scope)


def render(report: CollegeReport, path: Path) -> str:
    """Write the report as PDF or .docx (by the file's suffix); returns the kind."""
    path = Path(path)
    if path.suffix.lower() == ".docx":
        from regisseur_app.reports.college.render_docx import write_docx

        write_docx(report, path)
        return "docx"
    from regisseur_app.reports.college.render_pdf import write_pdf

    write_pdf(report, path)
    return "pdf"


def make_report(ctx: AppContext, scope: Scope, path: Path, keys: list[str] | None = None) -> Path:
    """One report (PDF, or .docx when the name ends so), logged. A PDF the preview has just shown is saved as
    it is when nothing changed since (same database, data generation, day, municipality, period and
    sections): 'Voorbeeld' then 'Opslaan als PDF' does not make the report twice."""
    path = Path(path)
    shown = _PREVIEW.get("last")
    if path.suffix.lower() == ".pdf" and shown is not None and shown.matches(ctx, scope, keys):
        _write_bytes(path, shown.pdf)
        record_made(ctx, [(scope, "pdf", path, shown.section_keys)])
        return path
    if path.suffix.lower() == ".pdf":
        report_asked()  # prepared at once when the Rapporten page did it; else now, so that its objects are frozen
    with collector_paused():
        report = load_report(ctx, scope, keys)
        kind = render(report, path)
    record_made(ctx, [(scope, kind, path, [s.key for s in report.sections])])
    return path


@dataclass(frozen=True)
class _Shown:
    """The PDF of the last preview and what it was made from."""

    db_path: Path
    generation: int
    day: date
    scope: Scope
    keys: tuple[str, ...] | None
    section_keys: list[str]
    pdf: bytes

    def matches(self, ctx: AppContext, scope: Scope, keys: list[str] | None) -> bool:
        if (self.db_path, self.scope, self.keys, self.day) != (ctx.db_path, scope, _keys(keys), date.today()):
            return False
        with ctx.reading() as session:
            return data_generation(session) == self.generation


_PREVIEW: dict[str, _Shown] = {}  # one entry: a new preview replaces the last


def _keys(keys: list[str] | None) -> tuple[str, ...] | None:
    return None if keys is None else tuple(keys)


def _write_bytes(path: Path, data: bytes) -> None:
    temp = path.with_name(f".{path.name}.tmp")
    try:
        temp.write_bytes(data)
        os.replace(temp, path)
    except OSError as exc:
        from regisseur_app.reports.pdf_base import ReportError  # reportlab is loaded with the first report

        temp.unlink(missing_ok=True)
        raise ReportError(f"Het PDF-bestand {path} kon niet geschreven worden: {exc.strerror or exc}. "
                          "Is het nog geopend in een ander programma?") from exc


def preview_pdf(ctx: AppContext, scope: Scope, keys: list[str] | None = None) -> bytes:
    """The PDF as it would be saved, as bytes for the preview (nothing is logged); kept for make_report."""
    report_asked()
    with collector_paused():
        with ctx.reading() as session:
            generation = data_generation(session)  # read with the figures, in the same transaction
            report = build_report(session, scope, keys)
        with tempfile.TemporaryDirectory() as folder:
            target = Path(folder) / "voorbeeld.pdf"
            render(report, target)
            pdf = target.read_bytes()
    _PREVIEW["last"] = _Shown(ctx.db_path, generation, report.made_on, scope, _keys(keys),
                              [s.key for s in report.sections], pdf)
    return pdf


def file_stem(scope: Scope) -> str:
    period = scope.period_label if scope.period_label.isdigit() else \
        f"{scope.start.isoformat()} tot {scope.end.isoformat()}"
    who = "Regionaal rapport" if scope.is_region else f"Rapport college {scope.name}"
    return re.sub(r'[\\/:*?"<>|]', "-", f"{who} {period}")


@dataclass
class BatchResult:
    folder: Path
    files: list[Path] = field(default_factory=list)
    seconds: float = 0.0


def run_batch(ctx: AppContext, start: date, end: date, folder: Path, keys: list[str] | None = None,
              progress: Progress | None = None, docx: bool = False) -> BatchResult:
    """Every participating municipality's report, the regional report and one workbook with every table,
    into `folder`; `progress(percent, text)` is called before each file (and may raise to cancel: the files
    made so far stay, only they are logged)."""
    began = time.perf_counter()
    report_asked()
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    targets = [*scopes(ctx, start, end), region_scope(start, end)]
    steps = len(targets) + 1
    result = BatchResult(folder)
    made: list[tuple[Scope, str, Path, list[str]]] = []
    reports: list[CollegeReport] = []
    try:
        with collector_paused():  # the reports' objects are freed by their counts (collector_paused)
            with ctx.reading() as session:  # one session: region-wide figures are computed once (reports.college.memo)
                built = []
                for index, scope in enumerate(targets):
                    if progress:
                        progress(int(index * 50 / steps), f"Cijfers verzamelen: {'regio' if scope.is_region else scope.name}")
                    built.append(build_report(session, scope, keys))
            for index, (scope, report) in enumerate(zip(targets, built, strict=True)):
                if progress:
                    progress(50 + int(index * 50 / steps), f"Rapport {index + 1} van {steps - 1}: "
                                                           f"{'regio' if scope.is_region else scope.name}")
                reports.append(report)
                section_keys = [s.key for s in report.sections]
                for suffix in (".pdf", ".docx") if docx else (".pdf",):
                    path = folder / f"{file_stem(scope)}{suffix}"
                    made.append((scope, render(report, path), path, section_keys))
                    result.files.append(path)
        if progress:
            progress(50 + int(len(targets) * 50 / steps), "Excel-bestand met alle tabellen")
        from regisseur_app.exchange.reports.workbook import write_workbook

        period = targets[-1]
        book = folder / f"Tabellen {file_stem(period).replace('Regionaal rapport ', '')}.xlsx"
        write_workbook(reports, book)
        made.append((period, "xlsx", book, sorted({s.key for r in reports for s in r.sections})))
        result.files.append(book)
        if progress:
            progress(100, "Klaar")
    finally:
        if made:
            record_made(ctx, made, batch=True)
        result.seconds = time.perf_counter() - began
    return result
