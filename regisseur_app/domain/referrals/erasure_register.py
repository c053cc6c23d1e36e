"""The erasure register: a file beside the database with every erased referral code, so an erasure holds
for backups copied over the database too (domain/referrals/retention.py applies it). Standard library
only: the open hook reads it at every start and imports the referral modules only when it holds codes."""

from __future__ import annotations

import json
import os
import tempfile
from datetime import date
from pathlib import Path

__all__ = ["ErasureRegister", "register_path"]


def register_path(db_path: Path) -> Path:
    return Path(db_path).with_name(Path(db_path).stem + ".gewist.jsonl")


class ErasureRegister:
    """The erased codes, one JSON object per line: {"code": ..., "erased": "YYYY-MM-DD", "reason": ...}."""

    def __init__(self, path: Path):
        self.path = Path(path)

    def entries(self) -> list[dict]:
        if not self.path.exists():
            return []
        result = []
        for line in self.path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if line:
                result.append(json.loads(line))
        return result

    def codes(self) -> set[str]:
        return {e["code"] for e in self.entries()}

    def add(self, codes: list[str], when: date, reason: str) -> None:
        """Rewrite the file with the new codes appended, atomically and durably."""
        known = self.codes()
        lines = [json.dumps(e, ensure_ascii=False) for e in self.entries()]
        lines += [json.dumps({"code": c, "erased": when.isoformat(), "reason": reason}, ensure_ascii=False)
                  for c in codes if c not in known]
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(prefix=f".{self.path.name}-", dir=self.path.parent)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write("\n".join(lines) + "\n")
                out.flush()
                os.fsync(out.fileno())
            os.replace(temp, self.path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
        if os.name == "posix":
            fd = os.open(self.path.parent, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
