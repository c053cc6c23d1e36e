"""The plan is loaded once per session (domain/core/memo.py) and shared by the subsidy check, the roll-ups,
the KPI sources and the report section. These tests compare the shared answers with the old behaviour: the
subsidy check as it was written before (kept here as the reference), the SE-assignment filter as the query it
used to be, and every answer computed alone in a fresh session; and they change the plan inside a session
that already remembered it (status changes, a municipality that stops taking part, a new priority, ...)."""

from datetime import date

import pytest
from sqlalchemy import select, update
from sqlalchemy.orm import selectinload

from regisseur_app.domain.core import codelists, memo, municipalities
from regisseur_app.domain.core.kpi_sources import se_organisation_ids
from regisseur_app.domain.core.municipalities import Municipality
from regisseur_app.domain.plan import collaborations, kpi_sources, kpis, links, rollup, service, subsidy
from regisseur_app.domain.plan.models import (
    NOT_STARTED,
    POSTPONED,
    REALISED,
    ROLE_CLIENT,
    ROLE_SUPPLIER,
    ROLES,
    RUNNING,
    Collaboration,
    CollaborationParty,
    Objective,
    PlanAction,
)
from regisseur_app.domain.plan.service import ActionInput, ExecutionInput, ObjectiveInput
from regisseur_app.domain.plan.settings import plan_period, set_plan_period
from regisseur_app.reports.plan.sources import registered_sources
from tests.unit.events_support import type_id
from tests.unit.plan_support import BEK, GEE, KOR, LEUVEN, build_world

TODAY = date(2026, 6, 30)
YEARS = (2024, 2025, 2026, 2027, 2028)


def old_check(session, year, today, nis_codes=None):
    """subsidy.check as it was before the plan was shared (one fresh load of everything per call)."""
    period = plan_period(session)
    towns = [m for m in municipalities.list_municipalities(session, participating_only=True)
             if nis_codes is None or m.nis_code in nis_codes]
    priorities = codelists.list_items(session, service.PRIORITY_LIST)
    actions = [a for o in old_load_plan(session) for a in o.actions]
    result = []
    for town in towns:
        checks = []
        for priority in priorities:
            tagged = [(a, a.execution(town.nis_code)) for a in actions if priority.code in a.priorities]
            tagged = [(a, e) for a, e in tagged if e is not None and e.overlaps(year)]
            counting = tuple(subsidy._item(a, e) for a, e in tagged if subsidy.counts(e, year, today))
            pending = tuple(subsidy._item(a, e) for a, e in tagged if not subsidy.counts(e, year, today))
            if period is None or not period.covers(year):
                state = subsidy.NOT_APPLICABLE
            elif counting:
                state = subsidy.MET
            elif pending and year >= today.year:
                state = subsidy.AT_RISK
            else:
                state = subsidy.NOT_MET
            checks.append(subsidy.PriorityCheck(priority.code, priority.label, year, town.nis_code, town.name, state,
                                                counting, pending))
        result.append(subsidy.MunicipalityCheck(town.nis_code, town.name, year, tuple(checks)))
    return result


def old_load_plan(session):
    """service.list_plan as it was: the ORM objects with their relationships loaded by selectinload."""
    names = dict(session.execute(select(Municipality.nis_code, Municipality.name)).all())
    objectives = session.scalars(select(Objective).order_by(Objective.position, Objective.id).options(
        selectinload(Objective.actions).selectinload(PlanAction.priorities),
        selectinload(Objective.actions).selectinload(PlanAction.municipalities)))
    result = []
    for o in objectives:
        actions = []
        for a in o.actions:
            executions = sorted((service.ExecutionRow(e.id, a.id, e.nis_code, names.get(e.nis_code, e.nis_code),
                                                      e.status, e.owner, e.start_date, e.end_date, e.notes, e.result,
                                                      e.status_date) for e in a.municipalities),
                                key=lambda e: e.municipality)
            actions.append(service.ActionRow(a.id, o.id, o.number, a.number, a.title, a.description,
                                             tuple(sorted(p.code for p in a.priorities)), tuple(executions)))
        result.append(service.ObjectiveRow(o.id, o.number, o.title, o.description, tuple(actions)))
    return result


