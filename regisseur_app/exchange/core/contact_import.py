"""Import contacts from a RawTable; the organisation is matched on KBO number or name (must exist)."""

from __future__ import annotations

import dataclasses

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from regisseur_app.domain.core import contact_service as contacts
from regisseur_app.domain.core.organisations import Contact
from regisseur_app.exchange.core.lookups import OrganisationIndex, ReferenceData, resolve_many
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
from regisseur_app.storage.engine import fold

CONTACT_FIELDS = FieldSet(
    {
        "name": "Naam", "function": "Functie", "organisation": "Organisatie", "email": "E-mail",
        "phone": "Telefoon", "municipalities": "Gemeenten", "notes": "Opmerkingen",
    },
    required=("name",),
    synonyms={
        "name": ("contactpersoon", "naam contactpersoon", "volledige naam", "contact", "persoon"),
        "function": ("rol", "functietitel", "titel", "job"),
        "organisation": ("organisatienaam", "naam organisatie", "bedrijf", "werkgever", "kbo", "kbo-nummer",
                         "ondernemingsnummer"),
        "email": ("email", "e-mailadres", "emailadres", "mail", "mailadres"),
        "phone": ("tel", "tel.", "telefoonnummer", "gsm", "gsm-nummer", "mobiel", "telefoon/gsm"),
        "municipalities": ("gemeente", "actief in", "werkingsgebied"),
        "notes": ("opmerking", "notities", "nota", "commentaar", "toelichting"),
    },
)
CONTACT_REQUIRED = CONTACT_FIELDS.required

_ATTRIBUTE_FIELD = {
    "name": "name", "function": "function", "organisation_id": "organisation", "email": "email", "phone": "phone",
    "municipality_codes": "municipalities", "notes": "notes",
}
_TEXT_FIELDS = ("name", "function", "email", "phone", "notes")


def preview_contacts(session: Session, table: RawTable, mapping: dict[str, int | None],
                     on_duplicate: str = "skip", progress: ProgressCallback | None = None) -> ImportPreview:
    """Check every row without writing. Raises MappingError when a required field has no column."""
    return _analyse(session, table, mapping, on_duplicate, progress)[0]


def import_contacts(session: Session, table: RawTable, mapping: dict[str, int | None],
                    on_duplicate: str = "skip", progress: ProgressCallback | None = None) -> ImportResult:
    """Write every row in `session`, or raise ImportRejected (nothing written) when a row has an error."""
    checking, writing = two_phases(progress)
    preview, inputs, ref, existing = _analyse(session, table, mapping, on_duplicate, checking)
    return write_rows(session, preview, inputs, _writer(session, ref, existing), writing)


class _ExistingContacts:
    """Which rows can be duplicates at all (e-mail or name seen), so find_contact runs only for those."""

    def __init__(self, session: Session):
        self.session = session
        self.emails: set[str] = set()
        self.names: set[str] = set()
        for email, name in session.execute(select(Contact.email, Contact.name)):
            if email:
                self.emails.add(email.strip().lower())
            self.names.add(fold(name))
        self.loaded: dict[int, Contact] = {}

    def find(self, name: str, email: str, organisation_id: int | None) -> int | None:
        if (email and email in self.emails) or fold(name) in self.names:
            return contacts.find_contact(self.session, name, email, organisation_id)
        return None

    def load(self, contact_ids) -> None:
        wanted = sorted(set(contact_ids) - set(self.loaded))
        for start in range(0, len(wanted), 500):
            query = select(Contact).where(Contact.id.in_(wanted[start:start + 500])).options(
                selectinload(Contact.municipalities))
            self.loaded.update((c.id, c) for c in self.session.scalars(query))


