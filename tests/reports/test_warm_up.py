"""operations.reports.warm_up (run by the Rapporten page after prepare, while the user chooses): it compiles the
statements a municipality report runs, whatever municipality and period are chosen afterwards, without logging
a report or leaving a file, and stops once a report is asked for."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

CHECK = """
import logging, sys, tempfile
from datetime import date
from pathlib import Path
from regisseur_app.context import AppPaths
from regisseur_app.demo import open_demo_context
from regisseur_app.operations import reports as ops
from regisseur_app.reports.content import Scope

folder = Path(sys.argv[1])
ctx = open_demo_context(AppPaths.for_db(folder / "demo.sqlite", log_dir=folder / "logs", config_dir=folder / "cfg"))
ops.prepare()
problems = []
class Catch(logging.Handler):
    def emit(self, record):
        if record.levelno >= logging.INFO and "regisseur_app" in record.name:
            problems.append(record.getMessage())
logging.getLogger().addHandler(Catch())
logging.getLogger().setLevel(logging.INFO)
cache = ctx.engine._compiled_cache
before = len(cache)
files = set(folder.rglob("*"))
ops.prepare_page(ctx)
assert ops.is_warmed()
warmed = len(cache) - before
assert warmed >= 40, warmed
assert not problems, problems
assert set(folder.rglob("*")) == files
assert ops.report_log(ctx) == []
scope = ops.scopes(ctx, date(2025, 1, 1), date(2025, 12, 31))[0]
known = set(cache.keys())
ops.make_report(ctx, scope, folder / "a.pdf")
new = len(cache) - before - warmed
assert new * 4 < warmed, (new, warmed)
# what the report still compiles is the log's write: every select was compiled by the warm-up
added = [str(cache[k]).split()[0] for k in cache.keys() if k not in known]
assert all(word != "SELECT" for word in added), added
print("ok")
"""


GIVES_WAY = """
import sys
from pathlib import Path
from regisseur_app.context import AppPaths
from regisseur_app.demo import open_demo_context
from regisseur_app.operations import reports as ops

folder = Path(sys.argv[1])
ctx = open_demo_context(AppPaths.for_db(folder / "demo.sqlite", log_dir=folder / "logs", config_dir=folder / "cfg"))
ops.report_asked()
before = len(ctx.engine._compiled_cache)
ops.prepare_page(ctx)
assert ops.is_warmed()
assert len(ctx.engine._compiled_cache) == before, len(ctx.engine._compiled_cache) - before
print("ok")
"""


def _run(script: str, folder: Path) -> None:
    done = subprocess.run([sys.executable, "-c", script, str(folder)], capture_output=True, text=True, cwd=ROOT,
                          timeout=180)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


def test_warm_up_compiles_the_report_statements_and_leaves_nothing(tmp_path):
    _run(CHECK, tmp_path)


def test_warm_up_gives_way_to_a_report_asked_for(tmp_path):
    _run(GIVES_WAY, tmp_path)
