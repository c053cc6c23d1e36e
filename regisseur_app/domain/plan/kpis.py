"""KPIs of the plan: per objective, computed from a registered source (features.kpi_sources()) or entered
by hand; a yearly target for the region and, where wanted, per municipality; progress per year.

Progress states (`progress`):
- gehaald: the value reached the target;
- op schema: the current year, below target but at least the part of the target that matches the part of
  the year gone by (a target of 12 is on schedule with 6 on 1 July);
- achter: the current year and below that part; niet gehaald: a past year below target;
- nog niet begonnen: a future year; geen streefcijfer: no target for this year and scope.
For the region a hand-entered KPI uses the value entered for the region, else the sum of the municipalities;
a target likewise.

The computed sources come from the features (features.spec.KpiSourceSpec); the domain knows no registry, so
the callers pass them in as `sources` (reports.plan.sources.registered_sources() makes them).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from regisseur_app.domain.core.base import ValidationError
from regisseur_app.domain.core.municipalities import Municipality
from regisseur_app.domain.core.validation import check_no_national_number
from regisseur_app.domain.plan.models import Kpi, KpiTarget, KpiValue, Objective
from regisseur_app.reports.content import Cell, Column, Table

REACHED = "gehaald"
ON_TRACK = "op_schema"
BEHIND = "achter"
MISSED = "niet_gehaald"
FUTURE = "toekomst"
NO_TARGET = "geen_doel"
NO_SOURCE = "geen_bron"
STATE_LABELS = {REACHED: "Gehaald", ON_TRACK: "Op schema", BEHIND: "Achter op schema", MISSED: "Niet gehaald",
                FUTURE: "Nog niet begonnen", NO_TARGET: "Geen streefcijfer", NO_SOURCE: "Bron niet beschikbaar"}
REGION = ""


@dataclass
class KpiInput:
    objective_id: int
    title: str
    unit: str = ""
    source_key: str | None = None  # None: entered by hand


class KpiProgress(NamedTuple):
    kpi_id: int
    objective_id: int
    objective_number: str
    title: str
    unit: str
    source_key: str | None
    source_title: str
    year: int
    nis_code: str | None
    value: float | None
    target: float | None
    state: str

    @property
    def state_label(self) -> str:
        return STATE_LABELS[self.state]

    @property
    def ratio(self) -> float | None:
        if self.value is None or not self.target:
            return None
        return self.value / self.target

    @property
    def computed(self) -> bool:
        return self.source_key is not None


@dataclass(frozen=True)
class KpiSource:
    """A quantity a KPI can be computed from: compute(session, year, nis_code | None) -> Table whose last row,
    last column holds the value; `value`, where the source has it, gives that number without the table."""

    key: str
    title: str
    unit: str
    compute: Callable[[Session, int, str | None], Table]
    value: Callable[[Session, int, str | None], float | None] | None = None

    def value_for(self, session: Session, year: int, nis_code: str | None) -> float | None:
        if self.value is not None:
            return self.value(session, year, nis_code)
        return table_value(self.compute(session, year, nis_code))


Sources = Mapping[str, KpiSource]


def save_kpi(session: Session, data: KpiInput, kpi_id: int | None = None, *, sources: Sources) -> int:
    errors: dict[str, str] = {}
    if session.get(Objective, data.objective_id) is None:
        errors["objective"] = "Kies de doelstelling van de KPI."
    if not data.title.strip():
        errors["title"] = "Geef de KPI een naam."
    elif len(data.title.strip()) > 200:
        errors["title"] = "De naam is te lang (maximaal 200 tekens)."
    if len(data.unit.strip()) > 30:
        errors["unit"] = "De eenheid is te lang (maximaal 30 tekens)."
    if data.source_key is not None and data.source_key not in sources:
        errors["source"] = "Deze bron is in deze versie niet beschikbaar."
    check_no_national_number({"title": data.title, "unit": data.unit}, errors)
    if errors:
        raise ValidationError(errors)
    if kpi_id is None:
        position = (session.scalar(select(func.max(Kpi.position)).where(Kpi.objective_id == data.objective_id))
                    or 0) + 1
        kpi = Kpi(position=position)
        session.add(kpi)
    else:
        kpi = session.get(Kpi, kpi_id)
        if kpi is None:
            raise ValidationError({"id": "Deze KPI bestaat niet meer."})
    kpi.objective_id, kpi.title = data.objective_id, data.title.strip()
    kpi.unit, kpi.source_key = data.unit.strip(), data.source_key
    session.flush()
    return kpi.id


def get_kpi(session: Session, kpi_id: int) -> KpiInput | None:
    kpi = session.get(Kpi, kpi_id)
    return None if kpi is None else KpiInput(kpi.objective_id, kpi.title, kpi.unit, kpi.source_key)


def delete_kpi(session: Session, kpi_id: int) -> None:
    kpi = session.get(Kpi, kpi_id)
    if kpi is not None:
        session.delete(kpi)


def _check_number(value: float | None, field: str) -> None:
    if value is not None and not 0 <= value <= 1e12:
        raise ValidationError({field: "Vul een getal van 0 of meer in."})


def set_target(session: Session, kpi_id: int, year: int, nis_code: str | None, target: float | None) -> float | None:
    """Set (or with None clear) a target; returns the previous one (for undo)."""
    _check_number(target, "target")
    return _put(session, KpiTarget, "target", kpi_id, year, nis_code, target)


def set_value(session: Session, kpi_id: int, year: int, nis_code: str | None, value: float | None) -> float | None:
    """Set (or with None clear) a hand-entered value; returns the previous one (for undo)."""
    _check_number(value, "value")
    kpi = session.get(Kpi, kpi_id)
    if kpi is None:
        raise ValidationError({"id": "Deze KPI bestaat niet meer."})
    if kpi.source_key is not None:
        raise ValidationError({"value": "Deze KPI wordt berekend uit de gegevens; er valt niets in te vullen."})
    return _put(session, KpiValue, "value", kpi_id, year, nis_code, value)


def _put(session: Session, model, field: str, kpi_id: int, year: int, nis_code: str | None,  # noqa: ANN001
         number: float | None) -> float | None:
    code = nis_code or REGION
    row = session.scalar(select(model).where(model.kpi_id == kpi_id, model.year == year, model.nis_code == code))
    previous = None if row is None else getattr(row, field)
    if number is None:
        if row is not None:
            session.delete(row)
    elif row is None:
        session.add(model(kpi_id=kpi_id, year=year, nis_code=code, **{field: float(number)}))
    else:
        setattr(row, field, float(number))
    session.flush()
    return previous


def _participating(session: Session) -> set[str]:
    return set(session.scalars(select(Municipality.nis_code).where(Municipality.participating.is_(True))))


def _pick(rows: dict[str, float], nis_code: str | None, participating: Callable[[], set[str]]) -> float | None:
    """The entered number for the scope from the rows of one KPI and year (nis_code or REGION -> number)."""
    if nis_code is not None:
        return rows.get(nis_code)
    if REGION in rows:
        return rows[REGION]
    codes = participating()
    parts = [v for code, v in rows.items() if code in codes]
    return sum(parts) if parts else None


def _entered(session: Session, model, field: str, kpi_id: int, year: int, nis_code: str | None) -> float | None:  # noqa: ANN001
    rows = {r.nis_code: getattr(r, field) for r in session.scalars(
        select(model).where(model.kpi_id == kpi_id, model.year == year))}
    return _pick(rows, nis_code, lambda: _participating(session))


def _entered_for_year(session: Session, model, field: str, year: int) -> dict[int, dict[str, float]]:  # noqa: ANN001
    """Every entered number of the year: kpi id -> nis_code (or REGION) -> number; one query for all KPIs."""
    result: dict[int, dict[str, float]] = {}
    for kpi_id, code, number in session.execute(select(model.kpi_id, model.nis_code, getattr(model, field))
                                                .where(model.year == year)):
        result.setdefault(kpi_id, {})[code] = number
    return result


def table_value(table: Table) -> float | None:
    """The value of a source table: its last row, last column."""
    if not table.rows:
        return None
    cell: Cell = table.rows[-1][-1]
    return float(cell) if isinstance(cell, (int, float)) else None


def figures(session: Session, kpi_id: int, year: int, nis_code: str | None, *, sources: Sources) -> Table:
    """The figures behind a KPI value: the source's table, or the hand-entered values per municipality."""
    kpi = session.get(Kpi, kpi_id)
    if kpi.source_key is not None:
        source = sources.get(kpi.source_key)
        if source is None:
            return Table(kpi.title, [Column("Melding")], [["De bron van deze KPI is in deze versie niet beschikbaar."]])
        return source.compute(session, year, nis_code)
    municipalities = list(session.execute(select(Municipality.nis_code, Municipality.name).where(
        Municipality.participating.is_(True) if nis_code is None else Municipality.nis_code == nis_code)
        .order_by(Municipality.name)))
    entered = {r.nis_code: r.value for r in session.scalars(
        select(KpiValue).where(KpiValue.kpi_id == kpi_id, KpiValue.year == year))}
    rows: list[list[Cell]] = [[name, entered.get(code)] for code, name in municipalities]
    value = _entered(session, KpiValue, "value", kpi_id, year, nis_code)
    if nis_code is None and REGION in entered:
        rows.append(["Regio (ingevuld voor de regio)", entered[REGION]])
    rows.append(["Totaal", value])
    return Table(kpi.title, [Column("Gemeente"), Column(kpi.unit or "Waarde", numeric=True, decimals=_decimals(kpi))],
                 rows, footnote="Met de hand ingevulde waarden; voor de regio telt de waarde die voor de regio werd "
                                "ingevuld, anders de som van de gemeenten.", total_row=True)