def old_list_collaborations(session, year=None, nis_code=None):
    """collaborations.list_collaborations as it was: ORM objects with type, parties and organisations."""
    names = dict(session.execute(select(Municipality.nis_code, Municipality.name)).all())
    rows = list(session.scalars(select(Collaboration).where(*collaborations.in_scope(year, nis_code))
                                .options(selectinload(Collaboration.type),
                                         selectinload(Collaboration.parties).selectinload(CollaborationParty.organisation))
                                .order_by(Collaboration.on_date.desc(), Collaboration.id.desc())))
    events = links.titles(session, "event", [r.event_id for r in rows if r.event_id is not None])
    actions = {a.id: f"Actie {a.number}" for a in session.scalars(
        select(PlanAction).where(PlanAction.id.in_([r.action_id for r in rows if r.action_id is not None])))}
    result = []
    for r in rows:
        parties = "; ".join(f"{p.organisation.name} ({ROLES[p.role].lower()})"
                            for p in sorted(r.parties, key=lambda p: (list(ROLES).index(p.role), p.organisation.name)))
        origin = ", ".join(x for x in (actions.get(r.action_id, ""),
                                       events.get(r.event_id, links.GONE) if r.event_id is not None else "") if x)
        result.append(collaborations.CollaborationRow(
            r.id, r.on_date, r.title, r.type.code, r.type.label, r.nis_code,
            names.get(r.nis_code, "Regio") if r.nis_code else "Regio", r.estimated_value, r.jobs, parties, origin,
            r.description, tuple(sorted(p.organisation_id for p in r.parties if p.role == ROLE_SUPPLIER))))
    return result


def old_assignments_to_se(session, year, nis_code):
    """kpi_sources._assignments_to_se as it was: the collaborations queried again with their parties."""
    se_ids = se_organisation_ids(session)
    ids = {c.id for c in session.query(Collaboration).filter(*collaborations.in_scope(year, nis_code))
           if any(p.role == ROLE_SUPPLIER and p.organisation_id in se_ids for p in c.parties)}
    return [r.id for r in kpi_sources._rows(session, year, nis_code) if r.id in ids]


def _action(s, objective_id, number, tags, executions):
    priorities = {i.code: i.id for i in codelists.list_items(s, service.PRIORITY_LIST)}
    action_id = service.save_action(s, ActionInput(objective_id, number, f"Actie {number}", "",
                                                   [priorities[t] for t in tags], list(executions)))
    rows = {e.nis_code: e.id for a in service.list_actions(s) if a.id == action_id for e in a.executions}
    for nis, (status, start, end) in executions.items():
        service.update_execution(s, rows[nis], ExecutionInput(status, "Regisseur", start, end), today=TODAY)
    return action_id


@pytest.fixture
def plan(ctx):
    """Two objectives. A (LR1): BEK lopend since 2025, GEE niet gestart autumn 2026. B (LR2, LR4): BEK
    gerealiseerd H1 2025, GEE lopend from 1/8/2026. C (LR3): BEK uitgesteld 2026. D: no WSE-LR priority, BEK
    lopend. E (LR1) in Leuven, which does not take part, and in KOR without dates. Objective 2 has no actions.
    KPIs: the default sources plus hand-entered ones, with targets only for 2025; the world of plan_support
    gives collaborations (also for 2026 and region-wide)."""
    with ctx.transaction() as s:
        world = build_world(s)
        set_plan_period(s, 2025, 2027)
        first = service.save_objective(s, ObjectiveInput("1", "Doel een"))
        service.save_objective(s, ObjectiveInput("2", "Doel twee zonder acties"))
        a = _action(s, first, "A", ["WSE-LR1"], {BEK: (RUNNING, date(2025, 1, 1), None),
                                             GEE: (NOT_STARTED, date(2026, 9, 1), date(2026, 12, 31))})
        _action(s, first, "B", ["WSE-LR2", "WSE-LR4"], {BEK: (REALISED, date(2025, 2, 1), date(2025, 6, 30)),
                                                        GEE: (RUNNING, date(2026, 8, 1), None)})
        _action(s, first, "C", ["WSE-LR3"], {BEK: (POSTPONED, date(2026, 1, 1), date(2026, 12, 31))})
        _action(s, first, "D", [], {BEK: (RUNNING, date(2025, 3, 1), None)})
        _action(s, first, "E", ["WSE-LR1"], {LEUVEN: (RUNNING, date(2025, 1, 1), None), KOR: (REALISED, None, None)})
        collaborations.save(s, collaborations.CollaborationInput(
            date(2025, 4, 1), "Uit actie A en het MVO-ontbijt", type_id(s, service.COLLABORATION_TYPE, "opdracht_se"),
            BEK, 1500.0, 1, event_id=world["events"]["E4"], action_id=a,
            parties=[(world["SE2"], ROLE_SUPPLIER), (world["SE1"], ROLE_CLIENT), (world["REG"], ROLE_SUPPLIER)]))
        sources = registered_sources()
        by_hand = kpis.save_kpi(s, kpis.KpiInput(first, "Gesprekken", "gesprekken"), sources=sources)
        computed = kpis.save_kpi(s, kpis.KpiInput(first, "Opdrachten", "€", "plan_assignment_value"), sources=sources)
        kpis.set_value(s, by_hand, 2025, BEK, 4)
        kpis.set_value(s, by_hand, 2025, GEE, 3)
        kpis.set_target(s, by_hand, 2025, None, 10)
        kpis.set_target(s, computed, 2025, BEK, 5000)
    return ctx


