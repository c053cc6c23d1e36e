"""Referrals to VDAB (doorverwijzingen): the tables (the status vocabulary and the state machine are in vocabulary.py).

A referral holds no name and no national number: it is identified by a generated pseudonymous code
(BEK-2025-0007). See docs/privacy.md for the reason behind every column.

The dates of the milestones (screening, decision, start, exit, closing) are copied from the steps
onto the referral by the service, so lists, filters and statistics on 100.000 referrals are plain
indexed queries instead of joins over the history.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from regisseur_app.domain.core.base import Base, Timestamps
from regisseur_app.domain.referrals.vocabulary import (  # noqa: F401  (the vocabulary, also imported from here)
    CLOSED,
    DECISIONS,
    DEFAULT_EXPECTED_DAYS,
    DROPPED_OUT,
    EXITS,
    NEGATIVE,
    NO_FOLLOW_UP,
    POSITIVE,
    REFERRED,
    REGULAR_WORK,
    SCREENING,
    STARTED,
    STATUS_LABELS,
    STATUSES,
    TRANSITIONS,
    allowed_next,
)

NOTE_MAX = 500
REFERENCE_MAX = 30


class Referral(Timestamps, Base):
    __tablename__ = "referral"
    __table_args__ = (
        Index("ix_referral_status_status_date", "status", "status_date"),
        Index("ix_referral_nis_code_referral_date", "nis_code", "referral_date"),
        Index("ix_referral_status_date", "status_date"),
        Index("ix_referral_type_id_referral_date", "type_id", "referral_date"),
        # statistics and KPIs (migration 0012_referral_indexes): the cohort of a period read from one covering
        # index (stats.COHORT_INDEX), work started and doorstroom in a year per municipality
        Index("ix_referral_cohort", "referral_date", "nis_code", "type_id", "status", "decision", "exit",
              "screening_date", "decision_date", "start_date"),
        Index("ix_referral_start_date_nis_code", "start_date", "nis_code"),
        Index("ix_referral_exit_exit_date_nis_code", "exit", "exit_date", "nis_code"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    nis_code: Mapped[str] = mapped_column(ForeignKey("municipality.nis_code", onupdate="CASCADE"))
    internal_reference: Mapped[str] = mapped_column(String(REFERENCE_MAX), default="")
    referral_date: Mapped[date] = mapped_column(Date, index=True)
    type_id: Mapped[int] = mapped_column(ForeignKey("code_item.id"))
    work_form_id: Mapped[int | None] = mapped_column(ForeignKey("code_item.id"), nullable=True)
    age_group_id: Mapped[int | None] = mapped_column(ForeignKey("code_item.id"), nullable=True)
    leefloon: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    status: Mapped[str] = mapped_column(String(20))
    status_date: Mapped[date] = mapped_column(Date)
    screening_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    decision: Mapped[str | None] = mapped_column(String(20), nullable=True)
    decision_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    start_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisation.id", ondelete="SET NULL"), nullable=True, index=True)
    exit: Mapped[str | None] = mapped_column(String(20), nullable=True)
    exit_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    closed_date: Mapped[date | None] = mapped_column(Date, nullable=True)

    steps: Mapped[list[ReferralStep]] = relationship(
        back_populates="referral", cascade="all, delete-orphan", order_by="ReferralStep.position")


class ReferralStep(Base):
    __tablename__ = "referral_step"

    id: Mapped[int] = mapped_column(primary_key=True)
    referral_id: Mapped[int] = mapped_column(ForeignKey("referral.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(20))
    step_date: Mapped[date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisation.id", ondelete="SET NULL"), nullable=True, index=True)

    referral: Mapped[Referral] = relationship(back_populates="steps")


class ReferralAudit(Base):
    """Append-only: SQLite triggers (migration 0004_referrals) refuse UPDATE and DELETE, and each row holds
    sha256 over its content and the previous row's hash (migration 0009_audit_chain), so a change or a
    deleted row is detected by 'Database controleren' (audit.check_chain)."""

    __tablename__ = "referral_audit"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, index=True)
    action: Mapped[str] = mapped_column(String(40), index=True)
    code: Mapped[str] = mapped_column(String(20), index=True)
    field: Mapped[str] = mapped_column(String(60), default="")
    old_value: Mapped[str] = mapped_column(String(200), default="")
    new_value: Mapped[str] = mapped_column(String(200), default="")
    row_hash: Mapped[str] = mapped_column(String(64), default="", server_default="")
