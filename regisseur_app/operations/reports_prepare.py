"""Work the first report of a process would otherwise do inside the user's wait, done ahead while the
Rapporten page is open and the user chooses a municipality, a period and sections. None of it depends on
that choice: `prepare` imports and loads (no data read); `warm_up` runs the report's code once for a
municipality code no municipality has, so that the statements every report runs are compiled. A report asked
for meanwhile makes the warm-up stop (`report_asked`)."""

from __future__ import annotations

import gc
import logging
import tempfile
import threading
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from regisseur_app.gc_pause import gc_paused
from regisseur_app.reports.content import Scope

if TYPE_CHECKING:
    from regisseur_app.context import AppContext

log = logging.getLogger(__name__)

NO_MUNICIPALITY = "00000"  # a NIS code no municipality has (NIS codes of municipalities are 11001–93090)

_PREPARED = threading.Event()
_PREPARING = threading.Lock()
_WARMED = threading.Event()
_ASKED = threading.Event()  # a report was asked for in this process: the warm-up gives way


def prepare() -> None:
    """What the first report of a process pays before its first query, done ahead: import every section and
    KPI source with their models, configure the mappers, import the PDF writer and read its fonts. The
    Rapporten page starts it in the background when it is first shown, while the user chooses a municipality
    and a period; a report asked for meanwhile waits for the imports as it would have made them itself.
    Reads no data; once per process."""
    with _PREPARING:
        if _PREPARED.is_set():
            return
        from sqlalchemy.orm import configure_mappers

        from regisseur_app import features
        from regisseur_app.features.spec import resolve

        with gc_paused():
            for spec in features.report_sections():
                resolve(spec.build)
            for source in features.kpi_sources():
                resolve(source.compute)
            configure_mappers()
            from regisseur_app.reports.college import render_pdf  # noqa: F401  (reportlab and the renderer)
            from regisseur_app.reports.pdf_base import register_fonts

            register_fonts()
            # what was just loaded (modules, mappers, reportlab, fonts) lives as long as the process: into
            # the permanent generation, as start_gc does at the start, so that the first collection after
            # the report does not walk the ~80.000 objects of the preparation again (≈ 20 ms in that report)
            gc.freeze()
        _PREPARED.set()


def is_prepared() -> bool:
    return _PREPARED.is_set()


def is_warmed() -> bool:
    return _WARMED.is_set()


def warm_up(ctx: AppContext) -> None:
    """Compile the statements of a municipality report ahead. SQLAlchemy compiles a statement the first time a
    process runs it (≈ 70 for a report, ≈ 35 ms on the demo data) and keeps it by its shape, whatever values are
    bound to it. A report for last year and a municipality code no municipality has runs nearly all of those
    statements, reads the region-wide figures (the same whatever the choice) and nothing of any municipality; it
    is written to a temporary folder and thrown away (nothing logged). A year before any data would read less but
    skips what only runs on data found (on the demo data 32 statements were left to the report instead of 9).
    The report the user then asks for still gathers and writes all of its own data. Stops before its next
    section once a report is asked for (`report_asked`), so that it never competes with one. Once per process;
    a failure only means that the first report compiles its statements itself."""
    if _WARMED.is_set():
        return
    _WARMED.set()
    from regisseur_app.features.spec import resolve
    from regisseur_app.reports.college.assemble import available_sections, build_report, build_section
    from regisseur_app.reports.college.render_pdf import write_pdf

    year = date.today().year - 1
    scope = Scope(NO_MUNICIPALITY, "", date(year, 1, 1), date(year, 12, 31))
    try:
        with gc_paused():
            with ctx.reading() as session:
                sections = []
                for spec in available_sections():
                    if _ASKED.is_set():
                        return
                    sections.append(build_section(session, spec, scope))
                    if spec.warm_up is not None:  # what the section runs only on data found
                        resolve(spec.warm_up)(session, scope)
                report = build_report(session, scope, keys=[])  # settings, comments, places
            report.sections = sections
            if _ASKED.is_set():
                return
            with tempfile.TemporaryDirectory() as folder:
                write_pdf(report, Path(folder) / "opwarmen.pdf")
    except Exception as exc:  # noqa: BLE001 - only a head start: the report itself does all of this again
        log.info("opwarmen van de rapporten mislukt: %s", exc)


def report_asked() -> None:
    """A report, preview or batch starts: a warm-up still running stops at its next section, and the report
    machinery is prepared (at once when the Rapporten page did it)."""
    _ASKED.set()
    prepare()


def prepare_page(ctx: AppContext) -> None:
    """What the Rapporten page runs in the background when it is first shown."""
    prepare()
    warm_up(ctx)
