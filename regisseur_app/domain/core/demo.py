"""The demo database (`regisseur-app --demo`): FICTITIOUS organisations and contacts.

Every organisation, person, address, KBO number, e-mail address, phone number and note made here is
fictitious. Names are invented (organisations) or composed from lists of common Flemish first and
last names (people); e-mail and web addresses use the reserved top-level domain `.example`; the
association is called "IGO Hageland (demo)" and real kinds of public body carry "(demo)" in their
name. Only the five municipalities, their postcodes and places are real.

The data are made deterministically from `random.Random(seed)`: the same seed gives the same
database (no clock, no set or hash ordering), and everything goes through the services
(`save_organisation`, `save_contact`), so it passes the same validation as user input.
"""

from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from stdnum.be import vat

from regisseur_app.domain.core import demo_data as data
from regisseur_app.domain.core.base import ValidationError
from regisseur_app.domain.core.codelists import ORGANISATION_TYPE, SERVICE_CATEGORY, list_items
from regisseur_app.domain.core.contact_service import ContactInput, save_contact
from regisseur_app.domain.core.organisation_service import OrganisationInput, save_organisation
from regisseur_app.domain.core.organisations import Contact, Organisation
from regisseur_app.domain.core.settings import DEMO_DATABASE, get_setting, set_setting
from regisseur_app.domain.core.setup import complete_setup, is_setup_done
from regisseur_app.domain.core.validation import format_kbo

DEMO_ASSOCIATION = "IGO Hageland (demo)"
# Bekkevoort, Geetbets, Glabbeek, Kortenaken, Tielt-Winge
DEMO_MUNICIPALITIES = ["24008", "24028", "24137", "24054", "24135"]
DEFAULT_SEED = 2025
MIN_CONTACTS = 95
SCHEPEN = "schepen van sociale economie"


@dataclass(frozen=True)
class TypeRule:
    """How organisations of one type look: how many, their services, size, people and reach."""

    count: int
    functions: tuple[str, ...]
    always: tuple[str, ...] = ()          # service categories every one of them has (besides the
    optional: tuple[str, ...] = ()        # ones its name implies, demo_data); more to pick from ...
    n_optional: tuple[int, int] = (0, 0)  # ... this many
    employees: tuple[int, int] | None = None  # target-group employees (None: not applicable)
    contacts: tuple[int, int] = (1, 3)
    reach: tuple[int, int] = (1, 3)       # active in this many participating municipalities
    industrial: bool = False              # seat on an industrial estate


# lokaal_bestuur: one per participating municipality; vdab and kennisinstelling: fixed seats.
TYPE_RULES: dict[str, TypeRule] = {
    "maatwerkbedrijf": TypeRule(
        7, ("directeur", "HR-verantwoordelijke", "jobcoach", "trajectbegeleider", "MVO-coördinator",
            "verantwoordelijke sales en projecten"),
        optional=("groenonderhoud", "schoonmaak", "logistiek", "renovatie", "catering", "ict_refurbishing",
                  "fietsherstel"),
        n_optional=(1, 3), employees=(40, 250), contacts=(2, 3), reach=(2, 5), industrial=True),
    "maatwerkafdeling": TypeRule(
        5, ("zaakvoerder", "afdelingsverantwoordelijke maatwerk", "jobcoach", "HR-verantwoordelijke"),
        employees=(5, 30), reach=(1, 3), industrial=True),
    "lde": TypeRule(
        4, ("coördinator", "jobcoach", "trajectbegeleider"), employees=(3, 15), contacts=(1, 2), reach=(1, 2)),
    "arbeidszorg": TypeRule(
        5, ("coördinator arbeidszorg", "begeleider arbeidszorg", "maatschappelijk werker"),
        optional=("groenonderhoud", "hergebruik", "textiel"), n_optional=(0, 1), employees=(5, 25), reach=(1, 3)),
    "kringwinkel": TypeRule(
        3, ("winkelverantwoordelijke", "directeur", "jobcoach"), always=("hergebruik", "textiel"),
        optional=("fietsherstel", "ict_refurbishing"), n_optional=(0, 1), employees=(15, 60), reach=(2, 5)),
    "regulier": TypeRule(
        8, ("zaakvoerder", "HR-manager", "MVO-coördinator", "aankoper", "productieverantwoordelijke"),
        reach=(1, 2), industrial=True),
    "lokaal_bestuur": TypeRule(
        len(DEMO_MUNICIPALITIES), ("OCMW-voorzitter", "diensthoofd welzijn", "maatschappelijk werker",
                                   "beleidsmedewerker lokale economie", "algemeen directeur"),
        contacts=(3, 3), reach=(1, 1)),
    "vdab": TypeRule(
        2, ("bemiddelaar VDAB", "accountmanager sociale economie", "consulent gespecialiseerde screening",
            "teamleider werkwinkel"), contacts=(2, 3), reach=(3, 5)),
    "kennisinstelling": TypeRule(
        2, ("onderzoeker", "docent sociaal werk", "stagecoördinator"), contacts=(1, 2), reach=(2, 5)),
    "middenveld": TypeRule(
        4, ("coördinator", "voorzitter", "vrijwilligersverantwoordelijke", "opbouwwerker"), reach=(1, 3)),
    "andere": TypeRule(
        2, ("coördinator", "directeur", "projectmedewerker"), reach=(1, 4)),
}
ARCHIVABLE_TYPES = ("lde", "regulier", "middenveld", "andere", "maatwerkafdeling")
SEATS_OUTSIDE = 4          # organisations of the free types with their seat outside the five
NEW_SERIES_KBO = 3         # organisations with a 1-series enterprise number (since 2023)


