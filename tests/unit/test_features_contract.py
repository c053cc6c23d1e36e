"""The contract of every registered feature (features/__init__.py FEATURES), checked for each one, so a
fifth module that registers itself is held to the same rules as the first four:

- every Ref it names resolves (pages, sections, demo, import kinds, hooks, report sections, KPI sources);
- its demo runs on an empty demo database (after the core inventory, as `regisseur_app.demo` runs it);
- every import kind refuses an empty file and a file with only a header with a Dutch message naming the
  file, and previews a table without rows as nothing to do;
- every report section returns SectionContent for a municipality with no data: has_data False and a
  sentence that says so.
The pages build in tests/ui/test_features_pages.py (they need a QApplication).
"""

import dataclasses
import re

import pytest
from sqlalchemy import func, select

from regisseur_app import features
from regisseur_app.domain.core.demo import populate_inventory
from regisseur_app.domain.core.settings import get_setting
from regisseur_app.exchange.importing import ImportPreview, guess_mapping
from regisseur_app.exchange.tabular import RawTable, TableReadError, read_table
from regisseur_app.features.spec import Feature, resolve
from regisseur_app.reports.content import Scope, SectionContent, Text
from tests.conftest import open_template_copy, paths_in

FEATURES = {f.name: f for f in features.FEATURES}
DUTCH = re.compile(r"\b(het|de|een|bestand|geen|is|niet|van|in)\b", re.IGNORECASE)


def _refs(feature: Feature) -> list[str]:
    """Every Ref string in the feature's declaration (walks the nested dataclasses and tuples)."""
    found: list[str] = []

    def walk(value, field_name: str = "") -> None:
        if dataclasses.is_dataclass(value):
            for f in dataclasses.fields(value):
                walk(getattr(value, f.name), f.name)
        elif isinstance(value, tuple):
            for item in value:
                walk(item, field_name)
        elif isinstance(value, str) and ":" in value and value.startswith("regisseur_app."):
            found.append(value)

    walk(feature)
    return found


def test_the_registry_lists_the_features_once_each():
    names = [f.name for f in features.FEATURES]
    assert len(names) == len(set(names))
    assert {"core", "analysis", "events", "referrals"} <= set(names)
    titles = [p.title for p in features.pages()]
    assert len(titles) == len(set(titles)) and titles[0] == "Overzicht"
    keys = [k.key for k in features.import_kinds()]
    assert len(keys) == len(set(keys))
    assert len({s.key for s in features.report_sections()}) == len(features.report_sections())


@pytest.mark.parametrize("name", FEATURES)
def test_every_ref_resolves(name):
    feature = FEATURES[name]
    refs = _refs(feature)
    for ref in refs:
        assert resolve(ref) is not None, ref
        assert callable(resolve(ref)) or isinstance(resolve(ref), dict), ref
    if feature.pages:
        assert refs, name  # the walker sees the page factories


@pytest.mark.parametrize("name", [n for n, f in FEATURES.items() if f.demo is not None])
def test_demo_runs_on_an_empty_demo_database(name, tmp_path, bare_template_db):
    feature = FEATURES[name]
    ctx = open_template_copy(bare_template_db, paths_in(tmp_path))
    try:
        with ctx.transaction() as session:
            populate_inventory(session)
        before = _row_counts(ctx)
        with ctx.transaction() as session:
            resolve(feature.demo.populate)(session, 20251)
        after = _row_counts(ctx)
        assert after != before, f"the demo of {name} added nothing"
        with ctx.reading() as session:
            assert get_setting(session, "demo_database") == "1"
    finally:
        ctx.close()


def _row_counts(ctx) -> dict[str, int]:
    from regisseur_app.features import metadata

    with ctx.reading() as session:
        return {name: session.scalar(select(func.count()).select_from(table))
                for name, table in metadata().tables.items()}


