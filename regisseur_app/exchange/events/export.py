"""The participant list of an event as an Excel (or CSV) table, through export.export_frame."""

from __future__ import annotations

import pandas as pd

from regisseur_app.domain.events.participants import ParticipantRow

COLUMNS = ["Naam", "Functie", "Organisatie", "Type organisatie", "Gemeente(n)", "E-mailadres", "Rol", "Status",
           "Plaats op wachtlijst", "Uitgenodigd op", "Aanwezig sinds"]


def participants_frame(rows: list[ParticipantRow]) -> pd.DataFrame:
    records = [[r.name, r.function, r.organisation, r.organisation_type, r.municipalities, r.email, r.role_label,
                r.status_label, r.waiting_position, r.invited_at, r.checked_in_at] for r in rows]
    frame = pd.DataFrame.from_records(records, columns=COLUMNS)
    frame["Plaats op wachtlijst"] = frame["Plaats op wachtlijst"].astype("Int64")
    return frame


EVENT_COLUMNS = ["Datum", "Begin", "Einde", "Titel", "Soort", "Locatie", "Gemeenten", "Status", "Capaciteit",
                 "Uitgenodigd", "Ingeschreven of aanwezig", "Aanwezig"]


def events_frame(rows) -> pd.DataFrame:  # noqa: ANN001 - list[EventRow]
    records = [[r.starts_at.date(), r.starts_at.strftime("%H:%M"), r.ends_at, r.title, r.type_label, r.location,
                r.municipalities, r.status_label, r.capacity, r.invited, r.seated, r.present] for r in rows]
    frame = pd.DataFrame.from_records(records, columns=EVENT_COLUMNS)
    frame["Capaciteit"] = frame["Capaciteit"].astype("Int64")
    return frame


def stats_frame(rows, first_header: str = "Evenement") -> pd.DataFrame:  # noqa: ANN001 - list[Counts]
    """Statistics rows (per event, municipality or organisation type) with the attendance rate as a fraction."""
    records = [[r.starts_at.date() if r.starts_at else None, r.label, r.invited, r.registered, r.present,
                None if r.rate is None else round(r.rate, 4)] for r in rows]
    frame = pd.DataFrame.from_records(records, columns=["Datum", first_header, "Uitgenodigd", "Ingeschreven",
                                                        "Aanwezig", "Opkomst"])
    if frame["Datum"].isna().all():
        frame = frame.drop(columns=["Datum"])
    return frame
