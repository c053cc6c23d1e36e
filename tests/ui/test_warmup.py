"""The warm-up after the start: the pages' modules are imported while the Overzicht is shown, nothing is built or
read, a module that fails is skipped, and the warm-up ends with its window."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from shiboken6 import delete

from regisseur_app import features
from regisseur_app.ui.warmup import Warmup, page_modules
from regisseur_app.ui.workers import Worker, start

ROOT = Path(__file__).resolve().parents[2]

# the application as `regisseur-app --db` starts it (ui.app.run_gui), in a fresh process: this test process has
# imported every page already
CHILD = """
import gc, json, sys, time
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from regisseur_app import features, start_gc
from regisseur_app.app_paths import AppPaths
from regisseur_app.ui.app import run_gui

db = Path(sys.argv[1])
app = QApplication(sys.argv)
seen = {}
deadline = time.monotonic() + 45
start_gc.pause()  # as cli.main does before the imports: the start's objects are frozen when the window is shown

def poll():
    global deadline
    from regisseur_app.ui.main_window import MainWindow
    from regisseur_app.domain.core.base import Base
    from regisseur_app.ui.warmup import Warmup

    window = next((w for w in app.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()), None)
    warm = window.findChild(Warmup) if window is not None else None
    if window is not None and warm is None and "shown" in seen and time.monotonic() > seen["shown"] + 5:
        deadline = 0  # no warm-up 5 s after the window was shown: none was started
    if (warm is None or not warm.done) and time.monotonic() < deadline:
        if window is not None and "before" not in seen:
            seen["shown"] = time.monotonic()
            seen["before"] = sorted(m for m in sys.modules if m.startswith("regisseur_app.ui."))
            seen["frozen_before"] = gc.get_freeze_count()
        QTimer.singleShot(50, poll)
        return
    if warm is None:  # no warm-up was started
        seen.update(imported=None, failed=None, built=None, after=[])
        window.close()
        return
    seen.update(imported=warm.imported, failed=warm.failed, built=[t for t, p in window.pages if p is not None],
                after=sorted(m for m in sys.modules if m.startswith("regisseur_app.ui.")),
                frozen_after=gc.get_freeze_count(), configured=all(m.configured for m in Base.registry.mappers),
                models=[m for f in features.FEATURES for m in f.models if m not in sys.modules])
    window.close()

QTimer.singleShot(0, poll)
code = run_gui(AppPaths.for_db(db, log_dir=db.parent / "logs", config_dir=db.parent / "cfg"))
print(json.dumps(dict(seen, code=code)))
"""


def test_the_started_application_imports_every_page_module_builds_none_and_freezes(demo_file, tmp_path):
    db = tmp_path / "demo.sqlite"
    shutil.copyfile(demo_file, db)
    done = subprocess.run([sys.executable, "-c", CHILD, str(db)], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr[-3000:]
    found = json.loads(done.stdout.strip().splitlines()[-1])
    modules = page_modules(features.pages())
    missing_at_start = [m for m in modules if m not in found["before"]]
    assert "regisseur_app.ui.mvo.mvo_page" in missing_at_start, "a start imports the Overzicht only"
    assert found["imported"] == missing_at_start  # in navigation order, each once
    assert found["failed"] == []
    assert all(m in found["after"] for m in modules)
    assert found["built"] == ["Overzicht"], "pages are built when first shown, not by the warm-up"
    # every model declared and configured (a worker started later declares nothing: ui.workers.start)
    assert found["configured"] is True and found["models"] == []
    # what lives then (the modules) is frozen: later full collections do not walk it
    assert found["frozen_after"] > found["frozen_before"] + 10_000
    assert found["code"] == 0
    log = (db.parent / "logs").glob("*.log")
    text = "".join(f.read_text(encoding="utf-8") for f in log)
    assert f"opwarmen: {len(missing_at_start)} modules" in text
    assert "opwarmen: geheugen opgeruimd en bevroren" in text


def _package(tmp_path: Path, monkeypatch, name: str, files: dict[str, str]) -> None:
    folder = tmp_path / name
    folder.mkdir()
    (folder / "__init__.py").write_text("")
    for module, source in files.items():
        (folder / f"{module}.py").write_text(textwrap.dedent(source))
    monkeypatch.syspath_prepend(str(tmp_path))


def test_a_module_that_fails_is_skipped_and_logged(qtbot, tmp_path, monkeypatch, caplog):
    _package(tmp_path, monkeypatch, "warm_a", {"broken": "raise RuntimeError('kapot')\n", "fine": "VALUE = 1\n"})
    parent = QObject()
    warm = Warmup(["warm_a.broken", "json", "warm_a.fine", "warm_a.fine"], parent, start_after_ms=0)
    with qtbot.waitSignal(warm.finished, timeout=5000):
        pass
    assert warm.failed == ["warm_a.broken"]
    assert warm.imported == ["warm_a.fine"]  # json was imported already; a module named twice is imported once
    assert sys.modules["warm_a.fine"].VALUE == 1
    assert "warm_a.broken niet geïmporteerd" in caplog.text
    delete(parent)


def test_one_module_per_pass_of_the_event_loop(qtbot, tmp_path, monkeypatch):
    _package(tmp_path, monkeypatch, "warm_c", {"log": "events = []\n", **{
        name: f"from warm_c import log\nlog.events.append({name!r})\n" for name in ("a", "b", "c")}})
    from warm_c import log

    ticks = QTimer(interval=0)  # a pass of the event loop between two imports leaves a tick between them
    ticks.timeout.connect(lambda: log.events.append("tick") if log.events and log.events[-1] != "tick" else None)
    ticks.start()
    parent = QObject()
    warm = Warmup(["warm_c.a", "warm_c.b", "warm_c.c"], parent, start_after_ms=0)
    with qtbot.waitSignal(warm.finished, timeout=5000):
        pass
    ticks.stop()
    imports = [e for e in log.events if e != "tick"]
    assert imports == ["a", "b", "c"]
    assert log.events[:5] == ["a", "tick", "b", "tick", "c"]


def test_a_step_waits_while_a_worker_runs(qtbot, tmp_path, monkeypatch):
    """A page module declares models: none is imported while work on the thread pool may configure the mappers."""
    _package(tmp_path, monkeypatch, "warm_d", {"page": "VALUE = 4\n"})
    release = threading.Event()
    worker = Worker(lambda _job: release.wait(10))
    start(worker)
    try:
        parent = QObject()
        warm = Warmup(["warm_d.page"], parent, start_after_ms=0)
        qtbot.wait(600)
        assert "warm_d.page" not in sys.modules and warm.waits >= 1 and not warm.done
    finally:
        release.set()
    with qtbot.waitSignal(warm.finished, timeout=5000):
        pass
    assert sys.modules["warm_d.page"].VALUE == 4


def test_the_warmup_ends_with_its_window(qtbot, tmp_path, monkeypatch):
    _package(tmp_path, monkeypatch, "warm_b", {"later": "VALUE = 2\n"})
    parent = QObject()
    warm = Warmup(["warm_b.later"], parent, start_after_ms=100)
    delete(parent)  # the window closed before the warm-up began
    qtbot.wait(300)
    assert "warm_b.later" not in sys.modules
    del warm


def test_page_modules_in_navigation_order_each_once():
    specs = features.pages()
    modules = page_modules(specs)
    assert modules[0] == specs[0].factory.partition(":")[0]
    assert len(modules) == len(set(modules)) == len({s.factory.partition(":")[0] for s in specs})
    assert modules == sorted(modules, key=[s.factory.partition(":")[0] for s in specs].index)
