"""Stored parts of the college reports: the regisseur's comment per section, municipality and period, and
the log of which report went out for which municipality and period, when."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, Integer, String, Text, UniqueConstraint, func
from sqlalchemy.orm import Mapped, mapped_column

from regisseur_app.domain.core.base import Base

REGION_KEY = "regio"  # scope_key of the regional report (all participating municipalities)


class ReportComment(Base):
    """The regisseur's own text under one section of one report (municipality or region, period)."""

    __tablename__ = "report_comment"
    __table_args__ = (UniqueConstraint("scope_key", "period_start", "period_end", "section_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    scope_key: Mapped[str] = mapped_column(String(10))          # NIS code, or REGION_KEY
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    section_key: Mapped[str] = mapped_column(String(50))
    text: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp(),
                                                 onupdate=func.current_timestamp())


class ReportLogEntry(Base):
    """One report file that was made: for whom, which period, which file, when."""

    __tablename__ = "report_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    made_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    scope_key: Mapped[str] = mapped_column(String(10))
    scope_name: Mapped[str] = mapped_column(String(150))
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(10))               # pdf, docx, xlsx
    path: Mapped[str] = mapped_column(Text)
    sections: Mapped[str] = mapped_column(Text, default="")     # comma-separated section keys
    batch: Mapped[bool] = mapped_column(default=False)
