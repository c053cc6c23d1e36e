"""Import organisations from a RawTable: map, preview (nieuw/bijwerken/overslaan/fout), write all or nothing."""

from __future__ import annotations

import dataclasses
import gc
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.orm import Session

from regisseur_app.domain.core import organisation_service as orgs
from regisseur_app.domain.core.codelists import ORGANISATION_TYPE, SERVICE_CATEGORY
from regisseur_app.exchange.core.lookups import OrganisationIndex, ReferenceData, kbo_digits, pad_kbo, resolve_many
from regisseur_app.exchange.core.org_writer import write_organisations
from regisseur_app.exchange.importing import (
    FieldSet,
    ImportPreview,
    ImportResult,
    PreviewRow,
    ProgressCallback,
    check_mapping,
    check_on_duplicate,
    classify,
    column_label,
    report,
    row_values,
    two_phases,
)
from regisseur_app.exchange.tabular import RawTable
from regisseur_app.formatting import parse_number
from regisseur_app.storage.engine import fold

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
    """Check every row without writing. Raises MappingError when a required field has no column."""
    with gc_paused():
        return _analyse(session, table, mapping, on_duplicate, progress)[0]


def import_organisations(session: Session, table: RawTable, mapping: dict[str, int | None],
                         on_duplicate: str = "skip", progress: ProgressCallback | None = None) -> ImportResult:
    """Check every row, then write them all in bulk in `session`; or raise ImportRejected (nothing written)
    when a row has an error."""
    checking, writing = two_phases(progress)
    with gc_paused():
        preview, inputs, _ref, _index = _analyse(session, table, mapping, on_duplicate, checking)
        return write_organisations(session, preview, inputs, writing)


@contextmanager
def gc_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off while a file is checked and written: 10.000 rows make a few
    hundred thousand small objects that all live until the end, and the collector would walk them over
    and over (measured: 40 % of the CPU time of checking and writing 10.000 organisations). The rows
    make no reference cycles to collect meanwhile; the collector runs again afterwards."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _analyse(session, table, mapping, on_duplicate, progress):
    check_on_duplicate(on_duplicate)
    usable = check_mapping(table, mapping, ORGANISATION_FIELDS)
    ref, index = ReferenceData(session), OrganisationIndex(session)
    lookups = _lookups(ref, index)
    seen_kbo: dict[str, int] = {}
    seen_name: dict[str, list[tuple[int, str | None]]] = defaultdict(list)
    seen_target: dict[int, int] = {}
    first_pass = []
    for line, cells in zip(table.line_numbers, table.rows, strict=True):
        values = row_values(table, cells, usable)
        errors: dict[str, str] = {}
        parsed = _parse(values, ref, errors)
        kbo = kbo_digits(str(parsed.get("kbo_number", "")))
        key = fold(str(parsed.get("name", "")))
        target = index.existing(kbo, "", key)
        _check_in_file(line, kbo, key, target, seen_kbo, seen_name, seen_target, errors)
        first_pass.append((line, values, errors, parsed, target))
    if on_duplicate == "update":
        index.load(row[4] for row in first_pass if row[4] is not None)

    rows: list[PreviewRow] = []
    inputs: list[orgs.OrganisationInput] = []
    total = len(first_pass)
    for done, (line, values, errors, parsed, target) in enumerate(first_pass, start=1):
        if target is not None and on_duplicate == "update":
            data = dataclasses.replace(orgs.get_organisation(session, target), **parsed)
        else:
            data = orgs.OrganisationInput(name=parsed.pop("name", ""), type_id=parsed.pop("type_id", None), **parsed)
        for attribute, message in orgs.validate_organisation(session, data, target, lookups).items():
            errors.setdefault(_ATTRIBUTE_FIELD.get(attribute, attribute), message)
        status, messages = classify(errors, target, on_duplicate, lambda errors=errors: _describe(errors, table, usable),
                                    f"bestaat al als '{index.names[target]}'" if target is not None else "")
        rows.append(PreviewRow(line=line, values=values, status=status, messages=messages, target_id=target))
        inputs.append(data)
        report(progress, done, total)
    return ImportPreview(rows=rows, source=table.source), inputs, ref, index


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


def _parse(values: dict[str, str], ref: ReferenceData, errors: dict[str, str]) -> dict[str, object]:
    """OrganisationInput attributes for the non-empty cells; cell errors go into `errors` by field key."""
    parsed: dict[str, object] = {}
    for key in _TEXT_FIELDS:
        if values.get(key):
            parsed[key] = pad_kbo(values[key]) if key == "kbo_number" else values[key]
    if text := values.get("type"):
        type_id = ref.type_id(text)
        if type_id is None:
            errors["type"] = f"'{text}' is geen gekend type (kies uit: {ref.type_labels()})."
        else:
            parsed["type_id"] = type_id
    if text := values.get("seat"):
        nis = ref.municipality(text)
        if nis is None:
            errors["seat"] = f"onbekende gemeente '{text}' (gebruik de naam of de NIS-code, bv. 24008)."
        else:
            parsed["seat_nis_code"] = nis
    if text := values.get("municipalities"):
        codes, unknown = resolve_many(text, ref.municipality)
        if unknown:
            errors["municipalities"] = f"onbekende gemeente(n): {', '.join(repr(u) for u in unknown)}."
        parsed["municipality_codes"] = codes
    if text := values.get("categories"):
        ids, unknown = resolve_many(text, ref.category_id)
        if unknown:
            errors["categories"] = f"onbekende dienstencategorie(ën): {', '.join(repr(u) for u in unknown)}."
        parsed["category_ids"] = ids
    if text := values.get("target_group_employees"):
        try:
            number = parse_number(text)
        except ValueError as exc:
            errors["target_group_employees"] = f"{exc}."
        else:
            if number != number.to_integral_value():
                errors["target_group_employees"] = f"'{text}' is geen geheel aantal."
            else:
                parsed["target_group_employees"] = int(number)
    return parsed


def _check_in_file(line, kbo, key, target, seen_kbo, seen_name, seen_target, errors) -> None:
    """Duplicates within the file are errors on the later row (`key`: the folded name)."""
    if kbo:
        if kbo in seen_kbo:
            errors.setdefault("kbo_number", f"dubbel in het bestand: zelfde KBO-nummer als rij {seen_kbo[kbo]}.")
        else:
            seen_kbo[kbo] = line
    if key:
        for other_line, other_kbo in seen_name[key]:
            if not (kbo and other_kbo and kbo != other_kbo):
                errors.setdefault("name", f"dubbel in het bestand: zelfde naam als rij {other_line}.")
                break
        seen_name[key].append((line, kbo))
    if target is not None:
        if target in seen_target and not errors:
            errors["name"] = f"dubbel in het bestand: dezelfde bestaande organisatie als rij {seen_target[target]}."
        seen_target.setdefault(target, line)
