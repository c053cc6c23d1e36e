"""Import organisations from a RawTable: map, preview (nieuw/bijwerken/overslaan/fout), write all or nothing."""

from __future__ import annotations

import functools
import weakref
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy.orm import Session

from regisseur_app.domain.core import organisation_service as orgs
from regisseur_app.domain.core.codelists import ORGANISATION_TYPE, SERVICE_CATEGORY
from regisseur_app.domain.core.settings import data_generation
from regisseur_app.exchange.core.lookups import OrganisationIndex, ReferenceData, kbo_digits, pad_kbo, resolve_many
from regisseur_app.exchange.core.org_writer import CheckedRows, write_organisations
from regisseur_app.exchange.importing import (
    ERROR,
    NEW,
    SKIP,
    UPDATE,
    FieldSet,
    ImportPreview,
    ImportResult,
    PreviewRow,
    ProgressCallback,
    check_mapping,
    check_on_duplicate,
    column_cells,
    column_label,
    two_phases,
)
from regisseur_app.exchange.tabular import RawTable
from regisseur_app.formatting import parse_number
from regisseur_app.gc_pause import gc_paused
from regisseur_app.storage.engine import fold
from regisseur_app.storage.generation import has_changed

ORGANISATION_FIELDS = FieldSet(
    {
        "name": "Naam", "kbo_number": "KBO-nummer", "type": "Type", "street": "Straat en nummer",
        "postcode": "Postcode", "city": "Plaats", "seat": "Zetelgemeente", "municipalities": "Actief in",
        "categories": "Dienstencategorieën", "target_group_employees": "Doelgroepwerknemers",
        "website": "Website", "notes": "Opmerkingen",
    },
    required=("name", "type"),
    synonyms={
        "name": ("naam organisatie", "organisatie", "organisatienaam", "bedrijf", "bedrijfsnaam", "benaming"),
        "kbo_number": ("kbo", "kbo nr", "ondernemingsnummer", "ondernemingsnr", "btw", "btw-nummer", "btw nr",
                       "vat", "enterprise number"),
        "type": ("soort", "organisatietype", "type organisatie", "vorm"),
        "street": ("straat", "adres", "straat en huisnummer", "straat + nr", "straat nr"),
        "postcode": ("postnummer", "post code", "pc"),
        "city": ("woonplaats", "stad", "deelgemeente", "plaatsnaam"),
        "seat": ("gemeente", "zetel", "hoofdzetel", "vestigingsgemeente"),
        "municipalities": ("gemeenten", "werkingsgebied", "actief in gemeenten", "werkt in"),
        "categories": ("dienstencategorieen", "diensten", "categorieen", "categorie", "sectoren", "sector",
                       "aanbod", "activiteiten"),
        "target_group_employees": ("aantal doelgroepwerknemers", "dgw", "doelgroep werknemers"),
        "website": ("site", "url", "webadres", "www", "webpagina"),
        "notes": ("opmerking", "notities", "nota", "commentaar", "toelichting"),
    },
)
ORGANISATION_REQUIRED = ORGANISATION_FIELDS.required

# validator error key (OrganisationInput attribute) -> import field key
_ATTRIBUTE_FIELD = {
    "name": "name", "kbo_number": "kbo_number", "type_id": "type", "street": "street", "postcode": "postcode",
    "city": "city", "seat_nis_code": "seat", "municipality_codes": "municipalities", "category_ids": "categories",
    "target_group_employees": "target_group_employees", "website": "website", "notes": "notes",
}
_TEXT_FIELDS = ("name", "kbo_number", "street", "postcode", "city", "website", "notes")


def preview_organisations(session: Session, table: RawTable, mapping: dict[str, int | None],
                          on_duplicate: str = "skip", progress: ProgressCallback | None = None) -> ImportPreview:
    """Check every row without writing. Raises MappingError when a required field has no column. The import of
    the same table, mapping and choice that follows (the dialog's Importeren) takes this check over when the
    data have not changed since (see _Checked)."""
    with gc_paused():
        preview, rows = _analyse(session, table, mapping, on_duplicate, progress)
        _LAST["check"] = _Checked.of(session, table, mapping, on_duplicate, preview, rows)
        return preview


def import_organisations(session: Session, table: RawTable, mapping: dict[str, int | None],
                         on_duplicate: str = "skip", progress: ProgressCallback | None = None) -> ImportResult:
    """Check every row, then write them all in bulk in `session`; or raise ImportRejected (nothing written)
    when a row has an error. The rows are not checked again when the preview of this very table, mapping and
    choice was made at the data generation `session` reads, and neither transaction had changed anything."""
    checking, writing = two_phases(progress)
    with gc_paused():
        checked = _LAST.pop("check", None)
        if checked is not None and checked.still_holds(session, table, mapping, on_duplicate):
            preview, rows = checked.preview, checked.rows
            _reached(checking, len(preview.rows), 1)
        else:
            preview, rows = _analyse(session, table, mapping, on_duplicate, checking)
        return write_organisations(session, preview, rows, writing)


