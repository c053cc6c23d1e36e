"""What a feature contributes to the application, declared once (DESIGN.md section 4).

A feature is one `Feature(...)` value in `features/<name>.py`, listed once in `features/__init__.py`.
Everything that lives in the UI or pulls a heavy library is named by a `Ref` ("package.module:attr")
and resolved only when it is used, so the registry itself imports neither Qt nor pandas and the
command line, the batch jobs and the tests can read it without a `QApplication`.

The declarations are NamedTuples (immutable values, compared by their fields, like frozen dataclasses):
every start reads the registry, and a NamedTuple class costs a seventh of a frozen dataclass to create
(≈ 0,6 ms → 0,1 ms each; the nine of this module were 4,7 ms of a 0,43 s start).
"""

from __future__ import annotations

import importlib
from typing import Any, NamedTuple

Ref = str  # "package.module:attribute"


def resolve(ref: Ref) -> Any:
    """The object a Ref names (imported on first use)."""
    module, _, attribute = ref.partition(":")
    if not attribute:
        raise ValueError(f"Ref without ':attribute': {ref!r}")
    target: Any = importlib.import_module(module)
    for part in attribute.split("."):
        target = getattr(target, part)
    return target


class PageSpec(NamedTuple):
    """A module in the navigation. `factory(ctx) -> ui.page.Page`; built the first time it is shown."""

    title: str
    order: int
    factory: Ref


class HomeSectionSpec(NamedTuple):
    """A section of the Overzicht page. `factory(ctx) -> QWidget` with `refresh()`."""

    order: int
    factory: Ref


class DemoSpec(NamedTuple):
    """Demo data of a feature: `populate(session, seed)`, run once per demo database (settings key `key`),
    also on demo databases made before the feature existed. Features run in registry order."""

    key: str
    populate: Ref


class ImportKind(NamedTuple):
    """A kind of tabular import through the shared import dialog (file, mapping, preview, all-or-nothing).

    fields: an `exchange.importing.FieldSet`; preview(session, table, mapping, **options) -> ImportPreview;
    run(session, preview, **options) -> result. `options` names extra choices the dialog offers."""

    key: str
    singular: str
    plural: str
    fields: Ref
    preview: Ref
    run: Ref


class CodeListSpec(NamedTuple):
    """A code list (rows of `code_item` with this list name) editable in Beheer › Codelijsten."""

    name: str
    title: str


class ReportSectionSpec(NamedTuple):
    """A section of the college report: `build(session, scope) -> reports.content.SectionContent`.

    `scope` is a `reports.content.Scope` (one municipality or the region, and a period). The section must
    render for a municipality with no data (a sentence that says so, not an empty table).
    `warm_up(session, scope)`, where given: runs the statements `build` reaches only on data found, which the
    Rapporten page's warm-up (a report for no municipality, operations.reports_prepare) does not reach, so that
    they are compiled before the user's report; it reads next to nothing and its result is thrown away."""

    key: str
    title: str
    order: int
    build: Ref
    default_on: bool = True
    warm_up: Ref | None = None


class KpiSourceSpec(NamedTuple):
    """A quantity the action plan can use as a computed KPI, measured by the feature that owns the data.

    `compute(session, year: int, nis_code: str | None) -> reports.content.Table`: the figures behind the
    value, whose last row, last column holds the value itself (nis_code None: the whole region).
    `value(session, year, nis_code) -> float | None`, where given: that same number without the table (KPI
    progress, e.g. on the Overzicht, needs only the values; tests/unit/test_kpi_source_values.py compares)."""

    key: str
    title: str
    unit: str
    compute: Ref
    value: Ref | None = None


class CountSpec(NamedTuple):
    """A count shown with each backup in the restore list: `label` and the table it counts."""

    label: str
    table: str


class Feature(NamedTuple):
    name: str
    title: str
    pages: tuple[PageSpec, ...] = ()
    home_sections: tuple[HomeSectionSpec, ...] = ()
    demo: DemoSpec | None = None
    import_kinds: tuple[ImportKind, ...] = ()
    code_lists: tuple[CodeListSpec, ...] = ()
    # admin_actions(window) -> list[QAction], added to the Beheer menu
    admin_actions: Ref | None = None
    # need_scores(session, nis_code=None) -> Iterable[domain.analysis.gaps.NeedScore] (of one municipality
    # when nis_code is given)
    need_score_providers: tuple[Ref, ...] = ()
    # on_open(ctx): after every open of a database (migrated, reference data present)
    on_open: tuple[Ref, ...] = ()
    # after_restore(ctx, safety_backup: Path): after a backup was copied into the database
    after_restore: tuple[Ref, ...] = ()
    report_sections: tuple[ReportSectionSpec, ...] = ()
    kpi_sources: tuple[KpiSourceSpec, ...] = ()
    backup_counts: tuple[CountSpec, ...] = ()
    # the modules that define its tables ("regisseur_app.domain.<name>.models"): imported by
    # features.metadata() for Alembic and the tests, so no central list of models is needed
    models: tuple[str, ...] = ()
    # checks(session) -> list[str]: Dutch problems found in the feature's data ("Database controleren")
    checks: tuple[Ref, ...] = ()
