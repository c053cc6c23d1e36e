"""The KPI sources that aggregate in SQL give exactly the tables of a straightforward computation: every
row loaded through the ORM and counted in Python, on the small world of plan_support plus a few edge cases
(a contact without municipalities whose organisation has no seat, a seat outside the region, MVO reports
complete and incomplete, an organisation archived with MVO values). Compared for every scope and year."""

from datetime import datetime

import pytest
from sqlalchemy import select

from regisseur_app import features
from regisseur_app.domain.core.codelists import CodeItem
from regisseur_app.domain.core.municipalities import Municipality
from regisseur_app.domain.core.organisation_service import set_archived
from regisseur_app.domain.core.organisations import Contact, Organisation
from regisseur_app.domain.events.models import FINISHED, PRESENT, Event, EventParticipant
from regisseur_app.domain.mvo.indicators import list_indicators
from regisseur_app.domain.mvo.models import MvoValue
from regisseur_app.domain.referrals.models import REGULAR_WORK, Referral
from regisseur_app.features.spec import resolve
from regisseur_app.formatting import format_date
from tests.conftest import open_template_copy, paths_in
from tests.unit.events_support import contact, event, org
from tests.unit.mvo_support import put
from tests.unit.plan_support import BEK, GEE, KOR, LEUVEN, _present, build_world

SCOPES = (None, BEK, GEE, KOR, LEUVEN)
YEARS = (2024, 2025, 2026)
SE_TYPES = {"maatwerkbedrijf", "maatwerkafdeling", "lde", "arbeidszorg", "kringwinkel"}


@pytest.fixture(scope="module")
def world(tmp_path_factory, template_db):
    ctx = open_template_copy(template_db, paths_in(tmp_path_factory.mktemp("kpi_reference")))
    with ctx.transaction() as s:
        w = build_world(s)
        lonely = org(s, "Zonder Zetel", "maatwerkbedrijf")  # SE, no seat, no municipality
        outside = org(s, "Buiten Regio", "regulier", seat=LEUVEN)
        c5 = contact(s, "Eva Zonder", lonely)
        c6 = contact(s, "Frank Buiten", outside)
        c7 = contact(s, "Gert Geen", None)
        c8 = contact(s, "Hilde Seat", w["SE2"], municipalities=[KOR])  # own municipality wins over the seat
        e7 = event(s, "Netwerk najaar", start=datetime(2025, 11, 5, 14), status="afgelopen", municipalities=[GEE, KOR])
        _present(s, e7, [c5, c6, c7, c8])
        _present(s, e7, [contact(s, "Jan Spreker", lonely)], role="spreker")
        from regisseur_app.domain.events.service import get_event, save_event
        data = get_event(s, e7)
        data.partner_ids = [w["SE2"], w["SE3"], outside]
        save_event(s, data, e7)
        _present(s, w["events"]["E2"], [c8, c2_of(s)])
        _present(s, e7, [contact(s, "Ilse Afwezig", w["SE1"], municipalities=[BEK])], status="afgemeld")
        typed = [i for i in list_indicators(s) if not i.is_computed]
        complete = {i.code: ("x" if i.value_type == "tekst" else "ja" if i.value_type == "ja_nee" else "1")
                    for i in typed}
        put(s, w["SE1"], 2025, **complete)
        put(s, w["SE2"], 2025, dgw_personen="20")
        put(s, w["SE2"], 2024, **complete)
        put(s, lonely, 2025, dgw_personen="3", mvo_beleid="nee")
        put(s, w["SE4"], 2025, **complete)
        put(s, outside, 2025, dgw_personen="2")
        set_archived(s, [w["SE4"]], True)
    yield ctx
    ctx.close()


def c2_of(session) -> int:
    return session.scalar(select(Contact.id).where(Contact.name == "Bart Beta"))


def _municipalities(s, nis_code):
    query = select(Municipality.nis_code, Municipality.name)
    if nis_code is None:
        query = query.where(Municipality.participating.is_(True))
    else:
        query = query.where(Municipality.nis_code == nis_code)
    return sorted(s.execute(query), key=lambda m: m[1])


def _referrals(s, column, year, nis_code, doorstroom=False):
    counts = {}
    for r in s.scalars(select(Referral)):
        when = getattr(r, column)
        if when is not None and when.year == year and (not doorstroom or r.exit == REGULAR_WORK):
            counts[r.nis_code] = counts.get(r.nis_code, 0) + 1
    towns = _municipalities(s, nis_code)
    rows = [[name, counts.get(code, 0)] for code, name in towns]
    return rows + [["Totaal", sum(counts.get(code, 0) for code, _ in towns)]]


