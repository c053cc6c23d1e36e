"""Shared test set-up: Qt runs offscreen, so the suite needs no display.

Databases: migrating a fresh file costs a few hundred milliseconds, which per test was most of the
suite's time. The session migrates one template (`open_context` + `complete_setup`) once and every
`ctx`/`app_ctx` gets a byte copy of that file, opened like the application opens an existing,
up-to-date database (engine, generation counter, the registry's on-open hooks).
"""

import os

# Qt offscreen, with a 1920×1080 screen (the plugin's default 800×600 is smaller than the window)
_SCREEN = os.path.join(os.path.dirname(__file__), "offscreen.json")
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_SCREEN}"

import shutil
from pathlib import Path

import pytest

from regisseur_app import features
from regisseur_app.context import AppContext, AppPaths
from regisseur_app.domain.core.setup import complete_setup
from regisseur_app.startup import open_context

FIVE = ["24008", "24028", "24137", "24054", "24135"]


def paths_in(folder: Path, name: str = "regisseur.sqlite") -> AppPaths:
    return AppPaths.for_db(folder / name, log_dir=folder / "logs", config_dir=folder / "config")


@pytest.fixture(scope="session")
def template_db(tmp_path_factory) -> Path:
    """A migrated database with reference data, set up for 'IGO test' with five municipalities; made
    once per test session. Do not open it: copy it (`open_template_copy`)."""
    folder = tmp_path_factory.mktemp("template")
    ctx = open_context(paths_in(folder))
    with ctx.transaction() as session:
        complete_setup(session, "IGO test", FIVE)
    ctx.close()
    wal = ctx.db_path.with_name(ctx.db_path.name + "-wal")  # the last close checkpoints the WAL into the file
    assert not wal.exists() or wal.stat().st_size == 0, wal
    return ctx.db_path


@pytest.fixture(scope="session")
def bare_template_db(tmp_path_factory) -> Path:
    """A migrated database with reference data and nothing else (not set up: what the demo starts from)."""
    folder = tmp_path_factory.mktemp("bare")
    ctx = open_context(paths_in(folder))
    ctx.close()
    return ctx.db_path


def open_template_copy(template: Path, paths: AppPaths) -> AppContext:
    """A context on a copy of the template, opened as startup.open_context opens an up-to-date file."""
    paths.db_path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(template, paths.db_path)
    ctx = AppContext(paths)
    features.run_on_open(ctx)
    return ctx


@pytest.fixture
def app_ctx(tmp_path: Path, template_db: Path) -> AppContext:
    """A migrated, set-up database file in tmp_path with the five demo municipalities participating."""
    ctx = open_template_copy(template_db, paths_in(tmp_path))
    yield ctx
    ctx.close()


def pytest_sessionfinish(session, exitstatus):  # noqa: ANN001, ANN201
    session.config._regisseur_exit_status = int(exitstatus)


def pytest_unconfigure(config):  # noqa: ANN001, ANN201
    """Leave with pytest's own exit status once everything has run and the summary is printed.

    PySide6 can abort while the interpreter tears down Qt objects after the last test (exit 134,
    "bool_dealloc"/"none_dealloc"), which would turn a green run red; nothing is left to do by then."""
    status = getattr(config, "_regisseur_exit_status", None)
    if status is not None:
        import sys

        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(status)