@dataclass(frozen=True)
class _Checked:
    """A preview and the rows it checked, with what it was checked against: the table (the same object, its rows
    not replaced), the mapping and the choice for existing organisations, the database and its data generation
    (which every committed change counts up; storage/generation.py)."""

    table: weakref.ref
    rows_list: int  # id() of table.rows while the table lives
    count: int
    mapping: tuple
    on_duplicate: str
    database: str
    generation: int | None  # None: the preview's transaction had changed data itself, so it counts for nothing
    preview: ImportPreview
    rows: CheckedRows

    @classmethod
    def of(cls, session: Session, table: RawTable, mapping: dict, on_duplicate: str, preview: ImportPreview,
           rows: CheckedRows) -> _Checked:
        generation = data_generation(session)
        return cls(weakref.ref(table, _forget), id(table.rows), len(table.rows), tuple(mapping.items()),
                   on_duplicate, _database(session), None if has_changed(session) else generation, preview, rows)

    def still_holds(self, session: Session, table: RawTable, mapping: dict, on_duplicate: str) -> bool:
        if (self.table() is not table or (self.rows_list, self.count) != (id(table.rows), len(table.rows))
                or (self.mapping, self.on_duplicate) != (tuple(mapping.items()), on_duplicate)
                or self.generation is None or self.database != _database(session)):
            return False
        generation = data_generation(session)  # also flushes what the session holds
        return not has_changed(session) and generation == self.generation


_LAST: dict[str, _Checked] = {}  # the last preview (one at a time: a new one replaces it; an import takes it)


def _forget(table: weakref.ref) -> None:
    """The table of the last preview is gone (its dialog closed): so is what was checked of it."""
    checked = _LAST.get("check")
    if checked is not None and checked.table is table:
        _LAST.pop("check", None)


def _database(session: Session) -> str:
    return str(session.get_bind().url)


def _analyse(session: Session, table: RawTable, mapping: dict[str, int | None], on_duplicate: str,
             progress: ProgressCallback | None) -> tuple[ImportPreview, CheckedRows]:
    """Every row parsed and checked a column at a time, then matched against the file and the existing
    organisations row by row; the preview rows say what would happen."""
    check_on_duplicate(on_duplicate)
    usable = check_mapping(table, mapping, ORGANISATION_FIELDS)
    ref, index = ReferenceData(session), OrganisationIndex(session)
    total = len(table.rows)
    cells = {key: column_cells(table.rows, column) for key, column in usable.items()}
    errors: list[dict[str, str] | None] = [None] * total
    columns = _parse(cells, total, ref, errors)
    _reached(progress, total, 0.2)
    targets = _match(table.line_numbers, columns, index, errors)
    _reached(progress, total, 0.4)
    update = on_duplicate == "update"
    if update:
        _merge_existing(session, index, cells, columns, targets)
    for i, messages in orgs.validate_organisations(columns, targets, _lookups(ref, index)).items():
        row = errors[i]
        if row is None:
            row = errors[i] = {}
        for key, message in messages.items():
            row.setdefault(_ATTRIBUTE_FIELD.get(key, key), message)
    _reached(progress, total, 0.7)
    rows: list[PreviewRow] = []
    append = rows.append
    existing = UPDATE if update else SKIP
    state = "wordt bijgewerkt" if update else "wordt niet gewijzigd"
    for i, (line, row_errors, target) in enumerate(zip(table.line_numbers, errors, targets, strict=True)):
        if row_errors:
            append(_FileRow(line, ERROR, _describe(row_errors, table, usable), target, cells, i))
        elif target is None:
            append(_FileRow(line, NEW, [], None, cells, i))
        else:
            append(_FileRow(line, existing, [f"bestaat al als '{index.names[target]}' ({state})"], target, cells, i))
    _reached(progress, total, 1)
    return ImportPreview(rows=rows, source=table.source), CheckedRows(columns, targets)


