"""The measurements of the benchmark. Each case runs in a fresh Python process (see run.py) and
returns {metric: seconds}; the process's peak RSS is recorded with it.

Floors are measured the same way in the same run, so each figure is a ratio against what the stack
itself costs on this machine: a bare PySide6 window, a plain read of the same file, a bare SQL
aggregate, a plain reportlab document of the same size.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

Case = Callable[[Path, Path], dict[str, float]]
CASES: dict[str, Case] = {}


def case(name: str) -> Callable[[Case], Case]:
    def register(fn: Case) -> Case:
        CASES[name] = fn
        return fn
    return register


def _qt_app():  # noqa: ANN202
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication([])


def _ctx(db: Path):  # noqa: ANN202
    from regisseur_app.context import AppPaths
    from regisseur_app.startup import open_context

    return open_context(AppPaths.for_db(db, log_dir=db.parent / "logs", config_dir=db.parent / "cfg"))


def _clock(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


# ---- cold start (the whole process is timed by run.py) -----------------------------------------------
@case("floor_window")
def floor_window(_db: Path, _work: Path) -> dict[str, float]:
    """A bare PySide6 window shown, then quit."""
    from PySide6.QtWidgets import QLabel, QMainWindow

    app = _qt_app()
    window = QMainWindow()
    window.setCentralWidget(QLabel("Regisseur"))
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    return {}


def _started_window(db: Path):  # noqa: ANN202
    """The application started as `start` starts it (the Overzicht shown): (app, window, ctx, lock)."""
    from regisseur_app.app_paths import AppPaths
    from regisseur_app.cli import begin_gui_start

    paths = AppPaths.for_db(db, log_dir=db.parent / "logs", config_dir=db.parent / "cfg")
    begin_gui_start(paths.db_path)
    from regisseur_app.ui.app import _ensure_setup, _open, make_application, show_main_window
    from regisseur_app.ui.instance_lock import InstanceLock

    app = make_application()
    lock = InstanceLock(paths.db_path)
    assert lock.acquire()
    ctx = _open(paths, demo=False)
    assert ctx is not None and _ensure_setup(ctx)
    window = show_main_window(ctx)
    app.processEvents()
    return app, window, ctx, lock


@case("start")
def start(db: Path, _work: Path) -> dict[str, float]:
    """What `regisseur-app --db DB` does up to a shown, populated start screen (then quits). The Overzicht
    shows the snapshot the previous start kept when the data and the day are unchanged (the discarded
    warm-up run of run.py is that previous start): a repeated start on the same day. Like cli.main, the
    database check begins before the application's imports."""
    _app, window, _ctx, lock = _started_window(db)
    home = window.current_page()
    assert home.tiles["organisations"].value.text() != "–", "the start screen is not populated"
    lock.release()
    return {}


@case("start_uncached")
def start_uncached(db: Path, work: Path) -> dict[str, float]:
    """The same start without a kept snapshot: after the data changed outside this window, after a crash
    (no close that kept it), more than three days after the last close, or on the first start of a year:
    every Overzicht section computed before the window is shown. The snapshot is
    removed inside the timed process (a few ms more, never less)."""
    conn = sqlite3.connect(db)
    with conn:
        conn.execute("DELETE FROM app_setting WHERE key = 'home_snapshot'")
    conn.close()
    return start(db, work)


@case("start_next_day")
def start_next_day(db: Path, work: Path) -> dict[str, float]:
    """The first start of a day after the window was closed normally the day before: that close prepared
    the Overzicht of the next days from the same data (ui/home_page.py keep_current). The kept snapshot
    (today's, from run.py's warm-up) is put back in that state inside the timed process: the main one
    marked as yesterday's, today's among the prepared ones (a few ms more, never less)."""
    import json
    from datetime import date, timedelta

    conn = sqlite3.connect(db)
    with conn:
        row = conn.execute("SELECT value FROM app_setting WHERE key = 'home_snapshot'").fetchone()
        kept = json.loads(row[0]) if row else {"key": [None, None]}  # none kept: this start computes (more)
        today = date.today().isoformat()
        if kept["key"][1] == today:
            prepared = {k: v for k, v in kept.items() if k != "ahead"}
            yesterday = json.loads(json.dumps(prepared))
            yesterday["key"][1] = (date.today() - timedelta(days=1)).isoformat()
            yesterday["ahead"] = [prepared, *(a for a in kept.get("ahead", []) if a["key"][1] > today)]
            conn.execute("UPDATE app_setting SET value = ? WHERE key = 'home_snapshot'", (json.dumps(yesterday),))
    conn.close()
    return start(db, work)


