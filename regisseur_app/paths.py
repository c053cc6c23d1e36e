"""Where the files shipped with the application live (source tree or PyInstaller bundle)."""

from __future__ import annotations

import sys
from pathlib import Path


def bundle_root() -> Path:
    """The folder holding `db/` and `resources/`: the bundle dir when frozen, else the repo."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root)
    return Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    return bundle_root() / "resources"


def reference_file(name: str) -> Path:
    return resources_dir() / "reference" / name


def migrations_dir() -> Path:
    return bundle_root() / "db" / "migrations"
