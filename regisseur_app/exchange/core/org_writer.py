"""Writing a checked organisation import in bulk in the caller's transaction (all or nothing): the new rows with
one compiled INSERT and the driver's executemany (storage.bulk.insert_many), their ids given (one past the
highest, read in the same transaction, as SQLite would give them), their links likewise; updates as one Core
executemany. The values are the dialog's (organisation_service.plain_columns, column_values).

The rows were checked in the same transaction, or in the preview at the data generation this transaction reads
(org_import._Checked), with the same validator as the dialog.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import bindparam, delete, func, select, update
from sqlalchemy.orm import Session

from regisseur_app.domain.core import organisation_service as orgs
from regisseur_app.domain.core.organisations import Organisation, organisation_category, organisation_municipality
from regisseur_app.exchange.importing import (
    ERROR,
    NEW,
    UPDATE,
    ImportPreview,
    ImportRejected,
    ImportResult,
    ProgressCallback,
    report,
)
from regisseur_app.storage.bulk import insert_many

BATCH = 2000  # rows per executemany (progress is reported, and can cancel, between them)
_ORGS = Organisation.__table__


@dataclass(frozen=True)
class CheckedRows:
    """The checked rows by column (OrganisationInput's attributes -> values by row; for an update the existing
    organisation's values where the file leaves a cell empty) and the existing organisation each row matches."""

    columns: dict[str, list]
    targets: list[int | None]

    def only(self, indices: list[int]) -> dict[str, list]:
        if len(indices) == len(self.targets):
            return self.columns
        return {key: [column[i] for i in indices] for key, column in self.columns.items()}


def write_organisations(session: Session, preview: ImportPreview, rows: CheckedRows,
                        progress: ProgressCallback | None = None) -> ImportResult:
    """Insert the new rows and update the existing ones of an error-free preview; raise ImportRejected
    (nothing written) when a row has an error."""
    statuses = [row.status for row in preview.rows]
    if ERROR in statuses:  # not preview.ok
        raise ImportRejected(preview)
    if statuses.count(NEW) == len(statuses):  # a file of new organisations only: the usual first import
        new, changed = list(range(len(statuses))), []
    else:
        new = [i for i, status in enumerate(statuses) if status == NEW]
        changed = [i for i, status in enumerate(statuses) if status == UPDATE]
    total = len(new) + len(changed)
    if new:
        columns = rows.only(new)
        first = (session.scalar(select(func.max(_ORGS.c.id))) or 0) + 1
        ids = list(range(first, first + len(new)))
        plain = dict(zip(orgs.PLAIN, orgs.plain_columns(columns), strict=True))
        constants = {key: column[0] for key, column in plain.items() if _same_default(column)}
        keys = ["id", *(key for key in plain if key not in constants)]
        values = list(zip(ids, *(plain[key] for key in keys[1:]), strict=True))
        for start in range(0, len(values), BATCH):
            insert_many(session, _ORGS, keys, values[start:start + BATCH], processed=True, constants=constants)
            report(progress, min(start + BATCH, len(values)), total)
        _insert_links(session, ids, columns)
    if changed:
        ids = [rows.targets[i] for i in changed]
        _update(session, ids, rows.only(changed))
        _insert_links(session, ids, rows.only(changed))
        report(progress, total, total)
    return ImportResult(created=len(new), updated=len(changed), skipped=len(preview.rows) - total)


def _same_default(column: list) -> bool:
    """True when every value is None, every one '' or every one False (stored as 0, as a 0 would be): a column
    the file does not have (or left empty), written once into the INSERT instead of bound per row."""
    first = column[0]
    return (first is None or first is False or first == "") and column.count(first) == len(column)


def _update(session: Session, ids: list[int], columns: dict[str, list]) -> None:
    """Update the plain columns and remove the municipality and category links of existing organisations (the
    caller inserts their links as the file has them)."""
    statement = (update(_ORGS).where(_ORGS.c.id == bindparam("target_id"))
                 .values({key: bindparam(f"new_{key}") for key in orgs.PLAIN}))
    keys = ["target_id", *(f"new_{key}" for key in orgs.PLAIN)]
    values = [dict(zip(keys, row, strict=True)) for row in zip(ids, *orgs.plain_columns(columns), strict=True)]
    for start in range(0, len(values), BATCH):
        session.execute(statement, values[start:start + BATCH])
    for start in range(0, len(ids), BATCH):
        chunk = ids[start:start + BATCH]
        session.execute(delete(organisation_municipality).where(organisation_municipality.c.organisation_id.in_(chunk)))
        session.execute(delete(organisation_category).where(organisation_category.c.organisation_id.in_(chunk)))
    wanted = set(ids)
    for org in [obj for obj in session.identity_map.values() if isinstance(obj, Organisation)]:
        if org.id in wanted:
            session.expire(org)  # loaded for the preview: read again when used


def _insert_links(session: Session, ids: list[int], columns: dict[str, list]) -> None:
    if not any(columns["municipality_codes"]) and not any(columns["category_ids"]):
        return  # a file without these columns (or with them empty)
    municipalities = [(org_id, code) for org_id, codes in zip(ids, columns["municipality_codes"], strict=True)
                      if codes for code in dict.fromkeys(codes)]
    categories = [(org_id, item_id) for org_id, item_ids in zip(ids, columns["category_ids"], strict=True)
                  if item_ids for item_id in dict.fromkeys(item_ids)]
    insert_many(session, organisation_municipality, ("organisation_id", "nis_code"), municipalities, processed=True)
    insert_many(session, organisation_category, ("organisation_id", "category_id"), categories, processed=True)
