"""Are the shipped MVO materials and indicators all present? Asked at every open of a database (the open hook
operations.mvo.add_missing_defaults), so answered without the MVO models: two queries of the `code` columns,
named as plain Core tables, against the codes of the shipped CSV files (read once per process). Only when a
code is missing does the hook import the reference module and add the rows (domain/mvo/reference.py)."""

from __future__ import annotations

import csv
import functools

from sqlalchemy import column, select, table
from sqlalchemy.orm import Session

from regisseur_app.paths import reference_file

MATERIALS_FILE = "mvo_materials.csv"
INDICATORS_FILE = "mvo_indicators.csv"
# the tables of domain/mvo/models.py MvoMaterial and MvoIndicator (tests/unit/test_mvo_shipped.py checks the names)
_CODES = {MATERIALS_FILE: table("mvo_material", column("code")), INDICATORS_FILE: table("mvo_indicator", column("code"))}


@functools.cache
def shipped_codes(name: str) -> frozenset[str]:
    with reference_file(name).open(encoding="utf-8", newline="") as handle:
        return frozenset(row["code"] for row in csv.DictReader(handle))


def defaults_present(session: Session) -> bool:
    """True when every shipped material and indicator code is in the database."""
    return all(shipped_codes(name) <= set(session.scalars(select(codes.c.code))) for name, codes in _CODES.items())
