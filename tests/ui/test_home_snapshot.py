"""The Overzicht keeps what it showed per data generation and day (domain/core/home_snapshot.py): a start
with unchanged data shows it without recomputing; any change, an undo, another day or an upcoming event
that has ended makes it recompute."""

import json
from datetime import date, datetime, timedelta

from PySide6.QtCore import Qt

from regisseur_app.domain.core import codelists, home_snapshot
from regisseur_app.domain.core.organisation_service import OrganisationInput
from regisseur_app.operations import core as core_ops
from regisseur_app.operations.home import keep_home_snapshot
from regisseur_app.ui.home_page import HomePage


def _stored(ctx) -> tuple[int, dict | None]:
    with ctx.reading() as s:
        return home_snapshot.read(s)


def _tamper(ctx, change) -> None:
    """Change what the stored snapshot says, keeping its key: only a page that uses it shows the change."""
    snapshot = _stored(ctx)[1]
    change(snapshot)
    keep_home_snapshot(ctx, snapshot)


def _second_page(qtbot, ctx) -> HomePage:
    page = HomePage(ctx)
    qtbot.addWidget(page)
    page.refresh()
    return page


def _organisation_type(ctx) -> int:
    with ctx.reading() as s:
        return codelists.list_items(s, codelists.ORGANISATION_TYPE)[0].id


def test_unchanged_data_is_shown_from_the_snapshot(qtbot, main_window, app_ctx):
    core_ops.save_organisation(app_ctx, OrganisationInput("Kringwinkel Hageland", _organisation_type(app_ctx)))
    home = main_window.show_page("Overzicht")
    assert home.tiles["organisations"].value.text() == "1"
    generation, snapshot = _stored(app_ctx)
    assert snapshot["key"][:2] == [generation, date.today().isoformat()]
    assert snapshot["header"]["organisations"] == 1
    assert set(snapshot["sections"]) == {s.objectName() for s in home.sections}
    _tamper(app_ctx, lambda s: s["header"].update(organisations=777))
    assert _stored(app_ctx)[0] == generation, "keeping the snapshot is not a change of the data"
    page = _second_page(qtbot, app_ctx)
    assert page.tiles["organisations"].value.text() == "777"


