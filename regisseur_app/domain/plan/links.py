"""Links from an action to the events, surveys, organisations and follow-up actions that carry it out.

A link is (kind, target id) without a foreign key into the other feature's table: the titles are resolved
here through small lookups on the table by name (`Base.metadata`), so the plan neither imports nor
migrates with the other features. The module that declares a table is imported by name when the table is
not declared yet: the start imports only what it shows, so after a start from the kept Overzicht nothing
else may have declared the events or survey tables (their links then read "(verwijderd)" and the link dialog
offered organisations only). A kind whose module is not in this version (no survey module) offers no
choices; a link whose target was deleted reads "(verwijderd)".
"""

from __future__ import annotations

import importlib
from typing import NamedTuple

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from regisseur_app.domain.core.base import Base, ValidationError
from regisseur_app.domain.plan.models import LINK_KINDS, ActionLink, PlanAction
from regisseur_app.formatting import format_date


class _Lookup(NamedTuple):
    table: str
    title: str
    when: str | None  # a date column shown after the title
    module: str  # the module that declares the table


LOOKUPS = {
    "event": _Lookup("event", "title", "starts_at", "regisseur_app.domain.events.models"),
    "survey": _Lookup("survey", "title", None, "regisseur_app.domain.survey.models"),
    "organisation": _Lookup("organisation", "name", None, "regisseur_app.domain.core.organisations"),
    "follow_up": _Lookup("event_action", "description", "due_date", "regisseur_app.domain.events.models"),
}
GONE = "(verwijderd)"


class LinkRow(NamedTuple):
    id: int
    kind: str
    target_id: int
    title: str
    exists: bool

    @property
    def kind_label(self) -> str:
        return LINK_KINDS[self.kind]


def _table(kind: str) -> Table | None:
    lookup = LOOKUPS[kind]
    if lookup.table not in Base.metadata.tables:
        try:
            importlib.import_module(lookup.module)
        except ImportError:  # the feature is not in this version
            return None
    table = Base.metadata.tables.get(lookup.table)
    if table is None or lookup.title not in table.c:
        return None
    return table


def available_kinds() -> list[str]:
    """The kinds whose module is present in this version."""
    return [kind for kind in LOOKUPS if _table(kind) is not None]


def titles(session: Session, kind: str, ids: list[int] | None = None) -> dict[int, str]:
    """id -> display title for targets of this kind (all of them when ids is None)."""
    table = _table(kind)
    if table is None:
        return {}
    lookup = LOOKUPS[kind]
    columns = [table.c.id, table.c[lookup.title]]
    if lookup.when and lookup.when in table.c:
        columns.append(table.c[lookup.when])
    query = select(*columns)
    if ids is not None:
        query = query.where(table.c.id.in_(ids))
    if "archived" in table.c:
        query = query.where(table.c.archived.is_(False)) if ids is None else query
    result = {}
    for row in session.execute(query):
        text = str(row[1])
        if len(text) > 90:
            text = text[:87] + "…"
        if len(row) > 2 and row[2] is not None:
            text += f" ({format_date(row[2])})"
        result[row[0]] = text
    return result


def choices(session: Session, kind: str) -> list[tuple[int, str]]:
    return sorted(titles(session, kind).items(), key=lambda item: item[1].casefold())


def list_links(session: Session, action_id: int) -> list[LinkRow]:
    links = list(session.scalars(select(ActionLink).where(ActionLink.action_id == action_id)))
    rows = []
    for kind in LINK_KINDS:
        of_kind = [link for link in links if link.kind == kind]
        found = titles(session, kind, [link.target_id for link in of_kind]) if of_kind else {}
        rows += [LinkRow(link.id, kind, link.target_id, found.get(link.target_id, GONE), link.target_id in found)
                 for link in of_kind]
    return rows


def add_link(session: Session, action_id: int, kind: str, target_id: int) -> int:
    if kind not in LOOKUPS:
        raise ValidationError({"kind": "Onbekend soort koppeling."})
    if session.get(PlanAction, action_id) is None:
        raise ValidationError({"action": "Deze actie bestaat niet meer."})
    if target_id not in titles(session, kind, [target_id]):
        raise ValidationError({"target": f"Dit {LINK_KINDS[kind].lower()} bestaat niet (meer)."})
    existing = session.scalar(select(ActionLink).where(ActionLink.action_id == action_id, ActionLink.kind == kind,
                                                       ActionLink.target_id == target_id))
    if existing is not None:
        return existing.id
    link = ActionLink(action_id=action_id, kind=kind, target_id=target_id)
    session.add(link)
    session.flush()
    return link.id


def remove_link(session: Session, link_id: int) -> tuple[int, str, int] | None:
    """Remove a link; returns (action_id, kind, target_id) for undo."""
    link = session.get(ActionLink, link_id)
    if link is None:
        return None
    removed = (link.action_id, link.kind, link.target_id)
    session.delete(link)
    return removed


def actions_linked_to(session: Session, kind: str, target_id: int) -> list[int]:
    return list(session.scalars(select(ActionLink.action_id).where(ActionLink.kind == kind,
                                                                   ActionLink.target_id == target_id)))