def _participants(s, year, nis_code):
    wanted = {m[0] for m in _municipalities(s, nis_code)}
    rows, total = [], 0
    held = sorted((e for e in s.scalars(select(Event)) if e.status == FINISHED and e.starts_at.year == year),
                  key=lambda e: e.starts_at)
    for e in held:
        count = 0
        for p in s.scalars(select(EventParticipant).where(EventParticipant.event_id == e.id)):
            codes = {m.nis_code for m in p.contact.municipalities}
            if not codes and p.contact.organisation and p.contact.organisation.seat_nis_code:
                codes = {p.contact.organisation.seat_nis_code}
            count += p.status == PRESENT and bool(codes & wanted)
        if count:
            rows.append([e.title, format_date(e.starts_at), count])
            total += count
    return rows + [["Totaal", "", total]]


def _se_organisations(s, _year, nis_code):
    codes = {m[0] for m in _municipalities(s, nis_code)}
    found = [o for o in s.scalars(select(Organisation))
             if not o.archived and o.type is not None and o.type.code in SE_TYPES
             and ({m.nis_code for m in o.municipalities} & codes or o.seat_nis_code in codes)]
    found.sort(key=lambda o: o.name)
    return [[o.name, o.type.label, o.seat.name if o.seat else "", 1] for o in found] + [["Totaal", "", "", len(found)]]


def _mvo_complete(s, year, nis_code):
    wanted = {i.id for i in list_indicators(s) if i.active and not i.is_computed}
    se_types = set(s.scalars(select(CodeItem.id).where(CodeItem.code.in_(SE_TYPES))))
    rows = []
    for o in sorted(s.scalars(select(Organisation)), key=lambda o: o.name):
        values = [v for v in s.scalars(select(MvoValue).where(MvoValue.organisation_id == o.id))]
        in_scope = nis_code is None or nis_code in {m.nis_code for m in o.municipalities}
        if o.archived or not in_scope or not any(v.year == year for v in values) or (
                o.type_id not in se_types and not values):
            continue
        filled = sum(1 for v in values if v.year == year and v.indicator_id in wanted
                     and (v.number is not None or bool(v.text)))
        rows.append([o.name, f"{filled} van {len(wanted)} ingevuld", 1 if wanted and filled >= len(wanted) else 0])
    organisations = "1 organisatie" if len(rows) == 1 else f"{len(rows)} organisaties"
    return rows + [["Totaal", organisations, sum(r[2] for r in rows)]]


def _se_presented(s, year, nis_code):
    se = {o.id for o in s.scalars(select(Organisation)) if o.type is not None and o.type.code in SE_TYPES}
    held = sorted((e for e in s.scalars(select(Event)) if e.status == FINISHED and e.starts_at.year == year
                   and (nis_code is None or not e.municipalities or nis_code in {m.nis_code for m in e.municipalities})),
                  key=lambda e: (e.starts_at, e.id))
    first = {}
    for e in held:
        presenting = [o for o in e.partners if o.id in se]
        presenting += [p.contact.organisation for p in s.scalars(select(EventParticipant).where(
            EventParticipant.event_id == e.id)) if p.status == PRESENT and p.role in ("spreker", "partner")
            and p.contact.organisation is not None and p.contact.organisation.id in se]
        for o in presenting:
            first.setdefault(o.id, (o.name, e))
    items = sorted(first.values(), key=lambda item: (item[1].starts_at, item[0]))
    return [[name, e.title, format_date(e.starts_at), 1] for name, e in items] + [["Totaal", "", "", len(items)]]


REFERENCE = {
    "referrals_made": lambda s, y, n: _referrals(s, "referral_date", y, n),
    "referrals_started": lambda s, y, n: _referrals(s, "start_date", y, n),
    "referrals_doorstroom": lambda s, y, n: _referrals(s, "exit_date", y, n, doorstroom=True),
    "events_participants": _participants,
    "core_se_organisations": _se_organisations,
    "mvo_reports_complete": _mvo_complete,
    "events_se_presented": _se_presented,
}


@pytest.mark.parametrize("key", sorted(REFERENCE))
def test_source_table_equals_the_straightforward_computation(world, key):
    compute = resolve(features.kpi_source(key).compute)
    with world.reading() as s:
        for year in YEARS:
            for nis_code in SCOPES:
                assert compute(s, year, nis_code).rows == REFERENCE[key](s, year, nis_code), (year, nis_code)


