"""The offer map (aanbodkaart): service categories x participating municipalities, counting the active
organisations that offer the category there; organisations by type; target-group jobs per 1.000."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from regisseur_app.domain.analysis.inventory import organisation_places, social_economy_type_ids
from regisseur_app.domain.analysis.key_figures import Inhabitants, latest_inhabitants, per_1000
from regisseur_app.domain.core import municipalities
from regisseur_app.domain.core.codelists import ORGANISATION_TYPE, SERVICE_CATEGORY, list_items
from regisseur_app.domain.core.organisation_service import OrganisationFilter, OrganisationRow, list_organisations
from regisseur_app.domain.core.organisations import Organisation, organisation_category, organisation_municipality

SEAT, SPREAD = "seat", "spread"
ALLOCATIONS = {SEAT: "op de zetel van de organisatie", SPREAD: "gelijk verdeeld over de gemeenten waar ze actief is"}


@dataclass(frozen=True)
class Matrix:
    """Counts per (row id, nis code); rows are categories or types, columns the participating municipalities."""

    rows: list[tuple[int, str]]
    columns: list[tuple[str, str]]
    counts: dict[tuple[int, str], int]
    row_totals: dict[int, int]          # distinct organisations per row in the whole region

    def count(self, row_id: int, nis_code: str) -> int:
        return self.counts.get((row_id, nis_code), 0)

    def column_total(self, nis_code: str) -> int:
        return sum(self.count(r, nis_code) for r, _ in self.rows)

    def empty_cells(self) -> list[tuple[int, str]]:
        return [(r, c) for r, _ in self.rows for c, _ in self.columns if self.count(r, c) == 0]


def offer_matrix(session: Session, se_only: bool = False) -> Matrix:
    """Active organisations per service category and participating municipality (seat or active in)."""
    categories = [(c.id, c.label) for c in list_items(session, SERVICE_CATEGORY)]
    return _matrix(session, categories, organisation_category.c.category_id, se_only,
                   organisation_category.c.organisation_id)


def type_matrix(session: Session) -> Matrix:
    """Active organisations per organisation type and participating municipality."""
    types = [(t.id, t.label) for t in list_items(session, ORGANISATION_TYPE, include_inactive=True)]
    return _matrix(session, types, Organisation.type_id, False, None)


def _matrix(session: Session, rows: list[tuple[int, str]], row_column, se_only: bool, link_org_column) -> Matrix:
    places = municipalities.list_municipalities(session, participating_only=True)
    columns = [(m.nis_code, m.name) for m in places]
    codes = [c for c, _ in columns]
    located = organisation_places().subquery()
    query = (select(row_column, located.c.nis_code, func.count(func.distinct(Organisation.id)))
             .select_from(Organisation)
             .join(located, located.c.organisation_id == Organisation.id)
             .where(Organisation.archived.is_(False), located.c.nis_code.in_(codes)))
    # a subquery of its own, not `located`: SQLAlchemy marks a statement's parts when it compiles it the first
    # time, so a part shared with `query` would give `totals` another cache key in the process's first run (the
    # Rapporten page's warm-up) than in every later one, and the report would compile it again
    own = organisation_places().subquery()
    totals = select(row_column, func.count(func.distinct(Organisation.id))).select_from(Organisation).where(
        Organisation.archived.is_(False), Organisation.id.in_(
            select(own.c.organisation_id).where(own.c.nis_code.in_(codes))))
    if link_org_column is not None:
        query = query.join(organisation_category, link_org_column == Organisation.id)
        totals = totals.join(organisation_category, link_org_column == Organisation.id)
    if se_only:
        types = sorted(social_economy_type_ids(session))
        query = query.where(Organisation.type_id.in_(types))
        totals = totals.where(Organisation.type_id.in_(types))
    counts = {(row_id, nis): n for row_id, nis, n in session.execute(query.group_by(row_column, located.c.nis_code))}
    row_totals = dict(session.execute(totals.group_by(row_column)).all())
    return Matrix(rows, columns, counts, {r: row_totals.get(r, 0) for r, _ in rows})


def cell_organisations(session: Session, category_id: int, nis_code: str, se_only: bool = False
                       ) -> list[OrganisationRow]:
    """The organisations behind one cell of the offer map (the same rule as the organisation list filter)."""
    rows = list_organisations(session, OrganisationFilter(nis_code=nis_code, category_id=category_id))
    if se_only:
        types = social_economy_type_ids(session)
        se_ids = set(session.scalars(select(Organisation.id).where(Organisation.type_id.in_(sorted(types)))))
        rows = [r for r in rows if r.id in se_ids]
    return rows


def type_cell_organisations(session: Session, type_id: int, nis_code: str) -> list[OrganisationRow]:
    return list_organisations(session, OrganisationFilter(nis_code=nis_code, type_id=type_id))


@dataclass(frozen=True)
class JobsRow:
    nis_code: str
    name: str
    jobs: float                 # target-group employees attributed to the municipality
    organisations: int          # organisations with a known number that contribute
    unknown: int                # active organisations of social-economy types without a number
    inhabitants: Inhabitants
    per_1000: float | None


@dataclass(frozen=True)
class JobsTable:
    year: int                   # the year of the inhabitants used
    allocation: str
    rows: list[JobsRow]
    total: JobsRow
    outside: float              # jobs of organisations not present in any participating municipality (seat rule)


def target_group_jobs(session: Session, allocation: str = SEAT) -> JobsTable:
    """Target-group employees of active organisations per municipality and per 1.000 inhabitants.

    SEAT: all of an organisation's employees count in its seat municipality. SPREAD: they are divided
    equally over the participating municipalities it is present in (seat or active in).
    """
    if allocation not in ALLOCATIONS:
        raise ValueError(f"allocation must be one of {tuple(ALLOCATIONS)}")
    places = municipalities.list_municipalities(session, participating_only=True)
    codes = [m.nis_code for m in places]
    year, people = latest_inhabitants(session, codes)
    orgs = session.execute(select(Organisation.id, Organisation.seat_nis_code, Organisation.target_group_employees,
                                  Organisation.type_id).where(Organisation.archived.is_(False))).all()
    present: dict[int, set[str]] = defaultdict(set)
    for org_id, nis in session.execute(select(organisation_municipality.c.organisation_id,
                                              organisation_municipality.c.nis_code)):
        present[org_id].add(nis)
    se_types = social_economy_type_ids(session)
    jobs: dict[str, float] = defaultdict(float)
    contributors: dict[str, set[int]] = defaultdict(set)
    unknown: dict[str, set[int]] = defaultdict(set)
    outside = 0.0
    for org_id, seat, employees, type_id in orgs:
        where = sorted((present[org_id] | ({seat} if seat else set())) & set(codes))
        if employees is None:
            for nis in where:
                if type_id in se_types:
                    unknown[nis].add(org_id)
            continue
        if allocation == SEAT:
            if seat in codes:
                jobs[seat] += employees
                contributors[seat].add(org_id)
            else:
                outside += employees
        elif where:
            for nis in where:
                jobs[nis] += employees / len(where)
                contributors[nis].add(org_id)
        else:
            outside += employees
    rows = [JobsRow(m.nis_code, m.name, jobs[m.nis_code], len(contributors[m.nis_code]), len(unknown[m.nis_code]),
                    people[m.nis_code], per_1000(jobs[m.nis_code], people[m.nis_code].value)) for m in places]
    total_people = [p.value for p in people.values()]
    people_sum = sum(total_people) if all(v is not None for v in total_people) else None
    total_jobs = sum(r.jobs for r in rows)
    total = JobsRow("", "Regio (totaal)", total_jobs, len(set().union(*contributors.values())),
                    len(set().union(*unknown.values())),
                    Inhabitants(people_sum, year, any(p.fallback for p in people.values())),
                    per_1000(total_jobs, people_sum))
    return JobsTable(year, allocation, rows, total, outside)
