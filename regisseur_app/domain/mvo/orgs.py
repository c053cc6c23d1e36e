"""Which organisations report on MVO: the active social-economy organisations, plus any organisation that
already has MVO values; with their completeness for a year."""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from regisseur_app.domain.core.codelists import CodeItem
from regisseur_app.domain.core.memo import store
from regisseur_app.domain.core.municipalities import Municipality
from regisseur_app.domain.core.organisations import Organisation, organisation_municipality
from regisseur_app.domain.mvo.indicators import IndicatorData, list_indicators
from regisseur_app.domain.mvo.models import MvoValue
from regisseur_app.domain.mvo.values import Completeness, typed_in
from regisseur_app.storage.dialect import folded_contains


class MvoOrganisationRow(NamedTuple):
    id: int
    name: str
    type_label: str
    municipalities: str
    nis_codes: tuple[str, ...]
    completeness: Completeness
    years: tuple[int, ...]  # years with at least one value


class Reporter(NamedTuple):
    """An organisation that reports on MVO, without the completeness of a year."""

    id: int
    name: str
    type_label: str
    municipalities: str
    nis_codes: tuple[str, ...]
    years: tuple[int, ...]

    def row(self, completeness: Completeness) -> MvoOrganisationRow:
        return MvoOrganisationRow(self.id, self.name, self.type_label, self.municipalities, self.nis_codes,
                                  completeness, self.years)


def reporters(session: Session, text: str = "", nis_code: str | None = None) -> list[Reporter]:
    """Active SE organisations and organisations with MVO values (not archived), by name, in a few plain
    queries (no ORM objects: the region has thousands of organisations and values). The analysis' SE flags
    are imported here: the Overzicht's MVO figures (overview.year_summary) need this module, not them."""
    from regisseur_app.domain.analysis.inventory import social_economy_type_ids

    type_ids = social_economy_type_ids(session)

    def chosen(*columns):  # noqa: ANN002, ANN202
        query = (select(*columns).join(CodeItem, CodeItem.id == Organisation.type_id)
                 .where(Organisation.archived.is_(False),
                        or_(Organisation.type_id.in_(type_ids), Organisation.id.in_(select(MvoValue.organisation_id)))))
        return query.where(folded_contains(Organisation.name, text.strip())) if text.strip() else query

    found = session.execute(chosen(Organisation.id, Organisation.name, CodeItem.label)
                            .order_by(Organisation.name, Organisation.id)).all()
    # built anew, not derived from the statement just run: SQLAlchemy marks a statement when it compiles it the
    # first time, so a derived one had another cache key in the process's first run (the Rapporten page's
    # warm-up) than in every later one, and the report compiled it again
    wanted = chosen(Organisation.id)
    places: dict[int, list[tuple[str, str]]] = {}
    for organisation_id, code, name in session.execute(
            select(organisation_municipality.c.organisation_id, Municipality.nis_code, Municipality.name)
            .join(Municipality, Municipality.nis_code == organisation_municipality.c.nis_code)
            .where(organisation_municipality.c.organisation_id.in_(wanted))):
        places.setdefault(organisation_id, []).append((code, name))
    years: dict[int, set[int]] = {}
    for organisation_id, year in session.execute(select(MvoValue.organisation_id, MvoValue.year).distinct()):
        years.setdefault(organisation_id, set()).add(year)
    rows = []
    for organisation_id, name, type_label in found:
        here = places.get(organisation_id, [])
        codes = tuple(sorted(code for code, _n in here))
        if nis_code and nis_code not in codes:
            continue
        rows.append(Reporter(organisation_id, name, type_label, ", ".join(sorted(n for _c, n in here)), codes,
                             tuple(sorted(years.get(organisation_id, ())))))
    return rows


def region_reporters(session: Session) -> list[Reporter]:
    """`reporters(session)`: every reporting organisation of the region, once per session while it does not write
    (domain.core.memo; Invullen's list and the regional figures start from it)."""
    memo = store(session)
    people = memo.get(("mvo_reporters", None)) if memo is not None else None
    if people is None:
        people = reporters(session)
        if memo is not None:
            memo[("mvo_reporters", None)] = people
    return people


class Filled:
    """A stored value as far as completeness and the computed indicators read it (a light MvoValue)."""

    __slots__ = ("number", "text")

    def __init__(self, number: float | None, text: str):
        self.number, self.text = number, text


def year_values(session: Session, years: Iterable[int], indicator_ids: set[int] | None = None
                ) -> dict[int, dict[int, dict[int, Filled]]]:
    """{year: {organisation id: {indicator id: value}}} of every organisation (of those indicators), in
    one query."""
    result: dict[int, dict[int, dict[int, Filled]]] = {year: {} for year in years}
    if result:
        query = select(MvoValue.year, MvoValue.organisation_id, MvoValue.indicator_id, MvoValue.number,
                       MvoValue.text).where(MvoValue.year.in_(list(result)))
        if indicator_ids is not None:
            query = query.where(MvoValue.indicator_id.in_(sorted(indicator_ids)))
        for year, organisation_id, indicator_id, number, text in session.execute(query):
            result[year].setdefault(organisation_id, {})[indicator_id] = Filled(number, text)
    return result


def filled_counts(session: Session, year: int, indicator_ids: list[int]) -> dict[int, int]:
    """{organisation id: how many of these indicators it filled in `year`} (a number, or a text that is not empty:
    values.is_filled), counted by the database from the year index; organisations without any are left out."""
    if not indicator_ids:
        return {}
    return dict(session.execute(
        select(MvoValue.organisation_id, func.count())
        .where(MvoValue.year == year, MvoValue.indicator_id.in_(indicator_ids),
               or_(MvoValue.number.is_not(None), and_(MvoValue.text.is_not(None), MvoValue.text != "")))
        .group_by(MvoValue.organisation_id)).all())


def reporting_organisations(session: Session, year: int, text: str = "", nis_code: str | None = None,
                            indicators: list[IndicatorData] | None = None) -> list[MvoOrganisationRow]:
    """Active SE organisations and organisations with MVO values, by name; with completeness for `year` (as
    values.completeness_of, counted in SQL: ≈ 3 instead of ≈ 25 ms for the large region's ≈ 2.000 organisations)."""
    indicators = list_indicators(session) if indicators is None else indicators
    wanted = typed_in(indicators)
    counts = filled_counts(session, year, wanted)
    people = reporters(session, text, nis_code) if text.strip() or nis_code else region_reporters(session)
    return [r.row(Completeness(counts.get(r.id, 0), len(wanted))) for r in people]


def organisation_name(session: Session, organisation_id: int) -> str:
    org = session.get(Organisation, organisation_id)
    return org.name if org else ""
