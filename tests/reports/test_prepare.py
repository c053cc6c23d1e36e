"""operations.reports.prepare (started by the Rapporten page): in a fresh process it loads what the first
report would otherwise load inside the user's wait, and reads no data; the collector pause restores the
collector as it found it."""

from __future__ import annotations

import gc
import subprocess
import sys
from pathlib import Path

from regisseur_app.operations import reports as ops

ROOT = Path(__file__).resolve().parents[2]

CHECK = """
import sys
from regisseur_app import features
from regisseur_app.operations import reports as ops
before = set(sys.modules)
assert not ops.is_prepared()
ops.prepare()
assert ops.is_prepared()
from reportlab.pdfbase import pdfmetrics
from sqlalchemy.orm import mapperlib
from regisseur_app.reports.pdf_base import FONT, FONT_BOLD
names = [s.build.partition(":")[0] for s in features.report_sections()]
names += [k.compute.partition(":")[0] for k in features.kpi_sources()]
missing = [n for n in names + ["regisseur_app.reports.college.render_pdf"] if n not in sys.modules]
assert not missing, missing
assert {FONT, FONT_BOLD} <= set(pdfmetrics.getRegisteredFontNames())
assert not any(r._new_mappers for r in mapperlib._mapper_registries), "mappers left to configure"
assert "regisseur_app.reports.college.render_pdf" not in before
print("ok")
"""


def test_prepare_loads_the_report_machinery_in_a_fresh_process():
    done = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


def test_collector_pause_restores_the_collector():
    assert gc.isenabled()
    with ops.collector_paused():
        assert not gc.isenabled()
        with ops.collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the inner pause found it off and leaves it off
    assert gc.isenabled()
    gc.disable()
    try:
        with ops.collector_paused():
            pass
        assert not gc.isenabled()  # a caller that had it off keeps it off
    finally:
        gc.enable()
