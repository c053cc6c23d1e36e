"""A page shown again while the data did not change is not read again (ui.page.ReadMarks), unless a moment it
shows passed in between: an event that ended leaves the upcoming events of the Evenementen page and of the
Overzicht without any change to the data. The clock is moved forward by replacing `datetime` in the modules
that ask it the time."""

from datetime import datetime, timedelta

import pytest

from regisseur_app.domain.events import service as event_service
from regisseur_app.ui import home_page as home_module
from regisseur_app.ui import page as page_module
from regisseur_app.ui.events import home_section as events_home_module
from tests.unit.events_support import event


def _later(monkeypatch, moment: datetime, *modules) -> None:  # noqa: ANN001
    class Later(datetime):
        @classmethod
        def now(cls, tz=None):  # noqa: ANN001, ANN206
            return moment

    for module in modules:
        monkeypatch.setattr(module, "datetime", Later)


@pytest.fixture
def now() -> datetime:
    moment = datetime.now().replace(second=0, microsecond=0)  # events are kept to the minute
    if (moment + timedelta(hours=3)).date() != moment.date():
        pytest.skip("the clock would be moved past midnight: another day reads again anyway")
    return moment


def test_next_change_is_the_first_start_or_end_after_now(app_ctx, now):
    with app_ctx.transaction() as s:
        assert event_service.next_change(s, now) is None
        event(s, "Voorbij", start=now - timedelta(days=2), end=now - timedelta(days=2) + timedelta(hours=2))
        assert event_service.next_change(s, now) is None
        event(s, "Lopend", start=now - timedelta(hours=1), end=now + timedelta(hours=2))
        assert event_service.next_change(s, now) == now + timedelta(hours=2)
        event(s, "Straks", start=now + timedelta(hours=1), end=now + timedelta(hours=4))
        assert event_service.next_change(s, now) == now + timedelta(hours=1)
        assert event_service.next_change(s, now + timedelta(hours=1)) == now + timedelta(hours=2)


def test_the_events_page_shown_again_after_an_event_ended_is_read_again(qtbot, main_window, app_ctx, monkeypatch,
                                                                          now):
    with app_ctx.transaction() as s:
        event(s, "Lopend netwerkevent", start=now - timedelta(hours=1), end=now + timedelta(hours=1))
    page = main_window.show_page("Evenementen")
    assert page.when_combo.currentData() == "upcoming"
    assert page.model.rowCount() == 1
    assert page.changes_at() == now + timedelta(hours=1)
    reads = []
    original = page.refresh
    page.refresh = lambda: (reads.append(1), original())[1]
    main_window.show_page("Overzicht")
    main_window.show_page("Evenementen")
    assert reads == []  # nothing changed and nothing ended: not read again

    _later(monkeypatch, now + timedelta(hours=2), page_module, event_service)
    main_window.show_page("Overzicht")
    main_window.show_page("Evenementen")
    assert reads == [1]
    assert page.model.rowCount() == 0  # it ended: no longer among the upcoming events
    assert page.changes_at() is None


def test_the_overzicht_shown_again_after_an_upcoming_event_ended_is_read_again(qtbot, main_window, app_ctx,
                                                                                 monkeypatch, now):
    with app_ctx.transaction() as s:
        event(s, "Komend netwerkevent", start=now + timedelta(hours=1), end=now + timedelta(hours=2))
    home = main_window.show_page("Overzicht")
    section = home.findChild(events_home_module.EventsHomeSection)
    assert "Komend netwerkevent" in section.upcoming_label.text()
    assert home.changes_at() == now + timedelta(hours=2)
    main_window.show_page("Organisaties")

    _later(monkeypatch, now + timedelta(hours=3), page_module, home_module, events_home_module)
    main_window.show_page("Overzicht")
    assert "Komend netwerkevent" not in section.upcoming_label.text()
    assert "geen gepland" in section.upcoming_label.text()
    assert home.changes_at() is None
