"""Fixtures for the college reports: the demo database (made once per module: it takes a few seconds)."""

from pathlib import Path

import pytest

from regisseur_app.context import AppContext, AppPaths
from regisseur_app.demo import open_demo_context


@pytest.fixture(scope="module")
def demo_ctx(tmp_path_factory) -> AppContext:
    folder: Path = tmp_path_factory.mktemp("demo")
    ctx = open_demo_context(AppPaths.for_db(folder / "demo.sqlite", log_dir=folder / "logs",
                                            config_dir=folder / "cfg"))
    yield ctx
    ctx.close()


def pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)
