"""Tables of the omgevingsanalyse: key indicators and their values, which organisation types count as
social economy, and SWOT items. The pointer survey questions/options use to name a service category is in
`pointer.py` (re-exported here)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, Float, ForeignKey, Integer, String, UniqueConstraint, func
from sqlalchemy.orm import Mapped, mapped_column

from regisseur_app.domain.analysis.pointer import ServiceCategoryPointer  # noqa: F401  (re-exported)
from regisseur_app.domain.core.base import Base, Timestamps

# the indicator every per-1.000 figure divides by
INHABITANTS = "inwoners"
# computation keys of indicators that are computed, not typed in
COMPUTED_SE_ORGANISATIONS = "se_organisations"
COMPUTED_KBO = "kbo"  # 'kbo:total', 'kbo:<NACE version>:<section>' (domain/kbo/key_figures.py)
COMPUTED_LABELS = {COMPUTED_SE_ORGANISATIONS: "berekend uit de inventaris (actieve SE-organisaties)",
                   COMPUTED_KBO: "berekend uit het KBO-register (actieve ondernemingen met zetel of vestiging "
                                 "in de gemeente, eenmanszaken inbegrepen)"}

# SWOT quadrants, in the order of the 2x2 grid
STRENGTH, WEAKNESS, OPPORTUNITY, THREAT = "S", "W", "O", "T"
QUADRANTS = {STRENGTH: "Sterktes", WEAKNESS: "Zwaktes", OPPORTUNITY: "Kansen", THREAT: "Bedreigingen"}
# where a SWOT item comes from
SOURCE_NONE, SOURCE_INDICATOR, SOURCE_SURVEY, SOURCE_EVENT, SOURCE_TEXT = "", "indicator", "survey", "event", "text"
SOURCE_KINDS = {SOURCE_NONE: "geen bron", SOURCE_INDICATOR: "kerncijfer", SOURCE_SURVEY: "behoeftepeiling",
                SOURCE_EVENT: "evenement", SOURCE_TEXT: "andere bron"}


class KeyIndicator(Base):
    """One indicator of the key figures (a code list with attributes: unit, source, count or not)."""

    __tablename__ = "key_indicator"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(50), unique=True)
    label: Mapped[str] = mapped_column(String(120))
    unit: Mapped[str] = mapped_column(String(40), default="")
    source: Mapped[str] = mapped_column(String(200), default="")
    # a count: regional totals are sums, and it can be expressed per 1.000 inhabitants
    is_count: Mapped[bool] = mapped_column(Boolean, default=True)
    decimals: Mapped[int] = mapped_column(Integer, default=0)
    computed: Mapped[str] = mapped_column(String(40), default="")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class KeyFigureValue(Base):
    """The value of one indicator for one municipality in one year."""

    __tablename__ = "key_figure_value"
    __table_args__ = (UniqueConstraint("indicator_id", "nis_code", "year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    indicator_id: Mapped[int] = mapped_column(ForeignKey("key_indicator.id", ondelete="CASCADE"), index=True)
    nis_code: Mapped[str] = mapped_column(ForeignKey("municipality.nis_code", onupdate="CASCADE"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    value: Mapped[float] = mapped_column(Float)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime, server_default=func.current_timestamp(), onupdate=func.current_timestamp())


class SocialEconomyType(Base):
    """An organisation type (by its code-list code) that counts as social economy."""

    __tablename__ = "social_economy_type"

    type_code: Mapped[str] = mapped_column(String(50), primary_key=True)


class SwotItem(Timestamps, Base):
    """One strength, weakness, opportunity or threat of the region (nis_code None) or one municipality."""

    __tablename__ = "swot_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    nis_code: Mapped[str | None] = mapped_column(
        ForeignKey("municipality.nis_code", onupdate="CASCADE"), nullable=True, index=True)
    quadrant: Mapped[str] = mapped_column(String(1))
    text: Mapped[str] = mapped_column(String(300))
    source_kind: Mapped[str] = mapped_column(String(20), default="")
    indicator_id: Mapped[int | None] = mapped_column(
        ForeignKey("key_indicator.id", ondelete="SET NULL"), nullable=True, index=True)
    source_text: Mapped[str] = mapped_column(String(200), default="")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
