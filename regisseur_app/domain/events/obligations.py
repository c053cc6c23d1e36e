"""Yearly obligations of the regierol (nota 2.1 and 6.1): at least one network event for policy makers,
civil servants and SE actors, and at least one MVO event per year.

Which event types count for each obligation is a setting (Beheer › Jaarlijkse verplichtingen), stored
as comma-separated codes of the event_type code list; the defaults are 'netwerkevent' and 'mvo_event'.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import NamedTuple

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from regisseur_app.domain.core.base import ValidationError
from regisseur_app.domain.core.codelists import EVENT_TYPE, CodeItem
from regisseur_app.domain.core.memo import remembered
from regisseur_app.domain.core.settings import SETUP_YEAR, AppSetting, get_setting, set_setting
from regisseur_app.domain.events.models import CANCELLED, FINISHED, Event
from regisseur_app.formatting import format_date


class Obligation(NamedTuple):
    key: str
    title: str
    setting_key: str
    default_codes: tuple[str, ...]


OBLIGATIONS = (
    Obligation("network", "Netwerkevent voor beleidsmakers, ambtenaren en SE-actoren",
               "events.obligation.network", ("netwerkevent",)),
    Obligation("mvo", "MVO-event", "events.obligation.mvo", ("mvo_event",)),
)

MET = "gehaald"
PLANNED = "gepland"
TO_PLAN = "te_plannen"      # the year is still running and nothing is planned yet
NOT_MET = "niet_gehaald"
STATE_LABELS = {MET: "Gehaald", PLANNED: "Gepland", TO_PLAN: "Nog te plannen", NOT_MET: "Niet gehaald"}


class CountingEvent(NamedTuple):
    id: int
    title: str
    starts_at: datetime
    status: str
    held: bool

    def text(self) -> str:
        return f"{self.title} ({format_date(self.starts_at)}{'' if self.held else ', nog niet afgelopen'})"


class ObligationResult(NamedTuple):
    key: str
    title: str
    year: int
    state: str
    type_labels: str
    events: tuple[CountingEvent, ...]

    @property
    def state_label(self) -> str:
        return STATE_LABELS[self.state]


def counting_type_codes(session: Session, obligation: Obligation) -> list[str]:
    """The event types that count for the obligation. The settings of all obligations are read in one statement,
    once per session while it does not write (domain.core.memo: a college report asks twice per obligation)."""
    stored = remembered(session, "obligation_settings", lambda: dict(session.execute(
        select(AppSetting.key, AppSetting.value).where(AppSetting.key.in_([o.setting_key for o in OBLIGATIONS])))
        .all()))
    raw = stored.get(obligation.setting_key)
    if raw is None and obligation not in OBLIGATIONS:  # not one of the shipped obligations: its own setting
        raw = get_setting(session, obligation.setting_key, None)
    raw = ",".join(obligation.default_codes) if raw is None else raw
    return [c for c in (part.strip() for part in raw.split(",")) if c]


def set_counting_types(session: Session, key: str, type_codes: list[str]) -> None:
    obligation = next((o for o in OBLIGATIONS if o.key == key), None)
    if obligation is None:
        raise ValidationError({"obligation": f"Onbekende verplichting '{key}'."})
    if not type_codes:
        raise ValidationError({key: f"Kies minstens één soort evenement die meetelt voor '{obligation.title}'."})
    known = set(session.scalars(select(CodeItem.code).where(CodeItem.list_name == EVENT_TYPE)))
    unknown = [c for c in type_codes if c not in known]
    if unknown:
        raise ValidationError({key: f"Onbekende soort(en) evenement: {', '.join(unknown)}."})
    set_setting(session, obligation.setting_key, ",".join(dict.fromkeys(type_codes)))


def first_year(session: Session) -> int:
    """The first year the obligations count for: the year the association was set up in Regisseur, or the
    year of an earlier event recorded since (history typed in afterwards)."""
    setup_year, earliest = session.execute(select(  # one statement for the setting and the earliest event
        select(AppSetting.value).where(AppSetting.key == SETUP_YEAR).scalar_subquery(),
        select(func.min(Event.starts_at)).scalar_subquery())).one()
    setup_year = setup_year or ""
    years = [int(setup_year)] if setup_year.isdigit() else [date.today().year]
    if earliest is not None:
        years.append(earliest.year)
    return min(years)


def yearly_obligations(session: Session, year: int) -> list[ObligationResult]:
    """Per obligation: 'gehaald' when a counting event of that year is 'afgelopen'; 'gepland' when one is
    still to come (not cancelled); otherwise 'niet gehaald'. Nothing for a year before `first_year`: a new
    association did not fail the years before it existed in Regisseur."""
    if year < first_year(session):
        return []
    results = []
    start, end = datetime(year, 1, 1), datetime(year + 1, 1, 1)
    for obligation in OBLIGATIONS:
        codes = counting_type_codes(session, obligation)
        # plain rows: the type's id and label, the event's id, title, start and status are all that is shown
        types = session.execute(select(CodeItem.id, CodeItem.label).where(
            CodeItem.list_name == EVENT_TYPE, CodeItem.code.in_(codes)).order_by(CodeItem.sort_order)).all()
        events = session.execute(
            select(Event.id, Event.title, Event.starts_at, Event.status)
            .where(Event.type_id.in_([t.id for t in types]), Event.status != CANCELLED,
                   Event.starts_at >= start, Event.starts_at < end).order_by(Event.starts_at)).all()
        counting = tuple(CountingEvent(e.id, e.title, e.starts_at, e.status, e.status == FINISHED) for e in events)
        if any(e.held for e in counting):
            state = MET
        elif counting:
            state = PLANNED
        elif year >= date.today().year:
            state = TO_PLAN  # not failed while the year is still running
        else:
            state = NOT_MET
        results.append(ObligationResult(obligation.key, obligation.title, year, state,
                                        ", ".join(t.label for t in types), counting))
    return results
