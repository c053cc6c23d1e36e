"""The referral queries of the lists, the start screen and the KPI counts read the referral table through a
light SQL table (domain/referrals/light.py) instead of the mapped class: it must name the model's table and
columns with the same types (dates come back as dates), and reading through it must not declare the
referral models (the point of it: the first start screen of a process skips their declaration and mapper
configuration)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from regisseur_app.domain.referrals import light
from regisseur_app.domain.referrals.models import Referral

ROOT = Path(__file__).resolve().parents[2]


def test_light_table_names_the_models_columns_with_their_types():
    table = Referral.__table__
    assert light.REFERRAL.name == table.name
    for name, col in light.REFERRAL.c.items():
        assert name in table.c, name
        assert col.type._type_affinity is table.c[name].type._type_affinity, name


def test_reading_referrals_for_the_start_screen_does_not_declare_the_models(tmp_path, template_db):
    """A fresh process counts and lists the stale referrals and computes the three referral KPI values on a
    real database file, then reports whether the referral models were imported."""
    code = f"""
import sys
from datetime import date
from pathlib import Path
from regisseur_app.app_paths import AppPaths
from regisseur_app.startup import open_context
ctx = open_context(AppPaths.for_db(Path({str(tmp_path / 'db.sqlite')!r}), log_dir=Path({str(tmp_path)!r}),
                                   config_dir=Path({str(tmp_path)!r})))
from regisseur_app.domain.referrals import kpi_sources, queries
with ctx.reading() as session:
    filt = queries.ReferralFilter(stale_only=True, today=date.today())
    queries.count_referrals(session, filt)
    queries.list_referrals(session, filt, 0, 5, sort="status_date", descending=False)
    for value in (kpi_sources.referrals_made_count, kpi_sources.referrals_started_count,
                  kpi_sources.referrals_doorstroom_count):
        value(session, date.today().year, None)
print("regisseur_app.domain.referrals.models" in sys.modules)
"""
    shutil.copyfile(template_db, tmp_path / "db.sqlite")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().splitlines()[-1] == "False"
