"""The rules of the SE candidate list: an editable code list of structured rules (kind, NACE version, value),
validated when saved, with a Dutch message that names the problem.

Kinds:
    nace       every main or secondary activity whose NACE-BEL code starts with the value ('38.3', '47.79',
               '88'), in one version (2008 or 2025) or in both
    form       the juridical form with this code ('706')
    form_text  the juridical forms whose Dutch description (code.csv) contains the words ('sociaal oogmerk')
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from regisseur_app.domain.core.base import ValidationError
from regisseur_app.domain.core.codelists import SERVICE_CATEGORY, CodeItem
from regisseur_app.domain.core.validation import check_no_national_number
from regisseur_app.domain.kbo import nace
from regisseur_app.domain.kbo.models import KboCandidateRule, KboCode
from regisseur_app.storage.engine import fold

NACE, FORM, FORM_TEXT = "nace", "form", "form_text"
KIND_LABELS = {NACE: "NACE-code (begint met)", FORM: "Rechtsvorm (code)", FORM_TEXT: "Rechtsvorm (omschrijving bevat)"}
BOTH = ""
VERSION_CHOICES = {BOTH: "beide versies", "2008": nace.VERSION_LABELS["2008"], "2025": nace.VERSION_LABELS["2025"]}
_NACE_TEXT = re.compile(r"^(\d{2})(?:\.?(\d{1,3}))?$")


@dataclass(frozen=True)
class RuleInput:
    kind: str
    value: str
    nace_version: str = BOTH
    label: str = ""
    category_code: str = ""
    active: bool = True


@dataclass(frozen=True)
class Rule:
    id: int
    code: str
    kind: str
    nace_version: str
    value: str
    label: str
    category_code: str
    sort_order: int
    active: bool

    @property
    def title(self) -> str:
        """What the rule looks for, e.g. 'NACE 38.3', 'NACE 38.3 (NACE-BEL 2025)', 'Rechtsvorm 706'."""
        if self.kind == NACE:
            version = f" ({nace.VERSION_LABELS[self.nace_version]})" if self.nace_version in nace.VERSION_LABELS else ""
            return f"NACE {nace.dotted(self.value)}{version}"
        if self.kind == FORM:
            return f"Rechtsvorm {self.value}"
        return f"Rechtsvorm: {self.value}"

    @property
    def display(self) -> str:
        return f"{self.title} {self.label}".strip() if self.kind != FORM_TEXT or not self.label else \
            f"{self.title} ({self.label})"

    def as_input(self) -> RuleInput:
        return RuleInput(self.kind, self.value, self.nace_version, self.label, self.category_code, self.active)


def _rule(row: KboCandidateRule) -> Rule:
    return Rule(row.id, row.code, row.kind, row.nace_version, row.value, row.label, row.category_code,
                row.sort_order, row.active)


def list_rules(session: Session, include_inactive: bool = False) -> list[Rule]:
    query = select(KboCandidateRule).order_by(KboCandidateRule.sort_order, KboCandidateRule.id)
    if not include_inactive:
        query = query.where(KboCandidateRule.active.is_(True))
    return [_rule(row) for row in session.scalars(query)]


def get_rule(session: Session, rule_id: int) -> Rule | None:
    row = session.get(KboCandidateRule, rule_id)
    return _rule(row) if row is not None else None


def nace_value(text: str) -> str | None:
    """'38.3' / '383' / '38.320' -> '383' / '383' / '38320'; None when it is not written like a NACE code."""
    match = _NACE_TEXT.match(re.sub(r"\s+", "", text or ""))
    if not match:
        return None
    return match.group(1) + (match.group(2) or "")


def _known_codes(session: Session, category: str) -> bool:
    return session.scalar(select(KboCode.code).where(KboCode.category == category).limit(1)) is not None


def _check_nace(session: Session, data: RuleInput, against_register: bool = True) -> str:
    value = nace_value(data.value)
    if value is None:
        raise ValidationError({"value": f"'{data.value.strip()}' is geen geldige NACE-code: schrijf 2 tot 5 cijfers, "
                                        "met een punt na de eerste twee als u wilt (bv. 38, 38.3 of 38.320)."})
    versions = [data.nace_version] if data.nace_version else list(nace.VERSIONS)
    if all(nace.section_of(v, value) == nace.UNKNOWN_SECTION for v in versions):
        raise ValidationError({"value": f"NACE-afdeling {value[:2]} bestaat niet in "
                                        f"{' of '.join(nace.VERSION_LABELS[v] for v in versions)}."})
    # with a register imported, code.csv tells which codes exist
    checked = [v for v in versions if against_register and _known_codes(session, "Nace" + v)]
    if checked and not any(session.scalar(select(KboCode.code).where(
            KboCode.category == "Nace" + v, KboCode.code >= value, KboCode.code < value + "\uffff").limit(1))
            for v in checked):
        raise ValidationError({"value": f"NACE-code {nace.dotted(value)} bestaat niet in "
                                        f"{' of '.join(nace.VERSION_LABELS[v] for v in checked)} "
                                        "(codetabel van het KBO-register)."})
    return value


def _check_form(session: Session, data: RuleInput, against_register: bool = True) -> str:
    value = (data.value or "").strip()
    if not re.fullmatch(r"\d{3}", value):
        raise ValidationError({"value": f"'{value}' is geen rechtsvormcode: de KBO schrijft ze met drie cijfers "
                                        "(bv. 014 of 706)."})
    if against_register and _known_codes(session, "JuridicalForm") and \
            session.get(KboCode, ("JuridicalForm", value)) is None:
        raise ValidationError({"value": f"Rechtsvorm {value} bestaat niet in de codetabel van het KBO-register."})
    return value


def _check_form_text(session: Session, data: RuleInput, against_register: bool = True) -> str:
    value = " ".join((data.value or "").split())
    if len(fold(value)) < 3:
        raise ValidationError({"value": "Vul minstens drie letters in die in de omschrijving van de rechtsvorm "
                                        "staan (bv. sociaal oogmerk)."})
    if len(value) > 60:
        raise ValidationError({"value": "De tekst is te lang (maximaal 60 tekens)."})
    if against_register and _known_codes(session, "JuridicalForm") and not form_codes(session, value):
        raise ValidationError({"value": f"Geen enkele rechtsvorm in de codetabel van het KBO-register bevat "
                                        f"'{value}'."})
    return value


def form_codes(session: Session, text: str) -> list[str]:
    """The juridical form codes whose Dutch description contains the text (accents and case ignored)."""
    wanted = fold(text)
    return sorted(code for code, desc in session.execute(
        select(KboCode.code, KboCode.description).where(KboCode.category == "JuridicalForm"))
        if wanted in fold(desc))


def validate(session: Session, data: RuleInput, own_id: int | None = None) -> RuleInput:
    """The rule as it will be stored, or a ValidationError naming the problem (field 'kind', 'value',
    'nace_version', 'label' or 'category_code')."""
    if data.kind not in KIND_LABELS:
        raise ValidationError({"kind": "Kies het soort regel: NACE-code of rechtsvorm."})
    version = data.nace_version or BOTH
    if data.kind != NACE:
        version = BOTH
    elif version not in VERSION_CHOICES:
        raise ValidationError({"nace_version": f"Onbekende NACE-versie '{version}': kies 2008, 2025 of beide."})
    data = RuleInput(data.kind, data.value, version, " ".join((data.label or "").split()), data.category_code or "",
                     data.active)
    # what the rule looks for is checked against the register's code table only when it is new or changed:
    # a rule whose code the current extract lacks can still be renamed or switched off
    stored = session.get(KboCandidateRule, own_id) if own_id is not None else None
    unchanged = stored is not None and (stored.kind, stored.nace_version) == (data.kind, version) and (
        stored.value == (nace_value(data.value) if data.kind == NACE else " ".join((data.value or "").split())))
    value = {NACE: _check_nace, FORM: _check_form, FORM_TEXT: _check_form_text}[data.kind](
        session, data, against_register=not unchanged)
    if len(data.label) > 120:
        raise ValidationError({"label": "De omschrijving is te lang (maximaal 120 tekens)."})
    errors: dict[str, str] = {}
    check_no_national_number({"label": data.label}, errors)
    if errors:
        raise ValidationError(errors)
    if data.category_code and session.scalar(select(CodeItem.id).where(
            CodeItem.list_name == SERVICE_CATEGORY, CodeItem.code == data.category_code)) is None:
        raise ValidationError({"category_code": "Deze dienstencategorie bestaat niet (meer)."})
    clash = session.scalar(select(KboCandidateRule.id).where(
        KboCandidateRule.kind == data.kind, KboCandidateRule.nace_version == version,
        func.lower(KboCandidateRule.value) == value.lower()))
    if clash is not None and clash != own_id:
        shown = _rule(session.get(KboCandidateRule, clash)).title
        raise ValidationError({"value": f"Deze regel bestaat al: {shown}."})
    return RuleInput(data.kind, value, version, data.label, data.category_code, data.active)


def _code_for(session: Session, data: RuleInput) -> str:
    base = re.sub(r"[^a-z0-9]+", "_", fold(f"{data.kind} {data.nace_version} {data.value}")).strip("_")[:44]
    code, n = base, 1
    while session.scalar(select(KboCandidateRule.id).where(KboCandidateRule.code == code)) is not None:
        n += 1
        code = f"{base}_{n}"
    return code


def add_rule(session: Session, data: RuleInput, rule_id: int | None = None, code: str | None = None,
             sort_order: int | None = None) -> int:
    """Validate and store a new rule (rule_id/code/sort_order: to bring a removed rule back on undo)."""
    data = validate(session, data)
    if sort_order is None:
        sort_order = (session.scalar(select(func.max(KboCandidateRule.sort_order))) or 0) + 10
    row = KboCandidateRule(id=rule_id, code=code or _code_for(session, data), kind=data.kind,
                           nace_version=data.nace_version, value=data.value, label=data.label,
                           category_code=data.category_code, sort_order=sort_order, active=data.active)
    session.add(row)
    session.flush()
    return row.id


def update_rule(session: Session, rule_id: int, data: RuleInput) -> Rule:
    """Validate and store the changed rule; returns the rule as it was before (for undo)."""
    row = session.get(KboCandidateRule, rule_id)
    if row is None:
        raise ValidationError({"value": "Deze regel bestaat niet meer."})
    before = _rule(row)
    data = validate(session, data, own_id=rule_id)
    row.kind, row.nace_version, row.value = data.kind, data.nace_version, data.value
    row.label, row.category_code, row.active = data.label, data.category_code, data.active
    session.flush()
    return before


def delete_rule(session: Session, rule_id: int) -> Rule:
    """Remove a rule; returns it (for undo)."""
    row = session.get(KboCandidateRule, rule_id)
    if row is None:
        raise ValidationError({"value": "Deze regel bestaat niet meer."})
    before = _rule(row)
    session.delete(row)
    session.flush()
    return before


def category_label(session: Session, code: str) -> str:
    if not code:
        return ""
    return session.scalar(select(CodeItem.label).where(CodeItem.list_name == SERVICE_CATEGORY,
                                                       CodeItem.code == code)) or code
