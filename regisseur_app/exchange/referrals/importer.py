"""Import existing referral spreadsheets (Excel/CSV): mapping, preview, validation, all-or-nothing.

Privacy first: before any row is looked at, every column of the file (mapped or not) is checked.
A column whose header names a person attribute or whose values mostly look like "Voornaam Achternaam"
refuses the whole file (MappingError), and a cell holding a rijksregister- or BIS-number is an error
on its row. Nothing of such a file is imported. The history is built from the date columns: referral,
screening, decision, start of work, exit, closing - each step checked by the same state machine as
in the app.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from regisseur_app.domain.core.codelists import (
    REFERRAL_AGE_GROUP,
    REFERRAL_TYPE,
    REFERRAL_WORK_FORM,
    CodeItem,
    find_item,
)
from regisseur_app.domain.core.municipalities import Municipality, find_municipality
from regisseur_app.domain.core.organisations import Organisation
from regisseur_app.domain.referrals import audit
from regisseur_app.domain.referrals import service as svc
from regisseur_app.domain.referrals.models import (
    CLOSED,
    DROPPED_OUT,
    NEGATIVE,
    NO_FOLLOW_UP,
    POSITIVE,
    REFERRED,
    REGULAR_WORK,
    SCREENING,
    STARTED,
    Referral,
)
from regisseur_app.domain.referrals.privacy import name_column_reason, national_number_error, note_warnings
from regisseur_app.exchange.core.lookups import Memo, OrganisationIndex
from regisseur_app.exchange.importing import (
    ERROR,
    NEW,
    SKIP,
    FieldSet,
    ImportPreview,
    ImportRejected,
    ImportResult,
    MappingError,
    PreviewRow,
    ProgressCallback,
    check_mapping,
    check_on_duplicate,
    column_label,
    report,
    row_values,
    two_phases,
)
from regisseur_app.exchange.tabular import RawTable
from regisseur_app.formatting import parse_date
from regisseur_app.storage.engine import fold

REFERRAL_FIELDS = FieldSet(
    {
        "municipality": "Gemeente", "referral_date": "Doorverwijsdatum", "type": "Soort doorverwijzing",
        "work_form": "Beoogde werkvorm", "age_group": "Leeftijdscategorie", "leefloon": "Leefloon",
        "internal_reference": "Interne referentie", "screening_date": "Datum screening", "decision": "Beslissing",
        "decision_date": "Datum beslissing", "organisation": "Organisatie tewerkstelling",
        "start_date": "Datum start tewerkstelling", "exit": "Uitstroom", "exit_date": "Datum uitstroom",
        "closed_date": "Datum afgesloten", "note": "Notitie",
    },
    required=("municipality", "referral_date", "type"),
    synonyms={
        "municipality": ("ocmw", "doorverwijzende gemeente", "gemeente ocmw"),
        "referral_date": ("datum doorverwijzing", "datum", "verwezen op", "datum verwijzing"),
        "type": ("soort", "type", "type doorverwijzing", "dienst"),
        "work_form": ("werkvorm", "beoogde tewerkstelling"),
        "age_group": ("leeftijd", "leeftijdsgroep"),
        "leefloon": ("leefloongerechtigd", "leefloner"),
        "internal_reference": ("referentie", "dossiernummer", "dossier", "ref"),
        "screening_date": ("screening", "start screening"),
        "decision": ("resultaat screening", "beslissing screening", "uitkomst"),
        "decision_date": ("beslist op",),
        "organisation": ("organisatie", "werkplek", "tewerkstellingsplaats"),
        "start_date": ("start tewerkstelling", "datum start"),
        "exit": ("uitkomst traject", "resultaat"),
        "exit_date": ("datum uitstroom", "uitstroomdatum"),
        "closed_date": ("afgesloten", "datum afsluiting"),
        "note": ("opmerking", "opmerkingen", "notities", "commentaar"),
    },
)
DECISION_WORDS = {"positief": POSITIVE, "negatief": NEGATIVE, "geen opvolging": NO_FOLLOW_UP,
                  "geen_opvolging": NO_FOLLOW_UP}
EXIT_WORDS = {"doorstroom": REGULAR_WORK, "doorstroom naar regulier werk": REGULAR_WORK,
              "regulier werk": REGULAR_WORK, "uitval": DROPPED_OUT}
YES = {"ja", "j", "yes", "1", "x", "waar", "true"}
NO = {"nee", "n", "no", "0", "onwaar", "false"}
_DATES = ("referral_date", "screening_date", "decision_date", "start_date", "exit_date", "closed_date")


@dataclass
class _Planned:
    data: svc.ReferralInput
    steps: list[svc.StepInput] = field(default_factory=list)


def _known_labels(session: Session) -> set[str]:
    labels = {fold(n) for n in session.scalars(select(Municipality.name))}
    labels |= {fold(n) for n in session.scalars(select(Organisation.name))}
    labels |= {fold(n) for n in session.scalars(select(CodeItem.label))}
    return labels


def check_privacy_of_columns(session: Session, table: RawTable) -> None:
    """Refuse the file when a column holds (or is titled as) names of people."""
    known = _known_labels(session)
    for index, header in enumerate(table.headers):
        values = [row[index] for row in table.rows[:500]]
        reason = name_column_reason(header, values, known)
        if reason:
            raise MappingError(
                f"'{table.source}', kolom {index + 1} ('{header}') wordt geweigerd: {reason}. Regisseur bewaart "
                "geen namen of andere identificerende gegevens van personen. Verwijder die kolom uit het bestand "
                "en probeer opnieuw; er is niets ingelezen.")


def preview_referrals(session: Session, table: RawTable, mapping: dict[str, int | None], on_duplicate: str = "skip",
                      progress: ProgressCallback | None = None, today: date | None = None) -> ImportPreview:
    return _analyse(session, table, mapping, on_duplicate, progress, today)[0]


def import_referrals(session: Session, table: RawTable, mapping: dict[str, int | None], on_duplicate: str = "skip",
                     progress: ProgressCallback | None = None, today: date | None = None) -> ImportResult:
    """Create every row's referral with its history in `session`, or raise ImportRejected (nothing written)."""
    checking, writing = two_phases(progress)
    preview, plans = _analyse(session, table, mapping, on_duplicate, checking, today)
    if not preview.ok:
        raise ImportRejected(preview)
    today = today or date.today()
    created = skipped = 0
    for done, (row, plan) in enumerate(zip(preview.rows, plans, strict=True), start=1):
        if row.status == NEW:
            referral_id, _code = svc.create_referral(session, plan.data, today, action=audit.IMPORTED)
            for step in plan.steps:
                svc.add_step(session, referral_id, step, today)
            created += 1
        else:
            skipped += 1
        report(writing, done, len(preview.rows))
    session.flush()
    return ImportResult(created=created, updated=0, skipped=skipped)


