"""Invite companies to an event at their public e-mail address: choose the event, confirm what will be
created (a 'Reguliere onderneming' and a contact marked as its general address), invite."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from regisseur_app.context import AppContext
from regisseur_app.domain.core.base import ValidationError
from regisseur_app.domain.events import service as events
from regisseur_app.domain.events.models import CANCELLED, FINISHED
from regisseur_app.formatting import format_datetime
from regisseur_app.operations import kbo as ops


def invite_companies(parent: QWidget, ctx: AppContext, numbers: list[str]) -> bool:
    if not numbers:
        return False
    with ctx.reading() as session:
        open_events = [e for e in events.list_events(session, events.EventFilter(when="upcoming",
                                                                                 include_cancelled=False))
                       if e.status not in (CANCELLED, FINISHED)]
    if not open_events:
        QMessageBox.information(parent, "Geen evenement", "Er is geen komend evenement om voor uit te nodigen. "
                                "Maak eerst een evenement aan (Evenementen › Nieuw).")
        return False
    labels = [f"{e.title} — {format_datetime(e.starts_at)}" for e in open_events]
    label, ok = QInputDialog.getItem(parent, "Uitnodigen voor evenement",
                                     f"{len(numbers)} onderneming(en) uitnodigen op hun openbaar e-mailadres.\n"
                                     "Wie nog niet in de inventaris staat, komt erin als 'Reguliere onderneming' met "
                                     "een contactpersoon '… (algemeen adres)': geen persoon, het algemene adres.\n\n"
                                     "Evenement:", labels, 0, False)
    if not ok:
        return False
    event = open_events[labels.index(label)]
    try:
        result = ops.invite_companies(ctx, event.id, numbers)
    except ValidationError as exc:
        QMessageBox.warning(parent, "Niet uitgenodigd", "\n".join(exc.errors.values()))
        return False
    QMessageBox.information(parent, "Uitgenodigd", result.message())
    return True
