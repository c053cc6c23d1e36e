"""Settings of the referral module, stored in app_setting under keys starting with "referrals."."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from regisseur_app.domain.core.base import ValidationError
from regisseur_app.domain.core.municipalities import Municipality
from regisseur_app.domain.core.settings import AppSetting, get_setting, set_setting
from regisseur_app.domain.core.validation import check_no_national_number
from regisseur_app.domain.referrals.vocabulary import DEFAULT_EXPECTED_DAYS, STATUS_LABELS
from regisseur_app.storage.engine import fold

PREFIX = "referrals."
EXPECTED_KEY = PREFIX + "expected_days."
RETENTION_KEY = PREFIX + "retention_months"
THRESHOLD_KEY = PREFIX + "suppression_threshold"
REGISTER_KEY = PREFIX + "register_text"
CODE_PREFIX_KEY = PREFIX + "code_prefix."
COUNTER_KEY = PREFIX + "counter."

DEFAULT_RETENTION_MONTHS = 24
DEFAULT_THRESHOLD = 5
MIN_THRESHOLD, MAX_THRESHOLD = 3, 20
MIN_RETENTION, MAX_RETENTION = 6, 120

DEFAULT_REGISTER_TEXT = """Verwerkingsactiviteit: opvolging van doorverwijzingen naar VDAB (gespecialiseerde screening, \
dienst intensieve dienstverlening) en van art. 60§7/TWE-trajecten in het kader van de regierol lokale sociale economie.

Verwerkingsverantwoordelijke: de intergemeentelijke vereniging, in opdracht van de deelnemende gemeenten en hun OCMW's.

Doel: per gemeente weten hoeveel mensen doorverwezen worden, hoe lang elke stap duurt en waar trajecten vastlopen, \
om het lokale aanbod sociale economie bij te sturen en te rapporteren aan de colleges van burgemeester en schepenen.

Rechtsgrond: taak van algemeen belang (art. 6.1.e AVG), op basis van het decreet van 22 november 2013 betreffende \
de lokale sociale economie (regierol van de gemeente) en de samenwerking met VDAB.

Welke gegevens: een pseudoniemcode (geen naam, geen rijksregisternummer), de doorverwijzende gemeente, optioneel \
de interne referentie van het OCMW, de data en stappen van het traject, het type doorverwijzing, de beoogde werkvorm, \
een leeftijdscategorie en of de persoon leefloon ontvangt. Korte notities zonder identificerende gegevens.

Ontvangers: niemand buiten de regisseur. Rapporten en exporten bevatten alleen geaggregeerde aantallen; aantallen \
van 1 tot 4 worden getoond als "<5" en bijkomende cellen worden onderdrukt.

Bewaartermijn: afgesloten doorverwijzingen worden {retention} maanden na afsluiting gewist (na een gecontroleerde \
back-up). Het auditlog bewaart alleen codes, data en statuswijzigingen.

