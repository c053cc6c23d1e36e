"""The first steps on a fresh database, for the start screen: what is done and where to do the rest.
Counts other features' tables by name (Base.metadata), so a feature that is not there adds no step. A table
is in Base.metadata once the module that declares it is imported: `_DECLARED_IN` names those modules, so the
steps do not depend on what this process happened to import before (the first start's Overzicht computes the
plan's section before anything imported the events' models)."""

from __future__ import annotations

import importlib
from datetime import date
from typing import NamedTuple

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from regisseur_app.domain.core.base import Base
from regisseur_app.domain.plan.models import KpiTarget
from regisseur_app.domain.plan.service import has_plan


class Step(NamedTuple):
    key: str
    text: str
    page: str          # the navigation title where it is done
    done: bool
    tab: str = ""      # a tab of the Actieplan page


_DECLARED_IN = {"organisation": "regisseur_app.domain.core.organisations", "event": "regisseur_app.domain.events.models"}


def _count(session: Session, table_name: str) -> int | None:
    if table_name not in Base.metadata.tables:
        try:
            importlib.import_module(_DECLARED_IN[table_name])
        except ImportError:  # the feature is not in this version
            return None
    table = Base.metadata.tables.get(table_name)
    return None if table is None else session.scalar(select(func.count()).select_from(table))


def first_steps(session: Session, today: date | None = None) -> list[Step]:
    today = today or date.today()
    steps = []
    organisations = _count(session, "organisation")
    if organisations is not None:
        steps.append(Step("organisations", "Breng de sociale-economieorganisaties van de regio in kaart (of importeer ze).",
                          "Organisaties", organisations > 0))
    steps.append(Step("plan", "Laad het standaardactieplan met de zes doelstellingen van de nota en pas het aan.",
                      "Actieplan", has_plan(session), "plan"))
    targets = session.scalar(select(func.count()).select_from(KpiTarget).where(KpiTarget.year == today.year))
    steps.append(Step("targets", f"Leg de streefcijfers van de KPI's voor {today.year} vast.", "Actieplan",
                      bool(targets), "kpis"))
    events = _count(session, "event")
    if events is not None:
        steps.append(Step("events", "Plan het jaarlijkse netwerkevent en het MVO-event.", "Evenementen", events > 0))
    return steps
