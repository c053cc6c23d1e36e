"""User actions of the Netwerkevenementen: events, agenda, participants and check-in, follow-up actions,
yearly obligations, invitation e-mails.

Moving an agenda item is undoable on the window's stack. The check-in dialog keeps its own "undo the last
check-in" (a modal dialog at the door), which calls `undo_check_in`.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from regisseur_app.domain.core.base import ValidationError
from regisseur_app.domain.events import agenda, follow_up, obligations, participants
from regisseur_app.domain.events import service as event_service
from regisseur_app.domain.events.agenda import AgendaInput
from regisseur_app.domain.events.follow_up import ActionInput
from regisseur_app.domain.events.models import ACTION_DONE
from regisseur_app.domain.events.participants import InviteResult, StatusChange
from regisseur_app.domain.events.service import EventInput
from regisseur_app.operations.base import Op, operation


@operation(changes={"events"})
def save_event(op: Op, data: EventInput, event_id: int | None = None) -> tuple[int, list[str]]:
    """Save an event; a larger capacity moves people up from the waiting list. Returns (id, promoted names)."""
    saved = event_service.save_event(op.session, data, event_id)
    return saved, participants.fill_from_waiting_list(op.session, saved)


@operation(changes={"events"})
def copy_event(op: Op, event_id: int, starts_at: datetime, title: str | None = None) -> int:
    return event_service.copy_as_template(op.session, event_id, starts_at, title)


@operation(changes={"events"})
def delete_event(op: Op, event_id: int) -> None:
    event_service.delete_event(op.session, event_id)


@operation(changes={"events"})
def save_agenda_item(op: Op, event_id: int, data: AgendaInput, item_id: int | None = None) -> int:
    return agenda.save_agenda_item(op.session, event_id, data, item_id)


@operation(changes={"events"})
def move_agenda_item(op: Op, item_id: int, step: int) -> None:
    agenda.move_agenda_item(op.session, item_id, step)
    op.undoable("agendapunt verplaatsen", undo=lambda ctx: move_agenda_item(ctx, item_id, -step),
                redo=lambda ctx: move_agenda_item(ctx, item_id, step))


@operation(changes={"events"})
def delete_agenda_item(op: Op, item_id: int) -> None:
    agenda.delete_agenda_item(op.session, item_id)


@operation(changes={"events"})
def invite_contacts(op: Op, event_id: int, contact_ids: list[int], role: str) -> InviteResult:
    return participants.invite_contacts(op.session, event_id, contact_ids, role)


@operation(changes={"events"})
def set_participant_status(op: Op, participant_ids: list[int], status: str,
                           names: dict[int, str] | None = None) -> tuple[list[str], list[str]]:
    """Set the status of several participants; who cannot get it is reported, the others change.
    Returns (messages, problems)."""
    messages, problems = [], []
    for pid in participant_ids:
        try:
            change = participants.set_status(op.session, pid, status)
        except ValidationError as exc:
            problems.append(next(iter(exc.errors.values())))
        else:
            messages.append(change.message((names or {}).get(pid, "")))
    return messages, problems


@operation(changes={"events"})
def set_participant_role(op: Op, participant_ids: list[int], role: str) -> None:
    for pid in participant_ids:
        participants.set_role(op.session, pid, role)


@operation(changes={"events"})
def remove_participants(op: Op, participant_ids: list[int]) -> list[str]:
    """Remove invitations; returns the names moved up from the waiting list."""
    return participants.remove_participants(op.session, participant_ids)


@operation(changes={"events"})
def check_in(op: Op, participant_id: int) -> StatusChange:
    return participants.check_in(op.session, participant_id)


@operation(changes={"events"})
def undo_check_in(op: Op, participant_id: int, previous: str) -> None:
    participants.undo_check_in(op.session, participant_id, previous)


@operation(changes={"events"})
def save_action(op: Op, event_id: int, data: ActionInput, action_id: int | None = None) -> int:
    return follow_up.save_action(op.session, event_id, data, action_id)


@operation(changes={"events"})
def mark_actions_done(op: Op, action_ids: list[int]) -> None:
    for action_id in action_ids:
        follow_up.set_action_status(op.session, action_id, ACTION_DONE)


@operation(changes={"events"})
def delete_actions(op: Op, action_ids: list[int]) -> None:
    for action_id in action_ids:
        follow_up.delete_action(op.session, action_id)


@operation(changes={"event_settings"})
def set_counting_types(op: Op, types_per_obligation: dict[str, list[str]]) -> None:
    for key, type_codes in types_per_obligation.items():
        obligations.set_counting_types(op.session, key, type_codes)


@operation(changes={"events"})
def write_invitations(op: Op, event_id: int, folder: Path, participant_ids: list[int] | None = None,
                      skip_refused: bool = True):  # noqa: ANN201  (exchange.events.eml.InvitationResult)
    """One .eml per invitee in `folder`; the event becomes 'Uitnodigingen verstuurd'."""
    from regisseur_app.exchange.events import eml

    return eml.write_invitations(op.session, event_id, folder, participant_ids, skip_refused=skip_refused)
