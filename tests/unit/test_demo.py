"""The fictitious demo database: size, coverage, validity and determinism (real SQLite files, no mocks)."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import select
from stdnum.be import vat

from regisseur_app import demo
from regisseur_app.context import AppContext, AppPaths
from regisseur_app.domain.core import contact_service, organisation_service
from regisseur_app.domain.core import demo as inventory_demo
from regisseur_app.domain.core.base import ValidationError
from regisseur_app.domain.core.codelists import ORGANISATION_TYPE, list_items
from regisseur_app.domain.core.municipalities import Municipality, participating_codes
from regisseur_app.domain.core.organisations import Contact, Organisation
from regisseur_app.domain.core.settings import DEMO_DATABASE, get_setting
from regisseur_app.domain.core.setup import association_name, complete_setup, is_setup_done
from regisseur_app.domain.core.validation import is_valid_email, is_valid_phone
from regisseur_app.startup import open_context


def _paths(folder: Path, name: str = "demo.sqlite") -> AppPaths:
    return AppPaths.for_db(folder / name, log_dir=folder / "logs", config_dir=folder / "config")


def _populated(folder: Path, seed: int = demo.DEFAULT_SEED) -> AppContext:
    ctx = open_context(_paths(folder), demo=True)
    with ctx.transaction() as session:
        demo.populate_demo(session, seed)
    return ctx


@pytest.fixture(scope="module")
def demo_ctx(tmp_path_factory):
    ctx = demo.open_demo_context(_paths(tmp_path_factory.mktemp("demo")))
    yield ctx
    ctx.close()


@pytest.fixture
def session(demo_ctx):
    with demo_ctx.reading() as s:
        yield s


def _all_orgs(session) -> list[Organisation]:
    return list(session.scalars(select(Organisation).order_by(Organisation.id)))


def _snapshot(ctx: AppContext) -> tuple[list, list]:
    with ctx.reading() as s:
        orgs = [(o.name, o.kbo_number, o.type_label, o.city, o.municipalities, o.categories,
                 o.target_group_employees, o.archived)
                for archived in (False, True)
                for o in organisation_service.list_organisations(s, organisation_service.OrganisationFilter(
                    archived=archived))]
        contacts = [(c.name, c.function, c.organisation_name, c.email, c.phone, c.municipalities, c.archived)
                    for archived in (False, True)
                    for c in contact_service.list_contacts(s, contact_service.ContactFilter(archived=archived))]
    return orgs, contacts


def test_setup_and_demo_flag(session):
    assert is_setup_done(session)
    assert inventory_demo.is_demo_populated(session)
    assert get_setting(session, DEMO_DATABASE) == "1"
    assert "(demo)" in association_name(session) or "fictief" in association_name(session)
    assert sorted(participating_codes(session)) == sorted(inventory_demo.DEMO_MUNICIPALITIES)



def test_real_kinds_of_public_body_are_marked_as_demo(session):
    """What the module promises: a real kind of public body (a local government, a VDAB office, a knowledge
    centre) carries "(demo)", so nobody mistakes the fictitious people and numbers for theirs."""
    public = [o for o in _all_orgs(session) if o.type.code in {"lokaal_bestuur", "vdab", "kennisinstelling"}]
    assert len(public) >= 3
    assert [o.name for o in public if "(demo)" not in o.name] == []
    assert {o.type.code for o in public} == {"lokaal_bestuur", "vdab", "kennisinstelling"}


def test_enough_organisations_of_every_type(session):
    orgs = _all_orgs(session)
    assert len(orgs) >= 45
    used = {o.type.code for o in orgs}
    assert used == {item.code for item in list_items(session, ORGANISATION_TYPE)}
    assert 2 <= sum(o.archived for o in orgs) <= 3


def test_every_municipality_has_five_active_organisations(session):
    active_in = Counter(m.nis_code for o in _all_orgs(session) if not o.archived for m in o.municipalities)
    for nis in inventory_demo.DEMO_MUNICIPALITIES:
        assert active_in[nis] >= 5, nis
        rows = organisation_service.list_organisations(session, organisation_service.OrganisationFilter(
            nis_code=nis))
        assert len(rows) >= 5


def test_organisations_are_plausible(session):
    participating = set(inventory_demo.DEMO_MUNICIPALITIES)
    seats_outside = 0
    for org in _all_orgs(session):
        codes = {m.nis_code for m in org.municipalities}
        assert 1 <= len(codes) <= 5 and codes <= participating, org.name
        seat = session.get(Municipality, org.seat_nis_code)
        if seat.nis_code in participating:
            assert seat.nis_code in codes, org.name
            assert org.postcode in re.findall(r"\d{4}", seat.postcodes), org.name
        else:
            seats_outside += 1
        assert re.fullmatch(r"\D+ \d+", org.street), org.street
        assert org.website == "" or org.website.endswith(".example")
        categories = {c.code for c in org.categories}
        employees = org.target_group_employees
        match org.type.code:
            case "lokaal_bestuur" | "vdab" | "kennisinstelling":
                assert not categories and employees is None, org.name
            case "kringwinkel":
                assert {"hergebruik", "textiel"} <= categories
            case "maatwerkbedrijf":
                assert categories and 40 <= employees <= 250
            case "maatwerkafdeling":
                assert 5 <= employees <= 30
            case "lde":
                assert 3 <= employees <= 15
            case "arbeidszorg":
                assert 5 <= employees <= 25
    assert seats_outside >= 3


def test_one_local_government_per_municipality_with_a_schepen(session):
    for nis in inventory_demo.DEMO_MUNICIPALITIES:
        governments = [o for o in _all_orgs(session) if o.type.code == "lokaal_bestuur" and o.seat_nis_code == nis]
        assert len(governments) == 1
        functions = [c.function for c in governments[0].contacts if not c.archived]
        assert "schepen van sociale economie" in functions
    vdab = [o for o in _all_orgs(session) if o.type.code == "vdab"]
    assert vdab and all("VDAB" in o.name and "(demo)" in o.name for o in vdab)


def test_kbo_numbers_valid_and_unique(session):
    numbers = [o.kbo_number for o in _all_orgs(session)]
    assert all(n and vat.is_valid(n) for n in numbers)
    assert len(set(numbers)) == len(numbers)
    assert any(n.startswith("1") for n in numbers) and any(n.startswith("0") for n in numbers)


def test_contacts(session):
    active = contact_service.list_contacts(session)
    archived = contact_service.list_contacts(session, contact_service.ContactFilter(archived=True))
    assert len(active) >= 90
    assert len(archived) == 2
    contacts = list(session.scalars(select(Contact)))
    per_org = Counter(c.organisation_id for c in contacts)
    assert all(1 <= per_org[o.id] <= 3 for o in _all_orgs(session))
    assert len({c.name for c in contacts}) == len(contacts)
    without_email = [c for c in contacts if not c.email]
    assert 1 <= len(without_email) <= 10
    for c in contacts:
        assert c.municipalities, c.name
        assert is_valid_phone(c.phone)
        assert re.fullmatch(r"0\d{2,3} \d{2} \d{2} \d{2}", c.phone), c.phone
        if c.email:
            assert is_valid_email(c.email) and c.email.endswith(".example"), c.email


def test_same_seed_gives_same_database(tmp_path):
    first, second = _populated(tmp_path / "a"), _populated(tmp_path / "b")
    try:
        assert _snapshot(first) == _snapshot(second)
    finally:
        first.close()
        second.close()


def test_other_seed_gives_other_database(tmp_path):
    first, other = _populated(tmp_path / "a"), _populated(tmp_path / "b", seed=7)
    try:
        assert _snapshot(first) != _snapshot(other)
        with other.reading() as s:
            assert len(_all_orgs(s)) >= 45
            assert len(contact_service.list_contacts(s)) >= 90
    finally:
        first.close()
        other.close()


def test_populate_twice_does_not_duplicate(tmp_path):
    ctx = _populated(tmp_path)
    try:
        before = _snapshot(ctx)
        with ctx.transaction() as s:
            demo.populate_demo(s)
            demo.populate_demo(s, seed=99)
        assert _snapshot(ctx) == before
    finally:
        ctx.close()
    again = demo.open_demo_context(_paths(tmp_path))
    try:
        assert _snapshot(again) == before
    finally:
        again.close()


def test_refuses_a_database_with_real_data(tmp_path):
    ctx = open_context(_paths(tmp_path, "real.sqlite"))
    try:
        with ctx.transaction() as s:
            complete_setup(s, "IGO Echt", ["24008"])
        with pytest.raises(ValidationError), ctx.transaction() as s:
            demo.populate_demo(s)
        with ctx.reading() as s:
            assert not inventory_demo.is_demo_populated(s)
            assert association_name(s) == "IGO Echt"
            assert organisation_service.count_organisations(s) == 0
    finally:
        ctx.close()
