"""An action's links read the same in a fresh process where nothing has declared the events' models yet, as
after a start that showed the kept Overzicht: the link to an event keeps its title instead of "(verwijderd)"
and the link dialog still offers events, surveys and follow-up actions (this test process has imported every
feature already, so the check runs in a child)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from datetime import datetime
from pathlib import Path

from regisseur_app.domain.plan import default_plan, links, service
from regisseur_app.reports.plan.sources import registered_sources
from tests.unit.events_support import event

ROOT = Path(__file__).resolve().parents[2]

CHILD = """
import json, sys
from pathlib import Path
from regisseur_app.app_paths import AppPaths
from regisseur_app.startup import open_context

db = Path(sys.argv[1])
ctx = open_context(AppPaths.for_db(db, log_dir=db.parent / "logs", config_dir=db.parent / "cfg"))
before = "regisseur_app.domain.events.models" in sys.modules
from regisseur_app.domain.plan import links
with ctx.reading() as session:
    rows = [[r.kind, r.title, r.exists] for r in links.list_links(session, int(sys.argv[2]))]
print(json.dumps({"events_models_before": before, "kinds": links.available_kinds(), "rows": rows}))
"""


def test_links_in_a_fresh_process(app_ctx, tmp_path):
    with app_ctx.transaction() as s:
        default_plan.load_default_plan(s, 2025, sources=registered_sources())
        action = service.list_actions(s)[0].id
        links.add_link(s, action, "event", event(s, "Netwerkmoment", start=datetime(2025, 3, 20, 14)))
    with app_ctx.reading() as s:
        here = [[r.kind, r.title, r.exists] for r in links.list_links(s, action)]
    kinds = links.available_kinds()
    assert here == [["event", "Netwerkmoment (20/03/2025)", True]]
    db = tmp_path / "copy.sqlite"
    app_ctx.close()
    shutil.copyfile(app_ctx.db_path, db)
    done = subprocess.run([sys.executable, "-c", CHILD, str(db), str(action)], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert found["events_models_before"] is False, "the situation after a start from the kept Overzicht"
    assert found["rows"] == here
    assert found["kinds"] == kinds
