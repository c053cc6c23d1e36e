"""Benchmark of the referral list on a generated database of 100.000 referrals.

    python bench/referrals_bench.py [--n 100000] [--db PATH] [--repeat 7]

Generates (or reuses) a database with N fictitious referrals and their steps, then times what the
'Doorverwijzingen' page does - open the list, filter, scroll, sort, statistics - and prints each
median as a ratio against two floors measured in the same run on the same file:
  floor A: a bare `SELECT count(*) FROM referral`
  floor B: a bare indexed query `SELECT id, code FROM referral ORDER BY referral_date DESC LIMIT 200`
Ratios, not milliseconds, are the result: they do not depend on the machine. No assertion is made;
tests never time anything.
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from regisseur_app.context import AppPaths  # noqa: E402
from regisseur_app.domain.core import codelists  # noqa: E402
from regisseur_app.domain.core.setup import complete_setup  # noqa: E402
from regisseur_app.domain.referrals import service as svc  # noqa: E402
from regisseur_app.domain.referrals.stats import StatsFilter, compute_stats  # noqa: E402
from regisseur_app.startup import open_context  # noqa: E402

FIVE = {"24008": "BEK", "24028": "GEE", "24137": "GLA", "24054": "KOR", "24135": "TIE"}
FLOW = ("in_screening", "positief", "tewerkstelling", "doorstroom", "afgesloten")


def generate(db: Path, n: int) -> None:
    paths = AppPaths.for_db(db, log_dir=db.parent / "logs", config_dir=db.parent / "cfg")
    ctx = open_context(paths)
    with ctx.transaction() as s:
        complete_setup(s, "IGO bench", list(FIVE))
        types = [i.id for i in codelists.list_items(s, codelists.REFERRAL_TYPE)]
    ctx.close()
    rng = random.Random(1)
    today = date.today()
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA foreign_keys = ON")
    counters: dict[tuple[str, int], int] = {}
    referrals, steps = [], []
    for rid in range(1, n + 1):
        nis = rng.choices(list(FIVE), weights=(30, 22, 4, 18, 26))[0]
        when = today - timedelta(days=rng.randrange(5 * 365))
        key = (FIVE[nis], when.year)
        counters[key] = counters.get(key, 0) + 1
        history = [("doorverwezen", when)]
        day = when
        for status in FLOW[:rng.randrange(len(FLOW) + 1)]:
            day = day + timedelta(days=rng.randint(5, 90))
            if day > today:
                break
            history.append((status, day))
        milestones = {status: d for status, d in history}
        status, status_date = history[-1]
        referrals.append((rid, f"{key[0]}-{key[1]}-{counters[key]:04d}", nis, "", when.isoformat(), rng.choice(types),
                          status, status_date.isoformat(), _iso(milestones.get("in_screening")),
                          "positief" if "positief" in milestones else None, _iso(milestones.get("positief")),
                          _iso(milestones.get("tewerkstelling")),
                          "doorstroom" if "doorstroom" in milestones else None, _iso(milestones.get("doorstroom")),
                          _iso(milestones.get("afgesloten"))))
        steps += [(rid, position, st, d.isoformat(), "") for position, (st, d) in enumerate(history, start=1)]
    conn.executemany(
        "INSERT INTO referral (id, code, nis_code, internal_reference, referral_date, type_id, status, status_date, "
        "screening_date, decision, decision_date, start_date, exit, exit_date, closed_date) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", referrals)
    conn.executemany("INSERT INTO referral_step (referral_id, position, status, step_date, note) VALUES (?,?,?,?,?)",
                     steps)
    conn.executemany("INSERT INTO app_setting (key, value) VALUES (?, ?)",
                     [(f"referrals.counter.{p}-{y}", str(c)) for (p, y), c in counters.items()])
    conn.commit()
    conn.execute("ANALYZE")
    conn.close()


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def timed(fn, repeat: int) -> float:  # noqa: ANN001
    fn()  # warm-up (page cache, statement cache)
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--db", type=Path)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    db = args.db or Path(tempfile.mkdtemp(prefix="regisseur-bench-")) / "bench.sqlite"
    if not db.exists():
        start = time.perf_counter()
        generate(db, args.n)
        print(f"database with {args.n:,} referrals generated in {time.perf_counter() - start:.1f} s: {db}")
    from PySide6.QtWidgets import QApplication

    from regisseur_app.ui.referrals.list_view import ReferralListView

    app = QApplication.instance() or QApplication([])  # noqa: F841 - must stay referenced
    ctx = open_context(AppPaths.for_db(db, log_dir=db.parent / "logs", config_dir=db.parent / "cfg"))
    raw = sqlite3.connect(db)
    floor_count = timed(lambda: raw.execute("SELECT count(*) FROM referral").fetchone(), args.repeat)
    floor_index = timed(lambda: raw.execute(
        "SELECT id, code FROM referral ORDER BY referral_date DESC LIMIT 200").fetchall(), args.repeat)
    view = ReferralListView(ctx)
    model = view.model

    def with_filter(setup):  # noqa: ANN001, ANN202
        def run() -> None:
            setup()
            view.apply_filters()  # what a changed filter does: one COUNT and the first page
        return run

    def open_list() -> None:
        reset()
        view.refresh()  # what opening the page does: the stale total, one COUNT and the first page

    def reset() -> None:
        for combo in (view.municipality_combo, view.type_combo, view.status_combo):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        view.stale_check.blockSignals(True)
        view.stale_check.setChecked(False)
        view.stale_check.blockSignals(False)
        view.code_edit.blockSignals(True)
        view.code_edit.setText("")
        view.code_edit.blockSignals(False)
        view.period.combo.blockSignals(True)
        view.period.combo.setCurrentIndex(0)
        view.period.combo.blockSignals(False)

    def set_combo(combo, index):  # noqa: ANN001, ANN202
        def apply() -> None:
            reset()
            combo.blockSignals(True)
            combo.setCurrentIndex(index)
            combo.blockSignals(False)
        return apply

    def stale() -> None:
        reset()
        view.stale_check.blockSignals(True)
        view.stale_check.setChecked(True)
        view.stale_check.blockSignals(False)

    def code() -> None:
        reset()
        view.code_edit.blockSignals(True)
        view.code_edit.setText("GLA-2024")
        view.code_edit.blockSignals(False)

    def year() -> None:
        reset()
        view.period.combo.blockSignals(True)
        view.period.combo.setCurrentIndex(3)
        view.period.combo.blockSignals(False)

    def scroll_50_pages() -> None:
        reset()
        view.refresh()
        for _ in range(49):
            model.fetchMore()

    with ctx.reading() as s:
        near_end = svc.list_referrals(s, svc.ReferralFilter(), offset=args.n - 201, limit=1)[0]

    def deep_page() -> None:
        with ctx.reading() as s:
            svc.list_referrals(s, svc.ReferralFilter(), limit=200, after=near_end)

    def offset_page() -> None:
        with ctx.reading() as s:
            svc.list_referrals(s, svc.ReferralFilter(), offset=args.n - 200, limit=200)

    def sort_by_municipality() -> None:
        reset()
        model.sort(1)

    def sort_by_status() -> None:
        reset()
        model.sort(4)
        for _ in range(3):
            model.fetchMore()

    def stats() -> None:
        with ctx.reading() as s:
            compute_stats(s, StatsFilter())

    cases = [
        ("list open (stale total + count + first page)", open_list),
        ("filter: municipality (Glabbeek)", with_filter(set_combo(view.municipality_combo, 3))),
        ("filter: status (in screening)", with_filter(set_combo(view.status_combo, 2))),
        ("filter: period (one year)", with_filter(year)),
        ("filter: vastgelopen", with_filter(stale)),
        ("filter: code search 'GLA-2024'", with_filter(code)),
        ("scroll: 50 pages (10.000 rows) by fetchMore", scroll_50_pages),
        ("scroll: last page by keyset (what the view does)", deep_page),
        ("  (for comparison: last page by OFFSET n-200)", offset_page),
        ("sort: by municipality name (by partition)", sort_by_municipality),
        ("sort: by status, then last page of it", sort_by_status),
        ("statistics: all referrals", stats),
    ]
    reset()
    view.refresh()
    loaded_after_open = model.rowCount()
    print(f"\n{args.n:,} referrals; after opening the list the model holds {loaded_after_open} rows "
          f"(of {model.total:,}); pages of 200 come in as the view scrolls.\n")
    print(f"floor A  SELECT count(*)                      {floor_count:8.2f} ms")
    print(f"floor B  indexed ORDER BY ... LIMIT 200       {floor_index:8.2f} ms\n")
    print(f"{'operation':46} {'ms':>9} {'× floor A':>10} {'× floor B':>10}")
    print("-" * 78)
    for name, fn in cases:
        ms = timed(fn, args.repeat)
        print(f"{name:46} {ms:9.2f} {ms / floor_count:10.1f} {ms / floor_index:10.1f}")
    raw.close()
    ctx.close()
    sys.stdout.flush()
    os._exit(0)  # skip interpreter teardown: PySide6 6.x may abort there ("none_dealloc") after the report


if __name__ == "__main__":
    raise SystemExit(main())