def _analyse(session: Session, table: RawTable, mapping: dict[str, int | None], on_duplicate: str,
             progress: ProgressCallback | None, today: date | None) -> tuple[ImportPreview, list[_Planned]]:
    check_on_duplicate(on_duplicate)
    usable = check_mapping(table, mapping, REFERRAL_FIELDS)
    check_privacy_of_columns(session, table)
    today = today or date.today()
    lookups = {
        "municipality": Memo(lambda t: find_municipality(session, t)),
        "type": Memo(lambda t: find_item(session, REFERRAL_TYPE, t)),
        "work_form": Memo(lambda t: find_item(session, REFERRAL_WORK_FORM, t)),
        "age_group": Memo(lambda t: find_item(session, REFERRAL_AGE_GROUP, t)),
    }
    organisations = OrganisationIndex(session)
    existing = {(nis, ref) for nis, ref in session.execute(
        select(Referral.nis_code, Referral.internal_reference).where(Referral.internal_reference != ""))}
    seen: dict[tuple[str, str], int] = {}
    rows, plans = [], []
    total = len(table.rows)
    unmapped = [i for i in range(len(table.headers)) if i not in usable.values()]
    for done, (line, cells) in enumerate(zip(table.line_numbers, table.rows, strict=True), start=1):
        values = row_values(table, cells, usable)
        errors: dict[str, str] = {}
        for index in unmapped:
            if message := national_number_error(f"kolom '{table.headers[index]}'", cells[index]):
                errors.setdefault(f"col{index}", message)
        for key, text in values.items():
            if message := national_number_error("deze cel", text):
                errors.setdefault(key, message)
        plan = _plan(session, values, lookups, organisations, errors, today)
        status, messages = NEW, []
        key = (plan.data.nis_code, plan.data.internal_reference.strip()) if plan else None
        if plan and key[1]:
            if key in seen:
                errors.setdefault("internal_reference", f"dubbel in het bestand: zelfde referentie als rij {seen[key]}.")
            seen.setdefault(key, line)
        if errors:
            status = ERROR
            messages = [_label(table, usable, k) + ": " + m for k, m in errors.items()]
        elif key and key[1] and key in existing:
            if on_duplicate == "update":
                status, messages = ERROR, [
                    "bestaat al (zelfde gemeente en interne referentie); bestaande doorverwijzingen worden niet via "
                    "een import bijgewerkt. Kies 'Bestaande overslaan'."]
            else:
                status, messages = SKIP, ["bestaat al (zelfde gemeente en interne referentie): wordt overgeslagen"]
        elif plan:
            messages = [f"{len(plan.steps) + 1} stap(pen)"] + [
                f"let op: {w}" for step in plan.steps for w in note_warnings(step.note)] + [
                f"let op: {w}" for w in note_warnings(plan.data.note)]
        rows.append(PreviewRow(line=line, values=values, status=status, messages=messages))
        plans.append(plan)
        report(progress, done, total)
    return ImportPreview(rows=rows, source=table.source), plans


