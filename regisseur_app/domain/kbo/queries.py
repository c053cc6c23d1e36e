"""Browsing the register: filters, one COUNT and one page at a time, all in SQL (DESIGN.md rule 7)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import bindparam, func, select, tuple_
from sqlalchemy.orm import Session

from regisseur_app.domain.core.common import escape_like
from regisseur_app.domain.core.municipalities import Municipality
from regisseur_app.domain.core.organisations import Organisation
from regisseur_app.domain.kbo import nace
from regisseur_app.domain.kbo.models import ACTIVE, KboActivity, KboCode, KboEnterprise, KboImport, KboPlace
from regisseur_app.storage.engine import fold


@dataclass
class EnterpriseFilter:
    text: str = ""
    nis_code: str | None = None
    section: tuple[str, str] | None = None      # (NACE version, section letter)
    division: str | None = None                 # '47'
    nace_prefix: str = ""                       # '47.79' or '4779'
    juridical_form: str | None = None
    start_year_from: int | None = None
    start_year_to: int | None = None
    in_inventory: bool | None = None            # None: both
    active_only: bool = True
    with_email: bool = False
    numbers: object = None                      # restrict to these: a set, or a SELECT of numbers (candidates)
    exclude_numbers: list = field(default_factory=list)   # sets or SELECTs of numbers to leave out


@dataclass(frozen=True)
class EnterpriseRow:
    id: str                   # the enterprise number (10 digits), so table models can select by id
    name: str
    city: str
    postcode: str
    street: str
    municipalities: str       # the participating municipalities where it has its seat or an establishment
    form: str
    nace_code: str
    nace_label: str
    start_date: date | None
    status: str
    email: str
    website: str
    phone: str
    organisation_id: int | None
    main_section: str
    main_version: str
    rules: tuple[str, ...] = ()   # SE candidates: the rules that matched


SORTS = {"name": KboEnterprise.name, "number": KboEnterprise.enterprise_number, "city": KboEnterprise.city,
         "form": KboEnterprise.juridical_form, "nace": KboEnterprise.main_nace_code,
         "start": func.coalesce(KboEnterprise.start_date, date(1, 1, 1)), "status": KboEnterprise.status}


def _activity_match(filt: EnterpriseFilter, correlated: bool = False):  # noqa: ANN202
    conditions = []
    if filt.section:
        version, letter = filt.section
        bounds = nace.section_divisions(version, letter)
        if bounds:
            conditions += [KboActivity.nace_version == version, KboActivity.nace_code >= bounds[0],
                           KboActivity.nace_code < f"{int(bounds[1]) + 1:02d}"]
    if filt.division:
        conditions += [KboActivity.nace_code >= filt.division, KboActivity.nace_code < filt.division + "\uffff"]
    prefix = nace.digits(filt.nace_prefix)
    if prefix:
        conditions += [KboActivity.nace_code >= prefix, KboActivity.nace_code < prefix + "\uffff"]
    if not conditions:
        return None
    conditions.append(KboActivity.classification.in_(("MAIN", "SECO")))
    if correlated:
        # a page of a common filter: probe each enterprise (index number, code, classification) until the
        # page is full, instead of building the list of every match first
        return select(KboActivity.id).where(KboActivity.enterprise_number == KboEnterprise.enterprise_number,
                                            *conditions).exists()
    # an uncorrelated IN (SELECT ...): SQLite builds it once, instead of probing per enterprise
    return KboEnterprise.enterprise_number.in_(select(KboActivity.enterprise_number).where(*conditions))


def conditions(filt: EnterpriseFilter, correlated: bool = False) -> list:
    """The WHERE of a filter. `correlated`: for a page of a filter that keeps many enterprises, the NACE and
    municipality filters probe per enterprise (EXISTS) - the first 200 are found long before the whole list
    of matches an uncorrelated IN needs is built; for a count or a rare filter the IN is faster."""
    # equalities (not IS TRUE), so SQLite walks the index (in_region, status, name, number) for the first page
    found = [KboEnterprise.in_region == True]  # noqa: E712
    if filt.active_only:
        found.append(KboEnterprise.status == ACTIVE)
    text = fold(filt.text)
    if text:
        numeric = re.sub(r"[\s.]", "", text)
        if numeric.isdigit() and len(numeric) >= 3:
            found.append(KboEnterprise.enterprise_number.contains(numeric))
        else:
            for word in text.split():
                found.append(KboEnterprise.search_text.like(f"%{escape_like(word)}%", escape="\\"))
    if filt.nis_code and correlated:
        found.append(select(KboPlace.id).where(KboPlace.enterprise_number == KboEnterprise.enterprise_number,
                                               KboPlace.nis_code == filt.nis_code).exists())
    elif filt.nis_code:
        found.append(KboEnterprise.enterprise_number.in_(
            select(KboPlace.enterprise_number).where(KboPlace.nis_code == filt.nis_code)))
    activity = _activity_match(filt, correlated)
    if activity is not None:
        found.append(activity)
    if filt.juridical_form:
        found.append(KboEnterprise.juridical_form == filt.juridical_form)
    if filt.start_year_from:
        found.append(KboEnterprise.start_year >= filt.start_year_from)
    if filt.start_year_to:
        found.append(KboEnterprise.start_year <= filt.start_year_to)
    in_inventory = KboEnterprise.enterprise_number.in_(
        select(Organisation.kbo_number).where(Organisation.kbo_number.is_not(None)))
    if filt.in_inventory is True:
        found.append(in_inventory)
    elif filt.in_inventory is False:
        found.append(~in_inventory)
    if filt.with_email:
        found.append(KboEnterprise.email != "")
    if filt.numbers is not None:
        found.append(KboEnterprise.enterprise_number.in_(_numbers(filt.numbers)))
    for excluded in filt.exclude_numbers:
        found.append(KboEnterprise.enterprise_number.not_in(_numbers(excluded)))
    return found


def _numbers(numbers):  # noqa: ANN001, ANN202
    return sorted(numbers) if isinstance(numbers, set | list | tuple | frozenset) else numbers


def count_enterprises(session: Session, filt: EnterpriseFilter | None = None) -> int:
    filt = filt or EnterpriseFilter()
    return session.scalar(select(func.count()).select_from(KboEnterprise).where(*conditions(filt))) or 0


def list_enterprises(session: Session, filt: EnterpriseFilter | None = None, offset: int = 0, limit: int = 200,
                     sort: str = "name", descending: bool = False, after: EnterpriseRow | None = None,
                     total: int | None = None) -> list[EnterpriseRow]:
    """One page, sorted in SQL; with `after` (the last row of the previous page) by keyset. `total`: the
    count of the filter when known (the list shows it first) - a filter that keeps many is probed per row."""
    filt = filt or EnterpriseFilter()
    key = SORTS.get(sort, KboEnterprise.name)
    number = KboEnterprise.enterprise_number
    query = (select(*_DISPLAY)
             .where(*conditions(filt, correlated=total is not None and total >= COMMON))
             .order_by(key.desc() if descending else key.asc(), number.desc() if descending else number.asc()))
    if after is not None:
        last = session.execute(select(key).where(number == after.id)).scalar()
        if last is not None:
            pair, bound = tuple_(key, number), tuple_(last, after.id)
            query = query.where(pair < bound if descending else pair > bound)
        else:
            query = query.offset(offset)
    else:
        query = query.offset(offset)
    # the page query returns the display columns itself: no second query by a list of numbers
    return _display_rows(session, session.execute(query.limit(limit)).all())


_E = KboEnterprise
# from this many matches on, a page probes per enterprise (conditions(correlated=True)); with fewer, the list of
# matches is short and the uncorrelated IN wins. Either way the first page reads at most a few thousand rows.
COMMON = 1000
_DISPLAY = (_E.enterprise_number, _E.name, _E.city, _E.postcode, _E.street, _E.house_number, _E.box, _E.juridical_form,
            _E.main_nace_code, _E.main_nace_version, _E.main_section, _E.start_date, _E.status, _E.email, _E.website,
            _E.phone)


def rows_for(session: Session, numbers: list[str]) -> list[EnterpriseRow]:
    """The display rows of these enterprises, in this order (a handful of batch queries, no per-row work)."""
    if not numbers:
        return []
    found = {row.enterprise_number: row for row in session.execute(
        select(*_DISPLAY).where(_E.enterprise_number.in_(_NUMBERS)), {"numbers": list(numbers)})}
    return _display_rows(session, [found[num] for num in numbers if num in found])


# a page's numbers are passed at execution (an expanding parameter): building `in_(numbers)` anew coerced each
# of the 200 values, which took longer than running the queries
_NUMBERS = bindparam("numbers", expanding=True)
_ORGS_OF = select(Organisation.kbo_number, Organisation.id).where(Organisation.kbo_number.in_(_NUMBERS))
_PLACES_OF = (select(KboPlace.enterprise_number, Municipality.name).distinct()
              .join(Municipality, Municipality.nis_code == KboPlace.nis_code)
              .where(KboPlace.enterprise_number.in_(_NUMBERS)).order_by(Municipality.name))


def _display_rows(session: Session, fetched: list) -> list[EnterpriseRow]:
    """EnterpriseRows of fetched _DISPLAY rows: Dutch labels, inventory links and municipalities in three
    batch queries."""
    if not fetched:
        return []
    fetched = [tuple(row) for row in fetched]     # plain tuples: unpacked below without per-attribute lookups
    numbers = [row[0] for row in fetched]
    forms = {row[7] for row in fetched}
    codes = {(row[9], row[8]) for row in fetched}
    categories = ["JuridicalForm"] + sorted({"Nace" + v for v, _c in codes})
    labels = {(c, k): d for c, k, d in session.execute(     # by the primary key (category, code)
        select(KboCode.category, KboCode.code, KboCode.description)
        .where(KboCode.category.in_(categories), KboCode.code.in_(sorted(forms | {c for _v, c in codes}))))}
    orgs = dict(session.execute(_ORGS_OF, {"numbers": numbers}).all())
    places: dict[str, list[str]] = {}
    for num, name in session.execute(_PLACES_OF, {"numbers": numbers}):
        places.setdefault(num, []).append(name)
    rows = []
    for (num, name, city, postcode, street, house, box, form, code, version, section, start, status, email, web,
         phone) in fetched:
        rows.append(EnterpriseRow(
            num, name, city, postcode, f"{street} {house}".strip() + (f" bus {box}" if box else ""),
            ", ".join(places.get(num, ())), labels.get(("JuridicalForm", form)) or form, nace.dotted(code),
            labels.get(("Nace" + version, code), ""), start, status, email, web, phone, orgs.get(num), section,
            version))
    return rows


def get_enterprise(session: Session, number: str) -> EnterpriseRow | None:
    rows = rows_for(session, [number])
    return rows[0] if rows else None


@dataclass(frozen=True)
class Choice:
    value: object
    label: str


def section_choices(session: Session) -> list[Choice]:
    """The sections and divisions present in the register, with Dutch descriptions, for the NACE filter:
    ('section', version, letter) and ('division', '47')."""
    present = session.execute(
        select(KboActivity.nace_version, func.substr(KboActivity.nace_code, 1, 2)).distinct()
        .where(KboActivity.classification.in_(("MAIN", "SECO")))).all()
    by_version: dict[str, set[str]] = {}
    for version, division in present:
        by_version.setdefault(version, set()).add(division)
    labels = {(c, code): d for c, code, d in session.execute(
        select(KboCode.category, KboCode.code, KboCode.description).where(func.length(KboCode.code) == 2))}
    choices = []
    for version in sorted(by_version, reverse=True):
        if version not in nace.VERSIONS:
            continue
        divisions = by_version[version]
        for letter, label in nace.sections(version):
            inside = sorted(d for d in divisions if nace.section_of(version, d) == letter)
            if not inside:
                continue
            choices.append(Choice(("section", version, letter), f"{letter} — {label} ({nace.VERSION_LABELS[version]})"))
            for division in inside:
                text = labels.get(("Nace" + version, division)) or label
                choices.append(Choice(("division", division), f"    {division} — {text}"))
    return choices


def form_choices(session: Session) -> list[Choice]:
    forms = session.execute(
        select(KboEnterprise.juridical_form, func.count()).where(KboEnterprise.in_region.is_(True))
        .group_by(KboEnterprise.juridical_form)).all()
    labels = dict(session.execute(select(KboCode.code, KboCode.description)
                                  .where(KboCode.category == "JuridicalForm")).all())
    return sorted((Choice(code, labels.get(code, code or "onbekend")) for code, _n in forms if code),
                  key=lambda c: fold(c.label))


def start_years(session: Session) -> list[int]:
    return sorted(y for y in session.scalars(select(KboEnterprise.start_year).distinct()) if y)


def activities_of(session: Session, number: str) -> list[tuple[str, str, str, str]]:
    """(version label, dotted code, description, classification) of one enterprise."""
    label = select(KboCode.description).where(KboCode.category == "Nace" + KboActivity.nace_version,
                                              KboCode.code == KboActivity.nace_code).scalar_subquery()
    return [(nace.VERSION_LABELS.get(v, v), nace.dotted(c), d or "", k) for v, c, d, k in session.execute(
        select(KboActivity.nace_version, KboActivity.nace_code, label, KboActivity.classification)
        .where(KboActivity.enterprise_number == number)
        .order_by(KboActivity.classification, KboActivity.nace_version.desc(), KboActivity.nace_code))]


def situation_of(session: Session, number: str) -> str:
    """The Dutch description of the juridical situation (code.csv), or the code."""
    code = session.scalar(select(KboEnterprise.juridical_situation).where(KboEnterprise.enterprise_number == number))
    description = session.scalar(select(KboCode.description).where(KboCode.category == "JuridicalSituation",
                                                                   KboCode.code == code))
    return description or code or ""


def last_import(session: Session) -> KboImport | None:
    return session.scalar(select(KboImport).order_by(KboImport.id.desc()).limit(1))


def register_is_empty(session: Session) -> bool:
    return session.scalar(select(KboEnterprise.enterprise_number).limit(1)) is None