# ---- lists on the large data ----------------------------------------------------------------------
@case("referral_list")
def referral_list(db: Path, _work: Path) -> dict[str, float]:
    _qt_app()
    ctx = _ctx(db)
    from regisseur_app.ui.referrals.referral_page import ReferralPage

    holder: dict = {}
    opened = _clock(lambda: holder.setdefault("page", ReferralPage(ctx)).refresh())
    view = holder["page"].list_view
    combo = view.municipality_combo

    def municipality() -> None:
        combo.setCurrentIndex(min(3, combo.count() - 1))
        view.apply_filters()

    filtered = _clock(municipality)
    assert view.model.rowCount() > 0
    return {"open": opened, "filter": filtered}


def list_page_case(db: Path, make_page: Callable) -> dict[str, float]:  # noqa: ANN001
    """A list page on the large region: open it (first rows shown), then search 'groen'."""
    _qt_app()
    ctx = _ctx(db)
    holder: dict = {}
    # built and read, as the window shows it (the page reads its rows when shown, not when built)
    opened = _clock(lambda: holder.setdefault("page", make_page(ctx)).refresh())
    page = holder["page"]
    assert page.model.rowCount() > 0

    def search() -> None:
        page.search_edit.setText("groen")
        page.refresh()

    filtered = _clock(search)
    assert page.model.rowCount() > 0
    return {"open": opened, "filter": filtered}


@case("organisation_list")
def organisation_list(db: Path, _work: Path) -> dict[str, float]:
    from regisseur_app.ui.organisations.organisation_page import OrganisationPage

    return list_page_case(db, OrganisationPage)


# ---- statistics -------------------------------------------------------------------------------------
@case("referral_stats")
def referral_stats(db: Path, _work: Path) -> dict[str, float]:
    from regisseur_app.domain.referrals.stats import StatsFilter, compute_stats

    ctx = _ctx(db)
    with ctx.reading() as session:
        compute_stats(session, StatsFilter())  # warm the page cache like the floor below
        seconds = _clock(lambda: compute_stats(session, StatsFilter()))
    return {"stats": seconds}


@case("floor_referral_aggregate")
def floor_referral_aggregate(db: Path, _work: Path) -> dict[str, float]:
    """One plain aggregate over every referral and step (group by municipality and status)."""
    conn = sqlite3.connect(db)
    sql = ("SELECT r.nis_code, s.status, count(*), avg(julianday(s.step_date) - julianday(r.referral_date)) "
           "FROM referral r JOIN referral_step s ON s.referral_id = r.id GROUP BY r.nis_code, s.status")
    conn.execute(sql).fetchall()
    seconds = _clock(lambda: conn.execute(sql).fetchall())
    return {"stats": seconds}


# ---- a 10.000-row Excel file ------------------------------------------------------------------------
def organisations_xlsx(work: Path) -> Path:
    """10.000 organisations as a user would export them from another tool (made once per run)."""
    target = work / "organisaties-10000.xlsx"
    if not target.exists():
        from openpyxl import Workbook

        book = Workbook(write_only=True)
        sheet = book.create_sheet("Organisaties")
        sheet.append(["Naam", "Type", "Straat", "Postcode", "Gemeente", "Zetel", "Website"])
        for i in range(10_000):
            sheet.append([f"Organisatie {i:05d}", "Maatwerkbedrijf", f"Stationsstraat {i % 300 + 1}", "3460",
                          "Bekkevoort", "Bekkevoort", f"https://org{i}.example"])
        book.save(target)
    return target


@case("floor_xlsx_read")
def floor_xlsx_read(_db: Path, work: Path) -> dict[str, float]:
    """The fastest plain read of the same file available here (python-calamine, else openpyxl read-only)."""
    path = organisations_xlsx(work)
    try:
        from python_calamine import CalamineWorkbook

        def read() -> None:
            CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    except ImportError:
        from openpyxl import load_workbook

        def read() -> None:
            book = load_workbook(path, read_only=True)
            list(book.worksheets[0].iter_rows(values_only=True))
            book.close()
    return {"read": _clock(read)}


@case("xlsx_import")
def xlsx_import(db: Path, work: Path) -> dict[str, float]:
    """Read the file through the app's reader, preview every row, import all (one transaction)."""
    from regisseur_app.exchange.core.org_import import ORGANISATION_FIELDS, import_organisations, preview_organisations
    from regisseur_app.exchange.importing import guess_mapping
    from regisseur_app.exchange.tabular import read_table

    path = organisations_xlsx(work)
    holder: dict = {}
    read = _clock(lambda: holder.setdefault("table", read_table(path)))
    table = holder["table"]
    ctx = _ctx(db)
    mapping = guess_mapping(table.headers, ORGANISATION_FIELDS)

    def preview_and_import() -> None:
        with ctx.transaction() as session:
            preview_organisations(session, table, mapping)
            import_organisations(session, table, mapping)

    total = read + _clock(preview_and_import)
    return {"read": read, "import": total}