class _FileRow(PreviewRow):
    """A PreviewRow whose values (the mapped cells, as the file has them) are taken from the file's columns when
    first asked: the dialog shows a few rows at a time, and a dict made in advance for each of 10.000 rows was a
    fifth of the preview's own work."""

    def __init__(self, line: int, status: str, messages: list[str], target_id: int | None,
                 cells: dict[str, list[str]], index: int):
        self.line, self.status, self.messages, self.target_id = line, status, messages, target_id
        self._cells, self._index = cells, index

    @functools.cached_property
    def values(self) -> dict[str, str]:  # noqa: D102 - PreviewRow.values
        index = self._index
        return {key: column[index] for key, column in self._cells.items()}

    def __eq__(self, other: object) -> bool:  # equal to a PreviewRow with the same fields, as PreviewRows are
        if not isinstance(other, PreviewRow):
            return NotImplemented
        return ((self.line, self.values, self.status, self.messages, self.target_id)
                == (other.line, other.values, other.status, other.messages, other.target_id))

    __hash__ = None  # mutable, like PreviewRow


def _reached(progress: ProgressCallback | None, total: int, share: float) -> None:
    """Progress (and the chance to cancel, by raising from it) between the steps, each over all rows at once."""
    if progress is not None:
        progress(round(total * share), total)


def _lookups(ref: ReferenceData, index: OrganisationIndex) -> orgs.Lookups:
    """The validator's questions answered from the reference data and existing organisations read once
    (no query per row); the rows of the file itself are checked against each other in _check_in_file."""
    types = {i.id for i in ref.code_items.values() if i.list_name == ORGANISATION_TYPE}
    categories = {i.id for i in ref.code_items.values() if i.list_name == SERVICE_CATEGORY}

    def kbo_owner(kbo: str) -> tuple[int, str] | None:
        org_id = index.by_kbo.get(kbo)
        return None if org_id is None else (org_id, index.names[org_id])

    return orgs.Lookups(kbo_owner=kbo_owner, is_type=types.__contains__,
                        is_municipality=ref.municipalities.__contains__, is_category=categories.__contains__)


def _describe(errors: dict[str, str], table: RawTable, usable: dict[str, int]) -> list[str]:
    return [f"{column_label(ORGANISATION_FIELDS, table, usable, key)}: {errors[key]}"
            for key in [*ORGANISATION_FIELDS, *(k for k in errors if k not in ORGANISATION_FIELDS)] if key in errors]


def _parse(cells: dict[str, list[str]], total: int, ref: ReferenceData,
           errors: list[dict[str, str] | None]) -> dict[str, list]:
    """OrganisationInput's attributes by column (its defaults where a cell is empty or its column not mapped);
    a cell's error goes into errors[row] by field key. Each distinct text is looked up once."""
    columns: dict[str, list] = {}
    for key in _TEXT_FIELDS:
        column = cells.get(key)
        if column is None:
            columns[key] = [""] * total
        else:
            columns[key] = [pad_kbo(text) if text else "" for text in column] if key == "kbo_number" else column
    columns["type_id"] = _looked_up(cells.get("type"), total, ref.type_id, errors, "type",
                                    lambda text: f"'{text}' is geen gekend type (kies uit: {ref.type_labels()}).")
    columns["seat_nis_code"] = _looked_up(
        cells.get("seat"), total, ref.municipality, errors, "seat",
        lambda text: f"onbekende gemeente '{text}' (gebruik de naam of de NIS-code, bv. 24008).")
    columns["municipality_codes"] = _resolved(
        cells.get("municipalities"), total, ref.municipality, errors, "municipalities",
        lambda unknown: f"onbekende gemeente(n): {', '.join(repr(u) for u in unknown)}.")
    columns["category_ids"] = _resolved(
        cells.get("categories"), total, ref.category_id, errors, "categories",
        lambda unknown: f"onbekende dienstencategorie(ën): {', '.join(repr(u) for u in unknown)}.")
    columns["target_group_employees"] = _looked_up(cells.get("target_group_employees"), total, _whole_number,
                                                   errors, "target_group_employees", _number_error)
    columns["archived"] = [False] * total
    return columns


def _looked_up(column: list[str] | None, total: int, lookup: Callable[[str], object],
               errors: list[dict[str, str] | None], key: str, message: Callable[[str], str]) -> list:
    """lookup(text) of every non-empty cell (None for an empty one); where it gives None, message(text) is the
    cell's error."""
    if column is None:
        return [None] * total
    found = {text: lookup(text) if text else None for text in set(column)}
    if any(value is None and text for text, value in found.items()):
        for i, text in enumerate(column):
            if text and found[text] is None:
                _add(errors, i, key, message(text))
    return [found[text] for text in column]


def _resolved(column: list[str] | None, total: int, lookup: Callable[[str], object],
              errors: list[dict[str, str] | None], key: str, message: Callable[[list[str]], str]) -> list[list]:
    """resolve_many of every non-empty cell: the values found (an error names the parts that are not)."""
    if column is None:
        return [[] for _ in range(total)]
    found = {text: resolve_many(text, lookup) if text else ([], []) for text in set(column)}
    if any(unknown for _codes, unknown in found.values()):
        for i, text in enumerate(column):
            unknown = found[text][1]
            if unknown:
                _add(errors, i, key, message(unknown))
    return [list(found[text][0]) for text in column]


