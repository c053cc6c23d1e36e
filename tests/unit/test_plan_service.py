"""Default plan, KPIs (targets, hand values, progress states), links, collaborations, report sections."""

from datetime import date, datetime

import pytest

from regisseur_app.domain.core.base import Base, ValidationError
from regisseur_app.domain.events.service import delete_event
from regisseur_app.domain.plan import collaborations, default_plan, kpis, links, service
from regisseur_app.domain.plan.settings import plan_period
from regisseur_app.reports.content import Scope
from regisseur_app.reports.plan import section
from regisseur_app.reports.plan.sources import registered_sources
from tests.unit.events_support import event, org, type_id
from tests.unit.referral_helpers import NN_1985

BEK, GEE = "24008", "24028"
SOURCES = registered_sources()


@pytest.fixture
def planned(ctx):
    with ctx.transaction() as s:
        default_plan.load_default_plan(s, 2025, sources=SOURCES)
    return ctx


def test_default_plan_follows_the_nota(planned):
    with planned.reading() as s:
        plan = service.list_plan(s)
        progress = kpis.progress(s, 2025, sources=SOURCES)
        period = plan_period(s)
    assert [o.number for o in plan] == ["1", "2", "3", "4", "5", "6"]
    assert [len(o.actions) for o in plan] == [3, 3, 4, 3, 3, 3]
    assert plan[1].actions[0].title == "Voorstelling van de sociale-economieorganisaties"
    actions = [a for o in plan for a in o.actions]
    assert all(a.priorities for a in actions)
    assert {p for a in actions for p in a.priorities} == {"WSE-LR1", "WSE-LR2", "WSE-LR3", "WSE-LR4"}
    assert all(len(a.executions) == 5 and {e.status for e in a.executions} == {"niet_gestart"} for a in actions)
    per_objective = {o.id: sum(p.objective_id == o.id for p in progress) for o in plan}
    assert min(per_objective.values()) >= 2
    assert all(p.target is not None for p in progress)
    assert (period.start_year, period.end_year) == (2025, 2030)
    with pytest.raises(ValidationError):
        with planned.transaction() as s:
            default_plan.load_default_plan(s, 2025, sources=SOURCES)


def test_default_kpis_use_only_registered_sources(planned):
    with planned.reading() as s:
        keys = {p.source_key for p in kpis.progress(s, 2025, sources=SOURCES)} - {None}
    assert keys <= set(SOURCES)
    assert {"events_network_held", "plan_new_collaborations", "referrals_made"} <= keys


def _hand_kpi(ctx) -> int:
    with ctx.transaction() as s:
        objective = service.list_plan(s)[0].id
        return kpis.save_kpi(s, kpis.KpiInput(objective, "Werkbezoeken", ""), sources=SOURCES)


def test_hand_kpi_region_value_and_states(planned):
    kpi_id = _hand_kpi(planned)
    today = date(2026, 6, 30)
    with planned.transaction() as s:
        kpis.set_target(s, kpi_id, 2025, None, 10)
        kpis.set_value(s, kpi_id, 2025, BEK, 4)
        kpis.set_value(s, kpi_id, 2025, GEE, 3)
        kpis.set_target(s, kpi_id, 2026, None, 12)
        kpis.set_target(s, kpi_id, 2027, None, 5)
        kpis.set_value(s, kpi_id, 2026, BEK, 6)

    def state(year, nis=None):
        with planned.reading() as s:
            p = next(p for p in kpis.progress(s, year, nis, today=today, sources=SOURCES) if p.kpi_id == kpi_id)
        return p.value, p.target, p.state

    assert state(2025) == (7.0, 10.0, kpis.MISSED)        # the sum of the municipalities
    assert state(2025, BEK) == (4.0, None, kpis.NO_TARGET)
    assert state(2026) == (6.0, 12.0, kpis.ON_TRACK)      # 181 of 365 days gone: 5,95 expected
    with planned.transaction() as s:
        kpis.set_value(s, kpi_id, 2026, BEK, 5)
        kpis.set_value(s, kpi_id, 2025, None, 12)       # entered for the region: overrides the sum
    assert state(2026)[2] == kpis.BEHIND
    assert state(2025) == (12.0, 10.0, kpis.REACHED)
    assert state(2027)[2] == kpis.FUTURE
    with planned.transaction() as s:
        previous = kpis.set_value(s, kpi_id, 2025, None, None)
        figures = kpis.figures(s, kpi_id, 2025, None, sources=SOURCES)
    assert previous == 12.0
    assert figures.rows[-1] == ["Totaal", 7.0]


