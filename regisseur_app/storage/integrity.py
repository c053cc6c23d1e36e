"""'Database controleren': a readable integrity report."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from regisseur_app.formatting import format_bytes, format_number
from regisseur_app.storage.backup import Counted, integrity_errors, read_counts


@dataclass(frozen=True)
class IntegrityReport:
    ok: bool
    problems: list[str]
    size: int
    counts: dict[str, int]

    def as_text(self) -> str:
        lines = ["De database is in orde." if self.ok else "De database heeft problemen:"]
        lines += [f"  • {p}" for p in self.problems[:20]]
        lines.append(f"Grootte: {format_bytes(self.size)}")
        lines += [f"{label.capitalize()}: {format_number(n)}" for label, n in self.counts.items()]
        return "\n".join(lines)


def quick_check(db_path: Path) -> bool:
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        return conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    except sqlite3.DatabaseError:
        return False
    finally:
        conn.close()


def check_database(db_path: Path, counts: Iterable[Counted] = ()) -> IntegrityReport:
    """integrity_check and foreign_key_check; with the row counts of `counts` (features.backup_counts())."""
    problems = integrity_errors(db_path)
    counted = {} if problems else read_counts(db_path, counts)
    size = sum(p.stat().st_size for p in (db_path, Path(f"{db_path}-wal")) if p.exists())
    return IntegrityReport(ok=not problems, problems=problems, size=size, counts=counted)
