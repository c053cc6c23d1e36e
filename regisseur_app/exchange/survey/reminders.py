"""Reminders to invited respondents who have not answered: one .eml draft each (the events' .eml code)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy.orm import Session

from regisseur_app.domain.core.base import ValidationError
from regisseur_app.domain.core.setup import association_name
from regisseur_app.domain.core.validation import is_valid_email
from regisseur_app.domain.survey import respondents
from regisseur_app.domain.survey.models import Survey
from regisseur_app.exchange.events.eml import draft_message
from regisseur_app.exchange.events.ics import safe_file_name, write_bytes


@dataclass
class ReminderResult:
    written: list[Path] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    reminded_ids: list[int] = field(default_factory=list)


def reminder_text(survey: Survey, name: str, organisation: str, sender: str) -> str:
    lines = [f"Beste {name or 'collega'},", "",
             f"Enige tijd geleden vroegen we {organisation or 'u'} om de vragenlijst '{survey.title}' in te vullen. "
             "We hebben uw antwoorden nog niet ontvangen.", "",
             "Uw antwoorden helpen om het aanbod van de sociale economie af te stemmen op de noden van uw gemeente "
             "en van de regio. Invullen duurt ongeveer tien minuten.", "",
             "Alvast hartelijk dank!", "", "Met vriendelijke groeten,", "",
             sender or "De regisseur sociale economie"]
    return "\n".join(lines) + "\n"


def write_reminders(session: Session, survey_id: int, folder: Path, respondent_ids: list[int] | None = None,
                    now: datetime | None = None) -> ReminderResult:
    survey = session.get(Survey, survey_id)
    if survey is None:
        raise ValidationError({"reminders": "Deze peiling bestaat niet meer."})
    folder = Path(folder)
    if not folder.is_dir():
        raise ValidationError({"reminders": f"De map '{folder}' bestaat niet."})
    pending = respondents.pending_reminders(session, survey_id)
    if respondent_ids:
        pending = [r for r in pending if r.id in respondent_ids]
    result = ReminderResult()
    sender = association_name(session)
    ok = []
    for row in pending:
        who = row.contact or row.organisation or row.municipality
        if not row.email:
            result.refused.append(f"{who} (geen e-mailadres)")
        elif not is_valid_email(row.email):
            result.refused.append(f"{who} (ongeldig e-mailadres '{row.email}')")
        else:
            ok.append(row)
    if not ok:
        raise ValidationError({"reminders": "Er is niemand om een herinnering naar te sturen: iedereen antwoordde al "
                                            "of heeft geen e-mailadres" + (
                                                " (" + "; ".join(result.refused) + ")." if result.refused else ".")})
    for n, row in enumerate(ok, start=1):
        message = draft_message(row.contact or row.organisation, row.email, f"Herinnering: {survey.title}",
                                reminder_text(survey, row.contact, row.organisation, sender), now)
        name = f"{n:03d} {safe_file_name(row.contact or row.organisation, 'respondent')} - herinnering.eml"
        result.written.append(write_bytes(folder / name, bytes(message)))
        result.reminded_ids.append(row.id)
    return result