@pytest.mark.parametrize("key", [k.key for k in features.import_kinds()])
def test_import_kind_refuses_an_empty_file_in_dutch(key, tmp_path, ctx):
    kind = features.import_kind(key)
    fields = resolve(kind.fields)
    empty = tmp_path / f"lege {kind.plural}.csv"
    empty.write_bytes(b"")
    with pytest.raises(TableReadError) as info:
        read_table(empty)
    assert empty.name in str(info.value) and DUTCH.search(str(info.value))
    header_only = tmp_path / f"{kind.plural}.csv"
    header_only.write_text(";".join(fields.values()) + "\n", encoding="utf-8")
    with pytest.raises(TableReadError) as info:
        read_table(header_only)
    assert header_only.name in str(info.value) and "kopregel" in str(info.value)
    # a table without rows (the header alone) previews as nothing to do, in the kind's own preview
    table = RawTable(list(fields.values()), [], header_only.name)
    mapping = guess_mapping(table.headers, fields)
    assert all(mapping[f] is not None for f in fields.required)
    with ctx.reading() as session:
        preview = resolve(kind.preview)(session, table, mapping)
    assert isinstance(preview, ImportPreview)
    assert preview.rows == [] and preview.ok and preview.new_count == 0
    assert DUTCH.search(preview.error_summary())


@pytest.mark.parametrize("key", [s.key for s in features.report_sections()])
def test_report_section_for_a_municipality_without_data(key, ctx):
    spec = next(s for s in features.report_sections() if s.key == key)
    with ctx.reading() as session:
        content = resolve(spec.build)(session, Scope.year(2025, "24137", "Glabbeek"))
    assert isinstance(content, SectionContent)
    assert content.key == key
    assert content.has_data is False
    sentences = [b.text for b in content.blocks if isinstance(b, Text)]
    assert sentences and all(s.strip().endswith(".") for s in sentences[:1]) and DUTCH.search(sentences[0])
    assert "Glabbeek" in " ".join(sentences) or "2025" in " ".join(sentences)


@pytest.mark.parametrize("name", FEATURES)
def test_models_are_declared_by_their_feature(name):
    """A feature's tables are found through the registry (Feature.models), not a central list: its
    domain/<name>/models.py is declared, and every declared module defines tables of the metadata."""
    from pathlib import Path

    import regisseur_app

    feature = FEATURES[name]
    own = Path(regisseur_app.__file__).parent / "domain" / name / "models.py"
    if own.exists():
        assert f"regisseur_app.domain.{name}.models" in feature.models, (
            f"features/{name}.py: add models=(\"regisseur_app.domain.{name}.models\",)")
    tables = features.metadata().tables.values()
    for module in feature.models:
        assert any(_defined_in(t, module) for t in tables), module


def _defined_in(table, module: str) -> bool:
    from regisseur_app.domain.core.base import Base

    return any(m.class_.__module__ == module and m.local_table is table for m in Base.registry.mappers)


def _feature_owned(path, names: set[str]) -> bool:
    """Files that belong to one feature: its packages in every layer and its registry entry."""
    parts = path.parts
    if parts[0] in {"domain", "exchange", "reports", "ui"} and len(parts) > 2 and parts[1] in names:
        return True
    if parts[0] == "reports" and len(parts) > 2 and parts[1] == "college":  # the reports feature's renderer
        return True
    return parts[0] in {"operations", "features"} and len(parts) == 2 and path.stem in names


def test_central_files_name_no_feature_but_core():
    """The proof that a feature is added by registering it: no file outside the feature's own packages
    imports or names (by Ref) a feature other than core, except the registry (features/__init__.py) and
    the transitional model list domain/models.py (superseded by Feature.models)."""
    import ast
    from pathlib import Path

    import regisseur_app

    package = Path(regisseur_app.__file__).parent
    names = {f.name for f in features.FEATURES} - {"core"}
    pattern = re.compile(r"regisseur_app\.(domain|exchange|reports|ui|operations|features)\.(\w+)")
    allowed = {Path("features/__init__.py"), Path("domain/models.py")}
    offenders = []
    for path in package.rglob("*.py"):
        relative = path.relative_to(package)
        if relative in allowed or _feature_owned(relative, names | {"reports"}):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        texts = [n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module]
        texts += [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
        texts += [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)]
        for text in texts:
            for match in pattern.finditer(text):
                if match[2] in names:
                    offenders.append(f"{relative}: {match[0]}")
    assert offenders == []
