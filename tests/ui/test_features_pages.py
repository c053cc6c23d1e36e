"""The page part of the feature contract (tests/unit/test_features_contract.py has the rest): every page
a registered feature declares builds from its factory, is a typed Page whose COMMANDS have their methods,
and refreshes; every Overzicht section builds and refreshes."""

import pytest

from regisseur_app import features
from regisseur_app.features.spec import resolve
from regisseur_app.ui.page import Command, Page
from tests.ui.conftest import dispose

PAGES = {spec.title: spec for spec in features.pages()}


@pytest.mark.parametrize("title", PAGES)
def test_page_builds_and_refreshes(qtbot, app_ctx, title):
    page = resolve(PAGES[title].factory)(app_ctx)
    try:
        _check_page(title, page)
    finally:
        dispose(page)


def _check_page(title, page):
    assert isinstance(page, Page)
    assert set(page.COMMANDS) <= set(Command)
    for command in page.COMMANDS:
        assert callable(getattr(page, command.value)), f"{title}: {command} without {command.value}()"
    messages = []
    page.status_message.connect(messages.append)
    page.show()
    page.refresh()
    page.reload_choices()
    assert page.isVisible()


@pytest.mark.parametrize("order", [s.order for s in features.home_sections()])
def test_home_section_builds_and_refreshes(qtbot, app_ctx, order):
    spec = next(s for s in features.home_sections() if s.order == order)
    section = resolve(spec.factory)(app_ctx)
    try:
        section.refresh()
    finally:
        dispose(section)