def _label(table: RawTable, usable: dict[str, int], key: str) -> str:
    if key.startswith("col"):
        return f"kolom {int(key[3:]) + 1}"
    if key in REFERRAL_FIELDS:
        return column_label(REFERRAL_FIELDS, table, usable, key)
    return {"nis_code": REFERRAL_FIELDS["municipality"], "type_id": REFERRAL_FIELDS["type"],
            "work_form_id": REFERRAL_FIELDS["work_form"], "age_group_id": REFERRAL_FIELDS["age_group"],
            "organisation_id": REFERRAL_FIELDS["organisation"], "status": "Statusverloop",
            "step_date": "Datum van een stap"}.get(key, key)


def _plan(session: Session, values: dict[str, str], lookups: dict, organisations: OrganisationIndex,
          errors: dict[str, str], today: date) -> _Planned | None:
    dates: dict[str, date | None] = {}
    for key in _DATES:
        text = values.get(key, "")
        dates[key] = None
        if text:
            try:
                dates[key] = parse_date(text.split(" ")[0])
            except ValueError as exc:
                errors.setdefault(key, f"{exc}.")
    ids: dict[str, int | None] = {}
    for key, noun in (("municipality", "gemeente"), ("type", "soort"), ("work_form", "werkvorm"),
                      ("age_group", "leeftijdscategorie")):
        text = values.get(key, "")
        ids[key] = lookups[key](text) if text else None
        if text and ids[key] is None:
            errors.setdefault(key, f"onbekende {noun} '{text}'.")
    leefloon = None
    if text := fold(values.get("leefloon", "")):
        if text in YES:
            leefloon = True
        elif text in NO:
            leefloon = False
        else:
            errors.setdefault("leefloon", f"'{values['leefloon']}' is geen ja of nee.")
    data = svc.ReferralInput(nis_code=ids["municipality"], referral_date=dates["referral_date"], type_id=ids["type"],
                             work_form_id=ids["work_form"], age_group_id=ids["age_group"], leefloon=leefloon,
                             internal_reference=values.get("internal_reference", ""), note=values.get("note", ""))
    for key, message in svc.validate_referral(session, data, today, creating=True).items():
        errors.setdefault({"nis_code": "municipality", "type_id": "type", "work_form_id": "work_form",
                           "age_group_id": "age_group"}.get(key, key), message)
    if errors:
        return None
    return _history(session, values, data, dates, organisations, errors, today)


def _history(session: Session, values: dict[str, str], data: svc.ReferralInput, dates: dict[str, date | None],
             organisations: OrganisationIndex, errors: dict[str, str], today: date) -> _Planned | None:
    plan = _Planned(data)
    decision_text = fold(values.get("decision", ""))
    decision = DECISION_WORDS.get(decision_text) if decision_text else None
    if decision_text and decision is None:
        errors["decision"] = f"'{values['decision']}' is geen beslissing (positief, negatief of geen opvolging)."
    exit_text = fold(values.get("exit", ""))
    exit_status = EXIT_WORDS.get(exit_text) if exit_text else None
    if exit_text and exit_status is None:
        errors["exit"] = f"'{values['exit']}' is geen uitstroom (doorstroom of uitval)."
    organisation_id = None
    if text := values.get("organisation", ""):
        organisation_id = organisations.find(text)
        if organisation_id is None:
            errors["organisation"] = f"'{text}' staat niet in de inventaris van organisaties."
    if dates["decision_date"] and not decision:
        errors["decision"] = "er is een datum van beslissing maar geen beslissing (positief, negatief, geen opvolging)."
    if decision and not dates["decision_date"]:
        errors["decision_date"] = "vul de datum van de beslissing in."
    if exit_status and not dates["exit_date"]:
        errors["exit_date"] = "vul de datum van de uitstroom in."
    if errors:
        return None
    wanted = [(SCREENING, dates["screening_date"], None), (decision, dates["decision_date"], None),
              (STARTED if dates["start_date"] else None, dates["start_date"], organisation_id),
              (exit_status, dates["exit_date"], None), (CLOSED if dates["closed_date"] else None, dates["closed_date"], None)]
    probe = Referral(code="(nieuw)", status=REFERRED, status_date=data.referral_date)
    for status, when, org in wanted:
        if status is None or (status == SCREENING and when is None):
            continue
        step = svc.StepInput(status, when, organisation_id=org)
        step_errors = svc.validate_step(session, probe, step, today)
        if step_errors:
            errors.update({k: v.replace("(nieuw): ", "") for k, v in step_errors.items()})
            return None
        probe.status, probe.status_date = status, when
        plan.steps.append(step)
    return plan
