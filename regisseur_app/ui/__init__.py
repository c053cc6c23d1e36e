"""The Qt face of Regisseur. Only this package imports PySide6 (DESIGN.md rule 1).

Importing this package also makes PySide6's import hook cheaper. PySide6 (its `__feature__` support)
asks of every module imported after it whether the module uses PySide6, by `inspect.getsource(module)`
and a search for the text "PySide6". inspect.getsource goes through linecache and module lookups: for
the ~300 modules the start imports after Qt (SQLAlchemy, the features) that cost about 0,07 s on an
idle machine and 0,25 s under load. `_uses_pyside` answers the same question by searching the raw bytes
of the module's .py file, and leaves every other case (no source file, a built-in or compiled module) to
PySide6's own function."""

from __future__ import annotations

import sys
from types import ModuleType

import PySide6.QtCore  # noqa: F401  (loads PySide6's feature support, patched below)


def _install_faster_feature_check() -> None:
    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if original is None or getattr(original, "regisseur", False):
        return  # another PySide6 layout, or done already: leave it as it is

    def _uses_pyside(module: ModuleType) -> bool:
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


_install_faster_feature_check()
