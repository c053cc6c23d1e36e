"""DESIGN.md rule 1: nothing outside regisseur_app/ui/ imports PySide6."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "regisseur_app"


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_no_qt_outside_ui():
    offenders = []
    checked = 0
    for path in PACKAGE.rglob("*.py"):
        if "ui" in path.relative_to(PACKAGE).parts[:1]:
            continue
        checked += 1
        if any(name == "PySide6" or name.startswith("PySide6.") for name in _imported_modules(path)):
            offenders.append(str(path.relative_to(PACKAGE)))
    assert checked > 10
    assert offenders == []


def test_ui_does_not_import_sqlalchemy():
    """Rule 2: the UI calls services and never builds queries itself."""
    offenders = [str(p.relative_to(PACKAGE)) for p in (PACKAGE / "ui").rglob("*.py")
                 if any(n.startswith("sqlalchemy") for n in _imported_modules(p))]
    assert offenders == []


def test_detector_sees_a_qt_import(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("from PySide6.QtCore import QObject\n", encoding="utf-8")
    assert "PySide6.QtCore" in _imported_modules(sample)
