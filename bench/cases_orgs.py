"""Benchmark cases of the organisation and contact lists (issue 16), registered in bench/cases.py's CASES."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from bench.cases import _clock, case, list_page_case


@case("contact_list")
def contact_list(db: Path, _work: Path) -> dict[str, float]:
    """The contact list on the large region (20.000 contacts): open it, then search 'groen' (first rows shown)."""
    from regisseur_app.ui.contacts.contact_page import ContactPage

    return list_page_case(db, ContactPage)


@case("floor_contact_list")
def floor_contact_list(db: Path, _work: Path) -> dict[str, float]:
    """A plain query for what the contact list shows first: the active contacts by name."""
    conn = sqlite3.connect(db)
    contacts = "SELECT id, name, organisation_id FROM contact WHERE archived = 0 ORDER BY name"
    conn.execute(contacts).fetchall()
    return {"contacts": _clock(lambda: conn.execute(contacts).fetchall())}
