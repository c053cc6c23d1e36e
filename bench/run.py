"""Regisseur benchmark: every figure as a ratio against a floor measured in the same run.

    python bench/run.py [--size large|small|tiny] [--repeat 5] [--json bench/results.json]

Generates (once, in --work) the demo database and a fictitious region of the chosen size
(bench/region.py), then runs every case of bench/cases.py `--repeat` times, each time in a fresh
process, and prints the medians, their floors, the ratios, the targets of issue 16 and the peak memory
(RSS) of each process. Nothing here is a test: CI runs `--size tiny --repeat 1` only so it cannot rot.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))


@dataclass
class Sample:
    wall: float
    metrics: dict[str, float]
    rss_mb: float


@dataclass
class Row:
    label: str
    seconds: float
    floor_label: str
    floor_seconds: float | None
    target: str
    met: bool | None
    rss_mb: float

    @property
    def ratio(self) -> float | None:
        return self.seconds / self.floor_seconds if self.floor_seconds else None


def run_case(name: str, db: Path, work: Path, repeat: int, fresh_copy: bool = False) -> list[Sample]:
    samples = []
    for _ in range(repeat + 1):  # the first run warms the page cache and is not counted
        target = db
        if fresh_copy:
            target = work / f"copy-{name}.sqlite"
            for suffix in ("", "-wal", "-shm"):
                Path(str(target) + suffix).unlink(missing_ok=True)
            shutil.copyfile(db, target)
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
        # an installed application runs from compiled bytecode (pip compiles it at install): do not make
        # every child compile the app's sources again because the shell asked not to write .pyc files
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        start = time.perf_counter()
        done = subprocess.run([sys.executable, str(HERE / "child.py"), name, str(target), str(work)],
                              capture_output=True, text=True, env=env, timeout=900)
        wall = time.perf_counter() - start
        if done.returncode != 0:
            raise SystemExit(f"case {name} failed:\n{done.stdout}\n{done.stderr}")
        result = json.loads(done.stdout.strip().splitlines()[-1])
        samples.append(Sample(wall, result["metrics"], result["rss_kb"] / 1024))
    return samples[1:]


def median_wall(samples: list[Sample]) -> float:
    return statistics.median(s.wall for s in samples)


def median_metric(samples: list[Sample], key: str) -> float:
    return statistics.median(s.metrics[key] for s in samples)


def peak(samples: list[Sample]) -> float:
    return max(s.rss_mb for s in samples)


def prepare(work: Path, size: str) -> tuple[Path, Path]:
    from bench.region import generate
    from regisseur_app.context import AppPaths
    from regisseur_app.demo import open_demo_context
    from regisseur_app.startup import open_context

    work.mkdir(parents=True, exist_ok=True)
    demo = work / "demo.sqlite"
    if not demo.exists():
        open_demo_context(AppPaths.for_db(demo, log_dir=work / "logs", config_dir=work / "cfg")).close()
    region = work / f"region-{size}.sqlite"
    if not region.exists():
        start = time.perf_counter()
        generate(region, size)
        print(f"regio '{size}' gegenereerd in {_nl(time.perf_counter() - start)} s: {region}", flush=True)
    for db in (demo, region):  # databases kept from an older version: migrated once here, not in every case
        open_context(AppPaths.for_db(db, log_dir=work / "logs", config_dir=work / "cfg")).close()
    return demo, region


def measure(work: Path, demo: Path, region: Path, repeat: int) -> list[Row]:
    rows: list[Row] = []

    def add(label: str, seconds: float, floor_label: str, floor: float | None, target: str,
            met: bool | None, rss: float) -> None:
        rows.append(Row(label, seconds, floor_label, floor, target, met, rss))
        print(f"  {label}: {_ms(seconds)}", flush=True)

    window = run_case("floor_window", demo, work, repeat)
    floor = median_wall(window)
    add("kaal PySide6-venster (vloer)", floor, "", None, "", None, peak(window))
    for label, db, limit in (("koude start, demodata", demo, 4), ("koude start, grote regio", region, 6)):
        # 'start': same day, data unchanged since the last start (the Overzicht's kept snapshot);
        # 'start_next_day': the first start of a day after a normal close (the Overzicht prepared then);
        # 'start_uncached': no usable snapshot (data changed outside the window, a crash): every section computed
        for case_name, when in (("start", "herstart, ongewijzigd"), ("start_next_day", "eerste start van de dag"),
                                ("start_uncached", "zonder bewaard overzicht")):
            s = run_case(case_name, db, work, repeat)
            value = median_wall(s)
            add(f"{label} ({when})", value, "kaal venster", floor, f"≤ {limit}× vloer", value <= limit * floor,
                peak(s))
    lists = run_case("floor_list", region, work, repeat)
    ref = run_case("referral_list", region, work, repeat)
    org = run_case("organisation_list", region, work, repeat)
    con = run_case("contact_list", region, work, repeat)
    floors = {key: median_metric(lists, key) for key in ("referrals", "organisations")}
    floors["contacts"] = median_metric(run_case("floor_contact_list", region, work, repeat), "contacts")
    for label, samples, key, floor_key in (
            ("doorverwijzingen: lijst openen", ref, "open", "referrals"),
            ("doorverwijzingen: filter gemeente", ref, "filter", "referrals"),
            ("organisaties: lijst openen", org, "open", "organisations"),
            ("organisaties: zoeken 'groen'", org, "filter", "organisations"),
            ("contactpersonen: lijst openen", con, "open", "contacts"),
            ("contactpersonen: zoeken 'groen'", con, "filter", "contacts")):
        value = median_metric(samples, key)
        add(label, value, "kale SQL-query", floors[floor_key], "≤ 100 ms", value <= 0.100, peak(samples))
    agg = run_case("floor_referral_aggregate", region, work, repeat)
    stats = run_case("referral_stats", region, work, repeat)
    value = median_metric(stats, "stats")
    add("statistiek doorlooptijden (alle)", value, "één SQL-aggregaat", median_metric(agg, "stats"), "≤ 300 ms",
        value <= 0.300, peak(stats))
    floor_read = run_case("floor_xlsx_read", demo, work, repeat)
    read_floor = median_metric(floor_read, "read")
    imported = run_case("xlsx_import", demo, work, repeat, fresh_copy=True)
    value = median_metric(imported, "read")
    add("xlsx 10.000 rijen lezen", value, "kale xlsx-lezing", read_floor, "≤ 1 s", value <= 1.0, peak(imported))
    value = median_metric(imported, "import")
    add("xlsx 10.000 organisaties importeren", value, "kale xlsx-lezing", read_floor, "≤ 2× vloer",
        value <= 2 * read_floor, peak(imported))
    big = run_case("csv_50mb", demo, work, max(1, repeat // 2))
    add("CSV van 50 MB aanbieden", median_metric(big, "read"), "", None, "≤ 400 MB geheugen",
        peak(big) <= 400, peak(big))
    report = run_case("college_report", demo, work, repeat)
    floor_rep = run_case("floor_report", demo, work, repeat)
    value, floor_value = median_metric(report, "report"), median_metric(floor_rep, "report")
    # like for like: the report in the application (report machinery loaded when the Rapporten page was shown)
    # against the same document with reportlab loaded; the first work of a fresh process (everything imported
    # inside the clock) against the document with reportlab imported inside its clock
    loaded = median_metric(run_case("floor_report_loaded", demo, work, repeat), "report")
    add("collegerapport, één gemeente, in de app (demo)", value, "reportlab geladen, zelfde omvang", loaded,
        "≤ 3× vloer en < 2 s", value <= 3 * loaded and value < 2.0, peak(report))
    cold = run_case("college_report_cold", demo, work, repeat)  # no window, nothing prepared before the clock
    cold_value = median_metric(cold, "report")
    add("  idem, als eerste werk van een vers proces", cold_value, "reportlab, zelfde omvang, import in de klok",
        floor_value, "≤ 3× vloer en < 2 s", cold_value <= 3 * floor_value and cold_value < 2.0, peak(cold))
    batch = run_case("college_batch", demo, work, max(1, repeat // 2))
    value = median_metric(batch, "batch")
    add("batch: 5 gemeenten + regio + Excel (demo)", value, "reportlab, één rapport", floor_value, "< 10 s",
        value < 10.0, peak(batch))
    kpi = run_case("kpi_progress", region, work, repeat)
    value = median_metric(kpi, "kpis")
    add("KPI's van het plan berekenen", value, "één SQL-aggregaat", median_metric(agg, "stats"), "≤ 300 ms",
        value <= 0.300, peak(kpi))
    for extra in EXTRA_MEASURES:
        extra(work, demo, region, repeat, add)
    return rows


def survey_rows(work: Path, demo: Path, region: Path, repeat: int, add) -> None:  # noqa: ANN001
    """The needs survey and MVO (bench/cases_survey.py)."""
    agg = run_case("floor_survey_aggregate", region, work, repeat)
    stats = run_case("survey_stats", region, work, repeat)
    value = median_metric(stats, "stats")
    add("peiling: analyse + kruistabel", value, "kale SQL-aggregaten", median_metric(agg, "stats"), "≤ 300 ms",
        value <= 0.300, peak(stats))
    floor_read = run_case("floor_survey_xlsx_read", demo, work, repeat)
    read_floor = median_metric(floor_read, "read")
    imported = run_case("survey_import", demo, work, repeat, fresh_copy=True)
    value = median_metric(imported, "import")
    add("xlsx 10.000 peilingantwoorden importeren", value, "kale xlsx-lezing", read_floor, "≤ 2× vloer",
        value <= 2 * read_floor, peak(imported))
    agg = run_case("floor_mvo_aggregate", region, work, repeat)
    overview = run_case("mvo_overview", region, work, repeat)
    value = median_metric(overview, "overview")
    add("MVO: regionaal overzicht", value, "één SQL-aggregaat", median_metric(agg, "overview"), "≤ 300 ms",
        value <= 0.300, peak(overview))


# Later features add measurements here: fn(work, demo, region, repeat, add).
EXTRA_MEASURES: list = [survey_rows]


def _nl(value: float, decimals: int = 1) -> str:
    """Dutch decimals (3,6), as the rest of the table's text."""
    return f"{value:.{decimals}f}".replace(".", ",")


