"""Replace the KBO register with a newly read extract (one transaction) and report what changed."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Protocol

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from regisseur_app.domain.core.municipalities import Municipality
from regisseur_app.domain.core.organisations import Organisation
from regisseur_app.domain.kbo import candidates
from regisseur_app.domain.kbo.models import (
    ACTIVE,
    GONE,
    LEFT,
    MOVED,
    NEW,
    KboActivity,
    KboCandidate,
    KboChange,
    KboCode,
    KboEnterprise,
    KboImport,
    KboPersonCount,
    KboPlace,
)
from regisseur_app.domain.kbo.nace import section_of
from regisseur_app.formatting import counted, format_number
from regisseur_app.storage.bulk import insert_many
from regisseur_app.storage.engine import fold

BATCH = 20000
# the order of the columns of Staged.places() and Staged.activities() (exchange.kbo.reader)
PLACE_COLUMNS = ["enterprise_number", "nis_code", "kind", "establishment_number", "street", "house_number", "postcode",
                 "city"]
ACTIVITY_COLUMNS = ["enterprise_number", "nace_version", "nace_code", "classification"]
ENTERPRISE_COLUMNS = ["enterprise_number", "name", "status", "juridical_situation", "juridical_form", "start_date",
                      "start_year", "street", "house_number", "box", "postcode", "city", "seat_nis_code",
                      "main_nace_version", "main_nace_code", "main_section", "website", "email", "phone", "in_region",
                      "search_text"]
Progress = Callable[[int, str], None]


class Staged(Protocol):
    """What the register reads from (exchange.kbo.reader.StagedExtract)."""

    meta: dict[str, str]

    def codes(self) -> Iterable[tuple]: ...
    def enterprises(self) -> Iterable[tuple]: ...
    def places(self) -> Iterable[tuple]: ...
    def activities(self) -> Iterable[tuple]: ...
    def person_counts(self) -> Iterable[tuple]: ...
    def lookups(self) -> dict[str, tuple[str, str, bool]]: ...


@dataclass
class RegionSpec:
    postcodes: dict[str, str] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)


@dataclass
class ImportSummary:
    import_id: int
    enterprises: int
    persons: int
    first: bool
    new: int = 0
    stopped: int = 0
    moved: int = 0
    left: int = 0
    snapshot: date | None = None

    def message(self) -> str:
        text = (f"KBO-register ingelezen: {counted(self.enterprises, 'actieve onderneming', 'actieve ondernemingen')} "
                f"(rechtspersonen) en {format_number(self.persons)} eenmanszaken, alleen geteld.")
        if self.first:
            return text
        return text + (f" Sinds de vorige import: {format_number(self.new)} nieuw, {format_number(self.stopped)} "
                       f"stopgezet, {format_number(self.moved)} met een verhuisde zetel, {format_number(self.left)} "
                       "niet meer in de regio.")


def region_of(session: Session) -> RegionSpec:
    """Postcodes (from the municipality reference) of the participating municipalities; a municipality
    without postcodes is matched on its name."""
    spec = RegionSpec()
    for nis, name, postcodes in session.execute(select(
            Municipality.nis_code, Municipality.name, Municipality.postcodes).where(Municipality.participating)):
        codes = re.findall(r"\d{4}", postcodes or "")
        for code in codes:
            spec.postcodes.setdefault(code, nis)
        if not codes:
            spec.names[fold(name)] = nis
    return spec


def lookup_numbers(session: Session) -> set[str]:
    """Enterprise numbers whose fate the import must learn even outside the region: the inventory's and
    those of the current register."""
    numbers = set(session.scalars(select(Organisation.kbo_number).where(Organisation.kbo_number.is_not(None))))
    numbers |= set(session.scalars(select(KboEnterprise.enterprise_number)))
    return {n for n in numbers if n and len(n) == 10}


def _parse_date(text: str | None) -> date | None:
    if not text:
        return None
    for fmt in ("%d-%m-%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text.strip(), fmt).date()
        except ValueError:
            continue
    return None


def _batches(rows: Iterable[tuple], make: Callable[[tuple], dict | None]) -> Iterator[list[dict]]:
    batch: list[dict] = []
    for row in rows:
        item = make(row)
        if item is None:
            continue
        batch.append(item)
        if len(batch) >= BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def _kept_batches(rows: Iterable[tuple], kept: set[str]) -> Iterator[list[tuple]]:
    """The staged rows (already in the table's column order) of the enterprises kept, in batches."""
    batch: list[tuple] = []
    for row in rows:
        if row[0] in kept:
            batch.append(row)
            if len(batch) >= BATCH:
                yield batch
                batch = []
    if batch:
        yield batch


def replace_register(session: Session, staged: Staged, source_name: str, progress: Progress | None = None,
                     started: datetime | None = None) -> ImportSummary:
    """Replace every KBO table with the staged extract, in the caller's transaction."""
    def step(percent: int, text: str) -> None:
        if progress:
            progress(percent, text)

    started = started or datetime.now()
    inventory = {num: name for num, name in session.execute(
        select(Organisation.kbo_number, Organisation.name).where(Organisation.kbo_number.is_not(None)))}
    previous = {row.enterprise_number: row for row in session.execute(select(
        KboEnterprise.enterprise_number, KboEnterprise.name, KboEnterprise.status, KboEnterprise.street,
        KboEnterprise.house_number, KboEnterprise.postcode, KboEnterprise.city, KboEnterprise.in_region))}
    first = session.scalar(select(KboImport.id).limit(1)) is None
    for table in (KboChange, KboCandidate, KboActivity, KboPlace, KboPersonCount, KboEnterprise, KboCode):
        if table is not KboChange:
            session.execute(delete(table))
    session.execute(insert(KboCode.__table__), [{"category": c, "code": k, "description": d or ""}
                                      for c, k, d in staged.codes()])
    step(93, "Ondernemingen opslaan…")
    kept: set[str] = set()
    now_rows: dict[str, dict] = {}

    def enterprise(row: tuple) -> dict | None:
        (num, name, status, situation, form, start, street, house, box, postcode, city, nis, version, code,
         web, email, tel, in_region) = row
        if not in_region and num not in inventory:
            return None
        kept.add(num)
        item = {"enterprise_number": num, "name": (name or "")[:300], "status": status, "juridical_situation": situation,
                "juridical_form": form, "start_date": start, "start_year": start.year if start else None,
                "street": street[:200], "house_number": house[:30], "box": box[:30], "postcode": postcode[:10],
                "city": city[:100], "seat_nis_code": nis, "main_nace_version": version, "main_nace_code": code,
                "main_section": section_of(version, code) if code else "", "website": web[:300],
                "email": email[:254], "phone": tel[:50], "in_region": bool(in_region),
                "search_text": f"{fold(name)} {num} {fold(city)}"[:400]}
        now_rows[num] = item
        return item

    for batch in _batches(staged.enterprises(), enterprise):
        insert_many(session, KboEnterprise.__table__, ENTERPRISE_COLUMNS,
                    [tuple(item[k] for k in ENTERPRISE_COLUMNS) for item in batch])
    step(95, "Vestigingen en activiteiten opslaan…")
    for batch in _kept_batches(staged.places(), kept):
        insert_many(session, KboPlace.__table__, PLACE_COLUMNS, batch, processed=True)
    for batch in _kept_batches(staged.activities(), kept):
        insert_many(session, KboActivity.__table__, ACTIVITY_COLUMNS, batch, processed=True)
    candidates.refresh(session)
    persons = 0
    person_rows = []
    for nis, version, code, count in staged.person_counts():
        person_rows.append({"nis_code": nis, "nace_version": version, "nace_code": code,
                            "section": section_of(version, code) if code else "", "count": int(count)})
        if nis == "":
            persons += int(count)
    if person_rows:
        session.execute(insert(KboPersonCount.__table__), person_rows)
    step(97, "Wijzigingen bepalen…")
    meta = staged.meta
    record = KboImport(imported_at=started.replace(microsecond=0), source_name=source_name[:300],
                       extract_number=meta.get("ExtractNumber", "")[:20], extract_type=meta.get("ExtractType", "")[:20],
                       snapshot_date=_parse_date(meta.get("SnapshotDate")), first=first,
                       enterprises=sum(1 for r in now_rows.values() if r["in_region"] and r["status"] == ACTIVE),
                       persons=persons)
    session.add(record)
    session.flush()
    changes = _changes(previous, now_rows, staged.lookups(), inventory, first)
    session.execute(delete(KboChange))
    if changes:
        session.execute(insert(KboChange), [dict(c, import_id=record.id) for c in changes])
    counts = {kind: sum(1 for c in changes if c["kind"] == kind) for kind in (NEW, GONE, MOVED, LEFT)}
    record.new_count, record.stopped_count = counts[NEW], counts[GONE]
    record.moved_count, record.left_count = counts[MOVED], counts[LEFT]
    record.seconds = int((datetime.now() - started).total_seconds())
    session.flush()
    return ImportSummary(record.id, record.enterprises, persons, first, counts[NEW], counts[GONE], counts[MOVED],
                         counts[LEFT], record.snapshot_date)


def _address(street: str, house: str, postcode: str, city: str) -> str:
    return f"{street} {house}".strip() + (f", {postcode} {city}".rstrip() if postcode or city else "")


def _changes(previous: dict, now: dict[str, dict], lookups: dict[str, tuple[str, str, bool]],
             inventory: dict[str, str], first: bool) -> list[dict]:
    """new (in the region now, not before), stopped (stopped or gone from the KBO), moved (other seat
    address), left (active but no longer in the region). The inventory's numbers are always checked."""
    changes = []
    was_in_region = {num for num, row in previous.items() if row.in_region}
    if not first:
        for num, row in now.items():
            if row["in_region"] and num not in was_in_region and row["status"] == ACTIVE:
                changes.append({"enterprise_number": num, "name": row["name"], "kind": NEW,
                                "detail": _address(row["street"], row["house_number"], row["postcode"], row["city"])})
    for num in sorted(set(previous) | set(inventory)):
        before = previous.get(num)
        name = before.name if before is not None else inventory.get(num, "")
        found = lookups.get(num)
        if found is None:
            if before is not None or not first or num in inventory:
                changes.append({"enterprise_number": num, "name": name, "kind": GONE,
                                "detail": "niet meer in het KBO-extract (stopgezet of geschrapt)"})
            continue
        status, _postcode, in_region = found
        if status != ACTIVE and (before is None or before.status == ACTIVE):
            changes.append({"enterprise_number": num, "name": name, "kind": GONE,
                            "detail": f"status in de KBO: {status or 'onbekend'}"})
            continue
        if before is None:
            continue
        row = now.get(num)
        if before.in_region and not in_region and status == ACTIVE:
            changes.append({"enterprise_number": num, "name": name, "kind": LEFT,
                            "detail": "geen zetel of vestiging meer in een deelnemende gemeente"})
        if row is not None and (fold(before.street), before.house_number, before.postcode) != (
                fold(row["street"]), row["house_number"], row["postcode"]):
            changes.append({"enterprise_number": num, "name": name, "kind": MOVED,
                            "detail": f"van {_address(before.street, before.house_number, before.postcode, before.city)}"
                                      f" naar {_address(row['street'], row['house_number'], row['postcode'], row['city'])}"})
    return changes
