"""SE candidates: enterprises of the region that may belong to the social or circular economy, each with
the rule that put it on the list (the rules: domain.kbo.rules).

The candidate set is materialised in kbo_candidate (enterprise, rule, matched code): rebuilt in the
transaction of every import (register.replace_register) and of every rule change (operations.kbo), so it is
never stale and the list, its count and the matchmaking list (which leaves the candidates out) read a small
indexed table instead of matching the rules against the activities on every refresh.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import delete, insert, literal, select
from sqlalchemy.orm import Session

from regisseur_app.domain.core.codelists import SERVICE_CATEGORY, list_items
from regisseur_app.domain.kbo import nace
from regisseur_app.domain.kbo.models import (
    ACTIVE,
    KboActivity,
    KboCandidate,
    KboCandidateRule,
    KboEnterprise,
)
from regisseur_app.domain.kbo.rules import FORM, FORM_TEXT, NACE, Rule, form_codes, get_rule, list_rules

CLASSIFICATIONS = ("MAIN", "SECO")


def rule_matches(session: Session, rule: Rule):  # noqa: ANN201
    """SELECT enterprise_number, rule_id, code of every match of one rule, computed from the register."""
    if rule.kind == NACE:
        conditions = [KboActivity.nace_code >= rule.value, KboActivity.nace_code < rule.value + "\uffff",
                      KboActivity.classification.in_(CLASSIFICATIONS)]
        if rule.nace_version:
            conditions.append(KboActivity.nace_version == rule.nace_version)
        return select(KboActivity.enterprise_number, literal(rule.id), KboActivity.nace_code).distinct().where(
            *conditions)
    codes = [rule.value] if rule.kind == FORM else form_codes(session, rule.value) if rule.kind == FORM_TEXT else []
    return select(KboEnterprise.enterprise_number, literal(rule.id), KboEnterprise.juridical_form).where(
        KboEnterprise.juridical_form.in_(codes))


def refresh(session: Session, rule_ids: Iterable[int] | None = None) -> None:
    """Rebuild the candidate rows of these rules (all rules: None), in the caller's transaction."""
    columns = [KboCandidate.enterprise_number, KboCandidate.rule_id, KboCandidate.code]
    if rule_ids is None:
        session.execute(delete(KboCandidate))
        rules = list_rules(session)
    else:
        ids = sorted(set(rule_ids))
        session.execute(delete(KboCandidate).where(KboCandidate.rule_id.in_(ids)))
        rules = [r for r in (get_rule(session, i) for i in ids) if r is not None and r.active]
    for rule in rules:
        session.execute(insert(KboCandidate).from_select(columns, rule_matches(session, rule)))


def computed_candidates(session: Session) -> set[tuple[str, int, str]]:
    """(enterprise, rule, code) of every match of the active rules, computed from the register directly
    (what kbo_candidate must hold; used by the checks and the tests)."""
    found: set[tuple[str, int, str]] = set()
    for rule in list_rules(session):
        found |= {tuple(row) for row in session.execute(rule_matches(session, rule))}
    return found


def stored_candidates(session: Session) -> set[tuple[str, int, str]]:
    return {tuple(row) for row in session.execute(
        select(KboCandidate.enterprise_number, KboCandidate.rule_id, KboCandidate.code))}


def candidate_query(session: Session):  # noqa: ANN201, ARG001
    """SELECT of the enterprise numbers matched by at least one active rule (for IN / NOT IN)."""
    return select(KboCandidate.enterprise_number)


def candidate_numbers(session: Session) -> set[str]:
    """Active enterprises of the region matched by at least one active rule."""
    return set(session.scalars(select(KboEnterprise.enterprise_number).where(
        KboEnterprise.enterprise_number.in_(candidate_query(session)), KboEnterprise.in_region.is_(True),
        KboEnterprise.status == ACTIVE)))


def matched_rules(session: Session, numbers: list[str]) -> dict[str, list[str]]:
    """For these enterprises (a page): the rules that matched, as 'rule (code)' for NACE rules."""
    if not numbers:
        return {}
    rules = {r.id: r for r in list_rules(session)}
    found: dict[str, list[str]] = {}
    for num, rule_id, code in session.execute(
            select(KboCandidate.enterprise_number, KboCandidate.rule_id, KboCandidate.code)
            .join(KboCandidateRule, KboCandidateRule.id == KboCandidate.rule_id)
            .where(KboCandidate.enterprise_number.in_(numbers))
            .order_by(KboCandidateRule.sort_order, KboCandidateRule.id, KboCandidate.code)):
        rule = rules.get(rule_id)
        if rule is None:
            continue
        entry = f"{rule.display} ({nace.dotted(code)})" if rule.kind == NACE else rule.display
        if entry not in found.setdefault(num, []):
            found[num].append(entry)
    return found


def categories_for(session: Session, number: str) -> list[int]:
    """The service categories named by the rules that matched this enterprise."""
    wanted = set(session.scalars(select(KboCandidateRule.category_code).distinct()
                                 .join(KboCandidate, KboCandidate.rule_id == KboCandidateRule.id)
                                 .where(KboCandidate.enterprise_number == number,
                                        KboCandidateRule.category_code != "")))
    return sorted(item.id for item in list_items(session, SERVICE_CATEGORY) if item.code in wanted)


def check_candidates(session: Session) -> list[str]:
    """'Database controleren': the stored candidate set equals what the rules give."""
    stored, computed = stored_candidates(session), computed_candidates(session)
    if stored == computed:
        return []
    return [f"De lijst met SE-kandidaten (KBO) is niet bijgewerkt: {len(computed - stored)} treffer(s) ontbreken en "
            f"{len(stored - computed)} zijn er te veel. Importeer het KBO-extract opnieuw of bewaar een regel."]
