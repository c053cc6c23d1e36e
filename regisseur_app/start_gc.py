"""The cyclic garbage collector during the start of the window's process.

A start creates some hundred thousand objects that live as long as the application (modules, SQLAlchemy's
mappers and compiled statements, Qt wrappers) and almost no cyclic garbage; the collector would walk them
again and again while they are created. `pause` (the command line, before the imports) stops it;
`resume` (once the main window is shown) moves everything that exists then into the permanent generation
(`gc.freeze`, so later collections do not walk it either) and starts the collector again. Nothing is lost:
objects freed by their reference count are freed as always; the cyclic garbage a start makes before the
window is shown is frozen with the rest (measured: 450 unreachable objects of 107.000 on a repeated start of
the demo, 1.100 of 157.000 on a first start: less than a megabyte), where a full collection at that moment
would cost 0,1-0,2 s. Paths that show a window the user works in first (the recovery window, the setup
wizard) or fill the demo database resume before it (ui/app.py). Standard library only, so pausing costs
nothing."""

from __future__ import annotations

import gc

_paused = False


def pause() -> None:
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume() -> None:
    """Freeze what the start created and collect again; only when `pause` stopped the collector (a test or
    a caller that never paused keeps its collector as it was and freezes nothing)."""
    global _paused
    if _paused:
        _paused = False
        gc.freeze()
        gc.enable()
