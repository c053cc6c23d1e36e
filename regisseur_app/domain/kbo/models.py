"""Tables of the KBO register: the legal-person enterprises of the region (and those the inventory names),
their places, activities and public contact data; counts only for natural persons (DESIGN.md section 5);
the descriptions of code.csv; the history of imports and what each one changed."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from regisseur_app.domain.core.base import Base

ACTIVE, STOPPED = "AC", "ST"
SEAT, ESTABLISHMENT = "REGO", "BAET"
# kinds of change reported after a re-import
NEW, GONE, MOVED, LEFT = "new", "stopped", "moved", "left"
CHANGE_LABELS = {NEW: "nieuw", GONE: "stopgezet", MOVED: "zetel verhuisd", LEFT: "niet meer in de regio"}
# code.csv categories kept (Dutch descriptions)
CODE_CATEGORIES = ("JuridicalForm", "JuridicalSituation", "Nace2008", "Nace2025", "Status", "TypeOfEnterprise")


class KboEnterprise(Base):
    """A legal-person enterprise with its seat or an establishment in a participating municipality
    (in_region), or outside the region but named by an organisation of the inventory (for the review)."""

    __tablename__ = "kbo_enterprise"

    enterprise_number: Mapped[str] = mapped_column(String(10), primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    search_text: Mapped[str] = mapped_column(String(400), default="")
    status: Mapped[str] = mapped_column(String(2), default=ACTIVE)
    juridical_situation: Mapped[str] = mapped_column(String(3), default="")
    juridical_form: Mapped[str] = mapped_column(String(3), default="")
    start_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    start_year: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    street: Mapped[str] = mapped_column(String(200), default="")
    house_number: Mapped[str] = mapped_column(String(30), default="")
    box: Mapped[str] = mapped_column(String(30), default="")
    postcode: Mapped[str] = mapped_column(String(10), default="")
    city: Mapped[str] = mapped_column(String(100), default="")
    seat_nis_code: Mapped[str | None] = mapped_column(String(5), nullable=True)
    main_nace_version: Mapped[str] = mapped_column(String(4), default="")
    main_nace_code: Mapped[str] = mapped_column(String(5), default="", index=True)
    main_section: Mapped[str] = mapped_column(String(1), default="")
    website: Mapped[str] = mapped_column(String(300), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    phone: Mapped[str] = mapped_column(String(50), default="")
    in_region: Mapped[bool] = mapped_column(Boolean, default=True)

    # the page walks (in_region, status, name, number) in name order; with a juridical form it walks the form's
    # own slice of the same order (a form filter keeps only a few percent: no scan of the whole region)
    __table_args__ = (Index("ix_kbo_enterprise_browse", "in_region", "status", "name", "enterprise_number"),
                      Index("ix_kbo_enterprise_form_browse", "juridical_form", "in_region", "status", "name",
                            "enterprise_number"))


class KboPlace(Base):
    """Where an enterprise is in the region: its seat (REGO) or an establishment unit (BAET)."""

    __tablename__ = "kbo_place"
    # (nis_code, number): the municipality filter's list; (number, nis_code): its probe per enterprise
    __table_args__ = (Index("ix_kbo_place_nis_code_number", "nis_code", "enterprise_number"),
                      Index("ix_kbo_place_number_nis_code", "enterprise_number", "nis_code"))

    id: Mapped[int] = mapped_column(primary_key=True)
    enterprise_number: Mapped[str] = mapped_column(
        ForeignKey("kbo_enterprise.enterprise_number", ondelete="CASCADE"))
    nis_code: Mapped[str] = mapped_column(String(5))
    kind: Mapped[str] = mapped_column(String(4))
    establishment_number: Mapped[str] = mapped_column(String(12), default="")
    street: Mapped[str] = mapped_column(String(200), default="")
    house_number: Mapped[str] = mapped_column(String(30), default="")
    postcode: Mapped[str] = mapped_column(String(10), default="")
    city: Mapped[str] = mapped_column(String(100), default="")


class KboActivity(Base):
    """A NACE-BEL code of an enterprise or of one of its establishments in the region."""

    __tablename__ = "kbo_activity"
    # covering: the NACE filters and the candidate rules read only these indexes - by code for the list of
    # matches, by enterprise for the probe of a page (queries.conditions(correlated=True))
    __table_args__ = (Index("ix_kbo_activity_code", "nace_code", "nace_version", "classification", "enterprise_number"),
                      Index("ix_kbo_activity_number_code", "enterprise_number", "nace_code", "classification",
                            "nace_version"))

    id: Mapped[int] = mapped_column(primary_key=True)
    enterprise_number: Mapped[str] = mapped_column(
        ForeignKey("kbo_enterprise.enterprise_number", ondelete="CASCADE"))
    nace_version: Mapped[str] = mapped_column(String(4))
    nace_code: Mapped[str] = mapped_column(String(5))
    classification: Mapped[str] = mapped_column(String(4), default="")


class KboCandidateRule(Base):
    """A rule of the SE candidate list (an editable code list with shipped defaults): every enterprise with a
    main or secondary activity whose NACE code starts with `value` (kind 'nace'; in `nace_version` or, when
    empty, in both versions), with juridical form `value` (kind 'form'), or whose juridical form's Dutch
    description contains `value` (kind 'form_text'). `category_code` names the service category (code list
    item code) pre-filled when a candidate is added to the inventory."""

    __tablename__ = "kbo_candidate_rule"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(50), unique=True)
    kind: Mapped[str] = mapped_column(String(10))
    nace_version: Mapped[str] = mapped_column(String(4), default="")
    value: Mapped[str] = mapped_column(String(60))
    label: Mapped[str] = mapped_column(String(120), default="")
    category_code: Mapped[str] = mapped_column(String(50), default="")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class KboCandidate(Base):
    """The SE candidate set, materialised: which enterprise which active rule matched and on which code (a
    NACE code or a juridical form). Rebuilt in the transaction of every import and of every rule change."""

    __tablename__ = "kbo_candidate"

    enterprise_number: Mapped[str] = mapped_column(
        ForeignKey("kbo_enterprise.enterprise_number", ondelete="CASCADE"), primary_key=True)
    rule_id: Mapped[int] = mapped_column(ForeignKey("kbo_candidate_rule.id", ondelete="CASCADE"), primary_key=True,
                                         index=True)
    code: Mapped[str] = mapped_column(String(5), primary_key=True)


class KboCode(Base):
    """A Dutch description from code.csv (juridical forms and situations, NACE codes, ...)."""

    __tablename__ = "kbo_code"

    category: Mapped[str] = mapped_column(String(30), primary_key=True)
    code: Mapped[str] = mapped_column(String(10), primary_key=True)
    description: Mapped[str] = mapped_column(String(300), default="")


class KboPersonCount(Base):
    """Natural persons (sole traders) are people: only how many there are per municipality and main NACE
    code. nis_code '' holds the region: each person once, also with establishments in two municipalities."""

    __tablename__ = "kbo_person_count"
    __table_args__ = (UniqueConstraint("nis_code", "nace_version", "nace_code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    nis_code: Mapped[str] = mapped_column(String(5))
    nace_version: Mapped[str] = mapped_column(String(4), default="")
    nace_code: Mapped[str] = mapped_column(String(5), default="")
    section: Mapped[str] = mapped_column(String(1), default="")
    count: Mapped[int] = mapped_column(Integer, default=0)


class KboImport(Base):
    """One import of an extract, with its meta.csv data and what it changed."""

    __tablename__ = "kbo_import"

    id: Mapped[int] = mapped_column(primary_key=True)
    imported_at: Mapped[datetime] = mapped_column(DateTime)
    source_name: Mapped[str] = mapped_column(String(300), default="")
    extract_number: Mapped[str] = mapped_column(String(20), default="")
    extract_type: Mapped[str] = mapped_column(String(20), default="")
    snapshot_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    enterprises: Mapped[int] = mapped_column(Integer, default=0)
    persons: Mapped[int] = mapped_column(Integer, default=0)
    first: Mapped[bool] = mapped_column(Boolean, default=True)
    new_count: Mapped[int] = mapped_column(Integer, default=0)
    stopped_count: Mapped[int] = mapped_column(Integer, default=0)
    moved_count: Mapped[int] = mapped_column(Integer, default=0)
    left_count: Mapped[int] = mapped_column(Integer, default=0)
    seconds: Mapped[int] = mapped_column(Integer, default=0)


class KboChange(Base):
    """One change found by a re-import (new, stopped, seat moved, left the region)."""

    __tablename__ = "kbo_change"

    id: Mapped[int] = mapped_column(primary_key=True)
    import_id: Mapped[int] = mapped_column(ForeignKey("kbo_import.id", ondelete="CASCADE"), index=True)
    enterprise_number: Mapped[str] = mapped_column(String(10))
    name: Mapped[str] = mapped_column(String(300), default="")
    kind: Mapped[str] = mapped_column(String(10))
    detail: Mapped[str] = mapped_column(String(300), default="")
