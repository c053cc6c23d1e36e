"""The start screen's snapshot: what the Overzicht showed last, kept in the database beside the data it
describes, so the next start shows it at once instead of recomputing every section.

It is valid only for the data generation it was computed at (storage/generation.py: every transaction that
changes data counts it up, an undo too, and a restore sets a new one), for the same day (KPI progress,
stale referrals and due actions depend on today), for the same application version and database schema
(a migration may change data without counting the generation, and new code may compute differently),
for the same sections in the same version, and until the time a section said its values change by
themselves (e.g. the first upcoming event ends). Writing it
does not count as a change of the data. Kept in the file itself rather than beside it: a copied or
restored file brings its own snapshot with the generation it belongs to, never another file's.
Stored as JSON (never pickle: a database file may come from elsewhere)."""

from __future__ import annotations

import json
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from regisseur_app import __version__
from regisseur_app.domain.core.settings import AppSetting, set_setting
from regisseur_app.storage.generation import GENERATION_KEY, SNAPSHOT_KEY
from regisseur_app.storage.migrations import head_revisions

FORMAT = 2


def key(generation: int, today: date, sections: dict[str, int]) -> list:
    """What a snapshot must match to be shown: data generation, day, format, application version, schema
    (the migration heads) and the version of each section's values (JSON-able, compared as a whole)."""
    return [generation, today.isoformat(), FORMAT, __version__, sorted(head_revisions()), sections]


def read(session: Session) -> tuple[int, dict | None]:
    """(the current data generation, the stored snapshot or None), in one query."""
    rows = dict(session.execute(select(AppSetting.key, AppSetting.value)
                                .where(AppSetting.key.in_([GENERATION_KEY, SNAPSHOT_KEY]))).all())
    generation = int(rows.get(GENERATION_KEY) or 0)
    try:
        snapshot = json.loads(rows[SNAPSHOT_KEY]) if rows.get(SNAPSHOT_KEY) else None
    except ValueError:
        snapshot = None
    return generation, snapshot if isinstance(snapshot, dict) else None


def write(session: Session, snapshot: dict) -> None:
    set_setting(session, SNAPSHOT_KEY, json.dumps(snapshot, ensure_ascii=False, separators=(",", ":")))
