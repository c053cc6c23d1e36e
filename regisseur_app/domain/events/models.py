"""Models of network events: the event, its participants, agenda, follow-up actions; fixed status values.

Event types and target audiences are code lists (editable in Beheer › Codelijsten). Event and
participant statuses and roles drive logic (capacity, waiting list, statistics), so they are fixed
values here, each with its Dutch label.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Column, Date, DateTime, ForeignKey, Integer, String, Table, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from regisseur_app.domain.core.base import Base, Timestamps
from regisseur_app.domain.core.codelists import CodeItem
from regisseur_app.domain.core.municipalities import Municipality
from regisseur_app.domain.core.organisations import Contact, Organisation

# -- event status ------------------------------------------------------------------------------
CONCEPT = "concept"
PLANNED = "gepland"
INVITED_SENT = "uitnodigingen_verstuurd"
FINISHED = "afgelopen"
CANCELLED = "geannuleerd"
EVENT_STATUSES = {
    CONCEPT: "Concept", PLANNED: "Gepland", INVITED_SENT: "Uitnodigingen verstuurd",
    FINISHED: "Afgelopen", CANCELLED: "Geannuleerd",
}
EVENT_TRANSITIONS = {
    CONCEPT: {PLANNED, INVITED_SENT, CANCELLED},
    PLANNED: {CONCEPT, INVITED_SENT, FINISHED, CANCELLED},
    INVITED_SENT: {PLANNED, FINISHED, CANCELLED},
    FINISHED: {INVITED_SENT, PLANNED},
    CANCELLED: {CONCEPT, PLANNED},
}

# -- participant status ------------------------------------------------------------------------
INVITED = "uitgenodigd"
REGISTERED = "ingeschreven"
WAITING = "wachtlijst"
DECLINED = "afgemeld"
PRESENT = "aanwezig"
NO_SHOW = "niet_opgedaagd"
PARTICIPANT_STATUSES = {
    INVITED: "Uitgenodigd", REGISTERED: "Ingeschreven", WAITING: "Wachtlijst", DECLINED: "Afgemeld",
    PRESENT: "Aanwezig", NO_SHOW: "Niet opgedaagd",
}
# who occupies a seat (capacity)
SEATED = (REGISTERED, PRESENT)
# who registered at some point (statistics): present and no-shows had registered too
HAS_REGISTERED = (REGISTERED, PRESENT, NO_SHOW)
PARTICIPANT_TRANSITIONS = {
    INVITED: {REGISTERED, WAITING, DECLINED, PRESENT},
    REGISTERED: {DECLINED, PRESENT, NO_SHOW, INVITED},
    WAITING: {REGISTERED, DECLINED, PRESENT},
    DECLINED: {REGISTERED, WAITING, INVITED, PRESENT},
    PRESENT: {REGISTERED, NO_SHOW},
    NO_SHOW: {PRESENT, REGISTERED},
}

ROLES = {"deelnemer": "Deelnemer", "spreker": "Spreker", "partner": "Partner", "organisator": "Organisator"}
DEFAULT_ROLE = "deelnemer"

# -- follow-up action status -------------------------------------------------------------------
ACTION_OPEN = "open"
ACTION_BUSY = "bezig"
ACTION_DONE = "afgerond"
ACTION_DROPPED = "geschrapt"
ACTION_STATUSES = {ACTION_OPEN: "Open", ACTION_BUSY: "Bezig", ACTION_DONE: "Afgerond", ACTION_DROPPED: "Geschrapt"}
ACTION_UNFINISHED = (ACTION_OPEN, ACTION_BUSY)
REGISSEUR_OWNER = "Regisseur"

event_audience = Table(
    "event_audience", Base.metadata,
    Column("event_id", ForeignKey("event.id", ondelete="CASCADE"), primary_key=True),
    Column("audience_id", ForeignKey("code_item.id"), primary_key=True),
)
event_municipality = Table(
    "event_municipality", Base.metadata,
    Column("event_id", ForeignKey("event.id", ondelete="CASCADE"), primary_key=True),
    Column("nis_code", ForeignKey("municipality.nis_code", onupdate="CASCADE"), primary_key=True),
)
event_partner = Table(
    "event_partner", Base.metadata,
    Column("event_id", ForeignKey("event.id", ondelete="CASCADE"), primary_key=True),
    Column("organisation_id", ForeignKey("organisation.id", ondelete="CASCADE"), primary_key=True, index=True),
)
action_organisation = Table(
    "event_action_organisation", Base.metadata,
    Column("action_id", ForeignKey("event_action.id", ondelete="CASCADE"), primary_key=True),
    Column("organisation_id", ForeignKey("organisation.id", ondelete="CASCADE"), primary_key=True, index=True),
)


class Event(Timestamps, Base):
    __tablename__ = "event"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(100), unique=True)
    title: Mapped[str] = mapped_column(String(200), index=True)
    type_id: Mapped[int] = mapped_column(ForeignKey("code_item.id"))
    starts_at: Mapped[datetime] = mapped_column(DateTime, index=True)  # local time, Europe/Brussels
    ends_at: Mapped[datetime] = mapped_column(DateTime)
    location: Mapped[str] = mapped_column(String(300), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    capacity: Mapped[int | None] = mapped_column(Integer, nullable=True)
    status: Mapped[str] = mapped_column(String(30), default=CONCEPT)
    report: Mapped[str] = mapped_column(Text, default="")
    ics_sequence: Mapped[int] = mapped_column(Integer, default=0)

    type: Mapped[CodeItem] = relationship(foreign_keys=[type_id])
    audiences: Mapped[list[CodeItem]] = relationship(secondary=event_audience)
    municipalities: Mapped[list[Municipality]] = relationship(secondary=event_municipality)
    partners: Mapped[list[Organisation]] = relationship(secondary=event_partner)
    participants: Mapped[list[EventParticipant]] = relationship(
        back_populates="event", cascade="all, delete-orphan", passive_deletes=True)
    agenda: Mapped[list[AgendaItem]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="AgendaItem.position")
    actions: Mapped[list[FollowUpAction]] = relationship(
        back_populates="event", cascade="all, delete-orphan", passive_deletes=True)


class EventParticipant(Base):
    __tablename__ = "event_participant"
    __table_args__ = (UniqueConstraint("event_id", "contact_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contact.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(20), default=INVITED)
    role: Mapped[str] = mapped_column(String(20), default=DEFAULT_ROLE)
    invited_at: Mapped[datetime] = mapped_column(DateTime)
    status_changed_at: Mapped[datetime] = mapped_column(DateTime)  # waiting-list order
    checked_in_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    note: Mapped[str] = mapped_column(String(300), default="")

    event: Mapped[Event] = relationship(back_populates="participants")
    contact: Mapped[Contact] = relationship()


class AgendaItem(Base):
    __tablename__ = "event_agenda_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    start_time: Mapped[str] = mapped_column(String(5), default="")  # "HH:MM" or empty
    title: Mapped[str] = mapped_column(String(200))
    speaker: Mapped[str] = mapped_column(String(200), default="")


class FollowUpAction(Timestamps, Base):
    __tablename__ = "event_action"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    description: Mapped[str] = mapped_column(Text)
    owner_contact_id: Mapped[int | None] = mapped_column(
        ForeignKey("contact.id", ondelete="SET NULL"), nullable=True, index=True)  # None: the regisseur
    due_date: Mapped[date | None] = mapped_column(Date, nullable=True, index=True)
    status: Mapped[str] = mapped_column(String(20), default=ACTION_OPEN)
    completed_on: Mapped[date | None] = mapped_column(Date, nullable=True)

    event: Mapped[Event] = relationship(back_populates="actions")
    owner: Mapped[Contact | None] = relationship()
    organisations: Mapped[list[Organisation]] = relationship(secondary=action_organisation)
