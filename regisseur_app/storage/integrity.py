"""'Database controleren': a readable integrity report, and the check at start.

The storage part is generic (SQLite's full `integrity_check` and `foreign_key_check`, classified by
storage.recovery); each feature adds its own checks through the registry (`Feature.checks`, e.g. the
hash chain of the audit log of the referrals), run on a read-only session.

Cost of the full `integrity_check` (measured, docs/reliability.md): about 4 ms on the 1 MB demo
database and 1,3 s on a 47 MB database with 100.000 referrals. So the start runs the full check on a
file up to FULL_CHECK_AT_START_MAX and `quick_check` above it, followed by the full check in the
background once the window is shown; every backup runs the full check on its copy as well.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from regisseur_app.formatting import format_bytes, format_number
from regisseur_app.storage import start_check
from regisseur_app.storage.backup import Counted, read_counts
from regisseur_app.storage.recovery import INDEX_ONLY, OK, Diagnosis, diagnose

log = logging.getLogger(__name__)

FULL_CHECK_AT_START_MAX = start_check.FULL_CHECK_AT_START_MAX  # about 0,5 s of integrity_check


@dataclass(frozen=True)
class IntegrityReport:
    ok: bool
    problems: list[str]
    size: int
    counts: dict[str, int]
    kind: str = OK
    feature_problems: list[str] = field(default_factory=list)

    @property
    def repairable(self) -> bool:
        """Only the indexes are damaged: rebuilding them from the data is safe."""
        return self.kind == INDEX_ONLY

    def as_text(self) -> str:
        if self.ok:
            lines = ["De database is in orde."]
        else:
            lines = ["De database heeft problemen:"]
            if self.kind != OK:
                lines.append(Diagnosis(self.kind, self.problems).summary())
        lines += [f"  • {p}" for p in (self.problems + self.feature_problems)[:20]]
        lines.append(f"Grootte: {format_bytes(self.size)}")
        lines += [f"{label.capitalize()}: {format_number(n)}" for label, n in self.counts.items()]
        return "\n".join(lines)


def quick_check(db_path: Path) -> bool:
    """The check at start, read-only (storage/start_check.py): the full integrity_check on a file up to
    FULL_CHECK_AT_START_MAX, else SQLite's quick_check; the verdict of a check begun earlier on a thread
    when the file did not change since."""
    return start_check.result(db_path)


def needs_background_check(db_path: Path) -> bool:
    """True when the start ran only quick_check, so the full check should follow in the background."""
    try:
        return db_path.stat().st_size > FULL_CHECK_AT_START_MAX
    except OSError:
        return False


def check_database(db_path: Path, counts: Iterable[Counted] = (), checks: Iterable[Callable] = ()) -> IntegrityReport:
    """The full check of storage, with the row counts of `counts` (features.backup_counts()), and of every
    feature's own rules (`checks`, features.checks(): fn(session) -> [Dutch problem])."""
    diagnosis = diagnose(db_path)
    counted: dict[str, int] = {}
    feature_problems: list[str] = []
    if diagnosis.ok:
        counted = read_counts(db_path, counts)
        feature_problems = run_feature_checks(db_path, checks)
    size = sum(p.stat().st_size for p in (db_path, Path(f"{db_path}-wal")) if p.exists())
    return IntegrityReport(ok=diagnosis.ok and not feature_problems, problems=diagnosis.problems, size=size,
                           counts=counted, kind=diagnosis.kind, feature_problems=feature_problems)


def run_feature_checks(db_path: Path, checks: Iterable[Callable]) -> list[str]:
    """Run the features' checks on a read-only session of the file."""
    from sqlalchemy import create_engine
    from sqlalchemy.orm import Session

    checks = list(checks)
    if not checks:
        return []
    engine = create_engine("sqlite://", creator=lambda: sqlite3.connect(f"file:{db_path}?mode=ro", uri=True))
    problems: list[str] = []
    try:
        with Session(engine) as session:
            for check in checks:
                try:
                    problems += check(session)
                except Exception as exc:  # noqa: BLE001 - a failing check is itself a finding
                    log.exception("check %r failed", check)
                    problems.append(f"Een controle kon niet uitgevoerd worden: {exc}")
    finally:
        engine.dispose()
    return problems
