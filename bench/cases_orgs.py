"""Benchmark cases of the organisation and contact lists (issue 16), registered in bench/cases.py's CASES."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from bench.cases import _clock, _ctx, _qt_app, case


@case("contact_list")
def contact_list(db: Path, _work: Path) -> dict[str, float]:
    """The contact list on the large region (20.000 contacts): open it, then search 'groen' (first rows shown)."""
    _qt_app()
    ctx = _ctx(db)
    from regisseur_app.ui.contacts.contact_page import ContactPage

    holder: dict = {}
    opened = _clock(lambda: holder.setdefault("page", ContactPage(ctx)))
    page = holder["page"]

    def search() -> None:
        page.search_edit.setText("groen")
        page.refresh()

    filtered = _clock(search)
    assert page.model.rowCount() > 0
    return {"open": opened, "filter": filtered}


@case("floor_contact_list")
def floor_contact_list(db: Path, _work: Path) -> dict[str, float]:
    """A plain query for what the contact list shows first: the active contacts by name."""
    conn = sqlite3.connect(db)
    contacts = "SELECT id, name, organisation_id FROM contact WHERE archived = 0 ORDER BY name"
    conn.execute(contacts).fetchall()
    return {"contacts": _clock(lambda: conn.execute(contacts).fetchall())}
