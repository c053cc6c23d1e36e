"""The first steps on the start screen are the same whatever the process imported before: the first start's
Overzicht computes them before anything imported the events' models (run in a fresh process; this test
process has imported every feature already)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from regisseur_app.domain.plan.first_steps import first_steps

ROOT = Path(__file__).resolve().parents[2]

CHILD = """
import json, sys
from pathlib import Path
from regisseur_app.app_paths import AppPaths
from regisseur_app.startup import open_context

db = Path(sys.argv[1])
ctx = open_context(AppPaths.for_db(db, log_dir=db.parent / "logs", config_dir=db.parent / "cfg"))
before = "regisseur_app.domain.events.models" in sys.modules
from regisseur_app.domain.plan.first_steps import first_steps
with ctx.reading() as session:
    steps = [[s.key, s.done] for s in first_steps(session)]
print(json.dumps({"events_models_before": before, "steps": steps}))
"""


def test_a_fresh_process_shows_the_same_steps(app_ctx, tmp_path):
    with app_ctx.reading() as session:
        here = [[s.key, s.done] for s in first_steps(session)]
    assert [key for key, _done in here] == ["organisations", "plan", "targets", "events"]
    db = tmp_path / "copy.sqlite"
    app_ctx.close()
    shutil.copyfile(app_ctx.db_path, db)
    done = subprocess.run([sys.executable, "-c", CHILD, str(db)], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert found["events_models_before"] is False, "the situation of a first start"
    assert found["steps"] == here
