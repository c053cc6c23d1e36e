"""Tables of the MVO feature: materials with their emission factor, the indicators, and the values.

Pillars are the code list `mvo_pillar` (Beheer › Codelijsten). Indicators are a code list with attributes
(unit, value type, range, definition, GRI/VSME reference, formula), shipped from
`resources/reference/mvo_indicators.csv` and editable; a retired indicator (active False) keeps its values.
Value types and formulas drive validation and computation, so they are fixed values here.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint, func
from sqlalchemy.orm import Mapped, mapped_column, relationship

from regisseur_app.domain.core.base import Base
from regisseur_app.domain.core.codelists import CodeItem

PILLAR_LIST = "mvo_pillar"

# -- value types ---------------------------------------------------------------------------------
COUNT = "aantal"
DECIMAL = "decimaal"
PERCENTAGE = "percentage"
YES_NO = "ja_nee"
TEXT = "tekst"
VALUE_TYPES = {COUNT: "Aantal (geheel getal)", DECIMAL: "Getal met decimalen", PERCENTAGE: "Percentage (0–100)",
               YES_NO: "Ja/nee", TEXT: "Tekst"}
NUMERIC_TYPES = (COUNT, DECIMAL, PERCENTAGE)

# -- formulas of computed indicators ---------------------------------------------------------------
REUSE_TOTAL = "reuse_total"
AVOIDED_CO2 = "avoided_co2"
REUSE_RATE = "reuse_rate"
TARGET_GROUP_SHARE = "target_group_share"
FORMULAS = {
    REUSE_TOTAL: "Σ ton hergebruikt per materiaal",
    AVOIDED_CO2: "Σ (ton hergebruikt per materiaal × emissiefactor van dat materiaal)",
    REUSE_RATE: "ton hergebruikt ÷ ton ingezameld × 100",
    TARGET_GROUP_SHARE: "doelgroepwerknemers (personen) ÷ werknemers in totaal (personen) × 100",
}
# indicator codes the formulas read
COLLECTED = "ton_ingezameld"
TARGET_GROUP_PEOPLE = "dgw_personen"
EMPLOYEES_TOTAL = "werknemers_totaal"


class MvoMaterial(Base):
    """A material stream that is reused (textiel, meubelen…), with its emission factor: tonnes CO₂-equivalent
    avoided per tonne reused, and where that factor comes from (source and year)."""

    __tablename__ = "mvo_material"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(50), unique=True)
    label: Mapped[str] = mapped_column(String(120))
    emission_factor: Mapped[float | None] = mapped_column(Float, nullable=True)
    factor_source: Mapped[str] = mapped_column(String(400), default="")
    factor_year: Mapped[int | None] = mapped_column(Integer, nullable=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class MvoIndicator(Base):
    __tablename__ = "mvo_indicator"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(50), unique=True)
    label: Mapped[str] = mapped_column(String(120))
    pillar_id: Mapped[int] = mapped_column(ForeignKey("code_item.id"), index=True)
    unit: Mapped[str] = mapped_column(String(40), default="")
    value_type: Mapped[str] = mapped_column(String(20), default=DECIMAL)
    decimals: Mapped[int] = mapped_column(Integer, default=0)
    min_value: Mapped[float | None] = mapped_column(Float, nullable=True)
    max_value: Mapped[float | None] = mapped_column(Float, nullable=True)
    definition: Mapped[str] = mapped_column(Text, default="")
    gri_code: Mapped[str] = mapped_column(String(20), default="")
    vsme_ref: Mapped[str] = mapped_column(String(20), default="")
    formula: Mapped[str] = mapped_column(String(40), default="")  # "" = typed in
    material_id: Mapped[int | None] = mapped_column(
        ForeignKey("mvo_material.id", ondelete="SET NULL"), nullable=True, index=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    pillar: Mapped[CodeItem] = relationship(foreign_keys=[pillar_id])
    material: Mapped[MvoMaterial | None] = relationship()


class MvoValue(Base):
    """The value of one indicator for one organisation in one year: a number (yes/no as 1/0) or a text,
    with a note and the source the organisation gave."""

    __tablename__ = "mvo_value"
    __table_args__ = (
        UniqueConstraint("organisation_id", "indicator_id", "year"),
        # a year's values read from the index alone (the regional figures, the trend's years, the reporters' years)
        Index("ix_mvo_value_year_values", "year", "organisation_id", "indicator_id", "number", "text"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id", ondelete="CASCADE"), index=True)
    indicator_id: Mapped[int] = mapped_column(ForeignKey("mvo_indicator.id", ondelete="CASCADE"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    number: Mapped[float | None] = mapped_column(Float, nullable=True)
    text: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(String(500), default="")
    source: Mapped[str] = mapped_column(String(300), default="")
    updated_at: Mapped[datetime] = mapped_column(
        DateTime, server_default=func.current_timestamp(), onupdate=func.current_timestamp())