def _ms(seconds: float) -> str:
    """Milliseconds with a Dutch thousands separator (1.320 ms)."""
    return f"{round(seconds * 1000):,} ms".replace(",", ".")


def print_table(rows: list[Row]) -> None:
    width = max([len("meting"), *(len(r.label) for r in rows)])
    goal = max([len("doel"), *(len(r.target) for r in rows)])
    header = f"{'meting':{width}} {'mediaan':>10} {'vloer':>10} {'verhouding':>10}  {'doel':{goal}} {'gehaald':8} {'RSS':>8}"
    print("\n" + header + "\n" + "-" * len(header))
    for r in rows:
        floor = f"{_nl(r.floor_seconds * 1000)} ms" if r.floor_seconds else ""
        ratio = f"{_nl(r.ratio)}×" if r.ratio else ""
        met = "" if r.met is None else ("ja" if r.met else "NEE")
        print(f"{r.label:{width}} {_ms(r.seconds):>10} {floor:>10} {ratio:>10}  {r.target:{goal}} {met:8} "
              f"{r.rss_mb:5.0f} MB")


def main() -> int:
    from regisseur_app import cli_dutch

    cli_dutch.install()  # argparse's own words (usage, options, errors) in Dutch, as the app's --help
    parser = argparse.ArgumentParser(description="Benchmark van Regisseur (verhoudingen tegenover vloeren).")
    parser.add_argument("--size", choices=("large", "small", "tiny"), default="large", help="grootte van de regio")
    parser.add_argument("--repeat", type=int, default=5, help="aantal metingen per geval (mediaan)")
    parser.add_argument("--work", type=Path, help="werkmap voor de databases (standaard in /tmp)")
    parser.add_argument("--json", type=Path, help="schrijf de resultaten ook als JSON naar dit bestand")
    args = parser.parse_args()
    work = args.work or Path(tempfile.gettempdir()) / f"regisseur-bench-{args.size}"
    demo, region = prepare(work, args.size)
    rows = measure(work, demo, region, args.repeat)
    print_table(rows)
    if args.json:
        args.json.write_text(json.dumps({
            "size": args.size, "repeat": args.repeat, "cpus": os.cpu_count(),
            "rows": [dict(asdict(r), ratio=r.ratio) for r in rows]}, indent=2, ensure_ascii=False))
        print(f"\nJSON: {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
