"""SE candidates: enterprises of the region that may belong to the social or circular economy, each with
the rule that put it on the list. The rules are an editable code list (Beheer › Codelijsten), one rule per
item, written as its label:

    NACE 38.3 inzameling en terugwinning → Hergebruik/kringwinkel
    Rechtsvorm: sociaal oogmerk

'NACE <prefix>' matches every main or secondary activity whose code starts with the prefix (both NACE-BEL
versions); 'Rechtsvorm: <text>' matches the juridical forms whose Dutch description contains the text.
After '→' (or '->') an optional service category (its label) is pre-filled when the candidate is added.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import false, literal, select, union_all
from sqlalchemy.orm import Session

from regisseur_app.domain.core.codelists import SERVICE_CATEGORY, list_items
from regisseur_app.domain.kbo import nace
from regisseur_app.domain.kbo.models import ACTIVE, KboActivity, KboCode, KboEnterprise
from regisseur_app.storage.engine import fold

RULE_LIST = "kbo_candidate_rule"
_NACE = re.compile(r"^\s*NACE\s+(\d{1,2}(?:\.\d{1,3})?)\b\s*(.*)$", re.IGNORECASE)
_FORM = re.compile(r"^\s*Rechtsvorm\s*:\s*(.+)$", re.IGNORECASE)
_CATEGORY = re.compile(r"\s*(?:→|->)\s*")


@dataclass(frozen=True)
class Rule:
    id: int
    label: str
    nace_prefix: str = ""      # digits, '383'
    form_text: str = ""        # folded text to find in the juridical form's description
    category: str = ""         # label of a service category to pre-fill

    @property
    def valid(self) -> bool:
        return bool(self.nace_prefix or self.form_text)


def parse_rule(item_id: int, label: str) -> Rule:
    parts = _CATEGORY.split(label, maxsplit=1)
    text, category = parts[0], (parts[1].strip() if len(parts) > 1 else "")
    match = _NACE.match(text)
    if match:
        return Rule(item_id, label, nace.digits(match.group(1)), "", category)
    match = _FORM.match(text)
    if match:
        return Rule(item_id, label, "", fold(match.group(1)), category)
    return Rule(item_id, label, "", "", category)


def active_rules(session: Session) -> list[Rule]:
    return [parse_rule(item.id, item.label) for item in list_items(session, RULE_LIST)]


def invalid_rules(session: Session) -> list[str]:
    """Labels of active rules that are neither 'NACE …' nor 'Rechtsvorm: …' (shown to the user)."""
    return [r.label for r in active_rules(session) if not r.valid]


def _matches(session: Session, rules: list[Rule], numbers: list[str] | None = None):  # noqa: ANN202
    """SELECT enterprise_number, rule_id, code for every match (a UNION ALL, one part per rule)."""
    parts = []
    form_codes = {}
    for rule in rules:
        if rule.form_text:
            form_codes[rule.id] = [code for code, desc in session.execute(
                select(KboCode.code, KboCode.description).where(KboCode.category == "JuridicalForm"))
                if rule.form_text in fold(desc)]
    for rule in rules:
        if rule.nace_prefix:
            query = select(KboActivity.enterprise_number.label("num"), literal(rule.id).label("rule_id"),
                           KboActivity.nace_code.label("code")).where(
                KboActivity.nace_code >= rule.nace_prefix, KboActivity.nace_code < rule.nace_prefix + "\uffff",
                KboActivity.classification.in_(("MAIN", "SECO")))
            if numbers is not None:
                query = query.where(KboActivity.enterprise_number.in_(numbers))
            parts.append(query)
        elif rule.form_text and form_codes.get(rule.id):
            query = select(KboEnterprise.enterprise_number.label("num"), literal(rule.id).label("rule_id"),
                           KboEnterprise.juridical_form.label("code")).where(
                KboEnterprise.juridical_form.in_(form_codes[rule.id]))
            if numbers is not None:
                query = query.where(KboEnterprise.enterprise_number.in_(numbers))
            parts.append(query)
    return union_all(*parts).subquery() if parts else None


def candidate_query(session: Session):  # noqa: ANN201
    """SELECT of the enterprise numbers matched by at least one active rule (for IN / NOT IN)."""
    matches = _matches(session, [r for r in active_rules(session) if r.valid])
    if matches is None:
        return select(KboEnterprise.enterprise_number).where(false())
    return select(matches.c.num)


def candidate_numbers(session: Session) -> set[str]:
    """Active enterprises of the region matched by at least one active rule."""
    return set(session.scalars(select(KboEnterprise.enterprise_number).where(
        KboEnterprise.enterprise_number.in_(candidate_query(session)), KboEnterprise.in_region.is_(True),
        KboEnterprise.status == ACTIVE)))


def matched_rules(session: Session, numbers: list[str]) -> dict[str, list[str]]:
    """For these enterprises (a page): the rules that matched, as 'label (code)'. Reads only their own
    activities and forms (by enterprise number) and matches the rules in Python."""
    rules = [r for r in active_rules(session) if r.valid]
    if not rules or not numbers:
        return {}
    activities: dict[str, list[str]] = {}
    for num, code in session.execute(select(KboActivity.enterprise_number, KboActivity.nace_code).where(
            KboActivity.enterprise_number.in_(numbers), KboActivity.classification.in_(("MAIN", "SECO")))
            .order_by(KboActivity.nace_code)):
        activities.setdefault(num, []).append(code)
    forms = dict(session.execute(select(KboEnterprise.enterprise_number, KboEnterprise.juridical_form)
                                 .where(KboEnterprise.enterprise_number.in_(numbers))).all())
    descriptions = {code: fold(desc) for code, desc in session.execute(
        select(KboCode.code, KboCode.description).where(KboCode.category == "JuridicalForm",
                                                         KboCode.code.in_(sorted(set(forms.values())))))}
    found: dict[str, list[str]] = {}
    for num in numbers:
        for rule in rules:
            shown = _CATEGORY.split(rule.label, maxsplit=1)[0].strip()
            if rule.nace_prefix:
                for code in activities.get(num, []):
                    if code.startswith(rule.nace_prefix):
                        entry = f"{shown} ({nace.dotted(code)})"
                        if entry not in found.setdefault(num, []):
                            found[num].append(entry)
            elif rule.form_text and rule.form_text in descriptions.get(forms.get(num, ""), "\0"):
                found.setdefault(num, []).append(shown)
    return found


def categories_for(session: Session, number: str) -> list[int]:
    """The service categories named by the rules that matched this enterprise."""
    rules = {r.id: r for r in active_rules(session) if r.valid and r.category}
    matches = _matches(session, list(rules.values()), [number])
    if matches is None:
        return []
    wanted = {fold(rules[rule_id].category) for rule_id in session.scalars(select(matches.c.rule_id).distinct())}
    return sorted(item.id for item in list_items(session, SERVICE_CATEGORY)
                  if fold(item.label) in wanted or fold(item.code) in wanted)



