"""Retention: preview, verified backup first, erase, audit; an erased code stays erased after a restore."""

import json
from datetime import date

import pytest

from regisseur_app.domain.core.base import ValidationError
from regisseur_app.domain.referrals import audit
from regisseur_app.domain.referrals import service as svc
from regisseur_app.domain.referrals.models import CLOSED, NEGATIVE, SCREENING
from regisseur_app.domain.referrals.retention import (
    ErasureRegister,
    cutoff_date,
    register_path,
    retention_preview,
)
from regisseur_app.operations.referrals import run_retention
from regisseur_app.startup import restore_backup
from regisseur_app.storage.backup import list_backups, make_backup
from tests.unit.referral_helpers import TODAY, move, new_referral


def _closed(s, closed_on: date) -> str:
    rid, code = new_referral(s, when=date(2020, 1, 1))
    move(s, rid, (SCREENING, date(2020, 1, 2)), (NEGATIVE, date(2020, 1, 3)), (CLOSED, closed_on))
    return code


def test_cutoff_months():
    assert cutoff_date(date(2026, 6, 30), 24) == date(2024, 6, 30)
    assert cutoff_date(date(2026, 3, 31), 1) == date(2026, 2, 28)
    assert cutoff_date(date(2026, 1, 15), 13) == date(2024, 12, 15)


def test_preview_lists_only_closed_referrals_older_than_the_retention(ctx):
    with ctx.transaction() as s:
        old = _closed(s, date(2024, 6, 29))     # 24 months and a day: goes
        _closed(s, date(2024, 6, 30))           # exactly 24 months: stays
        new_referral(s, when=date(2020, 1, 1))  # old but not closed: stays
    with ctx.reading() as s:
        assert [c.code for c in retention_preview(s, TODAY)] == [old]


def test_run_retention_backs_up_first_erases_and_audits(ctx):
    with ctx.transaction() as s:
        code = _closed(s, date(2023, 1, 1))
        keep = new_referral(s)[1]
    run_retention(ctx, [code], "bewaartermijn", TODAY)
    backups = list_backups(ctx.paths.backup_dir)
    assert len(backups) == 1
    with ctx.reading() as s:
        assert svc.find_by_code(s, code) is None and svc.find_by_code(s, keep) is not None
        assert [r.action for r in audit.audit_for_code(s, code)][-1] == audit.ERASED_RETENTION
        assert s.execute(__import__("sqlalchemy").text("SELECT count(*) FROM referral_step")).scalar() == 1
    entries = ErasureRegister(register_path(ctx.db_path)).entries()
    assert entries == [{"code": code, "erased": TODAY.isoformat(), "reason": "bewaartermijn"}]
    line = register_path(ctx.db_path).read_text(encoding="utf-8")
    assert set(json.loads(line.splitlines()[0])) == {"code", "erased", "reason"}  # codes and dates only


def test_unknown_code_erases_nothing(ctx):
    with ctx.transaction() as s:
        code = new_referral(s)[1]
    with pytest.raises(ValidationError):
        run_retention(ctx, [code, "BEK-1999-0001"], "verzoek", TODAY)
    with ctx.reading() as s:
        assert svc.find_by_code(s, code) is not None
    assert not register_path(ctx.db_path).exists()


def test_restore_of_older_backup_reapplies_erasures(ctx):
    with ctx.transaction() as s:
        erased = new_referral(s)[1]                      # BEK-2025-0001, in the backup
        kept = new_referral(s)[1]                        # BEK-2025-0002
    old_backup = make_backup(ctx.db_path, ctx.paths.backup_dir)
    with ctx.transaction() as s:
        later = new_referral(s)[1]                       # BEK-2025-0003, made after the backup
    run_retention(ctx, [erased, later], "verzoek", TODAY)
    assert erased not in codes_in_table(old_backup)     # the erasure reached the kept backup too
    assert kept in codes_in_table(old_backup)
    restore_backup(ctx, old_backup)
    with ctx.reading() as s:
        assert svc.find_by_code(s, erased) is None
        assert svc.find_by_code(s, kept) is not None
    with ctx.transaction() as s:  # the backup's counter said 2; raised to 3, so 0003 is never issued again
        assert new_referral(s)[1] == "BEK-2025-0004"


def codes_in_table(path):
    import sqlite3

    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {row[0] for row in conn.execute("SELECT code FROM referral")}
    finally:
        conn.close()


def test_code_issued_after_the_backup_is_not_reissued_after_a_restore(ctx):
    with ctx.transaction() as s:
        new_referral(s)                                  # BEK-2025-0001, in the backup
    old_backup = make_backup(ctx.db_path, ctx.paths.backup_dir)
    with ctx.transaction() as s:
        later = new_referral(s)[1]                       # BEK-2025-0002: never erased, lost by the restore
    assert later == "BEK-2025-0002"
    restore_backup(ctx, old_backup)
    with ctx.reading() as s:
        assert svc.find_by_code(s, later) is None
    with ctx.transaction() as s:  # 0002 meant someone else before the restore: it is not handed out again
        assert new_referral(s)[1] == "BEK-2025-0003"
