"""Fixtures for the unit tests: a real, migrated and set-up SQLite file per test (no mocks, no Qt)."""

from pathlib import Path

import pytest

from regisseur_app.context import AppContext, AppPaths
from regisseur_app.domain.core.setup import complete_setup
from regisseur_app.startup import open_context

PARTICIPATING = ["24008", "24028", "24137", "24054", "24135"]


@pytest.fixture
def ctx(tmp_path: Path) -> AppContext:
    """open_context on tmp_path/t.sqlite, set up for 'IGO test' with the five demo municipalities."""
    context = open_context(AppPaths.for_db(tmp_path / "t.sqlite", log_dir=tmp_path / "logs",
                                           config_dir=tmp_path / "cfg"))
    with context.transaction() as session:
        complete_setup(session, "IGO test", PARTICIPATING)
    yield context
    context.close()
