"""Code lists kept in the database (organisation types, service categories, ...), with shipped defaults.

The sector's categories change over time, so they are data the user can edit, not Python enums.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass

from sqlalchemy import Boolean, Integer, String, UniqueConstraint, func, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from regisseur_app.domain.core.base import Base, ValidationError
from regisseur_app.domain.core.validation import check_no_national_number
from regisseur_app.paths import reference_file
from regisseur_app.storage.dialect import folded
from regisseur_app.storage.engine import fold

ORGANISATION_TYPE = "organisation_type"
SERVICE_CATEGORY = "service_category"
EVENT_TYPE = "event_type"
EVENT_AUDIENCE = "event_audience"
REFERRAL_TYPE = "referral_type"
REFERRAL_WORK_FORM = "referral_work_form"
REFERRAL_AGE_GROUP = "referral_age_group"


class CodeItem(Base):
    __tablename__ = "code_item"
    __table_args__ = (UniqueConstraint("list_name", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    list_name: Mapped[str] = mapped_column(String(50), index=True)
    code: Mapped[str] = mapped_column(String(50))
    label: Mapped[str] = mapped_column(String(120))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


@dataclass(frozen=True)
class CodeItemData:
    id: int
    code: str
    label: str
    active: bool


def default_files() -> list:  # noqa: ANN201  (list[Path])
    """The shipped defaults: resources/reference/codelists.csv and one `codelists-<feature>.csv` per
    feature that brings code lists of its own (no central file to edit)."""
    folder = reference_file("codelists.csv").parent
    return [folder / "codelists.csv", *sorted(folder.glob("codelists-*.csv"))]


def ensure_defaults(session: Session) -> int:
    """Add the shipped default items that are missing (by list and code). Returns how many were added."""
    existing = {(row.list_name, row.code) for row in session.execute(select(CodeItem.list_name, CodeItem.code))}
    added = 0
    for path in default_files():
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                if (row["list_name"], row["code"]) in existing:
                    continue
                session.add(
                    CodeItem(list_name=row["list_name"], code=row["code"], label=row["label"],
                             sort_order=int(row["sort_order"]), active=True)
                )
                existing.add((row["list_name"], row["code"]))
                added += 1
    return added


def list_items(session: Session, list_name: str, include_inactive: bool = False) -> list[CodeItemData]:
    query = select(CodeItem).where(CodeItem.list_name == list_name).order_by(CodeItem.sort_order, CodeItem.label)
    if not include_inactive:
        query = query.where(CodeItem.active.is_(True))
    return [CodeItemData(i.id, i.code, i.label, i.active) for i in session.scalars(query)]


def find_item(session: Session, list_name: str, text: str) -> int | None:
    """Match a label or code (accent- and case-insensitive) to an item id."""
    wanted = fold(text)
    if not wanted:
        return None
    return session.scalar(
        select(CodeItem.id).where(
            CodeItem.list_name == list_name,
            (folded(CodeItem.label) == wanted) | (folded(CodeItem.code) == wanted),
        )
    )


def add_item(session: Session, list_name: str, label: str) -> int:
    label = (label or "").strip()
    _check_label(session, list_name, label, None)
    base_code = re.sub(r"[^a-z0-9]+", "_", fold(label)).strip("_") or "item"
    code, n = base_code, 1
    while session.scalar(select(CodeItem.id).where(CodeItem.list_name == list_name, CodeItem.code == code)):
        n += 1
        code = f"{base_code}_{n}"
    last = session.scalar(select(func.max(CodeItem.sort_order)).where(CodeItem.list_name == list_name)) or 0
    item = CodeItem(list_name=list_name, code=code, label=label, sort_order=last + 10, active=True)
    session.add(item)
    session.flush()
    return item.id


def rename_item(session: Session, item_id: int, label: str) -> None:
    item = session.get(CodeItem, item_id)
    if item is None:
        raise ValidationError({"label": "Dit item bestaat niet meer."})
    label = (label or "").strip()
    _check_label(session, item.list_name, label, item_id)
    item.label = label


def set_item_active(session: Session, item_id: int, active: bool) -> None:
    item = session.get(CodeItem, item_id)
    if item is None:
        raise ValidationError({"label": "Dit item bestaat niet meer."})
    item.active = active


def _check_label(session: Session, list_name: str, label: str, own_id: int | None) -> None:
    if not label:
        raise ValidationError({"label": "Vul een omschrijving in."})
    if len(label) > 120:
        raise ValidationError({"label": "De omschrijving is te lang (maximaal 120 tekens)."})
    errors: dict[str, str] = {}
    check_no_national_number({"label": label}, errors)
    if errors:
        raise ValidationError(errors)
    clash = find_item(session, list_name, label)
    if clash is not None and clash != own_id:
        raise ValidationError({"label": f"'{label}' staat al in de lijst."})
