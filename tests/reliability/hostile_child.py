"""Run read_table on one file in a fresh process; print seconds, peak RSS (MB) and the outcome as JSON."""

import json
import resource
import sys
import time
from pathlib import Path

from regisseur_app.exchange.tabular import TableReadError, read_table

start, cpu = time.perf_counter(), time.process_time()
try:
    table = read_table(Path(sys.argv[1]))
    outcome = f"gelezen: {len(table.rows)} rijen"
except TableReadError as exc:
    outcome = f"geweigerd: {exc}"
seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu
peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
try:  # ru_maxrss keeps the parent's peak across fork+exec; VmHWM is this process's own peak
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            peak_mb = int(line.split()[1]) / 1024
except OSError:
    pass
print(json.dumps({"seconds": seconds, "cpu_seconds": cpu_seconds, "peak_mb": peak_mb, "outcome": outcome}))
