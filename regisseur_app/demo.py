"""The demo database (`regisseur-app --demo`): the fictitious inventory of `domain.core.demo`, then the
demo data of every registered feature (features.demos()), each once per demo database — also on demo
databases made before the feature existed."""

from __future__ import annotations

from sqlalchemy.orm import Session

from regisseur_app import features
from regisseur_app.context import AppContext, AppPaths
from regisseur_app.domain.core.demo import DEFAULT_SEED, is_demo_populated, populate_inventory
from regisseur_app.domain.core.settings import get_setting, set_setting
from regisseur_app.features.spec import resolve


def populate_demo(session: Session, seed: int = DEFAULT_SEED) -> None:
    """Fill an empty database with the fictitious demo data; add what newer features bring to an older demo.

    Raises ValidationError for a database that holds real data: demo data never mix with it.
    """
    if not is_demo_populated(session):
        populate_inventory(session, seed)
    for spec in features.demos():
        if get_setting(session, spec.key) != "1":
            resolve(spec.populate)(session, seed)
            set_setting(session, spec.key, "1")


def fill_demo(ctx: AppContext, seed: int = DEFAULT_SEED) -> None:
    """Fill what is missing of the demo data in one transaction (idempotent)."""
    with ctx.transaction() as session:
        populate_demo(session, seed)


def open_demo_context(paths: AppPaths, seed: int = DEFAULT_SEED) -> AppContext:
    """Open (create, migrate) the demo database and fill what is missing in one transaction."""
    from regisseur_app.startup import open_context

    ctx = open_context(paths, demo=True)
    try:
        fill_demo(ctx, seed)
    except Exception:
        ctx.close()
        raise
    return ctx
