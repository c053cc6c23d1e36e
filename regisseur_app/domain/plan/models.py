"""The action plan of the regierol: objectives, actions (tagged with WSE-LR priorities), the status of each
action per participating municipality, links to what carries an action out, collaborations (concrete
results) and KPIs with their yearly targets and hand-entered values.

Action statuses drive the subsidy check and the roll-ups, so they are fixed values here with their Dutch
labels. WSE-LR priorities and collaboration types are code lists (`plan_priority`, `collaboration_type`).
Links point into other features' tables by (kind, id) without a foreign key, so a feature can change its
tables without migrating this one; a link whose target is gone shows as such (`links.py`).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Column, Date, Float, ForeignKey, Integer, String, Table, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from regisseur_app.domain.core.base import Base, Timestamps
from regisseur_app.domain.core.codelists import CodeItem
from regisseur_app.domain.core.organisations import Organisation

# -- action status per municipality (fixed: the subsidy check depends on them) ---------------------
NOT_STARTED = "niet_gestart"
RUNNING = "lopend"
REALISED = "gerealiseerd"
POSTPONED = "uitgesteld"
STATUSES = (NOT_STARTED, RUNNING, REALISED, POSTPONED)
STATUS_LABELS = {NOT_STARTED: "Niet gestart", RUNNING: "Lopend", REALISED: "Gerealiseerd", POSTPONED: "Uitgesteld"}
ACTIVE_STATUSES = (RUNNING, REALISED)  # an action in one of these is being carried out

# -- link kinds ------------------------------------------------------------------------------------
LINK_EVENT = "event"
LINK_SURVEY = "survey"
LINK_ORGANISATION = "organisation"
LINK_FOLLOW_UP = "follow_up"
LINK_KINDS = {LINK_EVENT: "Evenement", LINK_SURVEY: "Bevraging", LINK_ORGANISATION: "Organisatie",
              LINK_FOLLOW_UP: "Opvolgactie"}

# -- party roles in a collaboration ----------------------------------------------------------------
ROLE_CLIENT = "opdrachtgever"
ROLE_SUPPLIER = "uitvoerder"
ROLE_PARTNER = "partner"
ROLES = {ROLE_CLIENT: "Opdrachtgever", ROLE_SUPPLIER: "Uitvoerder", ROLE_PARTNER: "Partner"}

action_priority = Table(
    "plan_action_priority", Base.metadata,
    Column("action_id", ForeignKey("plan_action.id", ondelete="CASCADE"), primary_key=True),
    Column("priority_id", ForeignKey("code_item.id"), primary_key=True),
)


class Objective(Base):
    __tablename__ = "plan_objective"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(10))
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)

    actions: Mapped[list[PlanAction]] = relationship(
        back_populates="objective", cascade="all, delete-orphan", passive_deletes=True,
        order_by="PlanAction.position")
    kpis: Mapped[list[Kpi]] = relationship(
        back_populates="objective", cascade="all, delete-orphan", passive_deletes=True, order_by="Kpi.position")


class PlanAction(Timestamps, Base):
    __tablename__ = "plan_action"

    id: Mapped[int] = mapped_column(primary_key=True)
    objective_id: Mapped[int] = mapped_column(ForeignKey("plan_objective.id", ondelete="CASCADE"), index=True)
    number: Mapped[str] = mapped_column(String(10))
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)

    objective: Mapped[Objective] = relationship(back_populates="actions")
    priorities: Mapped[list[CodeItem]] = relationship(secondary=action_priority)
    municipalities: Mapped[list[ActionMunicipality]] = relationship(
        back_populates="action", cascade="all, delete-orphan", passive_deletes=True)
    links: Mapped[list[ActionLink]] = relationship(cascade="all, delete-orphan", passive_deletes=True)


class ActionMunicipality(Base):
    """The action as carried out in one participating municipality."""

    __tablename__ = "plan_action_municipality"
    __table_args__ = (UniqueConstraint("action_id", "nis_code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    action_id: Mapped[int] = mapped_column(ForeignKey("plan_action.id", ondelete="CASCADE"), index=True)
    nis_code: Mapped[str] = mapped_column(ForeignKey("municipality.nis_code", onupdate="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(20), default=NOT_STARTED)
    owner: Mapped[str] = mapped_column(String(200), default="")
    start_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    end_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    result: Mapped[str] = mapped_column(Text, default="")
    status_date: Mapped[date | None] = mapped_column(Date, nullable=True)

    action: Mapped[PlanAction] = relationship(back_populates="municipalities")


class ActionLink(Base):
    """A link from an action to what carries it out: (kind, target id), no foreign key (see module doc)."""

    __tablename__ = "plan_action_link"
    __table_args__ = (UniqueConstraint("action_id", "kind", "target_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    action_id: Mapped[int] = mapped_column(ForeignKey("plan_action.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    target_id: Mapped[int] = mapped_column(Integer)


class CollaborationParty(Base):
    __tablename__ = "plan_collaboration_party"

    collaboration_id: Mapped[int] = mapped_column(
        ForeignKey("plan_collaboration.id", ondelete="CASCADE"), primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id", ondelete="CASCADE"), primary_key=True, index=True)
    role: Mapped[str] = mapped_column(String(20), default=ROLE_PARTNER)

    organisation: Mapped[Organisation] = relationship()


class Collaboration(Timestamps, Base):
    """A concrete result: an assignment to an SE company, a social clause, a new local service, ..."""

    __tablename__ = "plan_collaboration"

    id: Mapped[int] = mapped_column(primary_key=True)
    on_date: Mapped[date] = mapped_column(Date, index=True)
    title: Mapped[str] = mapped_column(String(200))
    type_id: Mapped[int] = mapped_column(ForeignKey("code_item.id"))
    nis_code: Mapped[str | None] = mapped_column(
        ForeignKey("municipality.nis_code", onupdate="CASCADE"), nullable=True, index=True)  # None: the region
    estimated_value: Mapped[float | None] = mapped_column(Float, nullable=True)  # euro
    jobs: Mapped[int | None] = mapped_column(Integer, nullable=True)
    description: Mapped[str] = mapped_column(Text, default="")
    event_id: Mapped[int | None] = mapped_column(Integer, nullable=True)  # events feature; no foreign key
    action_id: Mapped[int | None] = mapped_column(
        ForeignKey("plan_action.id", ondelete="SET NULL"), nullable=True, index=True)

    type: Mapped[CodeItem] = relationship(foreign_keys=[type_id])
    parties: Mapped[list[CollaborationParty]] = relationship(cascade="all, delete-orphan", passive_deletes=True)


class Kpi(Base):
    """A KPI of an objective: computed from a registered source (`source_key`) or entered by hand."""

    __tablename__ = "plan_kpi"

    id: Mapped[int] = mapped_column(primary_key=True)
    objective_id: Mapped[int] = mapped_column(ForeignKey("plan_objective.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    unit: Mapped[str] = mapped_column(String(30), default="")
    source_key: Mapped[str | None] = mapped_column(String(60), nullable=True)  # None: entered by hand
    position: Mapped[int] = mapped_column(Integer, default=0)

    objective: Mapped[Objective] = relationship(back_populates="kpis")
    targets: Mapped[list[KpiTarget]] = relationship(cascade="all, delete-orphan", passive_deletes=True)
    values: Mapped[list[KpiValue]] = relationship(cascade="all, delete-orphan", passive_deletes=True)


class KpiTarget(Base):
    """The target of a year, for the region (nis_code '') or one municipality."""

    __tablename__ = "plan_kpi_target"
    __table_args__ = (UniqueConstraint("kpi_id", "year", "nis_code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kpi_id: Mapped[int] = mapped_column(ForeignKey("plan_kpi.id", ondelete="CASCADE"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    nis_code: Mapped[str] = mapped_column(String(5), default="")  # '' = the region
    target: Mapped[float] = mapped_column(Float)


class KpiValue(Base):
    """A hand-entered value of a year, for the region (nis_code '') or one municipality."""

    __tablename__ = "plan_kpi_value"
    __table_args__ = (UniqueConstraint("kpi_id", "year", "nis_code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kpi_id: Mapped[int] = mapped_column(ForeignKey("plan_kpi.id", ondelete="CASCADE"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    nis_code: Mapped[str] = mapped_column(String(5), default="")
    value: Mapped[float] = mapped_column(Float)
    note: Mapped[str] = mapped_column(String(300), default="")