@dataclass
class _ContactPlan:
    name: str
    function: str
    email: str
    phone: str
    municipalities: list[str]
    notes: str = ""
    archived: bool = False


@dataclass
class _OrgPlan:
    type_code: str
    name: str
    seat: str
    active: list[str] = field(default_factory=list)
    street: str = ""
    postcode: str = ""
    city: str = ""
    categories: list[str] = field(default_factory=list)
    employees: int | None = None
    kbo: str = ""
    website: str = ""
    notes: str = ""
    archived: bool = False
    kbo_kind: str = "company"
    contacts: list[_ContactPlan] = field(default_factory=list)


def is_demo_populated(session: Session) -> bool:
    return get_setting(session, DEMO_DATABASE) == "1"


def populate_inventory(session: Session, seed: int = DEFAULT_SEED) -> None:
    """The fictitious association, organisations and contacts; refuses a database with real data."""
    has_data = session.scalar(select(func.count()).select_from(Organisation)) or session.scalar(
        select(func.count()).select_from(Contact))
    if is_setup_done(session) or has_data:
        raise ValidationError({"demo": "Deze database is al in gebruik en is geen demodatabase; de fictieve "
                                       "demogegevens worden er niet in geladen."})
    complete_setup(session, DEMO_ASSOCIATION, DEMO_MUNICIPALITIES)
    set_setting(session, DEMO_DATABASE, "1")
    type_ids = {i.code: i.id for i in list_items(session, ORGANISATION_TYPE, include_inactive=True)}
    category_ids = {i.code: i.id for i in list_items(session, SERVICE_CATEGORY, include_inactive=True)}
    for org in _plan(seed):
        if org.type_code not in type_ids:
            continue
        org_id = save_organisation(session, OrganisationInput(
            name=org.name, type_id=type_ids[org.type_code], kbo_number=org.kbo, street=org.street,
            postcode=org.postcode, city=org.city, seat_nis_code=org.seat, municipality_codes=org.active,
            category_ids=[category_ids[c] for c in org.categories if c in category_ids],
            target_group_employees=org.employees, website=org.website, notes=org.notes, archived=org.archived))
        for person in org.contacts:
            save_contact(session, ContactInput(
                name=person.name, function=person.function, organisation_id=org_id, email=person.email,
                phone=person.phone, municipality_codes=person.municipalities, notes=person.notes,
                archived=person.archived))


# -- the plan: pure data, made from the seed alone ---------------------------------------------

def _plan(seed: int) -> list[_OrgPlan]:
    rng = random.Random(seed)
    orgs = [_OrgPlan("lokaal_bestuur", data.LOCAL_GOVERNMENT_NAME.format(municipality=data.PLACES[nis][0][1]),
                     nis) for nis in DEMO_MUNICIPALITIES]
    for code, pool in (("vdab", data.VDAB_OFFICES), ("kennisinstelling", data.KNOWLEDGE_INSTITUTIONS)):
        orgs += [_OrgPlan(code, name, seat) for name, seat in rng.sample(pool, TYPE_RULES[code].count)]
    free = [_OrgPlan(code, name, "", categories=list(implied)) for code, names in data.ORGANISATION_NAMES.items()
            for name, implied in rng.sample(names, TYPE_RULES[code].count)]
    order = rng.sample(range(len(free)), len(free))
    outside = rng.sample(data.OUTSIDE_SEATS, len(data.OUTSIDE_SEATS))
    inside = rng.sample(DEMO_MUNICIPALITIES, len(DEMO_MUNICIPALITIES))
    for n, index in enumerate(order):
        free[index].seat = outside[n % len(outside)] if n < SEATS_OUTSIDE else inside[n % len(inside)]
    archivable = [i for i, org in enumerate(free) if org.type_code in ARCHIVABLE_TYPES]
    for index in rng.sample(archivable, rng.randint(2, 3)):
        free[index].archived = True
    for index in rng.sample(range(len(free)), NEW_SERIES_KBO):
        free[index].kbo_kind = "new"
    orgs += free
    used_kbo: set[str] = set()
    for org in orgs:
        _fill_organisation(rng, org, TYPE_RULES[org.type_code], _kbo(rng, used_kbo, _kbo_kind(org)))
    _plan_contacts(rng, orgs)
    return orgs


