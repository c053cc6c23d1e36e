"""Key figures from the KBO register: enterprises per NACE section per municipality, as computed indicators
of the omgevingsanalyse (next to 'aantal SE-organisaties'). An enterprise counts in every participating
municipality where it has its seat or an establishment, by its main activity (NACE-BEL 2025 where the
extract has it, else 2008); the region counts each once. Natural persons come from their counts only."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from regisseur_app.domain.analysis.models import KeyIndicator
from regisseur_app.domain.kbo import nace
from regisseur_app.domain.kbo.models import ACTIVE, KboEnterprise, KboPersonCount, KboPlace

PREFIX = "kbo"          # computed = 'kbo:total' or 'kbo:<version>:<section>'
TOTAL = "kbo:total"
SOURCE = "KBO Open Data (berekend bij elke import)"
FIRST_SORT = 200


def parse(computed: str) -> tuple[str, str] | None:
    """(version, section) of 'kbo:2008:G'; None for the total."""
    parts = computed.split(":")
    return (parts[1], parts[2]) if len(parts) == 3 else None


def _legal(session: Session, computed: str, nis_codes: list[str], per_municipality: bool):  # noqa: ANN202
    which = parse(computed)
    query = (select(KboPlace.nis_code, func.count(func.distinct(KboPlace.enterprise_number))) if per_municipality
             else select(func.count(func.distinct(KboPlace.enterprise_number))))
    query = query.join(KboEnterprise, KboEnterprise.enterprise_number == KboPlace.enterprise_number).where(
        KboEnterprise.in_region.is_(True), KboEnterprise.status == ACTIVE, KboPlace.nis_code.in_(nis_codes))
    if which:
        query = query.where(KboEnterprise.main_nace_version == which[0], KboEnterprise.main_section == which[1])
    return query.group_by(KboPlace.nis_code) if per_municipality else query


def _persons(computed: str, nis_codes: list[str] | None):  # noqa: ANN202
    which = parse(computed)
    query = select(KboPersonCount.nis_code, func.sum(KboPersonCount.count))
    query = query.where(KboPersonCount.nis_code.in_(nis_codes)) if nis_codes is not None else query.where(
        KboPersonCount.nis_code == "")
    if which:
        query = query.where(KboPersonCount.nace_version == which[0], KboPersonCount.section == which[1])
    return query.group_by(KboPersonCount.nis_code)


def count_by_municipality(session: Session, computed: str, nis_codes: list[str]) -> dict[str, int]:
    legal = dict(session.execute(_legal(session, computed, nis_codes, True)).all())
    persons = dict(session.execute(_persons(computed, nis_codes)).all())
    return {nis: int(legal.get(nis, 0)) + int(persons.get(nis, 0) or 0) for nis in nis_codes}


def count_region(session: Session, computed: str, nis_codes: list[str]) -> int:
    """Each enterprise once, also with establishments in two municipalities (the persons' region count was
    made at import for the region of that moment)."""
    legal = session.scalar(_legal(session, computed, nis_codes, False)) or 0
    persons = sum(int(n or 0) for _nis, n in session.execute(_persons(computed, None)))
    return int(legal) + persons


def ensure_indicators(session: Session) -> int:
    """A computed indicator for the total and for each (version, section) present; returns how many were
    added. Existing ones (possibly renamed or deactivated by the user) are left alone."""
    present = set(session.execute(select(KboEnterprise.main_nace_version, KboEnterprise.main_section).distinct()
                                  .where(KboEnterprise.in_region.is_(True), KboEnterprise.main_section != "")).all())
    present |= set(session.execute(select(KboPersonCount.nace_version, KboPersonCount.section).distinct()
                                   .where(KboPersonCount.section != "")).all())
    wanted = [(TOTAL, "Ondernemingen (KBO, totaal)")]
    for version in nace.VERSIONS:
        for letter, label in nace.sections(version):
            if (version, letter) in present and letter != nace.UNKNOWN_SECTION:
                wanted.append((f"{PREFIX}:{version}:{letter}",
                               f"Ondernemingen {letter} {label} ({nace.VERSION_LABELS[version]})"[:120]))
    existing = set(session.scalars(select(KeyIndicator.computed).where(KeyIndicator.computed.like(f"{PREFIX}:%"))))
    order = max(FIRST_SORT, (session.scalar(select(func.max(KeyIndicator.sort_order))) or 0))
    added = 0
    for computed, label in wanted:
        if computed in existing:
            continue
        code = computed.replace(":", "_")
        if session.scalar(select(KeyIndicator.id).where(KeyIndicator.code == code)) is not None:
            continue
        order += 10
        session.add(KeyIndicator(code=code, label=label, unit="ondernemingen", source=SOURCE, is_count=True,
                                 decimals=0, computed=computed, sort_order=order, active=True))
        added += 1
    session.flush()
    return added
