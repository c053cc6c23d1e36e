"""Shipped reference data of the MVO feature: default materials and indicators (added when missing, never
overwritten: the user's edits and retirements stay), the GRI disclosures and the VSME basic module."""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from regisseur_app.domain.core.codelists import CodeItem
from regisseur_app.domain.mvo.models import PILLAR_LIST, MvoIndicator, MvoMaterial
from regisseur_app.domain.mvo.shipped import defaults_present
from regisseur_app.paths import reference_file

# EFRAG, Voluntary Sustainability Reporting Standard for non-listed SMEs (VSME, december 2024): basic module
VSME_BASIC = {
    "B1": "Grondslag voor de opstelling",
    "B2": "Praktijken, beleid en toekomstige initiatieven voor de overgang naar een duurzamere economie",
    "B3": "Energie en broeikasgasemissies",
    "B4": "Verontreiniging van lucht, water en bodem",
    "B5": "Biodiversiteit",
    "B6": "Water",
    "B7": "Gebruik van hulpbronnen, circulaire economie en afvalbeheer",
    "B8": "Eigen personeel – algemene kenmerken",
    "B9": "Eigen personeel – gezondheid en veiligheid",
    "B10": "Eigen personeel – verloning, collectieve onderhandelingen en opleiding",
    "B11": "Veroordelingen en boetes voor corruptie en omkoping",
}


@dataclass(frozen=True)
class GriDisclosure:
    code: str
    standard: str
    standard_title: str
    title: str
    replaced_by: str = ""
    replaced_from: int | None = None
    note: str = ""

    def withdrawn(self, today: date | None = None) -> bool:
        """Replaced by another disclosure for reports of this year already."""
        year = (today or date.today()).year
        return bool(self.replaced_by) and self.replaced_from is not None and self.replaced_from <= year

    @property
    def label(self) -> str:
        return f"GRI {self.code} {self.title}"


@functools.cache
def gri_disclosures() -> dict[str, GriDisclosure]:
    """The GRI disclosures by code (resources/reference/mvo_gri_disclosures.csv)."""
    with reference_file("mvo_gri_disclosures.csv").open(encoding="utf-8", newline="") as handle:
        return {row["disclosure"]: GriDisclosure(
            row["disclosure"], row["standard"], row["standard_title"], row["disclosure_title"], row["replaced_by"],
            int(row["replaced_from"]) if row["replaced_from"] else None, row["note"])
            for row in csv.DictReader(handle)}


def ensure_defaults(session: Session) -> int:
    """Add the shipped materials and indicators whose code is missing. Returns how many rows were added.
    The open hook asks shipped.defaults_present first; when every shipped code is present, nothing is
    loaded here either."""
    if defaults_present(session):
        return 0
    added = 0
    materials = {m.code: m for m in session.scalars(select(MvoMaterial))}
    with reference_file("mvo_materials.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["code"] in materials:
                continue
            material = MvoMaterial(
                code=row["code"], label=row["label"],
                emission_factor=float(row["emission_factor"]) if row["emission_factor"] else None,
                factor_source=row["factor_source"], factor_year=int(row["factor_year"]) if row["factor_year"] else None,
                sort_order=int(row["sort_order"]), active=True)
            session.add(material)
            materials[material.code] = material
            added += 1
    session.flush()
    pillars = dict(session.execute(select(CodeItem.code, CodeItem.id).where(CodeItem.list_name == PILLAR_LIST)).all())
    existing = set(session.scalars(select(MvoIndicator.code)))
    with reference_file("mvo_indicators.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["code"] in existing or row["pillar"] not in pillars:
                continue
            material = materials.get(row["material"]) if row["material"] else None
            session.add(MvoIndicator(
                code=row["code"], label=row["label"], pillar_id=pillars[row["pillar"]], unit=row["unit"],
                value_type=row["value_type"], decimals=int(row["decimals"]),
                min_value=float(row["min_value"]) if row["min_value"] else None,
                max_value=float(row["max_value"]) if row["max_value"] else None,
                definition=row["definition"], gri_code=row["gri_code"], vsme_ref=row["vsme_ref"],
                formula=row["formula"], material_id=material.id if material else None,
                sort_order=int(row["sort_order"]), active=True))
            added += 1
    session.flush()
    return added

