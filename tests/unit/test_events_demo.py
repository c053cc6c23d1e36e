"""The demo events: two years, several types, some still to come, participants, reports, overdue actions."""

from datetime import date, datetime
from pathlib import Path

import pytest

from regisseur_app import demo
from regisseur_app.context import AppPaths
from regisseur_app.domain.events import follow_up, obligations
from regisseur_app.domain.events import service as event_service
from regisseur_app.domain.events import stats as event_stats
from regisseur_app.domain.events.models import FINISHED


@pytest.fixture(scope="module")
def demo_ctx(tmp_path_factory):
    folder: Path = tmp_path_factory.mktemp("events_demo")
    ctx = demo.open_demo_context(AppPaths.for_db(folder / "demo.sqlite", log_dir=folder / "logs",
                                                 config_dir=folder / "cfg"))
    yield ctx
    ctx.close()


def test_two_years_of_events_of_several_types(demo_ctx):
    now = datetime(2026, 11, 22, 12)
    with demo_ctx.reading() as s:
        rows = event_service.list_events(s)
        upcoming = event_service.list_events(s, event_service.EventFilter(when="upcoming", now=now))
    years = {r.starts_at.year for r in rows}
    assert years == {2025, 2026}
    assert len({r.type_label for r in rows}) >= 6
    assert len(upcoming) >= 2 and all(r.starts_at > now for r in upcoming)
    finished = [r for r in rows if r.status == FINISHED]
    assert len(finished) >= 8 and all(r.present > 0 for r in finished)
    assert any(r.status == "geannuleerd" for r in rows)


def test_reports_actions_and_obligations(demo_ctx):
    with demo_ctx.reading() as s:
        finished = [r for r in event_service.list_events(s) if r.status == FINISHED]
        assert all(event_service.get_event(s, r.id).report for r in finished)
        overdue = follow_up.overdue_actions(s, date(2026, 11, 22))
        y25 = {o.key: o.state for o in obligations.yearly_obligations(s, 2025)}
        y26 = {o.key: o.state for o in obligations.yearly_obligations(s, 2026)}
        total = event_stats.year_total(s, 2025)
    assert len(overdue) >= 3
    assert y25 == {"network": "gehaald", "mvo": "gehaald"}
    assert y26 == {"network": "gehaald", "mvo": "gepland"}
    assert total.invited > total.registered > total.present > 0
