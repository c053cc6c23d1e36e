"""Shared import machinery: field sets, column mapping, preview rows, the all-or-nothing rule.

A record kind (org_import, contact_import) turns each row into a PreviewRow; `import_*` refuses the
whole file when one row has status "fout" (DESIGN.md rule 4) and otherwise writes every row in the
caller's session, so the caller's transaction commits the file as one unit.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from regisseur_app.exchange.tabular import RawTable
from regisseur_app.formatting import format_number
from regisseur_app.storage.engine import fold

NEW, UPDATE, SKIP, ERROR = "nieuw", "bijwerken", "overslaan", "fout"
ON_DUPLICATE = ("skip", "update")
ProgressCallback = Callable[[int, int], None]
"""progress(done, total): called every few hundred rows. To cancel, raise from it; nothing is written."""

_NEUTRALISED = re.compile(r"^'(?=[=+\-@])")
_PROGRESS_EVERY = 250
_FLUSH_EVERY = 1000


class FieldSet(dict):
    """Ordered field key -> Dutch column label, plus which keys are required and header synonyms."""

    def __init__(self, labels: dict[str, str], required: tuple[str, ...], synonyms: dict[str, tuple[str, ...]]):
        super().__init__(labels)
        self.required = frozenset(required)
        self.synonyms = synonyms


class MappingError(Exception):
    """The column mapping is incomplete or wrong (e.g. a required field has no column). Dutch message."""


@dataclass
class PreviewRow:
    line: int
    values: dict[str, str]
    status: str
    messages: list[str] = field(default_factory=list)
    target_id: int | None = None  # the existing record for "bijwerken"/"overslaan"


@dataclass
class ImportPreview:
    rows: list[PreviewRow]
    source: str = ""

    @property
    def error_count(self) -> int:
        return sum(1 for r in self.rows if r.status == ERROR)

    @property
    def new_count(self) -> int:
        return sum(1 for r in self.rows if r.status == NEW)

    @property
    def update_count(self) -> int:
        return sum(1 for r in self.rows if r.status == UPDATE)

    @property
    def skip_count(self) -> int:
        return sum(1 for r in self.rows if r.status == SKIP)

    @property
    def ok(self) -> bool:
        return self.error_count == 0

    def error_summary(self, limit: int = 10) -> str:
        lines = [f"rij {r.line}, {m}" for r in self.rows if r.status == ERROR for m in r.messages]
        if not lines:
            return f"Het bestand '{self.source}' bevat geen fouten."
        rows = self.error_count
        head = (f"Het bestand '{self.source}' is niet ingelezen: {format_number(rows)} "
                f"{'rij bevat' if rows == 1 else 'rijen bevatten'} fouten. Er is niets gewijzigd.")
        shown = [f"- {line}" for line in lines[:limit]]
        if len(lines) > limit:
            shown.append(f"… en nog {format_number(len(lines) - limit)} andere fout(en).")
        return "\n".join([head, *shown])


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int
    skipped: int


class ImportRejected(Exception):
    """At least one row has an error; nothing was written. str() is the Dutch error summary."""

    def __init__(self, preview: ImportPreview):
        self.preview = preview
        super().__init__(preview.error_summary())


def normalise_header(text: str) -> str:
    return re.sub(r"[^0-9a-z]+", "", fold(text))


def guess_mapping(headers: list[str], fields: dict[str, str]) -> dict[str, int | None]:
    """Field key -> index of the column whose header matches its label, key or a synonym (or None).

    Accents, case, spaces and punctuation are ignored. Labels and keys are matched before synonyms,
    and a column is used for one field only.
    """
    columns: dict[str, int] = {}
    for index, header in enumerate(headers):
        columns.setdefault(normalise_header(header), index)
    synonyms = getattr(fields, "synonyms", {})
    mapping: dict[str, int | None] = dict.fromkeys(fields)
    used: set[int] = set()
    passes = (lambda key: (fields[key], key), lambda key: synonyms.get(key, ()))
    for candidates_of in passes:
        for key in fields:
            if mapping[key] is not None:
                continue
            for candidate in candidates_of(key):
                index = columns.get(normalise_header(candidate))
                if index is not None and index not in used:
                    mapping[key] = index
                    used.add(index)
                    break
    return mapping


# a guessed column that often means something else: field -> (header words, fields it then sits next to, warning)
AMBIGUOUS = {
    "seat": ("gemeente", ("street", "postcode"),
             "staat naast een adres: is het de zetel of de plaats van dat adres? Kies hierboven wat klopt."),
}


def explain_guesses(headers: list[str], fields: dict[str, str], mapping: dict[str, int | None]) -> list[str]:
    """Dutch lines about the columns that were guessed from another name than the field's own, so the user
    notices them in the preview ('Sectoren' → Dienstencategorieën); with a warning for an ambiguous guess."""
    lines = []
    for key, index in mapping.items():
        if index is None or key not in fields:
            continue
        header = headers[index]
        if normalise_header(header) in (normalise_header(fields[key]), normalise_header(key)):
            continue
        line = f"kolom '{header}' → {fields[key]}"
        words, neighbours, warning = AMBIGUOUS.get(key, ("", (), ""))
        if warning and normalise_header(header) == normalise_header(words) and any(
                mapping.get(n) is not None for n in neighbours):
            line += f" (let op: '{header}' {warning})"
        lines.append(line)
    return lines


def check_mapping(table: RawTable, mapping: dict[str, int | None], fields: FieldSet) -> dict[str, int]:
    """Return the usable mapping (only mapped fields). Raises MappingError for missing or bad columns."""
    usable: dict[str, int] = {}
    for key, index in mapping.items():
        if key not in fields:
            raise MappingError(f"Onbekend veld '{key}' in de koppeling van de kolommen.")
        if index is None:
            continue
        if not 0 <= index < len(table.headers):
            raise MappingError(f"{fields[key]}: kolom {index + 1} bestaat niet in '{table.source}'.")
        usable[key] = index
    missing = [fields[k] for k in fields if k in fields.required and k not in usable]
    if missing:
        raise MappingError(f"Kies in '{table.source}' welke kolom {' en '.join(repr(m) for m in missing)} bevat: "
                           f"{'dit veld is' if len(missing) == 1 else 'deze velden zijn'} verplicht.")
    return usable


def check_on_duplicate(on_duplicate: str) -> None:
    if on_duplicate not in ON_DUPLICATE:
        raise ValueError(f"on_duplicate must be one of {ON_DUPLICATE}, not {on_duplicate!r}")


def row_values(table: RawTable, row: list[str], usable: dict[str, int]) -> dict[str, str]:
    """The mapped cells of a row, with the quote that our own export puts before '=', '+', '-', '@' removed
    (so an exported phone number '+32 ...' or name '=...' imports back as it was)."""
    return {key: _NEUTRALISED.sub("", row[index], count=1) if row[index].startswith("'") else row[index]
            for key, index in usable.items()}


def column_cells(rows: list[list[str]], index: int) -> list[str]:
    """One column of the rows, each cell as row_values gives it (one search for the quote in the whole column)."""
    cells = [row[index] for row in rows]
    if "'" in "".join(cells):
        cells = [_NEUTRALISED.sub("", text, count=1) if text.startswith("'") else text for text in cells]
    return cells


def column_label(fields: FieldSet, table: RawTable, usable: dict[str, int], key: str) -> str:
    """The field label, plus the file's own header when it differs ("KBO-nummer (kolom 'Ondernemingsnr')")."""
    label = fields[key]
    index = usable.get(key)
    if index is None:
        return label
    header = table.headers[index]
    return label if normalise_header(header) == normalise_header(label) else f"{label} (kolom '{header}')"