def _answers(s):
    """Everything the plan's readers answer, for every year and scope, asked in one session."""
    sources = registered_sources()
    out = {}
    for year in YEARS:
        out["check", year] = subsidy.check(s, year, TODAY)
        for nis in (BEK, GEE, KOR, LEUVEN):
            out["check", year, nis] = subsidy.check(s, year, TODAY, nis_codes=[nis])
        out["municipality", year] = rollup.by_municipality(s, year)
        for nis in (None, BEK, GEE, KOR, LEUVEN):
            out["objective", year, nis] = rollup.by_objective(s, nis, year)
            out["progress", year, nis] = kpis.progress(s, year, nis, TODAY, sources=sources)
            out["collaborations", year, nis] = collaborations.list_collaborations(s, year, nis)
            out["assignments", year, nis] = [r.id for r in kpi_sources._assignments_to_se(s, year, nis)]
    out["municipality", None] = rollup.by_municipality(s)
    out["objective", None, None] = rollup.by_objective(s)
    out["collaborations"] = collaborations.list_collaborations(s)
    out["plan"] = service.list_plan(s)
    return out


def _alone(ctx, ask):
    with ctx.reading() as s:
        return ask(s)


def test_shared_answers_equal_the_old_ones_computed_alone(plan):
    with plan.reading() as s:
        shared = _answers(s)
    for key, answer in shared.items():
        kind = key[0] if isinstance(key, tuple) else key
        if kind == "check":
            year, nis = key[1], key[2] if len(key) > 2 else None
            assert answer == _alone(plan, lambda s, y=year, n=nis: old_check(s, y, TODAY, None if n is None else [n]))
        elif kind == "collaborations" and isinstance(key, tuple):
            assert answer == _alone(plan, lambda s, k=key: old_list_collaborations(s, k[1], k[2]))
        elif kind == "assignments":
            assert answer == _alone(plan, lambda s, k=key: old_assignments_to_se(s, k[1], k[2]))
    assert shared["collaborations"] == _alone(plan, old_list_collaborations)
    linked = next(r for r in shared["collaborations"] if r.title.startswith("Uit actie A"))
    assert linked.origin.startswith("Actie A, MVO-ontbijt")
    assert linked.parties == "Maatwerk Alfa (opdrachtgever); Bouw Epsilon (uitvoerder); Kringwinkel Beta (uitvoerder)"
    # and every answer equals the one a fresh session gives for that question alone
    alone = {}
    for key in shared:
        alone[key] = _alone(plan, lambda s, k=key: _answers(s)[k])
    assert alone == shared


def test_the_plan_is_loaded_as_the_old_orm_load_did(plan):
    with plan.reading() as s:
        loaded = service.list_plan(s)
        assert loaded == old_load_plan(s)
    assert [len(o.actions) for o in loaded] == [5, 0]
    assert [a.priorities for a in loaded[0].actions] == [("WSE-LR1",), ("WSE-LR2", "WSE-LR4"), ("WSE-LR3",), (),
                                                         ("WSE-LR1",)]
    assert [e.nis_code for e in loaded[0].actions[4].executions] == [KOR, LEUVEN]  # by municipality name


def test_the_plan_in_the_answers_is_what_was_built(plan):
    with plan.reading() as s:
        shared = _answers(s)
    bek_2026 = {p.priority: p.state for p in shared["check", 2026, BEK][0].priorities}
    assert bek_2026 == {"WSE-LR1": "gehaald", "WSE-LR2": "niet_gehaald", "WSE-LR3": "risico",
                        "WSE-LR4": "niet_gehaald"}
    assert LEUVEN not in {c.nis_code for c in shared["check", 2026]}
    assert shared["check", 2026, LEUVEN] == []
    assert {p.priority: p.state for p in shared["check", 2026, KOR][0].priorities}["WSE-LR1"] == "gehaald"
    assert {c.state for c in shared["check", 2024]} == {"nvt"}
    assert [o.total for o in shared["objective", 2025, BEK]] == [3, 0]  # A, B, D (C is 2026)
    without_targets = shared["progress", 2027, None]
    assert without_targets and {p.state for p in without_targets} <= {kpis.NO_TARGET, kpis.NO_SOURCE}
    assert shared["assignments", 2025, None] and shared["assignments", 2025, BEK]


