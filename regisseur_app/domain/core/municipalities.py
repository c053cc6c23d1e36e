"""Municipalities: the Flemish reference list and which ones participate in the regierol."""

from __future__ import annotations

import csv
import re
from copy import copy
from dataclasses import dataclass

from sqlalchemy import Boolean, Integer, String, select, update
from sqlalchemy.orm import Mapped, Session, mapped_column

from regisseur_app.domain.core.base import Base, ValidationError
from regisseur_app.domain.core.memo import remembered
from regisseur_app.domain.core.validation import check_no_national_number
from regisseur_app.paths import reference_file
from regisseur_app.storage.dialect import folded
from regisseur_app.storage.engine import fold

MIN_PARTICIPATING = 1
MAX_PARTICIPATING = 20


class Municipality(Base):
    __tablename__ = "municipality"

    nis_code: Mapped[str] = mapped_column(String(5), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    arrondissement: Mapped[str] = mapped_column(String(100), default="")
    province: Mapped[str] = mapped_column(String(100), default="")
    inhabitants: Mapped[int | None] = mapped_column(Integer, nullable=True)
    postcodes: Mapped[str] = mapped_column(String(200), default="")
    participating: Mapped[bool] = mapped_column(Boolean, default=False)
    # a municipality that merged (1 January 2025): the NIS code of the municipality it is part of now
    successor: Mapped[str | None] = mapped_column(String(5), nullable=True)


@dataclass
class MunicipalityData:
    nis_code: str
    name: str
    arrondissement: str = ""
    province: str = ""
    inhabitants: int | None = None
    postcodes: str = ""
    participating: bool = False
    successor: str | None = None
    successor_name: str = ""     # filled in for display


def _reference_rows() -> list[dict[str, str]]:
    with reference_file("municipalities.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def load_reference_list(session: Session) -> int:
    """Bring the municipality table up to date with the shipped reference list (the 285 municipalities of
    1 January 2025 and the merged ones with their successor). Adds what is missing, points merged
    municipalities to their successor and moves participation to the successor. Idempotent; returns the
    number of rows added or changed. Runs at every open: when nothing is to be done (the usual case), one
    query of three columns says so without loading the municipalities."""
    state = {code: (successor, postcodes) for code, successor, postcodes in session.execute(
        select(Municipality.nis_code, Municipality.successor, Municipality.postcodes))}
    if all(row["nis_code"] in state
           and (state[row["nis_code"]][1] or not row.get("postcodes"))
           and (state[row["nis_code"]][0] is not None or not row.get("successor"))
           for row in _reference_rows()):
        return 0
    existing = {m.nis_code: m for m in session.scalars(select(Municipality))}
    changed = 0
    for row in _reference_rows():
        current = existing.get(row["nis_code"])
        if current is None:
            session.add(Municipality(
                nis_code=row["nis_code"], name=row["name"], arrondissement=row["arrondissement"],
                province=row["province"],
                inhabitants=int(row["inhabitants_2020"]) if row["inhabitants_2020"] else None,
                postcodes=row.get("postcodes", "") or "", participating=False,
                successor=row.get("successor") or None))
            changed += 1
        elif not current.postcodes and row.get("postcodes"):
            current.postcodes = row["postcodes"]
            changed += 1
    session.flush()
    for row in _reference_rows():
        current = session.get(Municipality, row["nis_code"])
        successor = row.get("successor") or None
        if successor and current.successor is None:
            current.successor = successor
            if current.participating:  # the association now works with the merged municipality
                current.participating = False
                session.get(Municipality, successor).participating = True
            changed += 1
    return changed


def successors(session: Session) -> dict[str, str]:
    """Merged municipality (old NIS code) -> the NIS code of the municipality it is part of now; read once per
    session while it does not write (domain.core.memo), a dict of the caller's own."""
    return dict(remembered(session, "municipality_successors", lambda: tuple(session.execute(
        select(Municipality.nis_code, Municipality.successor).where(Municipality.successor.is_not(None))).all())))


def list_municipalities(session: Session, participating_only: bool = False,
                        current_only: bool = False) -> list[MunicipalityData]:
    """Municipalities by name; `current_only` leaves out the ones that merged into another. Read once per session
    while it does not write (domain.core.memo: a college report asks four times for the participating ones);
    every caller gets copies of its own."""
    def read() -> tuple[MunicipalityData, ...]:
        query = select(Municipality).order_by(Municipality.name)
        if participating_only:
            query = query.where(Municipality.participating.is_(True))
        if current_only:
            query = query.where(Municipality.successor.is_(None))
        return tuple(_to_data(m) for m in session.scalars(query))

    return [copy(m) for m in remembered(session, ("municipalities", participating_only, current_only), read)]


def participating_codes(session: Session) -> list[str]:
    return list(
        session.scalars(
            select(Municipality.nis_code).where(Municipality.participating.is_(True)).order_by(Municipality.name)
        )
    )


def set_participating(session: Session, nis_codes: list[str]) -> None:
    codes = sorted(set(nis_codes))
    if not MIN_PARTICIPATING <= len(codes) <= MAX_PARTICIPATING:
        raise ValidationError(
            {"participating": f"Kies tussen {MIN_PARTICIPATING} en {MAX_PARTICIPATING} deelnemende gemeenten "
             f"(nu {len(codes)})."}
        )
    known = dict(session.execute(select(Municipality.nis_code, Municipality.successor).where(
        Municipality.nis_code.in_(codes))).all())
    unknown = [c for c in codes if c not in known]
    if unknown:
        raise ValidationError({"participating": f"Onbekende NIS-code(s): {', '.join(unknown)}."})
    merged = [c for c in codes if known[c]]
    if merged:
        names = dict(session.execute(select(Municipality.nis_code, Municipality.name)).all())
        raise ValidationError({"participating": "Gefuseerd op 1/1/2025: " + ", ".join(
            f"{names[c]} (nu {names.get(known[c], known[c])})" for c in merged) + ". Kies de nieuwe gemeente."})
    session.execute(update(Municipality).values(participating=Municipality.nis_code.in_(codes)))


def validate_municipality(session: Session, data: MunicipalityData, is_new: bool) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not re.fullmatch(r"\d{5}", data.nis_code or ""):
        errors["nis_code"] = "De NIS-code bestaat uit precies 5 cijfers (bv. 24008)."
    elif is_new and session.get(Municipality, data.nis_code) is not None:
        errors["nis_code"] = f"Er bestaat al een gemeente met NIS-code {data.nis_code}."
    if not (data.name or "").strip():
        errors["name"] = "Vul de naam van de gemeente in."
    if data.inhabitants is not None and data.inhabitants < 0:
        errors["inhabitants"] = "Het aantal inwoners kan niet negatief zijn."
    if data.postcodes and not re.fullmatch(r"\s*\d{4}(\s*[,;]\s*\d{4})*\s*", data.postcodes):
        errors["postcodes"] = "Postcodes zijn 4 cijfers, gescheiden door komma's (bv. 3460, 3461)."
    check_no_national_number({"name": data.name, "arrondissement": data.arrondissement,
                              "province": data.province}, errors)
    return errors


def save_municipality(session: Session, data: MunicipalityData, is_new: bool) -> None:
    errors = validate_municipality(session, data, is_new)
    if errors:
        raise ValidationError(errors)
    row = Municipality(nis_code=data.nis_code) if is_new else session.get(Municipality, data.nis_code)
    if row is None:
        raise ValidationError({"nis_code": f"Gemeente {data.nis_code} bestaat niet meer."})
    row.name = data.name.strip()
    row.arrondissement = data.arrondissement.strip()
    row.province = data.province.strip()
    row.inhabitants = data.inhabitants
    row.postcodes = ", ".join(re.findall(r"\d{4}", data.postcodes or ""))
    if is_new:
        row.participating = False
        session.add(row)


def find_municipality(session: Session, text: str) -> str | None:
    """Match a NIS code or a name (accent- and case-insensitive) to a NIS code."""
    value = (text or "").strip()
    if re.fullmatch(r"\d{5}", value):
        return value if session.get(Municipality, value) is not None else None
    wanted = fold(value)
    if not wanted:
        return None
    return session.scalar(select(Municipality.nis_code).where(folded(Municipality.name) == wanted))


def municipality_for_postcode(session: Session, postcode: str) -> str | None:
    if not re.fullmatch(r"\d{4}", postcode or ""):
        return None
    for nis, codes in session.execute(select(Municipality.nis_code, Municipality.postcodes)):
        if postcode in re.findall(r"\d{4}", codes or ""):
            return nis
    return None


def _to_data(m: Municipality) -> MunicipalityData:
    return MunicipalityData(m.nis_code, m.name, m.arrondissement, m.province, m.inhabitants, m.postcodes, m.participating,
                            m.successor)