def _analyse(session, table, mapping, on_duplicate, progress):
    check_on_duplicate(on_duplicate)
    usable = check_mapping(table, mapping, CONTACT_FIELDS)
    ref, organisations, existing = ReferenceData(session), OrganisationIndex(session), _ExistingContacts(session)
    seen_email: dict[str, int] = {}
    seen_person: dict[tuple[str, int | None], int] = {}
    seen_target: dict[int, int] = {}
    first_pass = []
    for line, cells in zip(table.line_numbers, table.rows, strict=True):
        values = row_values(table, cells, usable)
        errors: dict[str, str] = {}
        parsed = _parse(values, ref, organisations, errors)
        name = str(parsed.get("name", ""))
        email = str(parsed.get("email", "")).strip().lower()
        org_id = parsed.get("organisation_id")
        target = existing.find(name, email, org_id) if name and "organisation" not in errors else None
        _check_in_file(line, email, (fold(name), org_id), target, seen_email, seen_person, seen_target, errors)
        first_pass.append((line, values, errors, parsed, target))
    if on_duplicate == "update":
        existing.load(row[4] for row in first_pass if row[4] is not None)

    rows: list[PreviewRow] = []
    inputs: list[contacts.ContactInput] = []
    total = len(first_pass)
    for done, (line, values, errors, parsed, target) in enumerate(first_pass, start=1):
        if target is not None and on_duplicate == "update":
            data = dataclasses.replace(contacts.get_contact(session, target), **parsed)
        else:
            data = contacts.ContactInput(name=parsed.pop("name", ""), **parsed)
        # organisation and municipalities were resolved through the index and find_municipality (they
        # exist); leaving them out of the domain check spares two queries per row
        check = dataclasses.replace(data, organisation_id=None, municipality_codes=[])
        for attribute, message in contacts.validate_contact(session, check).items():
            errors.setdefault(_ATTRIBUTE_FIELD.get(attribute, attribute), message)
        status, messages = classify(errors, target, on_duplicate, lambda errors=errors: _describe(errors, table, usable),
                                    "deze contactpersoon bestaat al")
        rows.append(PreviewRow(line=line, values=values, status=status, messages=messages, target_id=target))
        inputs.append(data)
        report(progress, done, total)
    return ImportPreview(rows=rows, source=table.source), inputs, ref, existing


def _parse(values, ref: ReferenceData, organisations: OrganisationIndex, errors: dict[str, str]) -> dict:
    parsed: dict[str, object] = {key: values[key] for key in _TEXT_FIELDS if values.get(key)}
    if text := values.get("organisation"):
        org_id = organisations.find(text)
        if org_id is None:
            errors["organisation"] = (f"organisatie '{text}' is niet gevonden in Regisseur (controleer de naam "
                                      "of het KBO-nummer, of importeer eerst de organisaties).")
        parsed["organisation_id"] = org_id
    if text := values.get("municipalities"):
        codes, unknown = resolve_many(text, ref.municipality)
        if unknown:
            errors["municipalities"] = f"onbekende gemeente(n): {', '.join(repr(u) for u in unknown)}."
        parsed["municipality_codes"] = codes
    return parsed


def _describe(errors: dict[str, str], table: RawTable, usable: dict[str, int]) -> list[str]:
    return [f"{column_label(CONTACT_FIELDS, table, usable, key)}: {errors[key]}"
            for key in [*CONTACT_FIELDS, *(k for k in errors if k not in CONTACT_FIELDS)] if key in errors]


def _writer(session: Session, ref: ReferenceData, existing: _ExistingContacts):
    """Set the attributes as contact_service.save_contact does, without its per-row queries."""

    def write(data: contacts.ContactInput, contact_id: int | None) -> None:
        contact = Contact() if contact_id is None else existing.loaded[contact_id]
        contacts.apply_fields(contact, data)
        contact.municipalities = [ref.municipalities[code] for code in dict.fromkeys(data.municipality_codes)]
        if contact_id is None:
            session.add(contact)

    return write


def _check_in_file(line, email, person, target, seen_email, seen_person, seen_target, errors) -> None:
    if email:
        if email in seen_email:
            errors.setdefault("email", f"dubbel in het bestand: zelfde e-mailadres als rij {seen_email[email]}.")
        else:
            seen_email[email] = line
    if person[0]:
        if person in seen_person:
            errors.setdefault("name", "dubbel in het bestand: zelfde naam en organisatie als rij "
                                      f"{seen_person[person]}.")
        else:
            seen_person[person] = line
    if target is not None:
        if seen_target.get(target) and not errors:
            errors["name"] = f"dubbel in het bestand: dezelfde bestaande contactpersoon als rij {seen_target[target]}."
        seen_target.setdefault(target, line)
