"""Shared test set-up: Qt runs offscreen, so the suite needs no display."""

import os

# Qt offscreen, with a 1920×1080 screen (the plugin's default 800×600 is smaller than the window)
_SCREEN = os.path.join(os.path.dirname(__file__), "offscreen.json")
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_SCREEN}"

from pathlib import Path

import pytest

from regisseur_app.context import AppContext, AppPaths
from regisseur_app.domain.core.setup import complete_setup
from regisseur_app.startup import open_context

FIVE = ["24008", "24028", "24137", "24054", "24135"]


def paths_in(folder: Path, name: str = "regisseur.sqlite") -> AppPaths:
    return AppPaths.for_db(folder / name, log_dir=folder / "logs", config_dir=folder / "config")


@pytest.fixture
def app_ctx(tmp_path: Path) -> AppContext:
    """A migrated, set-up database file in tmp_path with the five demo municipalities participating."""
    ctx = open_context(paths_in(tmp_path))
    with ctx.transaction() as session:
        complete_setup(session, "IGO test", FIVE)
    yield ctx
    ctx.close()
