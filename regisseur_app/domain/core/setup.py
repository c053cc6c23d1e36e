"""First-run set-up: reference data, the association's name and the participating municipalities."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from regisseur_app.domain.core import codelists, municipalities
from regisseur_app.domain.core.base import ValidationError
from regisseur_app.domain.core.settings import ASSOCIATION_NAME, SETUP_DONE, SETUP_YEAR, get_setting, set_setting
from regisseur_app.domain.core.validation import check_no_national_number


def ensure_reference_data(session: Session) -> None:
    municipalities.load_reference_list(session)
    codelists.ensure_defaults(session)


def is_setup_done(session: Session) -> bool:
    return get_setting(session, SETUP_DONE) == "1"


def association_name(session: Session) -> str:
    return get_setting(session, ASSOCIATION_NAME)


def complete_setup(session: Session, name: str, nis_codes: list[str]) -> None:
    name = (name or "").strip()
    if not name:
        raise ValidationError({"association_name": "Vul de naam van de intergemeentelijke vereniging in."})
    if len(name) > 150:
        raise ValidationError({"association_name": "De naam is te lang (maximaal 150 tekens)."})
    errors: dict[str, str] = {}
    check_no_national_number({"association_name": name}, errors)
    if errors:
        raise ValidationError(errors)
    municipalities.set_participating(session, nis_codes)
    set_setting(session, ASSOCIATION_NAME, name)
    set_setting(session, SETUP_DONE, "1")
    if not get_setting(session, SETUP_YEAR):
        set_setting(session, SETUP_YEAR, str(date.today().year))
