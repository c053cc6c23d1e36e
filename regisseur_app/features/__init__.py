"""The registry: every feature of the application, once, in navigation order.

To add a feature: create its packages (domain/<name>/, and exchange/, reports/, ui/ where it has
something there), describe it in `features/<name>.py` as one `Feature(...)`, add it to FEATURES below,
and add its migration (db/migrations/versions, a branch of its own). Nothing else central changes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from regisseur_app.features import analysis, core, events, kbo, mvo, plan, referrals, reports, survey
from regisseur_app.features.spec import (
    CodeListSpec,
    CountSpec,
    DemoSpec,
    Feature,
    HomeSectionSpec,
    ImportKind,
    KpiSourceSpec,
    PageSpec,
    ReportSectionSpec,
    resolve,
)

if TYPE_CHECKING:
    from pathlib import Path

    from sqlalchemy import MetaData

FEATURES: tuple[Feature, ...] = (
    core.FEATURE,
    analysis.FEATURE,
    events.FEATURE,
    referrals.FEATURE,
    survey.FEATURE,
    mvo.FEATURE,
    reports.FEATURE,
    plan.FEATURE,
    kbo.FEATURE,
)


def _each(features: Iterable[Feature] | None) -> Iterable[Feature]:
    return FEATURES if features is None else features


def pages(features: Iterable[Feature] | None = None) -> list[PageSpec]:
    return sorted((p for f in _each(features) for p in f.pages), key=lambda p: p.order)


def home_sections(features: Iterable[Feature] | None = None) -> list[HomeSectionSpec]:
    return sorted((s for f in _each(features) for s in f.home_sections), key=lambda s: s.order)


def demos(features: Iterable[Feature] | None = None) -> list[DemoSpec]:
    return [f.demo for f in _each(features) if f.demo is not None]


def import_kind(key: str) -> ImportKind:
    for feature in FEATURES:
        for kind in feature.import_kinds:
            if kind.key == key:
                return kind
    raise KeyError(key)


def import_kinds() -> list[ImportKind]:
    return [kind for feature in FEATURES for kind in feature.import_kinds]


def code_lists() -> list[CodeListSpec]:
    return [spec for feature in FEATURES for spec in feature.code_lists]


def code_list_titles() -> dict[str, str]:
    return {spec.name: spec.title for spec in code_lists()}


def admin_action_factories() -> list[Callable[[Any], list]]:
    return [resolve(f.admin_actions) for f in FEATURES if f.admin_actions]


def need_score_providers() -> list[Callable]:
    return [resolve(ref) for f in FEATURES for ref in f.need_score_providers]


def report_sections() -> list[ReportSectionSpec]:
    return sorted((s for f in FEATURES for s in f.report_sections), key=lambda s: s.order)


def kpi_sources() -> list[KpiSourceSpec]:
    return [k for f in FEATURES for k in f.kpi_sources]


def kpi_source(key: str) -> KpiSourceSpec:
    for source in kpi_sources():
        if source.key == key:
            return source
    raise KeyError(key)


def backup_counts() -> list[CountSpec]:
    return [c for f in FEATURES for c in f.backup_counts]


def metadata() -> MetaData:
    """`Base.metadata` with the tables of every registered feature (its `models` modules imported), for
    Alembic (db/migrations/env.py) and the tests. domain/models.py still lists models of modules that
    have not declared `models` yet; it is imported too."""
    import importlib

    for feature in FEATURES:
        for module in feature.models:
            importlib.import_module(module)
    import regisseur_app.domain.models  # noqa: F401  (transitional list, see its docstring)
    from regisseur_app.domain.core.base import Base

    return Base.metadata


def configure_models() -> None:
    """Every feature's models declared and SQLAlchemy's mappers configured (cheap once done). Called on the GUI
    thread before work starts on another thread (ui.workers.start): a models module declared on one thread while
    another configures the mappers for a query (a relationship to a class further down the half-imported file)
    leaves that mapper failed for the rest of the process."""
    from sqlalchemy.orm import configure_mappers

    metadata()
    configure_mappers()


def checks() -> list[Callable[[Any], list[str]]]:
    """The features' own integrity checks: fn(session) -> Dutch problems (empty when in order)."""
    return [resolve(ref) for f in FEATURES for ref in f.checks]


def run_on_open(ctx: Any) -> None:
    for feature in FEATURES:
        for ref in feature.on_open:
            resolve(ref)(ctx)


def run_after_restore(ctx: Any, safety_backup: Path) -> None:
    for feature in FEATURES:
        for ref in feature.after_restore:
            resolve(ref)(ctx, safety_backup)