Rechten van de betrokkene: inzage (export per code) en wissing op verzoek, via het OCMW dat de code kent."""


@dataclass
class ReferralSettings:
    expected_days: dict[str, int] = field(default_factory=lambda: dict(DEFAULT_EXPECTED_DAYS))
    retention_months: int = DEFAULT_RETENTION_MONTHS
    suppression_threshold: int = DEFAULT_THRESHOLD
    register_text: str = ""
    code_prefixes: dict[str, str] = field(default_factory=dict)  # nis_code -> "BEK"


def _all(session: Session) -> dict[str, str]:
    """Every "referrals." setting in one query."""
    return dict(session.execute(select(AppSetting.key, AppSetting.value).where(AppSetting.key.like(PREFIX + "%"))).all())


def _int(values: dict[str, str], key: str, default: int) -> int:
    text = values.get(key, "") or ""
    return int(text) if text.strip().isdigit() else default


def expected_days(session: Session) -> dict[str, int]:
    values = _all(session)
    return {status: _int(values, EXPECTED_KEY + status, days) for status, days in DEFAULT_EXPECTED_DAYS.items()}


def load_settings(session: Session) -> ReferralSettings:
    values = _all(session)
    expected = {status: _int(values, EXPECTED_KEY + status, days) for status, days in DEFAULT_EXPECTED_DAYS.items()}
    retention = _int(values, RETENTION_KEY, DEFAULT_RETENTION_MONTHS)
    return ReferralSettings(
        expected_days=expected,
        retention_months=retention,
        suppression_threshold=_int(values, THRESHOLD_KEY, DEFAULT_THRESHOLD),
        register_text=values.get(REGISTER_KEY, "") or DEFAULT_REGISTER_TEXT.format(retention=retention),
        code_prefixes=code_prefixes(session, values),
    )


def save_settings(session: Session, data: ReferralSettings) -> None:
    errors: dict[str, str] = {}
    for status, days in data.expected_days.items():
        if status not in DEFAULT_EXPECTED_DAYS:
            errors[f"expected_{status}"] = f"Onbekende status '{status}'."
        elif not 1 <= int(days) <= 3650:
            errors[f"expected_{status}"] = (f"{STATUS_LABELS[status]}: kies een verwachte duur tussen 1 en 3650 "
                                            "dagen.")
    if not MIN_RETENTION <= data.retention_months <= MAX_RETENTION:
        errors["retention_months"] = f"Kies een bewaartermijn tussen {MIN_RETENTION} en {MAX_RETENTION} maanden."
    if not MIN_THRESHOLD <= data.suppression_threshold <= MAX_THRESHOLD:
        errors["suppression_threshold"] = (f"Kies een drempel tussen {MIN_THRESHOLD} en {MAX_THRESHOLD} "
                                           "(standaard 5: aantallen 1 tot 4 worden '<5').")
    if len(data.register_text or "") > 20_000:
        errors["register_text"] = "De tekst van het verwerkingsregister is te lang (maximaal 20.000 tekens)."
    check_no_national_number({"register_text": data.register_text}, errors)
    seen: dict[str, str] = {}
    for nis, prefix in data.code_prefixes.items():
        prefix = (prefix or "").strip().upper()
        if not re.fullmatch(r"[A-Z]{2,4}", prefix):
            errors["code_prefixes"] = f"Prefix '{prefix}' ({nis}): gebruik 2 tot 4 hoofdletters, bv. BEK."
        elif prefix in seen:
            errors["code_prefixes"] = f"Prefix '{prefix}' wordt al gebruikt voor een andere gemeente ({seen[prefix]})."
        seen[prefix] = nis
    if errors:
        raise ValidationError(errors)
    for status, days in data.expected_days.items():
        set_setting(session, EXPECTED_KEY + status, str(int(days)))
    set_setting(session, RETENTION_KEY, str(data.retention_months))
    set_setting(session, THRESHOLD_KEY, str(data.suppression_threshold))
    default_text = DEFAULT_REGISTER_TEXT.format(retention=data.retention_months)
    text = (data.register_text or "").strip()
    set_setting(session, REGISTER_KEY, "" if text == default_text.strip() else text)
    for nis, prefix in data.code_prefixes.items():
        set_setting(session, CODE_PREFIX_KEY + nis, prefix.strip().upper())


def code_prefixes(session: Session, values: dict[str, str] | None = None) -> dict[str, str]:
    """A short code per participating municipality: the stored one, or three letters of its name
    made unique among the others (Bekkevoort BEK, Geetbets GEE, Glabbeek GLA ...)."""
    rows = session.execute(select(Municipality.nis_code, Municipality.name)
                           .where(Municipality.participating.is_(True)).order_by(Municipality.nis_code)).all()
    values = _all(session) if values is None else values
    stored = {nis: values.get(CODE_PREFIX_KEY + nis, "") for nis, _name in rows}
    used = {p for p in stored.values() if p}
    result: dict[str, str] = {}
    for nis, name in rows:
        if stored[nis]:
            result[nis] = stored[nis]
            continue
        prefix = _derive_prefix(name, used)
        used.add(prefix)
        result[nis] = prefix
    return result


def prefix_for(session: Session, nis_code: str) -> str:
    stored = get_setting(session, CODE_PREFIX_KEY + nis_code, "")
    if stored:
        return stored
    prefixes = code_prefixes(session)
    if nis_code in prefixes:
        return prefixes[nis_code]
    name = session.scalar(select(Municipality.name).where(Municipality.nis_code == nis_code)) or nis_code
    return _derive_prefix(name, set(prefixes.values()))


def _derive_prefix(name: str, used: set[str]) -> str:
    letters = re.sub(r"[^A-Z]", "", fold(name).upper()) or "GEM"
    candidates = [letters[:3]] + [letters[0] + letters[i] + letters[j] for i in range(1, len(letters))
                                  for j in range(i + 1, len(letters))]
    for candidate in candidates:
        if len(candidate) == 3 and candidate not in used:
            return candidate
    n = 1
    while f"{letters[:2]}{n}" in used:
        n += 1
    return f"{letters[:2]}{n}"[:4]


def next_number(session: Session, prefix: str, year: int) -> int:
    """The next sequence number for prefix and year; the counter only goes up, so a code is never reused."""
    key = f"{COUNTER_KEY}{prefix}-{year}"
    number = _int({key: get_setting(session, key, "0")}, key, 0) + 1
    set_setting(session, key, str(number))
    return number


def raise_counter(session: Session, prefix: str, year: int, at_least: int) -> None:
    key = f"{COUNTER_KEY}{prefix}-{year}"
    if _int({key: get_setting(session, key, "0")}, key, 0) < at_least:
        set_setting(session, key, str(at_least))
