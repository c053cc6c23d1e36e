"""The Qt face of Regisseur. Only this package imports PySide6 (DESIGN.md rule 1).

Importing this package also makes PySide6's import hook cheaper. PySide6 (its `__feature__` support)
asks of every module imported after it whether the module uses PySide6, by `inspect.getsource(module)`
and a search for the text "PySide6". inspect.getsource goes through linecache and module lookups: for
the ~300 modules the start imports after Qt (SQLAlchemy, the features) that cost about 0,07 s on an
idle machine and 0,25 s under load. `_uses_pyside` answers the same question by searching the raw bytes
of the module's .py file, and leaves every other case (no source file, a built-in or compiled module) to
PySide6's own function. Modules that cannot use Qt are answered by their name without reading a file (about
260 of the ~350 a start imports after Qt, ≈ 10 ms): the standard library, SQLAlchemy, and Regisseur outside
this package (tests/unit/test_layering.py keeps PySide6 out of it); none of their sources names PySide6, so
the answer is the one the search would give (tests/unit/test_qt_import_hook.py).

It also makes None immortal on Python 3.11, as Python 3.12 does for every interpreter (PEP 683).
PySide6 6.12.0 takes one reference from None on every call from Qt into Python (a slot, a model's
data(), a timer) made while a worker thread (ui/workers) runs: after a few thousand such calls
during a background job the process aborts with "Fatal Python error: none_dealloc". On 3.12 and
later None's count is immortal and the leak harmless; on 3.11 its count is set as high as 3.12's
immortal objects have it, so no number of lost references can reach zero.
tests/reliability/test_qt_worker_threads.py fails without this."""

from __future__ import annotations

import ctypes
import sys
from types import ModuleType

import PySide6.QtCore  # noqa: F401  (loads PySide6's feature support, patched below)


def _never_qt(name: str) -> bool:
    """A module that does not use PySide6 by where it lives: the standard library, SQLAlchemy, or Regisseur
    outside regisseur_app.ui."""
    top = name.partition(".")[0]
    if top == "regisseur_app":
        return name != "regisseur_app.ui" and not name.startswith("regisseur_app.ui.")
    return top == "sqlalchemy" or top in sys.stdlib_module_names


def _install_faster_feature_check() -> None:
    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if original is None or getattr(original, "regisseur", False):
        return  # another PySide6 layout, or done already: leave it as it is

    def _uses_pyside(module: ModuleType) -> bool:
        if _never_qt(getattr(module, "__name__", "")):
            return False
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with open(path, "rb") as handle:
                    return b"PySide6" in handle.read()
            except OSError:
                pass
        return original(module)

    _uses_pyside.regisseur = True
    _uses_pyside.original = original
    feature._mod_uses_pyside = _uses_pyside


def _make_none_immortal() -> None:
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return  # immortal already (PEP 683), or not CPython's object layout
    count = ctypes.c_ssize_t.from_address(id(None))  # ob_refcnt, the first field of every object
    if count.value < 1 << 40:
        count.value += 1 << 40


_install_faster_feature_check()
_make_none_immortal()
