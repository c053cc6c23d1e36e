"""A start imports what the start screen needs, not what a page, an import or a report needs later: the
heavy libraries stay unimported until used, and a repeated start (the Overzicht shown from its kept
snapshot) does not even import the modules that compute the sections. Run as the real command line in a
fresh process (sys.modules of this test process says nothing)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

CHILD = """
import gc, json, sys
from PySide6.QtWidgets import QApplication
shown = {}

def leave(app):  # instead of waiting for the user: note what the window shows, then return
    window = next(w for w in app.topLevelWidgets() if hasattr(w, "current_page"))
    page = window.current_page()
    shown["organisations"] = page.tiles["organisations"].value.text()
    shown["title"] = page.title.text()
    shown["collector"] = [gc.isenabled(), gc.get_freeze_count() > 10000]
    return 0

QApplication.exec = leave
from regisseur_app.cli import main
code = main(["--db", sys.argv[1]])
print(json.dumps({"code": code, "shown": shown, "modules": sorted(sys.modules)}))
"""

HEAVY = ("pandas", "numpy", "reportlab", "openpyxl", "python_calamine", "duckdb", "docx", "alembic", "matplotlib",
         "PIL", "defusedxml")
SECTION_MODULES = ("regisseur_app.domain.plan.kpis", "regisseur_app.domain.events.obligations",
                   "regisseur_app.domain.referrals.queries", "regisseur_app.domain.mvo.overview",
                   "regisseur_app.reports.plan.sources", "regisseur_app.domain.referrals.service",
                   "regisseur_app.domain.referrals.retention", "regisseur_app.domain.mvo.indicators")


def _start(db: Path, home: Path) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(home), XDG_CONFIG_HOME=str(home / "config"),
               XDG_STATE_HOME=str(home / "state"), XDG_DATA_HOME=str(home / "data"), XDG_CACHE_HOME=str(home / "cache"))
    done = subprocess.run([sys.executable, "-c", CHILD, str(db)], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def _loaded(modules: list[str], names: tuple[str, ...]) -> list[str]:
    return [n for n in names if n in modules or any(m.startswith(n + ".") for m in modules)]


def test_start_leaves_heavy_modules_unimported(tmp_path, template_db):
    db = tmp_path / "regisseur.sqlite"
    shutil.copyfile(template_db, db)
    first = _start(db, tmp_path)
    assert first["code"] == 0 and first["shown"]["title"] == "IGO test"
    assert first["shown"]["organisations"] == "0"
    # paused during the start (start_gc), running again while the window waits for the user, with what the
    # start created frozen
    assert first["shown"]["collector"] == [True, True]
    assert _loaded(first["modules"], HEAVY) == []
    assert _loaded(first["modules"], SECTION_MODULES[:4]) == list(SECTION_MODULES[:4]), "computed the first time"

    again = _start(db, tmp_path)  # same day, nothing changed: the kept snapshot is shown
    assert again["shown"] == first["shown"]
    assert _loaded(again["modules"], HEAVY) == []
    assert _loaded(again["modules"], SECTION_MODULES) == []


def test_the_start_imports_sqlalchemy_before_qt(tmp_path, template_db):
    """begin_gui_start (the command line's first step) loads what opens the database before PySide6 exists:
    imported after PySide6, each of SQLAlchemy's import statements would go through Qt's import hook."""
    db = tmp_path / "regisseur.sqlite"
    shutil.copyfile(template_db, db)
    code = ("import json, sys\n"
            "from regisseur_app.cli import begin_gui_start\n"
            "begin_gui_start(__import__('pathlib').Path(sys.argv[1]))\n"
            "from regisseur_app.storage import start_check\n"
            "print(json.dumps([sorted(sys.modules), start_check.result(__import__('pathlib').Path(sys.argv[1]))]))")
    done = subprocess.run([sys.executable, "-c", code, str(db)], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    modules, verdict = json.loads(done.stdout.strip().splitlines()[-1])
    assert {"sqlalchemy", "sqlalchemy.orm", "regisseur_app.startup"} <= set(modules)
    assert _loaded(modules, ("PySide6", "shiboken6", "regisseur_app.ui")) == []
    assert verdict is True  # the check begun before those imports still serves the start
