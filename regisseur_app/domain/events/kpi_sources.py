"""KPI sources of the events module (features.spec.KpiSourceSpec).

An event is held when its status is 'afgelopen'. An event belongs to the municipalities it is linked to;
an event linked to none is region-wide and counts for every municipality. A participant is "from" the
municipalities of the contact (else the seat of the contact's organisation), as in the statistics."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, exists, func, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from regisseur_app.domain.core.codelists import EVENT_TYPE, CodeItem
from regisseur_app.domain.core.kpi_sources import SE_TYPE_CODES
from regisseur_app.domain.core.municipalities import Municipality
from regisseur_app.domain.core.organisations import Contact, Organisation, contact_municipality
from regisseur_app.domain.events import obligations
from regisseur_app.domain.events.models import (
    FINISHED,
    PRESENT,
    Event,
    EventParticipant,
    event_municipality,
    event_partner,
)
from regisseur_app.formatting import format_date
from regisseur_app.reports.content import Column, Table

SPEAKER_ROLES = ("spreker", "partner")


@dataclass(frozen=True)
class _Held:
    """What the tables show of a held event: its title, start and linked municipalities (nis code, name)."""

    title: str
    starts_at: datetime
    municipalities: tuple[tuple[str, str], ...]


def _held(session: Session, year: int, nis_code: str | None, type_codes: list[str] | None = None) -> list[_Held]:
    """The finished events of the year (of these types), in date order; with nis_code those linked to it or to
    no municipality. Plain rows: the events, then the municipalities of all of them in one query."""
    query = (select(Event.id, Event.title, Event.starts_at)
             .where(Event.status == FINISHED, Event.starts_at >= datetime(year, 1, 1),
                    Event.starts_at < datetime(year + 1, 1, 1))
             .order_by(Event.starts_at))
    if type_codes is not None:
        query = query.join(CodeItem, Event.type_id == CodeItem.id).where(
            CodeItem.list_name == EVENT_TYPE, CodeItem.code.in_(type_codes))
    rows = session.execute(query).all()
    places: dict[int, list[tuple[str, str]]] = {}
    if rows:
        for event_id, nis, name in session.execute(
                select(event_municipality.c.event_id, Municipality.nis_code, Municipality.name)
                .join(Municipality, Municipality.nis_code == event_municipality.c.nis_code)
                .where(event_municipality.c.event_id.in_([r[0] for r in rows]))):
            places.setdefault(event_id, []).append((nis, name))
    events = [_Held(title, starts_at, tuple(places.get(event_id, ()))) for event_id, title, starts_at in rows]
    if nis_code is not None:
        events = [e for e in events if not e.municipalities or nis_code in {nis for nis, _n in e.municipalities}]
    return events


def _where(event: _Held) -> str:
    return ", ".join(sorted(name for _nis, name in event.municipalities)) or "Regio (alle gemeenten)"


def _event_table(title: str, events: list[_Held], footnote: str) -> Table:
    rows = [[e.title, format_date(e.starts_at), _where(e), 1] for e in events]
    rows.append(["Totaal", "", "", len(events)])
    return Table(title, [Column("Evenement"), Column("Datum"), Column("Gemeenten"), Column("Aantal", numeric=True)],
                 rows, footnote=footnote, total_row=True)


def _obligation(key: str) -> obligations.Obligation:
    return next(o for o in obligations.OBLIGATIONS if o.key == key)


def _held_count(session: Session, year: int, nis_code: str | None, type_codes: list[str]) -> float:
    """len(_held(...)) counted by the database: the finished events of the year of these types; with nis_code
    those linked to it or to no municipality."""
    query = (select(func.count()).select_from(Event).join(CodeItem, Event.type_id == CodeItem.id)
             .where(Event.status == FINISHED, Event.starts_at >= datetime(year, 1, 1),
                    Event.starts_at < datetime(year + 1, 1, 1), CodeItem.list_name == EVENT_TYPE,
                    CodeItem.code.in_(type_codes)))
    if nis_code is not None:
        linked = event_municipality.c
        query = query.where(or_(~exists().where(linked.event_id == Event.id),
                                exists().where(linked.event_id == Event.id, linked.nis_code == nis_code)))
    return float(session.scalar(query))


def network_events_held_count(session: Session, year: int, nis_code: str | None) -> float:
    """The last cell of `network_events_held`."""
    return _held_count(session, year, nis_code, obligations.counting_type_codes(session, _obligation("network")))


def mvo_events_held_count(session: Session, year: int, nis_code: str | None) -> float:
    """The last cell of `mvo_events_held`."""
    return _held_count(session, year, nis_code, obligations.counting_type_codes(session, _obligation("mvo")))


def network_events_held(session: Session, year: int, nis_code: str | None) -> Table:
    obligation = _obligation("network")
    codes = obligations.counting_type_codes(session, obligation)
    return _event_table("Netwerkevenementen gehouden", _held(session, year, nis_code, codes),
                        "Afgelopen evenementen van de soorten die meetellen voor de jaarlijkse verplichting "
                        f"'{obligation.title}' (Beheer › Jaarlijkse verplichtingen).")


def mvo_events_held(session: Session, year: int, nis_code: str | None) -> Table:
    obligation = _obligation("mvo")
    codes = obligations.counting_type_codes(session, obligation)
    return _event_table("MVO-evenementen gehouden", _held(session, year, nis_code, codes),
                        "Afgelopen evenementen van de soorten die meetellen voor de jaarlijkse MVO-verplichting.")


def _from_municipalities(wanted: list[str]) -> ColumnElement[bool]:
    """The participant's contact is active in one of `wanted`; a contact without municipalities counts for
    the seat of its organisation."""
    own = contact_municipality.c
    return or_(exists().where(own.contact_id == EventParticipant.contact_id, own.nis_code.in_(wanted)),
               and_(~exists().where(own.contact_id == EventParticipant.contact_id),
                    Organisation.seat_nis_code.in_(wanted)))


def participants_from_municipalities(session: Session, year: int, nis_code: str | None) -> Table:
    """Participants present at the events held in the year, from the municipality (or from any
    participating municipality: each person once per event). Counted per event in one query."""
    if nis_code is None:
        wanted = list(session.scalars(select(Municipality.nis_code).where(Municipality.participating.is_(True))))
    else:
        wanted = [nis_code]
    counted = session.execute(
        select(Event.title, Event.starts_at, func.count())
        .select_from(EventParticipant).join(Event, EventParticipant.event_id == Event.id)
        .join(Contact, EventParticipant.contact_id == Contact.id)
        .outerjoin(Organisation, Contact.organisation_id == Organisation.id)
        .where(Event.status == FINISHED, Event.starts_at >= datetime(year, 1, 1),
               Event.starts_at < datetime(year + 1, 1, 1), EventParticipant.status == PRESENT,
               _from_municipalities(wanted))
        .group_by(Event.id).order_by(Event.starts_at, Event.id)).all()
    rows: list[list] = [[title, format_date(starts_at), count] for title, starts_at, count in counted]
    rows.append(["Totaal", "", sum(count for _t, _s, count in counted)])
    return Table("Aanwezigen uit de deelnemende gemeenten" if nis_code is None else "Aanwezigen uit de gemeente",
                 [Column("Evenement"), Column("Datum"), Column("Aanwezig", numeric=True)], rows,
                 footnote="Deelnemers met status 'aanwezig' op afgelopen evenementen; een contactpersoon telt voor de "
                          "gemeenten waarin hij actief is, anders voor de zetel van zijn organisatie.", total_row=True)


def se_organisations_presented(session: Session, year: int, nis_code: str | None) -> Table:
    """SE organisations that presented their work at an event held in the year (a contact present as speaker
    or partner, or the organisation a partner of the event): each organisation once, at its first event. The
    (organisation, event) pairs come from two joined selects; only those are loaded."""
    def held_ids():  # noqa: ANN202
        """The held events' ids, built anew for each of the two statements: SQLAlchemy marks a statement's parts
        when it compiles it the first time, so a shared part gave `speakers` another cache key in the process's
        first run (the Rapporten page's warm-up) than in every later one, and the report compiled it again."""
        held = [Event.status == FINISHED, Event.starts_at >= datetime(year, 1, 1),
                Event.starts_at < datetime(year + 1, 1, 1)]
        if nis_code is not None:
            linked = event_municipality.c
            held.append(or_(~exists().where(linked.event_id == Event.id),
                            exists().where(linked.event_id == Event.id, linked.nis_code == nis_code)))
        return select(Event.id).where(*held)

    shown = (Organisation.id, Organisation.name, Event.id, Event.title, Event.starts_at)
    se_type = (CodeItem, Organisation.type_id == CodeItem.id)
    partners = (select(*shown).select_from(event_partner)
                .join(Event, event_partner.c.event_id == Event.id)
                .join(Organisation, event_partner.c.organisation_id == Organisation.id).join(*se_type)
                .where(event_partner.c.event_id.in_(held_ids()), CodeItem.code.in_(SE_TYPE_CODES)))
    speakers = (select(*shown).select_from(EventParticipant)
                .join(Event, EventParticipant.event_id == Event.id)
                .join(Contact, EventParticipant.contact_id == Contact.id)
                .join(Organisation, Contact.organisation_id == Organisation.id).join(*se_type)
                .where(EventParticipant.event_id.in_(held_ids()), EventParticipant.status == PRESENT,
                       EventParticipant.role.in_(SPEAKER_ROLES), CodeItem.code.in_(SE_TYPE_CODES)))
    first: dict[int, tuple[str, int, str, datetime]] = {}
    for org_id, name, event_id, title, starts_at in sorted(
            [*session.execute(partners), *session.execute(speakers)], key=lambda r: (r[4], r[2])):  # by date, then event
        first.setdefault(org_id, (name, event_id, title, starts_at))
    items = sorted(first.values(), key=lambda item: (item[3], item[0]))
    rows: list[list] = [[name, title, format_date(starts_at), 1] for name, _event_id, title, starts_at in items]
    rows.append(["Totaal", "", "", len(items)])
    return Table("SE-organisaties die zich voorstelden op een evenement",
                 [Column("Organisatie"), Column("Evenement"), Column("Datum"), Column("Aantal", numeric=True)],
                 rows, footnote="SE-organisaties met een aanwezige spreker of partner, of partner van een afgelopen "
                                "evenement; elke organisatie één keer (bij het eerste evenement).", total_row=True)
