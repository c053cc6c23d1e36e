"""The WSE-LR subsidy check and the plan status roll-up per municipality (hand-built plan, fixed today)."""

from datetime import date

import pytest

from regisseur_app.domain.core import codelists
from regisseur_app.domain.plan import rollup, service, subsidy
from regisseur_app.domain.plan.models import NOT_STARTED, POSTPONED, REALISED, RUNNING
from regisseur_app.domain.plan.service import ActionInput, ExecutionInput, ObjectiveInput
from regisseur_app.domain.plan.settings import set_plan_period

BEK, GEE, KOR = "24008", "24028", "24054"
TODAY = date(2026, 6, 30)


def _action(s, objective_id, number, tags, executions):
    priorities = {i.code: i.id for i in codelists.list_items(s, service.PRIORITY_LIST)}
    action_id = service.save_action(s, ActionInput(objective_id, number, f"Actie {number}", "",
                                                   [priorities[t] for t in tags], list(executions)))
    rows = {e.nis_code: e.id for e in service.list_actions(s) if e.id == action_id for e in e.executions}
    for nis, (status, start, end) in executions.items():
        service.update_execution(s, rows[nis], ExecutionInput(status, "Regisseur", start, end), today=TODAY)
    return action_id


@pytest.fixture
def plan(ctx):
    """A: LR1, BEK lopend since 1/1/2025, GEE niet gestart in the autumn of 2026.
    B: LR2, BEK gerealiseerd in the first half of 2025, GEE lopend but starting 1/8/2026 (after today).
    C: LR3, BEK uitgesteld in 2026 (GEE does not take part). LR4: no action."""
    with ctx.transaction() as s:
        set_plan_period(s, 2025, 2027)
        objective = service.save_objective(s, ObjectiveInput("1", "Doel"))
        _action(s, objective, "A", ["WSE-LR1"], {BEK: (RUNNING, date(2025, 1, 1), None),
                                                 GEE: (NOT_STARTED, date(2026, 9, 1), date(2026, 12, 31))})
        _action(s, objective, "B", ["WSE-LR2"], {BEK: (REALISED, date(2025, 2, 1), date(2025, 6, 30)),
                                                 GEE: (RUNNING, date(2026, 8, 1), None)})
        _action(s, objective, "C", ["WSE-LR3"], {BEK: (POSTPONED, date(2026, 1, 1), date(2026, 12, 31))})
    return ctx


def _states(ctx, year):
    with ctx.reading() as s:
        checks = subsidy.check(s, year, today=TODAY)
    return {c.nis_code: ({p.priority: p.state for p in c.priorities}, c.state) for c in checks}


def test_current_year_met_at_risk_and_not_met(plan):
    states = _states(plan, 2026)
    assert states[BEK] == ({"WSE-LR1": "gehaald", "WSE-LR2": "niet_gehaald", "WSE-LR3": "risico",
                            "WSE-LR4": "niet_gehaald"}, "niet_gehaald")
    # GEE: A not started yet, B running but its period starts after today: both at risk
    assert states[GEE] == ({"WSE-LR1": "risico", "WSE-LR2": "risico", "WSE-LR3": "niet_gehaald",
                            "WSE-LR4": "niet_gehaald"}, "niet_gehaald")
    assert set(states[KOR][0].values()) == {"niet_gehaald"}


def test_past_year_counts_only_actions_in_that_year(plan):
    states = _states(plan, 2025)
    assert states[BEK][0] == {"WSE-LR1": "gehaald", "WSE-LR2": "gehaald", "WSE-LR3": "niet_gehaald",
                              "WSE-LR4": "niet_gehaald"}
    assert states[GEE][0]["WSE-LR1"] == "niet_gehaald"  # its period there is 2026


def test_years_outside_the_plan_are_not_applicable(plan):
    states = _states(plan, 2024)
    assert {state for town in states.values() for state in town[0].values()} == {"nvt"}
    assert states[BEK][1] == "nvt"


def test_the_actions_that_count_are_named(plan):
    with plan.reading() as s:
        bek = subsidy.check(s, 2026, today=TODAY, nis_codes=[BEK])[0]
    lr1 = next(p for p in bek.priorities if p.priority == "WSE-LR1")
    assert [a.number for a in lr1.counting] == ["A"]
    assert lr1.counting[0].text() == "A Actie A (lopend, vanaf 01/01/2025)"
    lr3 = next(p for p in bek.priorities if p.priority == "WSE-LR3")
    assert (lr3.counting, [a.number for a in lr3.pending]) == ((), ["C"])


def test_status_changes_move_the_check(plan):
    with plan.transaction() as s:
        c = next(a for a in service.list_actions(s) if a.number == "C")
        service.set_status(s, [c.execution(BEK).id], RUNNING, today=TODAY)
    assert _states(plan, 2026)[BEK][0]["WSE-LR3"] == "gehaald"


def test_no_plan_no_failures(ctx):
    with ctx.reading() as s:
        checks = subsidy.check(s, 2026, today=TODAY)
    assert {c.state for c in checks} == {"nvt"}


def test_rollup_per_municipality(plan):
    with plan.reading() as s:
        counts = {c.nis_code: c.counts for c in rollup.by_municipality(s)}
        year_2025 = {c.nis_code: c.counts for c in rollup.by_municipality(s, 2025)}
    assert counts[BEK] == {NOT_STARTED: 0, RUNNING: 1, REALISED: 1, POSTPONED: 1}
    assert counts[GEE] == {NOT_STARTED: 1, RUNNING: 1, REALISED: 0, POSTPONED: 0}
    assert counts[KOR] == {NOT_STARTED: 0, RUNNING: 0, REALISED: 0, POSTPONED: 0}
    # the region counts each action once: A (lopend + niet gestart) and B (gerealiseerd + lopend) are running
    assert counts[None] == {NOT_STARTED: 0, RUNNING: 2, REALISED: 0, POSTPONED: 1}
    # 2025: only A and B in BEK touch 2025; in GEE both periods start in 2026
    assert year_2025[BEK] == {NOT_STARTED: 0, RUNNING: 1, REALISED: 1, POSTPONED: 0}
    assert year_2025[GEE] == {NOT_STARTED: 0, RUNNING: 0, REALISED: 0, POSTPONED: 0}


def test_rollup_per_objective_in_one_municipality(plan):
    with plan.reading() as s:
        [objective] = rollup.by_objective(s, GEE)
    assert objective.counts == {NOT_STARTED: 1, RUNNING: 1, REALISED: 0, POSTPONED: 0}
    assert objective.realised_share == 0


@pytest.mark.parametrize(("statuses", "expected"), [
    ((), NOT_STARTED), ((REALISED, REALISED), REALISED), ((POSTPONED,), POSTPONED),
    ((REALISED, NOT_STARTED), RUNNING), ((NOT_STARTED, POSTPONED), NOT_STARTED), ((RUNNING, POSTPONED), RUNNING)])
def test_overall_status(statuses, expected):
    rows = [service.ExecutionRow(i, 1, str(i), "", s, "", None, None, "", "", None) for i, s in enumerate(statuses)]
    assert rollup.overall_status(rows) == expected
