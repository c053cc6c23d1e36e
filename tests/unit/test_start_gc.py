"""start_gc pauses the collector for the window's start and resumes it once; callers that never paused (tests,
batch jobs showing a window) keep their collector untouched."""

from __future__ import annotations

import gc

from regisseur_app import start_gc


def test_resume_without_pause_changes_nothing():
    assert gc.isenabled()
    frozen = gc.get_freeze_count()
    start_gc.resume()
    assert gc.isenabled() and gc.get_freeze_count() == frozen


def test_pause_then_resume_freezes_what_exists_and_collects_again():
    assert gc.isenabled()
    try:
        start_gc.pause()
        assert not gc.isenabled()
        made = [[i] for i in range(1000)]  # tracked objects that exist when the window is shown
        start_gc.resume()
        assert gc.isenabled()
        assert gc.get_freeze_count() >= len(made)
        start_gc.resume()  # once only
        assert gc.isenabled()
    finally:
        gc.unfreeze()
        gc.enable()
