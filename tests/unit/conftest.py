"""Fixtures for the unit tests: a real, migrated and set-up SQLite file per test (no mocks, no Qt),
copied from the session's template database (tests/conftest.py)."""

from pathlib import Path

import pytest

from regisseur_app.context import AppContext, AppPaths
from tests.conftest import FIVE, open_template_copy

PARTICIPATING = FIVE


@pytest.fixture
def ctx(tmp_path: Path, template_db: Path) -> AppContext:
    """A copy of the template on tmp_path/t.sqlite: set up for 'IGO test' with the five demo municipalities."""
    context = open_template_copy(template_db, AppPaths.for_db(tmp_path / "t.sqlite", log_dir=tmp_path / "logs",
                                                              config_dir=tmp_path / "cfg"))
    yield context
    context.close()
