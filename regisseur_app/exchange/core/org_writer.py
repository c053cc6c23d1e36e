"""Writing a checked organisation import in bulk: Core INSERT/UPDATE of many rows at once in the caller's
transaction (all or nothing), instead of one ORM object per row through the unit of work.

The rows were validated in the same session and transaction (org_import._analyse), with the same
validator as the dialog; the values are the dialog's (organisation_service.column_values).
"""

from __future__ import annotations

from sqlalchemy import bindparam, delete, insert, update
from sqlalchemy.orm import Session

from regisseur_app.domain.core import organisation_service as orgs
from regisseur_app.domain.core.organisations import Organisation, organisation_category, organisation_municipality
from regisseur_app.exchange.importing import (
    NEW,
    UPDATE,
    ImportPreview,
    ImportRejected,
    ImportResult,
    ProgressCallback,
    report,
)

BATCH = 2000  # rows per INSERT/UPDATE statement group (progress is reported per batch)
_ORGS = Organisation.__table__


def write_organisations(session: Session, preview: ImportPreview, inputs: list[orgs.OrganisationInput],
                        progress: ProgressCallback | None = None) -> ImportResult:
    """Insert the new rows and update the existing ones of an error-free preview; raise ImportRejected
    (nothing written) when a row has an error."""
    if not preview.ok:
        raise ImportRejected(preview)
    new = [data for row, data in zip(preview.rows, inputs, strict=True) if row.status == NEW]
    changed = [(row.target_id, data) for row, data in zip(preview.rows, inputs, strict=True) if row.status == UPDATE]
    total, done = len(new) + len(changed), 0
    links: list[tuple[int, orgs.OrganisationInput]] = []
    for start in range(0, len(new), BATCH):
        batch = [(data, orgs.column_values(data)) for data in new[start:start + BATCH]]
        # RETURNING in any order (ordered RETURNING costs SQLite one statement per row): a new row is known
        # by its name and KBO number, which the check made unique within the file
        found = {(name, kbo): org_id for org_id, name, kbo in session.execute(
            insert(_ORGS).returning(_ORGS.c.id, _ORGS.c.name, _ORGS.c.kbo_number), [v for _, v in batch])}
        links += [(found[values["name"], values["kbo_number"]], data) for data, values in batch]
        done += len(batch)
        report(progress, done, total)
    if changed:
        _update(session, changed)
        links += changed
        report(progress, total, total)
    _insert_links(session, links)
    return ImportResult(created=len(new), updated=len(changed), skipped=len(preview.rows) - total)


def _update(session: Session, changed: list[tuple[int, orgs.OrganisationInput]]) -> None:
    """Update the plain columns and replace the municipality and category links of existing organisations."""
    keys = list(orgs.column_values(changed[0][1]))
    statement = (update(_ORGS).where(_ORGS.c.id == bindparam("target_id"))
                 .values({key: bindparam(f"new_{key}") for key in keys}))
    ids = [org_id for org_id, _ in changed]
    for start in range(0, len(changed), BATCH):
        session.execute(statement, [
            {"target_id": org_id, **{f"new_{k}": v for k, v in orgs.column_values(data).items()}}
            for org_id, data in changed[start:start + BATCH]])
    for start in range(0, len(ids), BATCH):
        chunk = ids[start:start + BATCH]
        session.execute(delete(organisation_municipality).where(organisation_municipality.c.organisation_id.in_(chunk)))
        session.execute(delete(organisation_category).where(organisation_category.c.organisation_id.in_(chunk)))
    wanted = set(ids)
    for org in [obj for obj in session.identity_map.values() if isinstance(obj, Organisation)]:
        if org.id in wanted:
            session.expire(org)  # loaded for the preview: read again when used


def _insert_links(session: Session, links: list[tuple[int, orgs.OrganisationInput]]) -> None:
    municipalities = [{"organisation_id": org_id, "nis_code": code}
                      for org_id, data in links for code in dict.fromkeys(data.municipality_codes)]
    categories = [{"organisation_id": org_id, "category_id": item_id}
                  for org_id, data in links for item_id in dict.fromkeys(data.category_ids)]
    if municipalities:
        session.execute(insert(organisation_municipality), municipalities)
    if categories:
        session.execute(insert(organisation_category), categories)
