"""The start pauses the garbage collector until the main window is shown (start_gc); a window the user works
in before that (the setup wizard on a database that is not set up yet) runs with it on again."""

from __future__ import annotations

import gc

from regisseur_app import start_gc
from regisseur_app.ui import app as gui
from regisseur_app.ui.admin.setup_wizard import SetupWizard
from tests.conftest import open_template_copy, paths_in


def test_the_setup_wizard_runs_with_the_collector_on(qtbot, tmp_path, bare_template_db, monkeypatch):
    ctx = open_template_copy(bare_template_db, paths_in(tmp_path))
    seen = []
    monkeypatch.setattr(SetupWizard, "exec", lambda self: seen.append(gc.isenabled()) or 0)
    try:
        start_gc.pause()
        assert not gc.isenabled()
        assert gui._ensure_setup(ctx) is False  # the wizard was cancelled
        assert seen == [True]
        assert gc.isenabled()
    finally:
        gc.unfreeze()
        gc.enable()
        start_gc._paused = False
        ctx.close()
