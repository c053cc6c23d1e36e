"""Services of the referral log: create, change, move through the status flow (a state machine that
refuses illegal moves), undo a step, and one referral with its history. The list, its filters and
paging are in referral_queries (re-exported here)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from regisseur_app.domain.core.base import ValidationError
from regisseur_app.domain.core.codelists import REFERRAL_AGE_GROUP, REFERRAL_TYPE, REFERRAL_WORK_FORM, CodeItem
from regisseur_app.domain.core.municipalities import Municipality
from regisseur_app.domain.core.organisations import Organisation
from regisseur_app.domain.referrals import audit
from regisseur_app.domain.referrals.models import (
    CLOSED,
    DECISIONS,
    EXITS,
    NOTE_MAX,
    REFERENCE_MAX,
    REFERRED,
    SCREENING,
    STARTED,
    STATUS_LABELS,
    Referral,
    ReferralStep,
    allowed_next,
)
from regisseur_app.domain.referrals.privacy import looks_like_person_name, national_number_error

# the reading side lives in referral_queries; re-exported so screens use one module of services
from regisseur_app.domain.referrals.queries import (  # noqa: F401
    KEYSET_SORTS,
    SORT_COLUMNS,
    ReferralFilter,
    ReferralRow,
    count_referrals,
    list_referrals,
    next_statuses_for,
    organisation_choices,
    referral_years,
    stale_condition,
)
from regisseur_app.domain.referrals.settings import expected_days, next_number, prefix_for
from regisseur_app.formatting import format_date

EARLIEST = date(2000, 1, 1)


@dataclass
class ReferralInput:
    nis_code: str | None
    referral_date: date | None
    type_id: int | None
    work_form_id: int | None = None
    age_group_id: int | None = None
    leefloon: bool | None = None
    internal_reference: str = ""
    note: str = ""  # the note of the first step ("doorverwezen"); only used when creating


@dataclass
class StepInput:
    status: str
    step_date: date | None
    note: str = ""
    organisation_id: int | None = None


@dataclass(frozen=True)
class StepRow:
    position: int
    status: str
    status_label: str
    step_date: date
    note: str
    organisation_name: str
    days_since_previous: int | None


@dataclass(frozen=True)
class ReferralDetail:
    id: int
    code: str
    data: ReferralInput
    municipality: str
    type_label: str
    work_form_label: str
    age_group_label: str
    status: str
    status_date: date
    stale: bool
    expected_days: int | None
    steps: list[StepRow]
    next_statuses: tuple[str, ...]


# ---- validation -------------------------------------------------------------------------------

def _check_item(session: Session, item_id: int | None, list_name: str, key: str, label: str,
                errors: dict[str, str], required: bool) -> None:
    if item_id is None:
        if required:
            errors[key] = f"Kies een {label}."
        return
    item = session.get(CodeItem, item_id)
    if item is None or item.list_name != list_name:
        errors[key] = f"De gekozen {label} bestaat niet (meer)."


def validate_referral(session: Session, data: ReferralInput, today: date, creating: bool,
                      first_step_after: date | None = None) -> dict[str, str]:
    errors: dict[str, str] = {}
    municipality = session.get(Municipality, data.nis_code) if data.nis_code else None
    if municipality is None:
        errors["nis_code"] = "Kies de doorverwijzende gemeente."
    elif creating and not municipality.participating:
        errors["nis_code"] = f"{municipality.name} is geen deelnemende gemeente."
    if data.referral_date is None:
        errors["referral_date"] = "Vul de datum van doorverwijzing in (dd/mm/jjjj)."
    elif data.referral_date > today:
        errors["referral_date"] = f"De doorverwijsdatum ({format_date(data.referral_date)}) ligt in de toekomst."
    elif data.referral_date < EARLIEST:
        errors["referral_date"] = f"De doorverwijsdatum ligt vóór {format_date(EARLIEST)}."
    elif first_step_after is not None and data.referral_date > first_step_after:
        errors["referral_date"] = (f"De doorverwijsdatum kan niet na de volgende stap "
                                   f"({format_date(first_step_after)}) liggen.")
    _check_item(session, data.type_id, REFERRAL_TYPE, "type_id", "soort doorverwijzing", errors, True)
    _check_item(session, data.work_form_id, REFERRAL_WORK_FORM, "work_form_id", "werkvorm", errors, False)
    _check_item(session, data.age_group_id, REFERRAL_AGE_GROUP, "age_group_id", "leeftijdscategorie", errors, False)
    reference = (data.internal_reference or "").strip()
    if len(reference) > REFERENCE_MAX:
        errors["internal_reference"] = f"De interne referentie is te lang (maximaal {REFERENCE_MAX} tekens)."
    elif message := national_number_error("De interne referentie", reference):
        errors["internal_reference"] = message
    elif "@" in reference or looks_like_person_name(reference, set()):
        errors["internal_reference"] = ("De interne referentie lijkt een naam of e-mailadres. Gebruik het "
                                        "dossiernummer van het OCMW, nooit een naam.")
    if creating:
        _check_note(data.note, errors)
    return errors


def _check_note(note: str, errors: dict[str, str]) -> None:
    if len(note or "") > NOTE_MAX:
        errors["note"] = f"De notitie is te lang ({len(note)} tekens; maximaal {NOTE_MAX})."
    elif message := national_number_error("De notitie", note):
        errors["note"] = message


def validate_step(session: Session, referral: Referral, step: StepInput, today: date) -> dict[str, str]:
    errors: dict[str, str] = {}
    if step.status not in allowed_next(referral.status):
        allowed = ", ".join(STATUS_LABELS[s] for s in allowed_next(referral.status)) or "geen (afgesloten)"
        errors["status"] = (f"{referral.code}: van '{STATUS_LABELS.get(referral.status, referral.status)}' kan niet "
                            f"naar '{STATUS_LABELS.get(step.status, step.status)}'. Toegelaten: {allowed}.")
    if step.step_date is None:
        errors["step_date"] = "Vul de datum van deze stap in (dd/mm/jjjj)."
    elif step.step_date > today:
        errors["step_date"] = f"De datum ({format_date(step.step_date)}) ligt in de toekomst."
    elif step.step_date < referral.status_date:
        errors["step_date"] = (f"{referral.code}: de datum ({format_date(step.step_date)}) ligt vóór de vorige stap "
                               f"({format_date(referral.status_date)}).")
    if step.status == STARTED:
        org = session.get(Organisation, step.organisation_id) if step.organisation_id else None
        if org is None:
            errors["organisation_id"] = "Kies de organisatie (uit de inventaris) waar de tewerkstelling start."
    _check_note(step.note, errors)
    return errors


# ---- writing ----------------------------------------------------------------------------------

def create_referral(session: Session, data: ReferralInput, today: date | None = None,
                    action: str = audit.CREATED) -> tuple[int, str]:
    """Create a referral with its first step "doorverwezen". Returns (id, generated code)."""
    today = today or date.today()
    errors = validate_referral(session, data, today, creating=True)
    if errors:
        raise ValidationError(errors)
    referral = Referral(code=new_code(session, data.nis_code, data.referral_date.year), status=REFERRED,
                        status_date=data.referral_date)
    _apply(referral, data)
    referral.steps = [ReferralStep(position=1, status=REFERRED, step_date=data.referral_date,
                                   note=(data.note or "").strip())]
    session.add(referral)
    session.flush()
    audit.log(session, action, referral.code, "status", "", STATUS_LABELS[REFERRED])
    return referral.id, referral.code


def new_code(session: Session, nis_code: str, year: int) -> str:
    prefix = prefix_for(session, nis_code)
    while True:
        code = f"{prefix}-{year}-{next_number(session, prefix, year):04d}"
        if session.scalar(select(Referral.id).where(Referral.code == code)) is None:
            return code


def _apply(referral: Referral, data: ReferralInput) -> None:
    referral.nis_code = data.nis_code
    referral.referral_date = data.referral_date
    referral.type_id = data.type_id
    referral.work_form_id = data.work_form_id
    referral.age_group_id = data.age_group_id
    referral.leefloon = data.leefloon
    referral.internal_reference = (data.internal_reference or "").strip()


def update_referral(session: Session, referral_id: int, data: ReferralInput, today: date | None = None) -> None:
    """Change the attributes (not the history). Every changed field goes to the audit log."""
    today = today or date.today()
    referral = _get(session, referral_id)
    later = [s.step_date for s in referral.steps if s.position > 1]
    errors = validate_referral(session, data, today, creating=False, first_step_after=min(later, default=None))
    if errors:
        raise ValidationError(errors)
    before = _audit_values(session, referral)
    _apply(referral, data)
    referral.steps[0].step_date = data.referral_date
    _sync(referral)
    session.flush()
    after = _audit_values(session, referral)
    for name, old in before.items():
        if after[name] != old:
            if name == "interne referentie":
                audit.log(session, audit.CHANGED, referral.code, name, "(vorige waarde)", "(gewijzigd)")
            else:
                audit.log(session, audit.CHANGED, referral.code, name, old, after[name])


def _audit_values(session: Session, r: Referral) -> dict[str, str]:
    def label(item_id: int | None) -> str:
        item = session.get(CodeItem, item_id) if item_id else None
        return item.label if item else ""

    municipality = session.get(Municipality, r.nis_code)
    return {"gemeente": municipality.name if municipality else r.nis_code,
            "doorverwijsdatum": format_date(r.referral_date), "soort": label(r.type_id),
            "werkvorm": label(r.work_form_id), "leeftijdscategorie": label(r.age_group_id),
            "leefloon": {True: "ja", False: "nee", None: "onbekend"}[r.leefloon],
            "interne referentie": r.internal_reference}


def add_step(session: Session, referral_id: int, step: StepInput, today: date | None = None) -> None:
    today = today or date.today()
    referral = _get(session, referral_id)
    errors = validate_step(session, referral, step, today)
    if errors:
        raise ValidationError(errors)
    _append(session, referral, step)


def _append(session: Session, referral: Referral, step: StepInput) -> None:
    old = referral.status
    referral.steps.append(ReferralStep(
        position=len(referral.steps) + 1, status=step.status, step_date=step.step_date,
        note=(step.note or "").strip(), organisation_id=step.organisation_id if step.status == STARTED else None))
    _sync(referral)
    audit.log(session, audit.STEP, referral.code, "status", STATUS_LABELS[old],
              f"{STATUS_LABELS[step.status]} ({format_date(step.step_date)})")


def bulk_add_step(session: Session, referral_ids: list[int], step: StepInput, today: date | None = None) -> int:
    """The same step for every selected referral, all or nothing. Raises ValidationError naming the codes."""
    today = today or date.today()
    referrals = list(session.scalars(select(Referral).where(Referral.id.in_(referral_ids)).order_by(Referral.code)))
    problems = []
    for referral in referrals:
        errors = validate_step(session, referral, step, today)
        if errors:
            problems.append(next(iter(errors.values())))
    if len(referrals) != len(set(referral_ids)):
        problems.append("Een of meer gekozen doorverwijzingen bestaan niet meer.")
    if problems:
        shown = problems[:8] + ([f"… en nog {len(problems) - 8} andere."] if len(problems) > 8 else [])
        raise ValidationError({"bulk": f"Niets gewijzigd: {len(problems)} van de {len(referral_ids)} "
                                       "doorverwijzingen kunnen deze stap niet krijgen.\n" + "\n".join(shown)})
    for referral in referrals:
        _append(session, referral, step)
    return len(referrals)


def undo_last_step(session: Session, referral_id: int) -> str:
    """Remove the newest step (a correction). The first step cannot be removed. Returns the new status."""
    referral = _get(session, referral_id)
    if len(referral.steps) <= 1:
        raise ValidationError({"status": "De eerste stap (doorverwezen) kan niet teruggedraaid worden. "
                                         "Wis de doorverwijzing als ze een vergissing was."})
    last = referral.steps[-1]
    referral.steps.remove(last)
    _sync(referral)
    audit.log(session, audit.STEP_UNDONE, referral.code, "status",
              f"{STATUS_LABELS[last.status]} ({format_date(last.step_date)})", STATUS_LABELS[referral.status])
    return referral.status


def _sync(referral: Referral) -> None:
    """Copy the milestones of the history onto the referral (for fast lists and statistics)."""
    steps = sorted(referral.steps, key=lambda s: s.position)
    last = steps[-1]
    referral.status, referral.status_date = last.status, last.step_date
    referral.screening_date = referral.decision = referral.decision_date = referral.start_date = None
    referral.organisation_id = referral.exit = referral.exit_date = referral.closed_date = None
    for step in steps:
        if step.status == SCREENING:
            referral.screening_date = step.step_date
        elif step.status in DECISIONS:
            referral.decision, referral.decision_date = step.status, step.step_date
        elif step.status == STARTED:
            referral.start_date, referral.organisation_id = step.step_date, step.organisation_id
        elif step.status in EXITS:
            referral.exit, referral.exit_date = step.status, step.step_date
        elif step.status == CLOSED:
            referral.closed_date = step.step_date


def _get(session: Session, referral_id: int) -> Referral:
    referral = session.get(Referral, referral_id)
    if referral is None:
        raise ValidationError({"code": "Deze doorverwijzing bestaat niet meer (gewist of teruggezet)."})
    return referral


# ---- reading ----------------------------------------------------------------------------------

def find_by_code(session: Session, code: str) -> int | None:
    return session.scalar(select(Referral.id).where(Referral.code == (code or "").strip().upper()))


def get_referral(session: Session, referral_id: int, today: date | None = None) -> ReferralDetail | None:
    today = today or date.today()
    r = session.get(Referral, referral_id)
    if r is None:
        return None
    expected = expected_days(session)
    labels = _labels(session, [r.type_id, r.work_form_id, r.age_group_id])
    org_ids = [s.organisation_id for s in r.steps if s.organisation_id]
    orgs = dict(session.execute(select(Organisation.id, Organisation.name).where(Organisation.id.in_(org_ids)))
                .all()) if org_ids else {}
    steps, previous = [], None
    for s in r.steps:
        steps.append(StepRow(s.position, s.status, STATUS_LABELS[s.status], s.step_date, s.note,
                             orgs.get(s.organisation_id, ""),
                             None if previous is None else (s.step_date - previous).days))
        previous = s.step_date
    municipality = session.get(Municipality, r.nis_code)
    limit = expected.get(r.status)
    return ReferralDetail(
        id=r.id, code=r.code,
        data=ReferralInput(r.nis_code, r.referral_date, r.type_id, r.work_form_id, r.age_group_id, r.leefloon,
                           r.internal_reference),
        municipality=municipality.name if municipality else r.nis_code, type_label=labels.get(r.type_id, ""),
        work_form_label=labels.get(r.work_form_id, ""), age_group_label=labels.get(r.age_group_id, ""),
        status=r.status, status_date=r.status_date,
        stale=limit is not None and (today - r.status_date).days > limit, expected_days=limit,
        steps=steps, next_statuses=allowed_next(r.status))


def _labels(session: Session, ids: list[int | None]) -> dict[int, str]:
    wanted = [i for i in ids if i]
    return dict(session.execute(select(CodeItem.id, CodeItem.label).where(CodeItem.id.in_(wanted))).all())
