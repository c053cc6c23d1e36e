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


def _ours(path: Path) -> set[str]:
    """Our own packages a file imports, as 'regisseur_app.<top>' (e.g. regisseur_app.domain)."""
    result = set()
    for name in _imported_modules(path):
        parts = name.split(".")
        if parts[0] == "regisseur_app" and len(parts) > 1:
            result.add(parts[1])
    return result


def _offenders(package: str, forbidden: set[str]) -> list[str]:
    files = list((PACKAGE / package).rglob("*.py"))
    assert files, package
    return sorted(f"{p.relative_to(PACKAGE)} imports {', '.join(sorted(_ours(p) & forbidden))}"
                  for p in files if _ours(p) & forbidden)


def test_storage_imports_nothing_above_it():
    """storage/ knows no feature and no table of ours: callers pass what it needs (e.g. backup counts)."""
    assert _offenders("storage", {"domain", "exchange", "reports", "ui", "features", "operations",
                                  "context", "startup", "demo"}) == []


def test_domain_does_not_import_upward():
    """The domain knows no context, start-up, UI, registry or operation (reports.content, the section
    interface with Scope, is shared by design)."""
    assert _offenders("domain", {"context", "startup", "ui", "features", "operations", "demo", "exchange",
                                 "cli"}) == []
    from_reports = {name for p in (PACKAGE / "domain").rglob("*.py") for name in _imported_modules(p)
                    if name.startswith("regisseur_app.reports")}
    assert from_reports <= {"regisseur_app.reports.content"}


def test_storage_names_no_domain_table():
    from regisseur_app.features import metadata

    tables = set(metadata().tables) - {"app_setting"}  # storage reads the data generation (a setting)
    source = "\n".join(p.read_text(encoding="utf-8") for p in (PACKAGE / "storage").rglob("*.py"))
    named = sorted(t for t in tables if f" {t} " in source or f'"{t}"' in source or f"'{t}'" in source)
    assert named == []


# who may open a write transaction: the operations layer, and the start-up code around it
_TRANSACTION_OPENERS = {"operations", "startup.py", "demo.py", "cli.py", "selftest.py", "bench", "context.py"}


def _opens_transaction(path: Path) -> bool:
    return ".transaction()" in path.read_text(encoding="utf-8")


def test_ui_never_opens_a_transaction():
    """Rule 2: a user action is an operation (operations/); the UI calls it."""
    offenders = [str(p.relative_to(PACKAGE)) for p in (PACKAGE / "ui").rglob("*.py") if _opens_transaction(p)]
    assert offenders == []


def test_only_operations_and_startup_open_transactions():
    offenders = [str(p.relative_to(PACKAGE)) for p in PACKAGE.rglob("*.py")
                 if p.relative_to(PACKAGE).parts[0] not in _TRANSACTION_OPENERS and _opens_transaction(p)]
    assert offenders == []
    assert _opens_transaction(PACKAGE / "operations" / "base.py")  # the detector sees the one that does


def test_ui_reads_build_no_queries():
    """Reads in the UI are `ctx.reading()` plus service/query functions: no select(), no text SQL."""
    import re

    query = re.compile(r"(?<![\w.])(select|text)\(|session\.(execute|scalars?|query|get)\(")
    offenders = [str(p.relative_to(PACKAGE)) for p in (PACKAGE / "ui").rglob("*.py")
                 if query.search(p.read_text(encoding="utf-8"))]
    assert offenders == []
    assert query.search("rows = session.scalars(select(X))") and not query.search("selection.select(index)")


def test_context_imports_only_storage():
    """AppContext carries paths, the engine and the session factory: it knows no domain, UI or registry."""
    assert _ours(PACKAGE / "context.py") <= {"storage", "app_paths"}  # app_paths: the paths, stdlib only
