"""One benchmark case in a fresh process: `python bench/child.py CASE DB WORK` prints one JSON line."""

from __future__ import annotations

import json
import os
import resource
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.cases import CASES  # noqa: E402

name, db, work = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
metrics = CASES[name](db, work)
# VmHWM (peak resident set of this process image); ru_maxrss would carry over the parent's peak
# across fork+exec on Linux
status = Path("/proc/self/status")
rss_kb = next((int(line.split()[1]) for line in status.read_text().splitlines() if line.startswith("VmHWM:")),
              0) if status.exists() else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"metrics": metrics, "rss_kb": rss_kb}), flush=True)
os._exit(0)  # no interpreter teardown: PySide6 may abort there, and the work is measured already
