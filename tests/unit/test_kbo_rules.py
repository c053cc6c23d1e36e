"""The SE candidate rules: structured, checked when saved (Dutch message naming the problem); the candidate
set materialised in kbo_candidate always equals what the rules give - after an import, after a rule is added,
changed, switched off or removed, and after undo and redo."""

import pytest
from sqlalchemy import select

from regisseur_app.domain.core.base import ValidationError
from regisseur_app.domain.core.codelists import SERVICE_CATEGORY, list_items
from regisseur_app.domain.kbo import candidates, matchmaking, queries, rules
from regisseur_app.domain.kbo.models import KboCandidate
from regisseur_app.domain.kbo.queries import EnterpriseFilter
from regisseur_app.domain.kbo.rules import FORM, FORM_TEXT, NACE, RuleInput
from regisseur_app.operations import kbo as ops
from tests.unit.kbo_support import A, B, G, H, digits, region_extract


@pytest.fixture
def loaded(ctx, tmp_path):
    ops.import_extract(ctx, region_extract().write(tmp_path / "extract"))
    return ctx


def _in_sync(ctx) -> set[str]:
    """Asserts the stored candidate set equals the rules' matches; returns the candidate list's numbers."""
    with ctx.reading() as s:
        stored, computed = candidates.stored_candidates(s), candidates.computed_candidates(s)
        listed = {r.id for r in queries.list_enterprises(s, EnterpriseFilter(numbers=candidates.candidate_query(s)))}
        assert candidates.check_candidates(s) == []
    assert stored == computed
    return listed


def _replay(ctx, fn) -> None:
    """Run an undo or redo as the undo stack (ui/undo.py) does: it records no new step."""
    ctx.replaying = True
    try:
        fn(ctx)
    finally:
        ctx.replaying = False


def _rule_id(ctx, title: str) -> int:
    with ctx.reading() as s:
        return next(r.id for r in rules.list_rules(s, include_inactive=True) if r.title == title)


def test_shipped_rules_are_structured_and_the_import_fills_the_candidates(loaded):
    with loaded.reading() as s:
        shipped = {(r.kind, r.value, r.nace_version) for r in rules.list_rules(s)}
        stored = s.execute(select(KboCandidate.enterprise_number, KboCandidate.code)).all()
    assert {(NACE, "4779", ""), (NACE, "813", ""), (FORM_TEXT, "sociaal oogmerk", "")} <= shipped
    assert (digits(A), "47790") in stored and (digits(B), "81300") in stored and (digits(G), "706") in stored
    assert _in_sync(loaded) == {digits(A), digits(B), digits(G)}


def test_adding_changing_removing_a_rule_and_undo_keep_the_candidates_true(loaded):
    undo = []
    loaded.undo_sink = undo.append
    # added: construction (41.2) brings H
    rule_id = ops.add_candidate_rule(loaded, RuleInput(NACE, "41.2", label="bouw van gebouwen"))
    assert _in_sync(loaded) == {digits(A), digits(B), digits(G), digits(H)}
    # changed to a code nobody has in NACE 2008: H goes again
    ops.change_candidate_rule(loaded, rule_id, RuleInput(NACE, "47.79", "2008", "tweedehands (2008)"))
    with pytest.raises(ValidationError, match="bestaat al"):   # the shipped rule 47.79 (both versions)
        ops.change_candidate_rule(loaded, rule_id, RuleInput(NACE, "47.79", "", "dubbel"))
    assert len(undo) == 2                                       # a refused change records nothing
    assert _in_sync(loaded) == {digits(A), digits(B), digits(G)}
    # switched off, then the form rule removed: G leaves the list
    ops.change_candidate_rule(loaded, rule_id, RuleInput(NACE, "47.79", "2008", "tweedehands (2008)", active=False))
    form_rule = _rule_id(loaded, "Rechtsvorm: sociaal oogmerk")
    ops.delete_candidate_rule(loaded, form_rule)
    assert _in_sync(loaded) == {digits(A), digits(B)}
    # undo the removal, the switching off, the change and the addition, one at a time
    _replay(loaded, undo.pop().undo)
    assert _in_sync(loaded) == {digits(A), digits(B), digits(G)}
    assert _rule_id(loaded, "Rechtsvorm: sociaal oogmerk") == form_rule       # back with its own id
    _replay(loaded, undo.pop().undo)
    _replay(loaded, undo.pop().undo)
    assert _in_sync(loaded) == {digits(A), digits(B), digits(G), digits(H)}
    added = undo.pop()
    _replay(loaded, added.undo)
    assert _in_sync(loaded) == {digits(A), digits(B), digits(G)}
    _replay(loaded, added.redo)
    assert _in_sync(loaded) == {digits(A), digits(B), digits(G), digits(H)}
    with loaded.reading() as s:
        assert rules.get_rule(s, rule_id).label == "bouw van gebouwen"
        assert candidates.matched_rules(s, [digits(H)]) == {digits(H): ["NACE 41.2 bouw van gebouwen (41.201)"]}