def test_computed_kpi_takes_no_hand_value(planned):
    with planned.transaction() as s:
        p = next(p for p in kpis.progress(s, 2025, sources=SOURCES) if p.source_key == "plan_new_collaborations")
        assert p.value == 0.0
        with pytest.raises(ValidationError):
            kpis.set_value(s, p.kpi_id, 2025, None, 3)
        with pytest.raises(ValidationError):
            kpis.save_kpi(s, kpis.KpiInput(p.objective_id, "X", "", "no_such_source"), sources=SOURCES)


def test_links_resolve_titles_and_survive_a_deleted_target(planned):
    with planned.transaction() as s:
        action = service.list_actions(s)[0].id
        eid = event(s, "Netwerkmoment", start=datetime(2025, 3, 20, 14))
        oid = org(s, "Maatwerk Alfa", "maatwerkbedrijf")
        links.add_link(s, action, "event", eid)
        links.add_link(s, action, "organisation", oid)
        links.add_link(s, action, "event", eid)  # twice: kept once
        rows = links.list_links(s, action)
        assert [(r.kind_label, r.title) for r in rows] == [("Evenement", "Netwerkmoment (20/03/2025)"),
                                                            ("Organisatie", "Maatwerk Alfa")]
        with pytest.raises(ValidationError):
            links.add_link(s, action, "event", 9999)
        delete_event(s, eid)
        assert [r.title for r in links.list_links(s, action)][0] == links.GONE
    assert ("survey" in links.available_kinds()) == ("survey" in Base.metadata.tables)


def test_collaboration_validation(planned):
    with planned.transaction() as s:
        type_ = type_id(s, service.COLLABORATION_TYPE, "opdracht_se")
        oid = org(s, "Maatwerk Alfa", "maatwerkbedrijf")
        data = collaborations.CollaborationInput(date(2025, 3, 1), "Opdracht", type_, BEK, 1000.0, 1)
        assert "parties" in collaborations.validate(s, data)
        data.parties = [(oid, "uitvoerder")]
        assert collaborations.validate(s, data) == {}
        data.description = f"Voor {NN_1985}"
        assert "description" in collaborations.validate(s, data)
        data.description, data.estimated_value = "", -5.0
        assert "estimated_value" in collaborations.validate(s, data)


def test_sections_say_so_without_data(ctx):
    with ctx.reading() as s:
        plan = section.build(s, Scope.year(2025))
        collab = section.build_collaborations(s, Scope.year(2025, BEK, "Bekkevoort"))
    assert not plan.has_data and plan.blocks[0].text.startswith("Er is nog geen actieplan ingevoerd")
    assert not collab.has_data and "Bekkevoort" in collab.blocks[0].text


def test_plan_section_with_a_plan(planned):
    with planned.reading() as s:
        content = section.build(s, Scope.year(2025, BEK, "Bekkevoort"))
        outside = section.build(s, Scope.year(2019))
    assert content.has_data
    titles = [t.title for t in content.tables]
    assert titles[0].startswith("Subsidievoorwaarde 2025")
    assert len(content.tables[0].rows) == 4  # one row per WSE-LR priority
    assert not outside.has_data and "2019 valt erbuiten" in outside.blocks[0].text