def test_the_edge_cases_are_in_the_world(world):
    """The comparison above means something: the edge cases change the counts the way they should."""
    with world.reading() as s:
        region = _participants(s, 2025, None)
        kortenaken = _participants(s, 2025, KOR)
        mvo = _mvo_complete(s, 2025, None)
    # E7 in 2025: c5 (no seat: nowhere), c6 (Leuven), c7 (nothing), c8 (own municipality KOR) -> 1 from the region
    assert ["Netwerk najaar", "05/11/2025", 1] in region
    assert kortenaken[-1] == ["Totaal", "", 2]  # c8 at E2 and at E7
    # SE1 complete; SE2 one value; Zonder Zetel two; Buiten Regio one (has values, so it reports); SE4 archived
    assert [r[0] for r in mvo[:-1]] == ["Buiten Regio", "Kringwinkel Beta", "Maatwerk Alfa", "Zonder Zetel"]
    assert mvo[-1][2] == 1
    presented = _se_presented_rows(world)
    # SE1 speaker at E1 (20/3), SE2 partner of E2 (1/6) and E7, SE3 archived but SE (partner of E7),
    # Zonder Zetel speaker at E7; Buiten Regio (regular) is no SE organisation
    assert [r[0] for r in presented[:-1]] == ["Maatwerk Alfa", "Kringwinkel Beta", "Maatwerk Gamma", "Zonder Zetel"]


def _se_presented_rows(ctx):
    with ctx.reading() as s:
        return _se_presented(s, 2025, None)


def test_survey_response_rate_equals_the_college_section(ctx):
    """The registered source (domain.survey.kpi_sources) gives the table of reports.survey.section, which
    test_survey_needs counts by hand: two surveys in 2025, one in 2024, invitees in two municipalities."""
    from regisseur_app.reports.survey.section import response_rate_kpi
    from tests.unit.survey_support import add_invited_surveys

    with ctx.transaction() as s:
        add_invited_surveys(s, BEK, GEE, KOR)
    compute = resolve(features.kpi_source("survey_response_rate").compute)
    with ctx.reading() as s:
        for year in YEARS:
            for nis_code in SCOPES:
                assert compute(s, year, nis_code) == response_rate_kpi(s, year, nis_code), (year, nis_code)
        region = compute(s, 2025, None)
    assert region.rows[-1] == ["Totaal", 6, 3, 50.0]  # A: 1 of 4, B: 2 of 2


def test_progress_equals_the_kpi_by_kpi_computation(world):
    """progress() reads the year's targets and hand values once for all KPIs; the result equals asking each KPI
    on its own (value_of, _entered): default plan with its targets, plus hand values and targets for the
    region, for municipalities, and for a municipality that is not participating."""
    from datetime import date

    from regisseur_app.domain.plan import default_plan, kpis, service
    from regisseur_app.domain.plan.models import Kpi
    from regisseur_app.reports.plan.sources import registered_sources

    sources = registered_sources()
    with world.transaction() as s:
        if not service.has_plan(s):
            default_plan.load_default_plan(s, 2025, sources=sources)
        objective = service.list_plan(s)[0].id
        by_hand = kpis.save_kpi(s, kpis.KpiInput(objective, "Werkbezoeken", ""), sources=sources)
        region_too = kpis.save_kpi(s, kpis.KpiInput(objective, "Overleg", ""), sources=sources)
        for kpi_id, year, nis, value, target in ((by_hand, 2025, BEK, 4, 3), (by_hand, 2025, GEE, 3, None),
                                                 (by_hand, 2025, LEUVEN, 50, 50), (region_too, 2025, None, 12, 20),
                                                 (region_too, 2025, KOR, 2, 1), (by_hand, 2026, BEK, 1, 9)):
            kpis.set_value(s, kpi_id, year, nis, value)
            kpis.set_target(s, kpi_id, year, nis, target)
    with world.reading() as s:
        for year in YEARS:
            for nis_code in SCOPES:
                got = kpis.progress(s, year, nis_code, date(2025, 7, 1), sources=sources)
                expected = []
                for kpi in s.scalars(select(Kpi)):
                    value = kpis.value_of(s, kpi, year, nis_code, sources=sources)
                    target = kpis._entered(s, kpis.KpiTarget, "target", kpi.id, year, nis_code)
                    expected.append((kpi.id, value, target, kpis.state_of(value, target, year, date(2025, 7, 1))))
                assert sorted((p.kpi_id, p.value, p.target, p.state) for p in got) == sorted(expected), (year, nis_code)
        region = {p.kpi_id: p for p in kpis.progress(s, 2025, None, date(2025, 7, 1), sources=sources)}
    assert (region[by_hand].value, region[by_hand].target) == (7, 3)  # BEK + GEE; Leuven is not participating
    assert (region[region_too].value, region[region_too].target) == (12, 20)  # entered for the region
