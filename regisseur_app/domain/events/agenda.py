"""Agenda items of an event: add, edit, move, delete, copy."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from regisseur_app.domain.core.base import ValidationError
from regisseur_app.domain.core.validation import check_no_national_number
from regisseur_app.domain.events.models import AgendaItem, Event

TIME_PATTERN = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


@dataclass
class AgendaInput:
    title: str
    start_time: str = ""
    speaker: str = ""


@dataclass(frozen=True)
class AgendaRow:
    id: int
    position: int
    start_time: str
    title: str
    speaker: str


def list_agenda(session: Session, event_id: int) -> list[AgendaRow]:
    items = session.scalars(select(AgendaItem).where(AgendaItem.event_id == event_id)
                            .order_by(AgendaItem.position, AgendaItem.id))
    return [AgendaRow(i.id, i.position, i.start_time, i.title, i.speaker) for i in items]


def save_agenda_item(session: Session, event_id: int, data: AgendaInput, item_id: int | None = None) -> int:
    errors: dict[str, str] = {}
    title = (data.title or "").strip()
    if not title:
        errors["title"] = "Vul het onderwerp van het agendapunt in."
    elif len(title) > 200:
        errors["title"] = "Het onderwerp is te lang (maximaal 200 tekens)."
    start = (data.start_time or "").strip()
    if len(start) == 4 and start[1] == ":":
        start = "0" + start
    if start and not TIME_PATTERN.match(start):
        errors["start_time"] = f"'{data.start_time}' is geen uur (verwacht uu:mm, bv. 09:30)."
    check_no_national_number({"title": data.title, "speaker": data.speaker}, errors)
    if errors:
        raise ValidationError(errors)
    if session.get(Event, event_id) is None:
        raise ValidationError({"title": "Dit evenement bestaat niet meer."})
    item = AgendaItem(event_id=event_id) if item_id is None else session.get(AgendaItem, item_id)
    if item is None:
        raise ValidationError({"title": "Dit agendapunt bestaat niet meer."})
    if item_id is None:
        last = session.scalar(select(func.max(AgendaItem.position)).where(AgendaItem.event_id == event_id))
        item.position = (last or 0) + 1
        session.add(item)
    item.title, item.start_time, item.speaker = title, start, (data.speaker or "").strip()
    session.flush()
    return item.id


def delete_agenda_item(session: Session, item_id: int) -> None:
    item = session.get(AgendaItem, item_id)
    if item is not None:
        session.delete(item)


def move_agenda_item(session: Session, item_id: int, step: int) -> None:
    """Move an item up (step -1) or down (+1) in its event's agenda."""
    item = session.get(AgendaItem, item_id)
    if item is None:
        return
    items = list(session.scalars(select(AgendaItem).where(AgendaItem.event_id == item.event_id)
                                 .order_by(AgendaItem.position, AgendaItem.id)))
    index = items.index(item)
    target = index + step
    if 0 <= target < len(items):
        items[index], items[target] = items[target], items[index]
        for position, it in enumerate(items, start=1):
            it.position = position


def copy_agenda(session: Session, source_event_id: int, target_event_id: int) -> None:
    for row in list_agenda(session, source_event_id):
        session.add(AgendaItem(event_id=target_event_id, position=row.position, start_time=row.start_time,
                               title=row.title, speaker=row.speaker))
    session.flush()
