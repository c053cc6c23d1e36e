"""Organisations of the regional social economy and their contacts (the inventory)."""

from __future__ import annotations

from sqlalchemy import Boolean, Column, ForeignKey, Index, Integer, String, Table, Text, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from regisseur_app.domain.core.base import Base, Timestamps
from regisseur_app.domain.core.codelists import CodeItem
from regisseur_app.domain.core.municipalities import Municipality

organisation_municipality = Table(
    "organisation_municipality",
    Base.metadata,
    Column("organisation_id", ForeignKey("organisation.id", ondelete="CASCADE"), primary_key=True),
    Column("nis_code", ForeignKey("municipality.nis_code", onupdate="CASCADE"), primary_key=True),
    Index("ix_organisation_municipality_nis_code", "nis_code"),  # the list's filter on a municipality
)

organisation_category = Table(
    "organisation_category",
    Base.metadata,
    Column("organisation_id", ForeignKey("organisation.id", ondelete="CASCADE"), primary_key=True),
    Column("category_id", ForeignKey("code_item.id"), primary_key=True),
    Index("ix_organisation_category_category_id", "category_id"),  # the list's filter on a category
)

contact_municipality = Table(
    "contact_municipality",
    Base.metadata,
    Column("contact_id", ForeignKey("contact.id", ondelete="CASCADE"), primary_key=True),
    Column("nis_code", ForeignKey("municipality.nis_code", onupdate="CASCADE"), primary_key=True),
    Index("ix_contact_municipality_nis_code", "nis_code"),  # the list's filter on a municipality
)


class Organisation(Timestamps, Base):
    __tablename__ = "organisation"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    kbo_number: Mapped[str | None] = mapped_column(String(10), unique=True, nullable=True)
    type_id: Mapped[int] = mapped_column(ForeignKey("code_item.id"))
    street: Mapped[str] = mapped_column(String(200), default="")
    postcode: Mapped[str] = mapped_column(String(4), default="")
    city: Mapped[str] = mapped_column(String(100), default="")
    seat_nis_code: Mapped[str | None] = mapped_column(
        ForeignKey("municipality.nis_code", onupdate="CASCADE"), nullable=True
    )
    target_group_employees: Mapped[int | None] = mapped_column(Integer, nullable=True)
    website: Mapped[str] = mapped_column(String(300), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    archived: Mapped[bool] = mapped_column(Boolean, default=False, index=True)

    type: Mapped[CodeItem] = relationship(foreign_keys=[type_id])
    seat: Mapped[Municipality | None] = relationship(foreign_keys=[seat_nis_code])
    municipalities: Mapped[list[Municipality]] = relationship(secondary=organisation_municipality)
    categories: Mapped[list[CodeItem]] = relationship(secondary=organisation_category)
    contacts: Mapped[list[Contact]] = relationship(back_populates="organisation")


class Contact(Timestamps, Base):
    __tablename__ = "contact"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    function: Mapped[str] = mapped_column(String(200), default="")
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisation.id", ondelete="SET NULL"), nullable=True, index=True
    )
    email: Mapped[str] = mapped_column(String(254), default="")
    phone: Mapped[str] = mapped_column(String(30), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    archived: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    no_invitations: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    erased: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

    organisation: Mapped[Organisation | None] = relationship(back_populates="contacts")
    municipalities: Mapped[list[Municipality]] = relationship(secondary=contact_municipality)