def test_a_change_and_its_undo_recompute(qtbot, main_window, app_ctx):
    type_id = _organisation_type(app_ctx)
    for name in ("Kringwinkel Hageland", "Groenwerk"):
        core_ops.save_organisation(app_ctx, OrganisationInput(name, type_id))
    home = main_window.show_page("Overzicht")
    assert home.tiles["organisations"].value.text() == "2"
    _tamper(app_ctx, lambda s: s["header"].update(organisations=777))  # would show if wrongly reused

    page = main_window.show_page("Organisaties")
    page.refresh()
    page.table.selectRow(0)
    qtbot.mouseClick(page.archive_button, Qt.MouseButton.LeftButton)
    home = main_window.show_page("Overzicht")
    assert home.tiles["organisations"].value.text() == "1"
    assert _stored(app_ctx)[1]["header"]["organisations"] == 1
    _tamper(app_ctx, lambda s: s["header"].update(organisations=777))

    main_window.activateWindow()
    qtbot.waitUntil(main_window.isActiveWindow, timeout=2000)
    qtbot.keyClick(main_window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # Ctrl+Z on Overzicht
    assert main_window.statusBar().currentMessage().startswith("Ongedaan gemaakt")
    assert home.tiles["organisations"].value.text() == "2"
    generation, snapshot = _stored(app_ctx)
    assert snapshot["key"][0] == generation and snapshot["header"]["organisations"] == 2


def test_another_day_schema_or_an_ended_event_recomputes(qtbot, main_window, app_ctx):
    main_window.show_page("Overzicht")
    _tamper(app_ctx, lambda s: (s["header"].update(organisations=777), s["key"].__setitem__(1, "2000-01-01")))
    page = _second_page(qtbot, app_ctx)
    assert page.tiles["organisations"].value.text() == "0"

    _tamper(app_ctx, lambda s: (s["header"].update(organisations=777), s["key"].__setitem__(4, ["0001"])))
    page = _second_page(qtbot, app_ctx)  # made by another schema (before a migration): recomputed
    assert page.tiles["organisations"].value.text() == "0"

    ended = (datetime.now() - timedelta(minutes=1)).isoformat()
    _tamper(app_ctx, lambda s: (s["header"].update(organisations=777),
                                s["sections"]["events_home_section"].update(expires=ended)))
    page = _second_page(qtbot, app_ctx)
    assert page.tiles["organisations"].value.text() == "0"


def test_a_snapshot_that_does_not_fit_is_recomputed(qtbot, main_window, app_ctx):
    main_window.show_page("Overzicht")
    _tamper(app_ctx, lambda s: s["sections"].pop("stale_section"))
    page = _second_page(qtbot, app_ctx)
    section = next(s for s in page.sections if s.objectName() == "stale_section")
    assert section.summary.text().startswith("Geen vastgelopen doorverwijzingen")
    assert "stale_section" in _stored(app_ctx)[1]["sections"]
    json.dumps(_stored(app_ctx)[1])  # plain JSON, nothing else


def test_closing_the_window_keeps_the_overzicht_of_changes_made_on_another_page(qtbot, main_window, app_ctx):
    """A change made while the Overzicht was not on screen leaves the kept snapshot behind; when the window
    closes it is brought up to date (so the next start the same day shows it at once), and only then."""
    main_window.show_page("Overzicht")
    kept = _stored(app_ctx)
    main_window.show_page("Organisaties")
    core_ops.save_organisation(app_ctx, OrganisationInput("Kringwinkel Hageland", _organisation_type(app_ctx)))
    generation, stale = _stored(app_ctx)
    assert stale == kept[1] and generation > kept[0], "not recomputed while another page is shown"
    main_window.close()
    main_window.keep_start_screen()
    generation_after, snapshot = _stored(app_ctx)
    assert generation_after == generation, "keeping the snapshot is not a change of the data"
    assert snapshot["key"][0] == generation and snapshot["header"]["organisations"] == 1
    _tamper(app_ctx, lambda s: s["header"].update(organisations=777))
    main_window.keep_start_screen()  # up to date already: left as it is
    assert _stored(app_ctx)[1]["header"]["organisations"] == 777
    page = _second_page(qtbot, app_ctx)
    assert page.tiles["organisations"].value.text() == "777"


def test_the_next_days_are_prepared_at_close_for_their_own_day(qtbot, main_window, app_ctx, monkeypatch):
    """At close the Overzicht of the next days is prepared from the same data, each computed for its own day
    (a referral that becomes stale tomorrow is stale in tomorrow's, not in today's); the first start of
    tomorrow shows it without computing."""
    import pytest

    from regisseur_app.domain.core import codelists as lists
    from regisseur_app.domain.referrals.service import ReferralInput, create_referral
    from regisseur_app.ui import home_page as home_module

    today = date.today()
    tomorrow = today + timedelta(days=1)
    if tomorrow.year != today.year:
        pytest.skip("nothing is prepared across the turn of the year")
    with app_ctx.transaction() as s:  # 'doorverwezen' for exactly the expected 30 days: stale from tomorrow
        type_id = next(i.id for i in lists.list_items(s, lists.REFERRAL_TYPE) if i.code == "screening")
        create_referral(s, ReferralInput("24008", today - timedelta(days=30), type_id), today=today)
    main_window.show_page("Overzicht")
    main_window.close()
    main_window.keep_start_screen()
    generation, stored = _stored(app_ctx)
    days = [a["key"][1] for a in stored["ahead"]]
    assert stored["key"][:2] == [generation, today.isoformat()]
    assert days[0] == tomorrow.isoformat() and len(days) == len({*days}) <= home_module.AHEAD_DAYS
    assert stored["sections"]["stale_section"]["total"] == 0
    assert stored["ahead"][0]["sections"]["stale_section"]["total"] == 1
    assert not main_window.page("Overzicht").keep_current(), "prepared already: nothing computed again"

    def tamper(snapshot):  # noqa: ANN001
        snapshot["ahead"][0]["header"]["organisations"] = 777
    _tamper(app_ctx, tamper)

    class Tomorrow(date):
        @classmethod
        def today(cls):
            return tomorrow
    monkeypatch.setattr(home_module, "date", Tomorrow)
    page = _second_page(qtbot, app_ctx)
    assert page.tiles["organisations"].value.text() == "777", "tomorrow's start showed what was prepared"
    stale = next(s for s in page.sections if s.objectName() == "stale_section")
    assert stale.table.rowCount() == 1
    assert _stored(app_ctx)[1]["ahead"][0]["header"]["organisations"] == 777, "showing it wrote nothing"