def _whole_number(text: str) -> int | str | None:
    """The number of target-group employees in a cell, or None (then _number_error says why)."""
    try:
        number = parse_number(text)
    except ValueError:
        return None
    return int(number) if number == number.to_integral_value() else None


def _number_error(text: str) -> str:
    try:
        parse_number(text)
    except ValueError as exc:
        return f"{exc}."
    return f"'{text}' is geen geheel aantal."


def _add(errors: list[dict[str, str] | None], i: int, key: str, message: str) -> None:
    row = errors[i]
    if row is None:
        errors[i] = {key: message}
    else:
        row[key] = message


def _match(lines: list[int], columns: dict[str, list], index: OrganisationIndex,
           errors: list[dict[str, str] | None]) -> list[int | None]:
    """The existing organisation of every row (same KBO number, else same name unless both have a different
    KBO number), and the duplicates within the file as errors on the later row."""
    by_kbo, by_name = index.by_kbo, index.by_name
    keys = list(map(fold, columns["name"]))
    if not any(columns["kbo_number"]) and len(set(keys)) == len(keys):
        # no KBO numbers and no name twice (as a file of new organisations usually is): a row is the first existing
        # organisation of its name, if any, as below; no row repeats another or another's organisation (one name each)
        return [matches[0][0] if (matches := by_name.get(key)) else None for key in keys]
    seen_kbo: dict[str, int] = {}
    seen_name: dict[str, list[tuple[int, str | None]]] = {}
    seen_target: dict[int, int] = {}
    targets: list[int | None] = []
    for i, (line, kbo_text, key) in enumerate(zip(lines, columns["kbo_number"], keys, strict=True)):
        kbo = kbo_digits(kbo_text) if kbo_text else None
        target = by_kbo.get(kbo) if kbo else None  # OrganisationIndex.existing, inline: 10.000 rows
        if target is None:
            for org_id, other_kbo in by_name.get(key, ()):
                if not (kbo and other_kbo and kbo != other_kbo):
                    target = org_id
                    break
        targets.append(target)
        row = errors[i]
        if kbo:
            if kbo in seen_kbo:
                row = _set_default(errors, i, "kbo_number",
                                   f"dubbel in het bestand: zelfde KBO-nummer als rij {seen_kbo[kbo]}.")
            else:
                seen_kbo[kbo] = line
        if key:
            same = seen_name.get(key)
            if same is None:
                seen_name[key] = [(line, kbo)]
            else:
                for other_line, other_kbo in same:
                    if not (kbo and other_kbo and kbo != other_kbo):
                        row = _set_default(errors, i, "name",
                                           f"dubbel in het bestand: zelfde naam als rij {other_line}.")
                        break
                same.append((line, kbo))
        if target is not None:
            if target in seen_target and not row:
                errors[i] = {"name": "dubbel in het bestand: dezelfde bestaande organisatie als rij "
                                     f"{seen_target[target]}."}
            seen_target.setdefault(target, line)
    return targets


def _set_default(errors: list[dict[str, str] | None], i: int, key: str, message: str) -> dict[str, str]:
    row = errors[i]
    if row is None:
        row = errors[i] = {}
    row.setdefault(key, message)
    return row


# what the file gives for an update: OrganisationInput's attribute -> the cell's field key, and whether a value
# counts as given when its cell is filled (texts, lists: also with unknown parts) or only when it was found
_GIVEN_WHEN_FILLED = {"name": "name", "kbo_number": "kbo_number", "street": "street", "postcode": "postcode",
                      "city": "city", "website": "website", "notes": "notes", "municipality_codes": "municipalities",
                      "category_ids": "categories"}
_GIVEN_WHEN_FOUND = ("type_id", "seat_nis_code", "target_group_employees")


def _merge_existing(session: Session, index: OrganisationIndex, cells: dict[str, list[str]],
                    columns: dict[str, list], targets: list[int | None]) -> None:
    """For an update, the existing organisation's values where the file gives none (an empty cell, an unmapped
    column, a value that is not understood), as the dialog would show them."""
    index.load(target for target in targets if target is not None)
    for i, target in enumerate(targets):
        if target is None:
            continue
        existing = orgs.get_organisation(session, target)
        for attribute in orgs.INPUT:
            field_key = _GIVEN_WHEN_FILLED.get(attribute)
            if field_key is not None:
                given = field_key in cells and bool(cells[field_key][i])
            else:
                given = attribute in _GIVEN_WHEN_FOUND and columns[attribute][i] is not None
            if not given:
                columns[attribute][i] = getattr(existing, attribute)
