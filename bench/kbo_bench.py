"""Benchmark of the KBO import and of browsing the register.

    python bench/kbo_bench.py [--folder /tmp/kbo_full] [--enterprises 2000000] [--zip] [--repeat 5]

Generates the synthetic extract with bench/kbo_extract.py (in a separate process, once; full size by default)
unless the folder exists, imports it into a fresh database with the five demo municipalities participating
(the operation the page runs: verified backup, DuckDB read, one SQLite transaction), and prints the wall time,
the peak memory of this process (ru_maxrss: Python, SQLite and DuckDB together) and the median time of the
browse queries the page makes (one COUNT and the first page). CI runs it with --enterprises 20000.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from regisseur_app.context import AppPaths  # noqa: E402
from regisseur_app.domain.core.setup import complete_setup  # noqa: E402
from regisseur_app.domain.kbo import candidates, matchmaking, queries  # noqa: E402
from regisseur_app.domain.kbo.queries import EnterpriseFilter  # noqa: E402
from regisseur_app.operations import kbo as ops  # noqa: E402
from regisseur_app.startup import open_context  # noqa: E402

FIVE = ["24008", "24028", "24137", "24054", "24135"]


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def browse_cases(ctx) -> dict[str, object]:  # noqa: ANN001
    with ctx.reading() as s:
        regular = matchmaking.regular_filter(s, EnterpriseFilter(with_email=True))
    return {
        "alles, op naam": EnterpriseFilter(),
        "zoeken 'onderneming 12'": EnterpriseFilter(text="onderneming 12"),
        "gemeente Kortenaken": EnterpriseFilter(nis_code="24054"),
        "afdeling 47": EnterpriseFilter(division="47"),
        "sectie G (2025) + rechtsvorm 014": EnterpriseFilter(section=("2025", "G"), juridical_form="014"),
        "gestart vanaf 2010, niet in inventaris": EnterpriseFilter(start_year_from=2010, in_inventory=False),
        "matchmaking (regulier, met e-mail)": regular,
    }


def time_browse(ctx, repeat: int) -> list[tuple[str, int, float]]:  # noqa: ANN001
    results = []
    for label, filt in browse_cases(ctx).items():
        times = []
        for _ in range(repeat):
            started = time.perf_counter()
            with ctx.reading() as s:
                total = queries.count_enterprises(s, filt)
                queries.list_enterprises(s, filt, 0, 200, "name", False, total=total)
            times.append((time.perf_counter() - started) * 1000)
        results.append((label, total, statistics.median(times)))
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        with ctx.reading() as s:
            filt = EnterpriseFilter(numbers=candidates.candidate_query(s))
            total = queries.count_enterprises(s, filt)
            rows = queries.list_enterprises(s, filt, 0, 200, total=total)
            candidates.matched_rules(s, [r.id for r in rows])
        times.append((time.perf_counter() - started) * 1000)
    results.append(("SE-kandidaten (regels + eerste pagina)", total, statistics.median(times)))
    with ctx.reading() as s:
        total = queries.count_enterprises(s, EnterpriseFilter())
        first = queries.list_enterprises(s, EnterpriseFilter(), 0, 200, total=total)
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        with ctx.reading() as s:
            queries.list_enterprises(s, EnterpriseFilter(), 0, 200, after=first[-1], total=total)
        times.append((time.perf_counter() - started) * 1000)
    results.append(("volgende pagina (keyset)", 200, statistics.median(times)))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--folder", type=Path, default=Path(tempfile.gettempdir()) / "kbo_full")
    parser.add_argument("--enterprises", type=int, default=2_000_000)
    parser.add_argument("--zip", action="store_true", help="import the zip as downloaded instead of the folder")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    if not (args.folder / "activity.csv").exists():
        command = [sys.executable, str(Path(__file__).with_name("kbo_extract.py")), str(args.folder),
                   "--enterprises", str(args.enterprises)] + (["--zip"] if args.zip else [])
        subprocess.run(command, check=True)
    source = args.folder.with_suffix(".zip") if args.zip else args.folder
    size = sum(p.stat().st_size for p in args.folder.glob("*.csv"))
    work = Path(tempfile.mkdtemp(prefix="kbo-bench-"))   # kept, to look at the database afterwards
    ctx = open_context(AppPaths.for_db(work / "bench.sqlite", log_dir=work / "logs", config_dir=work / "cfg"))
    with ctx.transaction() as s:
        complete_setup(s, "IGO bench", FIVE)
    before = peak_mb()
    started, cpu_started = time.perf_counter(), time.process_time()
    steps: list[tuple[str, float]] = []

    def progress(_percent: int, text: str) -> None:
        if not steps or steps[-1][0] != text:
            steps.append((text, time.perf_counter()))

    summary = ops.import_extract(ctx, source, progress=progress)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    steps.append(("einde", time.perf_counter()))
    phases: dict[str, float] = {}
    for (text, at), (_next, until) in zip(steps, steps[1:]):
        key = "UTF-8-controle" if text.startswith("Controle van") else text
        phases[key] = phases.get(key, 0.0) + until - at
    print(f"extract: {source} ({size / 1e9:.2f} GB CSV); database: {work / 'bench.sqlite'}")  # noqa: T201
    print(f"import: {seconds:.1f} s ({cpu:.1f} s CPU, all threads), peak memory {peak_mb():.0f} MB (before the import {before:.0f} MB); "  # noqa: T201
          f"{summary.enterprises} enterprises kept, {summary.persons} natural persons counted")
    print("phases: " + "; ".join(f"{k} {v:.1f} s" for k, v in phases.items()))  # noqa: T201
    print(f"load average after the import: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")  # noqa: T201
    print("| browse (count + first page of 200) | rows | median ms |")  # noqa: T201
    print("|---|---:|---:|")  # noqa: T201
    for label, total, ms in time_browse(ctx, args.repeat):
        print(f"| {label} | {total} | {ms:.1f} |")  # noqa: T201
    ctx.close()


if __name__ == "__main__":
    main()
