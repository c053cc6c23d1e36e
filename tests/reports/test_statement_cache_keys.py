"""Statements the Rapporten page's warm-up compiles are found again by the report made after it.

SQLAlchemy marks a statement's parts when it compiles it for the first time in a process. A statement that shared a
part with (or was derived from) a statement run just before it therefore had one cache key in the process's first
run, the warm-up, and another in every later run: the report compiled it again inside the user's wait. The offer
map's row totals, the MVO reporters' municipalities and the speakers of `se_organisations_presented` are built
from parts of their own now; a second run in a fresh engine compiles nothing."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import event
from sqlalchemy.orm import Session

from regisseur_app.context import AppContext
from regisseur_app.domain.analysis.offer_map import offer_matrix
from regisseur_app.domain.events.kpi_sources import se_organisations_presented
from regisseur_app.domain.mvo.orgs import reporters


def _compiled(ctx: AppContext, run: Callable[[Session], object]) -> list[str]:
    """The statements `run` had compiled (cache misses of the engine's statement cache)."""
    misses: list[str] = []

    def listen(_conn, _cursor, statement, _parameters, context, _many) -> None:  # noqa: ANN001
        if context is not None and context.cache_hit == context.dialect.CACHE_MISS:
            misses.append(statement)

    event.listen(ctx.engine, "after_cursor_execute", listen)
    try:
        with ctx.reading() as session:
            run(session)
    finally:
        event.remove(ctx.engine, "after_cursor_execute", listen)
    return misses


@pytest.mark.parametrize("run", [
    lambda s: offer_matrix(s, True),
    lambda s: offer_matrix(s, False),
    lambda s: reporters(s, nis_code="24008"),
    lambda s: reporters(s, "kring"),
    lambda s: se_organisations_presented(s, 2025, "24008"),
    lambda s: se_organisations_presented(s, 2025, None),
], ids=["offer-se", "offer-all", "reporters", "reporters-search", "presented-town", "presented-region"])
def test_a_second_run_compiles_nothing(demo_ctx, run):
    fresh = AppContext(demo_ctx.paths)  # an engine of its own: an empty statement cache, as in a new process
    try:
        first = _compiled(fresh, run)
        assert first  # the first run compiles its statements
        assert _compiled(fresh, run) == []
    finally:
        fresh.engine.dispose()


def test_the_results_are_those_of_a_fresh_engine(demo_ctx):
    """Same rows whether the statements were compiled in this run or found in the cache."""
    fresh = AppContext(demo_ctx.paths)
    try:
        for run in (lambda s: offer_matrix(s, True), lambda s: reporters(s, nis_code="24008"),
                    lambda s: se_organisations_presented(s, 2025, None).rows):
            with fresh.reading() as session:
                first = run(session)
            with fresh.reading() as session:
                assert run(session) == first
            with demo_ctx.reading() as session:
                assert run(session) == first
    finally:
        fresh.engine.dispose()
