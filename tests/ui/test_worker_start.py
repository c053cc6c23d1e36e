"""Work on another thread starts only after every feature's models are declared and SQLAlchemy's mappers are
configured, on the GUI thread (ui.workers.start): a models module declared on the GUI thread (a page shown, the
warm-up) while a worker's query configures the mappers could leave a half-declared model's mapper failed for the
rest of the process. Run in a fresh process: this test process has declared every model already."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

CHILD = """
import json, sys
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication
from regisseur_app import features
from regisseur_app.ui.workers import Worker, start

app = QApplication(sys.argv)
wanted = [m for f in features.FEATURES for m in f.models]
before = [m for m in wanted if m in sys.modules]
seen = {}

def work(_job):
    from regisseur_app.domain.core.base import Base
    seen["in_worker"] = [m for m in wanted if m in sys.modules]
    seen["configured"] = all(mapper.configured for mapper in Base.registry.mappers)
    seen["mappers"] = len(Base.registry.mappers)

start(Worker(work))
QThreadPool.globalInstance().waitForDone(30000)
print(json.dumps(dict(seen, wanted=wanted, before=before)))
"""


def test_a_worker_starts_with_every_model_declared_and_configured():
    done = subprocess.run([sys.executable, "-c", CHILD], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr[-3000:]
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert len(found["before"]) < len(found["wanted"]), "a fresh process has not declared every model yet"
    assert found["in_worker"] == found["wanted"]
    assert found["configured"] is True and found["mappers"] > 30


def test_every_worker_starts_through_workers_start():
    """No module starts work on the thread pool itself (it would skip declaring the models first)."""
    package = ROOT / "regisseur_app"
    direct = [str(path.relative_to(ROOT)) for path in package.rglob("*.py")
              if "globalInstance().start(" in path.read_text(encoding="utf-8")]
    assert direct == ["regisseur_app/ui/workers.py"]