@case("csv_50mb")
def csv_50mb(_db: Path, work: Path) -> dict[str, float]:
    """Peak memory when a 50 MB CSV is given to the importer (read or refused)."""
    from regisseur_app.exchange.tabular import TableReadError, read_table

    path = work / "groot-50mb.csv"
    if not path.exists():
        line = "Organisatie {i};Maatwerkbedrijf;Stationsstraat 1;3460;Bekkevoort;" + "x" * 60 + "\n"
        with path.open("w", encoding="utf-8") as out:
            out.write("Naam;Type;Straat;Postcode;Gemeente;Notities\n")
            i = 0
            while out.tell() < 50 * 1024 * 1024:
                out.write(line.format(i=i))
                i += 1

    def read() -> None:
        try:
            read_table(path)
        except TableReadError:
            pass

    return {"read": _clock(read)}


@case("floor_list")
def floor_list(db: Path, _work: Path) -> dict[str, float]:
    """Plain indexed queries for what a list shows first: 200 referrals, and the organisations by name."""
    conn = sqlite3.connect(db)
    referrals = "SELECT id, code, nis_code, status FROM referral ORDER BY referral_date DESC LIMIT 200"
    organisations = "SELECT id, name, seat_nis_code FROM organisation WHERE archived = 0 ORDER BY name"
    conn.execute(referrals).fetchall()
    return {"referrals": _clock(lambda: conn.execute(referrals).fetchall()),
            "organisations": _clock(lambda: conn.execute(organisations).fetchall())}


# ---- college reports --------------------------------------------------------------------------------
def _report_counts(work: Path) -> Path:
    return work / "report-shape.json"


def _clock_cpu(fn: Callable[[], object]) -> tuple[float, float]:
    """Wall and CPU seconds of fn (CPU: time.process_time, every thread of the process)."""
    cpu = time.process_time()
    wall = _clock(fn)
    return wall, time.process_time() - cpu


def _previous_start(db: Path, work: Path) -> None:
    """The application started and closed once on `db` in another process (the `start` case): it keeps the
    Overzicht's snapshot for the current data, so the next start is a repeated start."""
    import subprocess
    import sys

    child = Path(__file__).with_name("child.py")
    subprocess.run([sys.executable, str(child), "start", str(db), str(work)], check=True, capture_output=True,
                   env=dict(os.environ, PYTHONPATH=str(child.parents[1])), timeout=300)


def _report_shape(ctx, scope, target: Path, work: Path) -> None:  # noqa: ANN001
    """The report's pages, tables, rows and charts, for the floor cases (read after the clock)."""
    import json

    from pypdf import PdfReader

    from regisseur_app.operations import reports as ops
    from regisseur_app.reports.content import BarChart, Table

    report = ops.load_report(ctx, scope, None)
    blocks = [b for s in report.sections for b in s.blocks]
    shape = {"pages": len(PdfReader(target).pages), "tables": sum(isinstance(b, Table) for b in blocks),
             "rows": sum(len(b.rows) for b in blocks if isinstance(b, Table)),
             "charts": sum(isinstance(b, BarChart) for b in blocks)}
    _report_counts(work).write_text(json.dumps(shape))


@case("college_report")
def college_report(db: Path, work: Path) -> dict[str, float]:
    """One municipality's college report for last year as the user makes it in the application: the window
    started as `start` does (the Overzicht shown), the Rapporten page opened, which prepares the report
    machinery in the background while the user chooses (operations.reports.prepare_page: importing the
    sections and models, configuring the mappers, importing reportlab and reading the fonts, then compiling
    the report's statements with a report for no municipality, none of it depending on the choice; waited for
    here, before the clock), then 'PDF bewaren' for the page's first municipality and the year 2025: the timed call is
    the one the page runs on its worker. A start in a process of its own runs first, so this start is a
    repeated one (the Overzicht shown from its snapshot): the state in which the fewest modules are loaded
    and statements compiled when the report is asked for (measured ≈ 40 ms CPU more for the report than
    after a first start of the day, which computes the Overzicht)."""
    from PySide6.QtCore import QThreadPool

    from regisseur_app.operations import reports as ops

    _previous_start(db, work)
    app, window, ctx, lock = _started_window(db)
    page = window.show_page("Rapporten")
    page.year_spin.setValue(2025)
    app.processEvents()
    QThreadPool.globalInstance().waitForDone()
    app.processEvents()
    assert ops.is_prepared()
    scope, keys = page.scope(), page.panel.chosen_keys()
    assert scope is not None and not scope.is_region and keys
    target = work / "rapport.pdf"
    seconds, cpu = _clock_cpu(lambda: ops.make_report(ctx, scope, target, keys))
    _report_shape(ctx, scope, target, work)
    lock.release()
    return {"report": seconds, "report_cpu": cpu}


