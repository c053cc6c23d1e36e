"""Shared pieces of the reliability tests: a database in a folder, a child process we can kill, page damage."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from regisseur_app.context import AppPaths

ROOT = Path(__file__).resolve().parents[2]

# A child that imports `n` organisations from a CSV through the real import path (verified backup, one
# transaction) and prints "klaar" when it committed.
IMPORT_CHILD = """
import sys
from pathlib import Path
from regisseur_app.context import AppPaths
from regisseur_app.domain.core import codelists
from regisseur_app.exchange.core.org_import import ORGANISATION_FIELDS, import_organisations
from regisseur_app.exchange.importing import guess_mapping
from regisseur_app.operations.imports import import_table
from regisseur_app.exchange.tabular import read_table
from regisseur_app.startup import open_context

db, n, run = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
ctx = open_context(AppPaths.for_db(db, log_dir=db.parent / "logs", config_dir=db.parent / "cfg"))
with ctx.reading() as s:
    label = codelists.list_items(s, codelists.ORGANISATION_TYPE)[0].label
csv = db.parent / f"import-{run}.csv"
csv.write_text("Naam;Type\\n" + "".join(f"Organisatie {run}-{i};{label}\\n" for i in range(n)), encoding="utf-8")
table = read_table(csv)
print("begin", flush=True)
import_table(ctx, import_organisations, table, guess_mapping(table.headers, ORGANISATION_FIELDS))
print("klaar", flush=True)
ctx.close()
"""


def paths_in(folder: Path, name: str = "regisseur.sqlite") -> AppPaths:
    return AppPaths.for_db(folder / name, log_dir=folder / "logs", config_dir=folder / "cfg")


def set_up_db(folder: Path) -> AppPaths:
    """A database in `folder` with the first-run set-up done (association and two municipalities)."""
    from regisseur_app.domain.core.setup import complete_setup
    from regisseur_app.startup import open_context

    paths = paths_in(folder)
    ctx = open_context(paths)
    with ctx.transaction() as session:
        complete_setup(session, "IGO test", ["24008", "24028"])
    ctx.close()
    return paths


def child(code: str, *args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", code, *args], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def count(db: Path, table: str) -> int:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: S608
    finally:
        conn.close()


def damage_page_of(db: Path, name: str, at: str = "header") -> None:
    """Overwrite bytes of the root page of table or index `name` (checkpointed first, so it is in the file)."""
    conn = sqlite3.connect(db)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        root = conn.execute("SELECT rootpage FROM sqlite_schema WHERE name = ?", (name,)).fetchone()[0]
        size = conn.execute("PRAGMA page_size").fetchone()[0]
    finally:
        conn.close()
    data = bytearray(db.read_bytes())
    start = (root - 1) * size
    span = range(start + 3, start + 5) if at == "header" else range(start + size - 300, start + size - 260)
    for offset in span:
        data[offset] ^= 0x5A
    db.write_bytes(bytes(data))