def classify(errors: dict[str, str], target: int | None, on_duplicate: str,
             describe: Callable[[], list[str]], exists_text: str) -> tuple[str, list[str]]:
    """Status and messages of a preview row: an error, new, or an existing record to update or skip."""
    if errors:
        return ERROR, describe()
    if target is None:
        return NEW, []
    status = UPDATE if on_duplicate == "update" else SKIP
    return status, [f"{exists_text} ({'wordt bijgewerkt' if status == UPDATE else 'wordt niet gewijzigd'})"]


def report(progress: ProgressCallback | None, done: int, total: int) -> None:
    if progress is not None and (done % _PROGRESS_EVERY == 0 or done == total):
        progress(done, total)


def two_phases(progress: ProgressCallback | None) -> tuple[ProgressCallback | None, ProgressCallback | None]:
    """Split one progress callback over checking (first half) and writing (second half)."""
    if progress is None:
        return None, None
    return (lambda done, total: progress(done, 2 * total)), (lambda done, total: progress(total + done, 2 * total))


def write_rows(session: Session, preview: ImportPreview, inputs: list, write: Callable[[object, int | None], None],
               progress: ProgressCallback | None = None) -> ImportResult:
    """Write the rows of an error-free preview with write(data, existing id or None). All or nothing.

    `write` only sets attributes: the rows were validated in the preview, in this same session and
    transaction, so nothing can have changed in between.
    """
    if not preview.ok:
        raise ImportRejected(preview)
    created = updated = skipped = 0
    total = len(preview.rows)
    for done, (row, data) in enumerate(zip(preview.rows, inputs, strict=True), start=1):
        if row.status == NEW:
            write(data, None)
            created += 1
        elif row.status == UPDATE:
            write(data, row.target_id)
            updated += 1
        else:
            skipped += 1
        if done % _FLUSH_EVERY == 0:
            _flush(session, write)
        report(progress, done, total)
    _flush(session, write)
    return ImportResult(created=created, updated=updated, skipped=skipped)


def _flush(session: Session, write) -> None:
    session.flush()
    after_flush = getattr(write, "after_flush", None)
    if after_flush is not None:
        after_flush()