@case("college_report_cold")
def college_report_cold(db: Path, work: Path) -> dict[str, float]:
    """The same report as the first thing a fresh process does after opening the database (no window, no
    Rapporten page): the report pays every first-time cost itself (imports, mappers, reportlab, fonts)."""
    from datetime import date

    from regisseur_app.operations import reports as ops
    from regisseur_app.reports.college.assemble import municipality_scopes

    ctx = _ctx(db)
    with ctx.reading() as session:
        scope = municipality_scopes(session, date(2025, 1, 1), date(2025, 12, 31))[0]
    target = work / "rapport.pdf"
    seconds, cpu = _clock_cpu(lambda: ops.make_report(ctx, scope, target))
    _report_shape(ctx, scope, target, work)
    return {"report": seconds, "report_cpu": cpu}


@case("floor_report")
def floor_report(_db: Path, work: Path) -> dict[str, float]:
    """A plain reportlab document of the same shape as the college report just made: as many pages,
    tables, table rows and bar charts (shape read from college_report's run). Like the report, it is made
    in a fresh process and imports reportlab (and registers the TTF font) inside the clock: college_report
    pays those imports in its clock too (render_pdf is imported when the first report is written)."""
    import json

    shape = json.loads(_report_counts(work).read_text())

    def build() -> None:
        from reportlab.graphics.charts.barcharts import HorizontalBarChart
        from reportlab.graphics.shapes import Drawing
        from reportlab.lib.pagesizes import A4
        from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer
        from reportlab.platypus import Table as RLTable

        from regisseur_app.reports.pdf_base import paragraph

        story = []
        per_table = max(1, shape["rows"] // max(1, shape["tables"]))
        for i in range(shape["tables"]):
            story.append(paragraph(f"Tabel {i}", "h2"))
            story.append(RLTable([["Gemeente", "Waarde", "Regio"]] + [[f"Rij {r}", f"{r * 3}", f"{r * 7}"]
                                                                       for r in range(per_table)], repeatRows=1))
        for i in range(shape["charts"]):
            drawing = Drawing(400, 150)
            chart = HorizontalBarChart()
            chart.data = [[1, 2, 3, 4, 5]]
            chart.categoryAxis.categoryNames = ["a", "b", "c", "d", "e"]
            drawing.add(chart)
            story += [Paragraph(f"Grafiek {i}"), drawing, Spacer(1, 6)]
        for _ in range(max(0, shape["pages"] - 1)):  # a report has a page per section and more
            story += [PageBreak(), Paragraph("Vervolg")]
        SimpleDocTemplate(str(work / "vloer.pdf"), pagesize=A4).build(story)

    seconds, cpu = _clock_cpu(build)
    return {"report": seconds, "report_cpu": cpu}


@case("floor_report_loaded")
def floor_report_loaded(db: Path, work: Path) -> dict[str, float]:
    """The floor of the first measurements: the same document, with reportlab imported (and the font
    registered) before the clock starts, as it was before floor_report included them."""
    import reportlab.graphics.charts.barcharts  # noqa: F401
    import reportlab.platypus  # noqa: F401

    from regisseur_app.reports.pdf_base import paragraph

    paragraph("x", "h2")
    return floor_report(db, work)


@case("college_batch")
def college_batch(db: Path, work: Path) -> dict[str, float]:
    """The batch: every participating municipality's report, the regional one and the Excel workbook."""
    from datetime import date

    from regisseur_app.operations import reports as ops

    ctx = _ctx(db)
    folder = work / "batch"
    folder.mkdir(exist_ok=True)
    seconds, cpu = _clock_cpu(lambda: ops.run_batch(ctx, date(2025, 1, 1), date(2025, 12, 31), folder))
    return {"batch": seconds, "batch_cpu": cpu}


# ---- KPIs --------------------------------------------------------------------------------------------
@case("kpi_progress")
def kpi_progress(db: Path, _work: Path) -> dict[str, float]:
    """Every KPI of the plan for a year, region-wide, computed from the modules' data."""
    from datetime import date

    from regisseur_app.domain.plan import kpis
    from regisseur_app.reports.plan.sources import registered_sources

    ctx = _ctx(db)
    with ctx.reading() as session:
        seconds = _clock(lambda: kpis.progress(session, 2025, None, date(2025, 12, 31),
                                               sources=registered_sources()))
    return {"kpis": seconds}


from bench import cases_orgs, cases_survey  # noqa: E402,F401  (the list, survey and MVO cases register themselves)
