"""Statistics of the referral log per period and municipality: counts by type, status, decision and
year, the funnel, and lead times (median and 75th percentile) computed with GROUP BY queries.

The period selects referrals by their referral date (a cohort). Percentiles interpolate linearly
between the closest ranks (as Excel's PERCENTILE.INC and numpy's default): for sorted values
v[0..n-1] the p-th percentile sits at position (n-1)*p. The lead times come from SQL as day histograms
(days, how many) per municipality, so the percentiles are read from cumulative counts instead of sorting
every referral in Python; the result is the same.

Every query reads the cohort from one covering index (COHORT_INDEX, migration 0012_referral_indexes:
referral date first, then every column grouped or measured here): a period reads only its own range,
and the whole log is read from the index, which is smaller than the table.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import Integer, Select, and_, case, cast, func, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from regisseur_app.domain.core.codelists import REFERRAL_TYPE, CodeItem
from regisseur_app.domain.core.municipalities import Municipality
from regisseur_app.domain.referrals.models import (
    DECISIONS,
    NEGATIVE,
    NO_FOLLOW_UP,
    POSITIVE,
    REGULAR_WORK,
    STATUS_LABELS,
    STATUSES,
    Referral,
)
from regisseur_app.domain.referrals.suppression import CountTable, ProtectedTable, protect_all
from regisseur_app.storage.dialect import days_between, through_index, year_of

FUNNEL_STAGES = ("Doorverwezen", "Gescreend", "Positieve beslissing", "Tewerkstelling gestart",
                 "Doorstroom regulier werk")
# the same funnel as a partition (each referral once, by the furthest stage reached): additive, so it
# can be protected by suppression; cumulative funnel counts would reveal small differences.
FURTHEST_STAGES = ("Niet gescreend", "Gescreend, geen positieve beslissing", "Positief, (nog) niet gestart",
                   "Gestart, (nog) geen doorstroom", "Doorstroom regulier werk")
DECISION_COLUMNS = (POSITIVE, NEGATIVE, NO_FOLLOW_UP, None)
COHORT_INDEX = "ix_referral_cohort"
DECISION_LABELS = {POSITIVE: "Positief", NEGATIVE: "Negatief", NO_FOLLOW_UP: "Geen opvolging",
                   None: "Nog geen beslissing"}


@dataclass
class StatsFilter:
    date_from: date | None = None
    date_to: date | None = None
    nis_codes: list[str] | None = None  # None: the participating municipalities


@dataclass(frozen=True)
class LeadTime:
    n: int
    median: float | None
    p75: float | None


@dataclass
class ReferralStats:
    filter: StatsFilter
    municipalities: list[tuple[str, str]]
    by_type: CountTable
    by_status: CountTable
    by_decision: CountTable
    by_year: CountTable
    furthest_stage: CountTable
    funnel: dict[str, list[int]] = field(default_factory=dict)  # municipality name (and "Totaal") -> 5 counts
    lead_decision: dict[str, LeadTime] = field(default_factory=dict)
    lead_start: dict[str, LeadTime] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(sum(row) for row in self.by_type.counts)

    def count_tables(self) -> list[CountTable]:
        return [self.by_type, self.by_status, self.by_decision, self.furthest_stage, self.by_year]


def percentile(values: list[float], p: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    position = (len(ordered) - 1) * p
    low, high = math.floor(position), math.ceil(position)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def lead_time(values: list[float]) -> LeadTime:
    return LeadTime(len(values), percentile(values, 0.5), percentile(values, 0.75))


def _counted_percentile(histogram: list[tuple[int, int]], n: int, p: float) -> float | None:
    """percentile() of the n values that `histogram` (value, how many; by value) stands for."""
    if not n:
        return None
    position = (n - 1) * p
    low, high = math.floor(position), math.ceil(position)
    wanted, found, seen = {low, high}, {}, 0
    for value, count in histogram:
        for rank in [r for r in wanted if r < seen + count]:
            found[rank] = value
            wanted.discard(rank)
        if not wanted:
            break
        seen += count
    return found[low] + (found[high] - found[low]) * (position - low)


def counted_lead_time(counts: Counter) -> LeadTime:
    """lead_time() of the values counted in `counts` (value -> how many times)."""
    histogram = sorted(counts.items())
    n = sum(counts.values())
    return LeadTime(n, _counted_percentile(histogram, n, 0.5), _counted_percentile(histogram, n, 0.75))


def _cohort(filt: StatsFilter, codes: list[str]) -> list[ColumnElement[bool]]:
    conditions = [Referral.nis_code.in_(codes)]
    if filt.date_from:
        conditions.append(Referral.referral_date >= filt.date_from)
    if filt.date_to:
        conditions.append(Referral.referral_date <= filt.date_to)
    return conditions


def _table(title: str, municipalities: list[tuple[str, str]], columns: list, labels: list[str],
           counts: dict[tuple[str, object], int]) -> CountTable:
    return CountTable(title, [name for _nis, name in municipalities], labels,
                      [[counts.get((nis, col), 0) for col in columns] for nis, _name in municipalities])


def _from_cohort_index(query: Select) -> Select:
    return through_index(query, Referral.__table__, COHORT_INDEX)


# One scan groups the cohort by everything the tables need; Python adds the groups up per table.
# (Five GROUP BY queries cost five scans and five sorts of the whole table.) The sort behind GROUP BY
# compares the keys of every referral: the municipality, type, status, decision, year and stage are packed
# into one integer (_packed), which sorts about 40 % faster than six columns of text and numbers; _unpacked
# takes it apart again. The municipality is its NIS code as a number (five digits: municipalities.py checks
# them), in the lowest five decimal places; the lead-time histograms pack (days, municipality) the same way.
_NIS_SLOTS = 100_000
_STATUS_SLOTS = len(STATUSES) + 1   # the last slot: a status this version does not know
_DECISION_SLOTS = (POSITIVE, NEGATIVE, NO_FOLLOW_UP, None, "?")  # "?": a decision this version does not know
_YEAR_SLOTS = 10_000
_STAGE_SLOTS = len(FURTHEST_STAGES)


def _nis_number() -> ColumnElement[int]:
    return cast(Referral.nis_code, Integer)


def _packed() -> ColumnElement[int]:
    stage = case((Referral.exit == REGULAR_WORK, 4), (Referral.start_date.is_not(None), 3),
                 (Referral.decision == POSITIVE, 2),
                 (or_(Referral.screening_date.is_not(None), Referral.decision.in_([POSITIVE, NEGATIVE])), 1),
                 else_=0)
    status = case({value: i for i, value in enumerate(STATUSES)}, value=Referral.status, else_=len(STATUSES))
    decision = case((Referral.decision.is_(None), _DECISION_SLOTS.index(None)),
                    else_=case({value: i for i, value in enumerate(_DECISION_SLOTS[:3])}, value=Referral.decision,
                               else_=len(_DECISION_SLOTS) - 1))
    return (((((Referral.type_id * _STATUS_SLOTS + status) * len(_DECISION_SLOTS) + decision) * _YEAR_SLOTS
              + year_of(Referral.referral_date)) * _STAGE_SLOTS + stage) * _NIS_SLOTS + _nis_number())


def _unpacked(key: int) -> tuple[int, int, str | None, str | None, int, int]:
    """(nis number, type_id, status, decision, year, stage) from _packed(); an unknown status or decision:
    None / '?'."""
    key, nis = divmod(key, _NIS_SLOTS)
    key, stage = divmod(key, _STAGE_SLOTS)
    key, year = divmod(key, _YEAR_SLOTS)
    key, decision = divmod(key, len(_DECISION_SLOTS))
    type_id, status = divmod(key, _STATUS_SLOTS)
    return (nis, type_id, STATUSES[status] if status < len(STATUSES) else None, _DECISION_SLOTS[decision], year,
            stage)


def _groups_query(conditions: list[ColumnElement[bool]]) -> Select:
    rows = _from_cohort_index(select(_packed().label("packed")).where(*conditions)).subquery()
    return select(rows.c.packed, func.count()).group_by(rows.c.packed)


def compute_stats(session: Session, filt: StatsFilter | None = None) -> ReferralStats:
    filt = filt or StatsFilter()
    query = select(Municipality.nis_code, Municipality.name).order_by(Municipality.name)
    if filt.nis_codes is None:
        query = query.where(Municipality.participating.is_(True))
    else:
        query = query.where(Municipality.nis_code.in_(filt.nis_codes))
    municipalities = [tuple(row) for row in session.execute(query)]
    codes = [nis for nis, _ in municipalities]
    cohort = _cohort(filt, codes)
    by_type: dict = defaultdict(int)
    by_status: dict = defaultdict(int)
    by_decision: dict = defaultdict(int)
    by_year_raw: dict = defaultdict(int)
    stages: dict = defaultdict(int)
    by_number = {int(nis): nis for nis in codes}
    for packed, n in session.execute(_groups_query(cohort)):
        number, type_id, status, decision, year, stage = _unpacked(packed)
        nis = by_number[number]
        by_type[(nis, type_id)] += n
        by_status[(nis, status)] += n
        by_decision[(nis, decision)] += n
        by_year_raw[(nis, str(year))] += n
        stages[(nis, stage)] += n
    used_types = {value for (_nis, value) in by_type}
    types = [(i, label) for i, label, active in session.execute(
        select(CodeItem.id, CodeItem.label, CodeItem.active).where(CodeItem.list_name == REFERRAL_TYPE)
        .order_by(CodeItem.sort_order, CodeItem.label)) if active or i in used_types]
    years = sorted({y for (_nis, y) in by_year_raw}) or ([str(filt.date_from.year)] if filt.date_from else [])
    stats = ReferralStats(
        filter=filt, municipalities=municipalities,
        by_type=_table("Doorverwijzingen per soort", municipalities, [i for i, _ in types],
                       [label for _, label in types], by_type),
        by_status=_table("Huidige status", municipalities, list(STATUSES), [STATUS_LABELS[s] for s in STATUSES],
                         by_status),
        by_decision=_table("Beslissing na screening", municipalities, list(DECISION_COLUMNS),
                           [DECISION_LABELS[d] for d in DECISION_COLUMNS], by_decision),
        by_year=_table("Doorverwijzingen per jaar", municipalities, years, years, by_year_raw),
        furthest_stage=_table("Verste fase bereikt", municipalities, list(range(5)), list(FURTHEST_STAGES), stages),
    )
    for nis, name in municipalities:
        partition = [stages.get((nis, k), 0) for k in range(5)]
        stats.funnel[name] = [sum(partition[k:]) for k in range(5)]
    stats.funnel["Totaal"] = [sum(stats.funnel[name][k] for _nis, name in municipalities) for k in range(5)]
    decision_days = _days(session, cohort, by_number, Referral.referral_date, Referral.decision_date,
                          Referral.decision.in_(DECISIONS))
    start_days = _days(session, cohort, by_number, Referral.decision_date, Referral.start_date,
                       and_(Referral.decision == POSITIVE, Referral.start_date.is_not(None)))
    for target, days in ((stats.lead_decision, decision_days), (stats.lead_start, start_days)):
        for nis, name in municipalities:
            target[name] = counted_lead_time(days.get(nis, Counter()))
        total: Counter = Counter()
        for nis in codes:
            total.update(days.get(nis, {}))
        target["Totaal"] = counted_lead_time(total)
    return stats


def _days(session: Session, cohort: list[ColumnElement[bool]], by_number: dict[int, str], start: ColumnElement,
          end: ColumnElement, condition: ColumnElement[bool]) -> dict[str, Counter]:
    """Per municipality: lead time in days -> how many referrals of the cohort took that long."""
    result: dict[str, Counter] = defaultdict(Counter)
    packed = (days_between(start, end) * _NIS_SLOTS + _nis_number()).label("packed")
    rows = _from_cohort_index(select(packed).where(*cohort, condition, end.is_not(None))).subquery()
    for key, count in session.execute(select(rows.c.packed, func.count()).group_by(rows.c.packed)):
        days, number = divmod(key, _NIS_SLOTS)  # floor division: negative days come back whole
        result[by_number[number]][days] = count
    return result


# ---- what may leave the app -----------------------------------------------------------------------

LEAD_HEADERS = ("Gemeente", "Doorverwijzing → beslissing: mediaan (dagen)", "Doorverwijzing → beslissing: 75e percentiel",
                "Beslissing → start: mediaan (dagen)", "Beslissing → start: 75e percentiel")


def protected_tables(stats: ReferralStats, threshold: int) -> list[ProtectedTable]:
    """The count tables with primary and secondary suppression, protected together (shared totals)."""
    return protect_all(stats.count_tables(), threshold)


def lead_time_rows(stats: ReferralStats, threshold: int) -> list[list[object]]:
    """Median and 75th percentile per municipality; based on fewer than `threshold` referrals: "<5"."""
    def cells(lead: LeadTime) -> list[object]:
        if lead.n < threshold:
            return [f"n<{threshold}", f"n<{threshold}"]
        return [round(lead.median), round(lead.p75)]

    names = [name for _nis, name in stats.municipalities] + ["Totaal"]
    return [[name, *cells(stats.lead_decision[name]), *cells(stats.lead_start[name])] for name in names]


def period_text(filt: StatsFilter) -> str:
    from regisseur_app.formatting import format_date

    if filt.date_from and filt.date_to:
        return f"doorverwezen van {format_date(filt.date_from)} tot en met {format_date(filt.date_to)}"
    if filt.date_from:
        return f"doorverwezen vanaf {format_date(filt.date_from)}"
    if filt.date_to:
        return f"doorverwezen tot en met {format_date(filt.date_to)}"
    return "alle doorverwijzingen"
