"""The demo MVO figures: three years for at least eight SE organisations, one incomplete; and the links to
the MVO events of the demo."""

from pathlib import Path

import pytest

from regisseur_app import demo
from regisseur_app.context import AppPaths
from regisseur_app.domain.mvo.links import attended_mvo_events, mvo_actions
from regisseur_app.domain.mvo.orgs import reporting_organisations


@pytest.fixture(scope="module")
def demo_ctx(tmp_path_factory):
    folder: Path = tmp_path_factory.mktemp("mvo_demo")
    ctx = demo.open_demo_context(AppPaths.for_db(folder / "demo.sqlite", log_dir=folder / "logs",
                                                 config_dir=folder / "cfg"))
    yield ctx
    ctx.close()


def test_three_years_for_at_least_eight_organisations_one_incomplete(demo_ctx):
    with demo_ctx.reading() as s:
        rows = [r for r in reporting_organisations(s, 2025) if r.years]
    assert len(rows) >= 8
    assert all(r.years == (2023, 2024, 2025) for r in rows)
    incomplete = [r for r in rows if not r.completeness.complete]
    assert len(incomplete) == 1
    assert 0 < incomplete[0].completeness.filled < incomplete[0].completeness.total


def test_links_show_attended_mvo_events_and_actions(demo_ctx):
    with demo_ctx.reading() as s:
        rows = reporting_organisations(s, 2025)
        attended = {r.name: attended_mvo_events(s, r.id) for r in rows}
        actions = {r.name: mvo_actions(s, r.id) for r in rows}
    assert any(attended.values()) and any(actions.values())
    for events in attended.values():
        assert all("MVO" in e.title and e.people >= 1 for e in events)