def _decimals(kpi: Kpi) -> int:
    return 2 if kpi.unit == "€" else 0


def value_of(session: Session, kpi: Kpi, year: int, nis_code: str | None, *, sources: Sources) -> float | None:
    if kpi.source_key is None:
        return _entered(session, KpiValue, "value", kpi.id, year, nis_code)
    source = sources.get(kpi.source_key)
    if source is None:
        return None
    return source.value_for(session, year, nis_code)


def state_of(value: float | None, target: float | None, year: int, today: date) -> str:
    if target is None:
        return NO_TARGET
    if year > today.year:
        return FUTURE
    if value is not None and value >= target:
        return REACHED
    if year < today.year:
        return MISSED
    elapsed = (today - date(year, 1, 1)).days + 1
    share = elapsed / ((date(year, 12, 31) - date(year, 1, 1)).days + 1)
    return ON_TRACK if (value or 0) >= target * share else BEHIND


def progress(session: Session, year: int, nis_code: str | None = None, today: date | None = None, *,
             sources: Sources) -> list[KpiProgress]:
    """Every KPI of the plan for the year and scope (nis_code None: the region), in plan order. The targets and
    hand-entered values of the year are read once for all KPIs, the KPIs themselves as plain rows."""
    today = today or date.today()
    known = sources
    targets = _entered_for_year(session, KpiTarget, "target", year)
    values = _entered_for_year(session, KpiValue, "value", year)
    participating: list[set[str]] = []

    def codes() -> set[str]:
        if not participating:
            participating.append(_participating(session))
        return participating[0]

    result = []
    rows = session.execute(select(Kpi.id, Kpi.objective_id, Objective.number, Kpi.title, Kpi.unit, Kpi.source_key)
                           .join(Objective, Kpi.objective_id == Objective.id)
                           .order_by(Objective.position, Objective.id, Kpi.position, Kpi.id)).all()
    for kpi_id, objective_id, number, title, unit, source_key in rows:
        spec = known.get(source_key) if source_key else None
        if source_key is None:
            value = _pick(values.get(kpi_id, {}), nis_code, codes)
        else:
            value = None if spec is None else spec.value_for(session, year, nis_code)
        target = _pick(targets.get(kpi_id, {}), nis_code, codes)
        state = NO_SOURCE if source_key and spec is None else state_of(value, target, year, today)
        result.append(KpiProgress(kpi_id, objective_id, number, title, unit, source_key,
                                  spec.title if spec else ("Met de hand" if source_key is None else source_key),
                                  year, nis_code, value, target, state))
    return result