def test_matchmaking_leaves_out_the_candidates_of_the_current_rules(loaded):
    def regular() -> list[str]:
        with loaded.reading() as s:
            filt = matchmaking.regular_filter(s, EnterpriseFilter())
            return sorted(r.id for r in queries.list_enterprises(s, filt))

    assert regular() == [digits(H)]
    ops.delete_candidate_rule(loaded, _rule_id(loaded, "NACE 47.79"))
    assert regular() == sorted([digits(A), digits(H)])


def test_a_reimport_rebuilds_the_candidates(loaded, tmp_path):
    ops.add_candidate_rule(loaded, RuleInput(FORM, "014"))
    assert digits(H) in _in_sync(loaded)
    extract = region_extract("07-12-2026")
    extract.rows["enterprise.csv"] = [r for r in extract.rows["enterprise.csv"] if r[0] != H]
    ops.import_extract(loaded, extract.write(tmp_path / "newer"))
    assert digits(H) not in _in_sync(loaded)


@pytest.mark.parametrize(("data", "field", "message"), [
    (RuleInput(NACE, "38.x"), "value", "'38.x' is geen geldige NACE-code"),
    (RuleInput(NACE, "3.83"), "value", "geen geldige NACE-code"),
    (RuleInput(NACE, "383210"), "value", "geen geldige NACE-code"),
    (RuleInput(NACE, "34"), "value", "NACE-afdeling 34 bestaat niet in NACE-BEL 2008 of NACE-BEL 2025"),
    (RuleInput(NACE, "47.99"), "value", "NACE-code 47.99 bestaat niet in NACE-BEL 2008 of NACE-BEL 2025"),
    (RuleInput(NACE, "41.2", "2025"), "value", "NACE-code 41.2 bestaat niet in NACE-BEL 2025"),
    (RuleInput(NACE, "41.2", "2030"), "nace_version", "Onbekende NACE-versie"),
    (RuleInput(NACE, "47.79"), "value", "Deze regel bestaat al: NACE 47.79"),
    (RuleInput(FORM, "7060"), "value", "'7060' is geen rechtsvormcode"),
    (RuleInput(FORM, "999"), "value", "Rechtsvorm 999 bestaat niet"),
    (RuleInput(FORM_TEXT, "zz"), "value", "minstens drie letters"),
    (RuleInput(FORM_TEXT, "stichting"), "value", "Geen enkele rechtsvorm"),
    (RuleInput("regex", "x"), "kind", "Kies het soort regel"),
    (RuleInput(NACE, "41.2", category_code="bestaat_niet"), "category_code", "dienstencategorie bestaat niet"),
    (RuleInput(NACE, "41.2", label="voor 85.07.31-123.05"), "label", "rijksregister"),
])
def test_a_rule_is_checked_when_saved(loaded, data, field, message):
    with loaded.reading() as s:
        before = candidates.stored_candidates(s)
    with pytest.raises(ValidationError) as info:
        ops.add_candidate_rule(loaded, data)
    assert list(info.value.errors) == [field]
    assert message in info.value.errors[field]
    with loaded.reading() as s:
        assert candidates.stored_candidates(s) == before


def test_rules_are_written_as_people_write_them_and_checked_without_a_register(ctx):
    with ctx.reading() as s:
        groen = next(i.code for i in list_items(s, SERVICE_CATEGORY) if i.code == "groenonderhoud")
    rule_id = ops.add_candidate_rule(ctx, RuleInput(NACE, " 01.3 ", "2025", "  bloemen  en planten ", groen))
    with ctx.reading() as s:
        rule = rules.get_rule(s, rule_id)
    assert (rule.value, rule.nace_version, rule.label, rule.category_code) == ("013", "2025", "bloemen en planten",
                                                                                 groen)
    assert rule.display == "NACE 01.3 (NACE-BEL 2025) bloemen en planten"
    # without code.csv only the division is checked
    with pytest.raises(ValidationError, match="NACE-afdeling 04"):
        ops.add_candidate_rule(ctx, RuleInput(NACE, "04"))
    ops.add_candidate_rule(ctx, RuleInput(FORM, "123"))


def test_a_rule_the_register_lacks_can_still_be_renamed_and_switched_off(loaded):
    rule_id = _rule_id(loaded, "NACE 38.1")            # shipped; the test extract's code.csv has no 38.1
    ops.change_candidate_rule(loaded, rule_id, RuleInput(NACE, "38.1", label="afval", active=False))
    with loaded.reading() as s:
        assert (rules.get_rule(s, rule_id).label, rules.get_rule(s, rule_id).active) == ("afval", False)
    with pytest.raises(ValidationError, match="NACE-code 38.2 bestaat niet"):
        ops.change_candidate_rule(loaded, rule_id, RuleInput(NACE, "38.2", label="afval"))
    _in_sync(loaded)
