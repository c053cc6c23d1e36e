"""Erased stays erased (also a file copied over the database, and in the kept backups); audit-log
tampering with sqlite3 is detected and located."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date

from regisseur_app.domain.referrals import audit
from regisseur_app.domain.referrals import service as svc
from regisseur_app.operations.maintenance import check as check_database
from regisseur_app.operations.referrals import run_retention
from regisseur_app.startup import open_context
from regisseur_app.storage.backup import make_backup
from tests.reliability.helpers import count
from tests.unit.referral_helpers import new_referral


def test_erasure_survives_a_backup_copied_over_the_database(ctx):
    with ctx.transaction() as s:
        erased = new_referral(s)[1]
        kept = new_referral(s)[1]
    old = ctx.paths.backup_dir.parent / "los-kopie.sqlite"  # a copy the backup rewrite cannot reach
    make_backup(ctx.db_path, ctx.paths.backup_dir)
    shutil.copyfile(sorted(ctx.paths.backup_dir.glob("*.sqlite"))[-1], old)
    run_retention(ctx, [erased], "verzoek", date(2026, 1, 5))
    ctx.close()
    for suffix in ("-wal", "-shm"):
        ctx.db_path.with_name(ctx.db_path.name + suffix).unlink(missing_ok=True)
    shutil.copyfile(old, ctx.db_path)  # the user copies an old file over the database
    reopened = open_context(ctx.paths)
    try:
        with reopened.reading() as s:
            assert svc.find_by_code(s, erased) is None
            assert svc.find_by_code(s, kept) is not None
    finally:
        reopened.close()
    for kept_backup in ctx.paths.backup_dir.glob("*.sqlite"):  # and no kept backup holds it
        conn = sqlite3.connect(f"file:{kept_backup}?mode=ro", uri=True)
        try:
            assert conn.execute("SELECT count(*) FROM referral WHERE code = ?", (erased,)).fetchone()[0] == 0
        finally:
            conn.close()


def _tamper(db, sql: str) -> None:
    conn = sqlite3.connect(db)
    conn.execute("DROP TRIGGER referral_audit_no_update")
    conn.execute("DROP TRIGGER referral_audit_no_delete")
    conn.execute(sql)
    conn.commit()
    conn.close()


def test_audit_chain_is_intact_after_normal_use(ctx):
    with ctx.transaction() as s:
        for _ in range(5):
            new_referral(s)
    with ctx.reading() as s:
        assert audit.check_chain(s) == []
    assert check_database(ctx.db_path).ok


def test_changed_audit_row_is_detected_with_its_place(ctx):
    with ctx.transaction() as s:
        for _ in range(4):
            new_referral(s)
    _tamper(ctx.db_path, "UPDATE referral_audit SET action = 'niets gebeurd' WHERE id = 3")
    report = check_database(ctx.db_path)
    assert not report.ok
    assert any("rij 3 (nummer 3" in p for p in report.feature_problems), report.feature_problems


def test_deleted_audit_row_is_detected(ctx):
    with ctx.transaction() as s:
        for _ in range(4):
            new_referral(s)
    rows = count(ctx.db_path, "referral_audit")
    _tamper(ctx.db_path, "DELETE FROM referral_audit WHERE id = 2")
    assert count(ctx.db_path, "referral_audit") == rows - 1
    problems = check_database(ctx.db_path).feature_problems
    assert problems and "ontbreken rijen (nummers 2 tot 2)" in problems[0]


def test_a_damaged_backup_does_not_stop_the_start_or_the_other_backups(ctx):
    with ctx.transaction() as s:
        erased = new_referral(s)[1]
    holding = ctx.paths.backup_dir.parent / "met-de-code.sqlite"
    shutil.copyfile(make_backup(ctx.db_path, ctx.paths.backup_dir), holding)
    run_retention(ctx, [erased], "verzoek", date(2026, 1, 5))
    ctx.close()
    late = ctx.paths.backup_dir / "t-20991231-000000-000000.sqlite"  # newest: kept by any rotation
    shutil.copyfile(holding, late)
    broken = ctx.paths.backup_dir / "t-20991231-000001-000000.sqlite"
    broken.write_bytes(b"SQLite format 3\x00" + b"\x00" * 500)
    assert count(late, "referral") == 1
    open_context(ctx.paths).close()  # the on-open hook meets the broken backup and goes on
    assert count(late, "referral") == 0
    assert broken.exists()