def _fill_organisation(rng: random.Random, org: _OrgPlan, rule: TypeRule, kbo: str) -> None:
    places = data.PLACES[org.seat]
    if org.type_code == "lokaal_bestuur":
        org.postcode, org.city = places[0]
        org.street = f"{rng.choice(data.TOWN_HALL_STREETS)} {rng.randint(1, 20)}"
    else:
        org.postcode, org.city = rng.choice(places)
        streets = data.INDUSTRIAL_STREETS if rule.industrial and rng.random() < 0.7 else data.STREETS
        org.street = f"{rng.choice(streets)} {rng.randint(1, 180)}"
    k = rng.randint(*rule.reach)
    if org.seat in DEMO_MUNICIPALITIES:
        others = [c for c in DEMO_MUNICIPALITIES if c != org.seat]
        org.active = sorted([org.seat, *rng.sample(others, k - 1)])
    else:
        org.active = sorted(rng.sample(DEMO_MUNICIPALITIES, k))
    extra = rng.sample(rule.optional, rng.randint(*rule.n_optional))
    org.categories = list(dict.fromkeys([*org.categories, *rule.always, *extra]))  # ordered, no repeats
    org.employees = rng.randint(*rule.employees) if rule.employees else None
    org.kbo = kbo
    if org.type_code in ("lokaal_bestuur", "vdab") or rng.random() < 0.85:
        org.website = f"www.{_domain(org.name)}"
    if org.archived:
        org.notes = rng.choice(data.ARCHIVED_ORGANISATION_NOTES)
    elif rng.random() < 0.4:
        org.notes = rng.choice(data.ORGANISATION_NOTES)


def _plan_contacts(rng: random.Random, orgs: list[_OrgPlan]) -> None:
    counts = [rng.randint(*TYPE_RULES[org.type_code].contacts) for org in orgs]
    while sum(counts) < MIN_CONTACTS:
        i = rng.randrange(len(orgs))
        counts[i] = min(3, counts[i] + 1)
    used_names: set[str] = set()
    people: list[_ContactPlan] = []
    for org, n in zip(orgs, counts, strict=True):
        rule = TYPE_RULES[org.type_code]
        functions = rng.sample(rule.functions, min(n, len(rule.functions)))
        if org.type_code == "lokaal_bestuur":
            functions = [SCHEPEN, *functions[: n - 1]]
        for function in functions:
            first, last = _new_person(rng, used_names)
            local = f"{_slug(first)}.{_slug(last).replace('-', '')}"
            zone = org.seat if rng.random() < 0.6 else None
            where = [org.seat] if org.type_code == "lokaal_bestuur" else sorted(
                rng.sample(org.active, rng.randint(1, min(2, len(org.active)))))
            person = _ContactPlan(f"{first} {last}", function, f"{local}@{_domain(org.name)}", _phone(rng, zone),
                                  where, rng.choice(data.CONTACT_NOTES) if rng.random() < 0.15 else "")
            org.contacts.append(person)
            people.append(person)
    for person in rng.sample(people, rng.randint(4, 7)):
        person.email = ""
    active_people = [p for org in orgs if not org.archived for p in org.contacts if p.function != SCHEPEN]
    for person in rng.sample(active_people, 2):
        person.archived, person.notes = True, data.ARCHIVED_CONTACT_NOTE


def _new_person(rng: random.Random, used: set[str]) -> tuple[str, str]:
    while True:
        first, last = rng.choice(data.FIRST_NAMES), rng.choice(data.LAST_NAMES)
        if f"{first} {last}" not in used:
            used.add(f"{first} {last}")
            return first, last


def _kbo_kind(org: _OrgPlan) -> str:
    if org.type_code == "lokaal_bestuur":
        return "municipal"
    return "public" if org.type_code in ("vdab", "kennisinstelling") else org.kbo_kind


def _kbo(rng: random.Random, used: set[str], kind: str) -> str:
    """A fictitious enterprise number that passes the mod-97 check, formatted 0xxx.xxx.xxx."""
    while True:
        if kind == "new":
            base = f"100{rng.randrange(10**5):05d}"
        elif kind == "municipal":
            base = f"0207{rng.randrange(10**4):04d}"
        elif kind == "public":
            base = f"02{rng.randint(1, 9)}{rng.randrange(10**5):05d}"
        else:
            base = f"0{rng.choice('45678')}{rng.randrange(10**6):06d}"
        number = f"{base}{97 - int(base) % 97:02d}"
        if vat.is_valid(number) and number not in used:
            used.add(number)
            return format_kbo(number)


def _phone(rng: random.Random, seat: str | None) -> str:
    """A Belgian number: a landline in the seat's zone ("016 12 34 56") or a mobile ("0470 12 34 56")."""
    if seat is not None:
        return f"{data.PHONE_ZONES[seat]} {rng.randint(20, 89)} {rng.randint(10, 99)} {rng.randint(10, 99)}"
    return f"{rng.choice(data.MOBILE_PREFIXES)} {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}"


def _slug(text: str) -> str:
    folded = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")


def _domain(org_name: str) -> str:
    """A reserved, never-real domain for an organisation: 'velpdal-maatwerk.example'."""
    return _slug(re.split(r" – |, ", org_name.replace("(demo)", ""))[0]) + ".example"
