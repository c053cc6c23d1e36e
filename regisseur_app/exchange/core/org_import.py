"""Import organisations from a RawTable: map, preview (nieuw/bijwerken/overslaan/fout), write all or nothing."""

from __future__ import annotations

import dataclasses
from collections import defaultdict

from sqlalchemy import insert
from sqlalchemy.orm import Session

from regisseur_app.domain.core import organisation_service as orgs
from regisseur_app.domain.core.organisations import Organisation, organisation_category, organisation_municipality
from regisseur_app.exchange.core.lookups import OrganisationIndex, ReferenceData, kbo_digits, pad_kbo, resolve_many
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
    write_rows,
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
    return _analyse(session, table, mapping, on_duplicate, progress)[0]


def import_organisations(session: Session, table: RawTable, mapping: dict[str, int | None],
                         on_duplicate: str = "skip", progress: ProgressCallback | None = None) -> ImportResult:
    """Write every row in `session`, or raise ImportRejected (nothing written) when a row has an error."""
    checking, writing = two_phases(progress)
    preview, inputs, ref, index = _analyse(session, table, mapping, on_duplicate, checking)
    return write_rows(session, preview, inputs, _Writer(session, ref, index), writing)


def _analyse(session, table, mapping, on_duplicate, progress):
    check_on_duplicate(on_duplicate)
    usable = check_mapping(table, mapping, ORGANISATION_FIELDS)
    ref, index = ReferenceData(session), OrganisationIndex(session)
    seen_kbo: dict[str, int] = {}
    seen_name: dict[str, list[tuple[int, str | None]]] = defaultdict(list)
    seen_target: dict[int, int] = {}
    first_pass = []
    for line, cells in zip(table.line_numbers, table.rows, strict=True):
        values = row_values(table, cells, usable)
        errors: dict[str, str] = {}
        parsed = _parse(values, ref, errors)
        kbo = kbo_digits(str(parsed.get("kbo_number", "")))
        name = str(parsed.get("name", ""))
        target = index.existing(kbo, name)
        _check_in_file(line, kbo, name, target, seen_kbo, seen_name, seen_target, errors)
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
        for attribute, message in orgs.validate_organisation(session, _without_checked(data), target).items():
            errors.setdefault(_ATTRIBUTE_FIELD.get(attribute, attribute), message)
        status, messages = classify(errors, target, on_duplicate, lambda errors=errors: _describe(errors, table, usable),
                                    f"bestaat al als '{index.names[target]}'" if target is not None else "")
        rows.append(PreviewRow(line=line, values=values, status=status, messages=messages, target_id=target))
        inputs.append(data)
        report(progress, done, total)
    return ImportPreview(rows=rows, source=table.source), inputs, ref, index


def _without_checked(data: orgs.OrganisationInput) -> orgs.OrganisationInput:
    """The input for validate_organisation, minus what the importer already checked with dict lookups.

    Municipalities and categories were resolved through find_municipality/find_item (so they exist);
    a valid KBO number either belongs to the matched organisation (own_id) or to none. Leaving them out
    spares three queries per row; everything else (name, type, postcode, website, number of target-group
    employees, the national-number guard) is still checked by the domain validator.
    """
    kbo = "" if kbo_digits(data.kbo_number) else data.kbo_number
    return dataclasses.replace(data, kbo_number=kbo, municipality_codes=[], category_ids=[])


def _describe(errors: dict[str, str], table: RawTable, usable: dict[str, int]) -> list[str]:
    return [f"{column_label(ORGANISATION_FIELDS, table, usable, key)}: {errors[key]}"
            for key in [*ORGANISATION_FIELDS, *(k for k in errors if k not in ORGANISATION_FIELDS)] if key in errors]


class _Writer:
    """Store rows like organisation_service.save_organisation (same apply_fields), without its per-row queries.

    New organisations get their municipalities and categories as plain link rows after the flush
    that gave them an id (the ORM's many-to-many bookkeeping would double the time of a large import).
    """

    def __init__(self, session: Session, ref: ReferenceData, index: OrganisationIndex):
        self.session, self.ref, self.index = session, ref, index
        self.pending: list[tuple[Organisation, list[str], list[int]]] = []

    def __call__(self, data: orgs.OrganisationInput, org_id: int | None) -> None:
        org = Organisation() if org_id is None else self.index.get(org_id)
        orgs.apply_fields(org, data)
        codes, ids = list(dict.fromkeys(data.municipality_codes)), list(dict.fromkeys(data.category_ids))
        if org_id is None:
            self.session.add(org)
            self.pending.append((org, codes, ids))
        else:
            org.municipalities = [self.ref.municipalities[code] for code in codes]
            org.categories = [self.ref.code_items[item_id] for item_id in ids]

    def after_flush(self) -> None:
        links = [{"organisation_id": org.id, "nis_code": code} for org, codes, _ in self.pending for code in codes]
        categories = [{"organisation_id": org.id, "category_id": i} for org, _, ids in self.pending for i in ids]
        if links:
            self.session.execute(insert(organisation_municipality), links)
        if categories:
            self.session.execute(insert(organisation_category), categories)
        for org, _, _ in self.pending:  # the collections were loaded empty before the link rows existed
            self.session.expire(org, ["municipalities", "categories"])
        self.pending = []


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


def _check_in_file(line, kbo, name, target, seen_kbo, seen_name, seen_target, errors) -> None:
    """Duplicates within the file are errors on the later row."""
    if kbo:
        if kbo in seen_kbo:
            errors.setdefault("kbo_number", f"dubbel in het bestand: zelfde KBO-nummer als rij {seen_kbo[kbo]}.")
        else:
            seen_kbo[kbo] = line
    key = fold(name)
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
