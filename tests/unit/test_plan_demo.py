"""The plan's demo: the default plan with two years of progress and a dozen collaborations."""

from datetime import date
from pathlib import Path

import pytest

from regisseur_app import demo
from regisseur_app.context import AppPaths
from regisseur_app.domain.plan import collaborations, kpis, links, rollup, service, subsidy
from regisseur_app.domain.plan.models import NOT_STARTED, REALISED, RUNNING
from regisseur_app.reports.plan.sources import registered_sources


@pytest.fixture(scope="module")
def demo_ctx(tmp_path_factory):
    folder: Path = tmp_path_factory.mktemp("plan_demo")
    ctx = demo.open_demo_context(AppPaths.for_db(folder / "demo.sqlite", log_dir=folder / "logs",
                                                 config_dir=folder / "cfg"))
    yield ctx
    ctx.close()


def test_demo_plan_has_progress_over_two_years(demo_ctx):
    with demo_ctx.reading() as s:
        actions = service.list_actions(s)
        statuses = {e.status for a in actions for e in a.executions}
        region = rollup.by_municipality(s)[-1]
        check_2025 = subsidy.check(s, 2025)
        linked = sum(len(links.list_links(s, a.id)) for a in actions)
    assert len(actions) == 19
    assert {NOT_STARTED, RUNNING, REALISED} <= statuses
    assert region.counts[REALISED] >= 2 and region.counts[RUNNING] >= 5
    assert sum(p.state == subsidy.MET for c in check_2025 for p in c.priorities) >= 12
    assert linked >= 6


def test_demo_collaborations_and_kpis(demo_ctx):
    with demo_ctx.reading() as s:
        rows = collaborations.list_collaborations(s)
        progress_2025 = kpis.progress(s, 2025, sources=registered_sources())
    expected = 12 if date.today() >= date(2026, 9, 13) else 8
    assert len(rows) >= expected
    assert all(r.parties for r in rows)
    assert len({r.type_code for r in rows}) >= 5
    values = {p.title: p.value for p in progress_2025}
    assert values["Nieuwe samenwerkingen en opdrachten"] >= 5
    assert values["Waarde van opdrachten aan SE-bedrijven"] > 0
    assert all(p.value is not None for p in progress_2025 if p.source_key is None)