def _status_of(s, number, nis):
    action = next(a for a in service.list_actions(s) if a.number == number)
    return action, action.execution(nis)


def _first_answers(s):
    """What the readers answer right after a write, before any of their own queries could flush it."""
    return {"check 2026": subsidy.check(s, 2026, TODAY), "check 2025": subsidy.check(s, 2025, TODAY),
            "objective": rollup.by_objective(s, BEK, 2026), "municipality": rollup.by_municipality(s, 2026),
            "collaborations": collaborations.list_collaborations(s, 2025),
            "bek collaborations": collaborations.list_collaborations(s, None, BEK), "plan": service.list_plan(s),
            "period": plan_period(s)}


def _check_right_after_write(s):
    """The answers in the session that remembered the plan equal the ones of the old code (the check) and of a
    load from scratch after the write was flushed."""
    first = _first_answers(s)
    assert first["check 2026"] == old_check(s, 2026, TODAY)  # old_check loads the plan itself (and flushes)
    assert first["check 2025"] == old_check(s, 2025, TODAY)
    s.flush()
    memo.forget(s)
    assert first == _first_answers(s)
    return first


def test_changes_in_a_session_that_remembered_the_plan(plan):
    """Every kind of write made after the session loaded the plan: the next answer in that session is the one
    a load from scratch gives, and after the commit the one a fresh session gives."""
    with plan.transaction() as s:
        _answers(s)
        _, c = _status_of(s, "C", BEK)
        service.set_status(s, [c.id], RUNNING, today=TODAY)          # dirty, not yet flushed
        first = _check_right_after_write(s)
        assert {p.priority: p.state for p in first["check 2026"][0].priorities}["WSE-LR3"] == "gehaald"
        _answers(s)
        _, a = _status_of(s, "A", GEE)
        service.update_execution(s, a.id, ExecutionInput(REALISED, "", date(2026, 1, 1), None), today=TODAY)
        first = _check_right_after_write(s)
        gee = next(c for c in first["check 2026"] if c.nis_code == GEE)
        assert {p.priority: p.state for p in gee.priorities}["WSE-LR1"] == "gehaald"
        _answers(s)
        priorities = {i.code: i.id for i in codelists.list_items(s, service.PRIORITY_LIST)}
        d, _ = _status_of(s, "D", BEK)
        service.save_action(s, ActionInput(d.objective_id, "D", "Actie D", "", [priorities["WSE-LR3"]], [BEK, KOR]))
        _check_right_after_write(s)
        _answers(s)
        s.execute(update(Municipality).where(Municipality.nis_code == KOR).values(participating=False))
        first = _check_right_after_write(s)
        assert first["plan"] == old_load_plan(s)
        assert KOR not in {c.nis_code for c in first["check 2026"]}
        _answers(s)
        set_plan_period(s, 2025, 2026)
        _check_right_after_write(s)
        _answers(s)
        k1 = s.scalars(select(Collaboration.id).where(Collaboration.nis_code == BEK).order_by(Collaboration.id)).first()
        collaborations.delete(s, k1)
        first = _check_right_after_write(s)
        assert k1 not in {r.id for r in first["bek collaborations"]}
        _answers(s)
        kpis.set_target(s, kpis.progress(s, 2027, None, TODAY, sources=registered_sources())[0].kpi_id,
                        2027, None, 1)
        inside = _answers(s)
    after = _alone(plan, _answers)
    assert inside == after
    assert KOR not in {c.nis_code for c in after["check", 2026]}
    assert {p.priority: p.state for p in after["check", 2026, GEE][0].priorities}["WSE-LR1"] == "gehaald"
    assert {c.state for c in after["check", 2027]} == {"nvt"}
    assert k1 not in {r.id for r in after["collaborations"]}
    assert any(p.target == 1 for p in after["progress", 2027, None])


def test_a_rolled_back_change_is_not_remembered(plan):
    with plan.reading() as s:
        before = _answers(s)
    with pytest.raises(RuntimeError), plan.transaction() as s:
        _, c = _status_of(s, "C", BEK)
        service.set_status(s, [c.id], REALISED, today=TODAY)
        s.flush()
        assert _answers(s) != before
        raise RuntimeError("stop")
    assert _alone(plan, _answers) == before
