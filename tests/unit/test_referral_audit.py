"""The audit log records every change and cannot be changed or emptied, not even with raw SQL."""

import sqlite3
from datetime import date

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from regisseur_app.domain.referrals import audit
from regisseur_app.domain.referrals import service as svc
from regisseur_app.domain.referrals.audit import AuditFilter
from regisseur_app.domain.referrals.models import SCREENING
from tests.unit.referral_helpers import TODAY, move, new_referral


def test_create_change_and_step_are_logged_without_free_text(ctx):
    with ctx.transaction() as s:
        rid, code = new_referral(s, internal_reference="DOS-77", note="eerste gesprek")
        move(s, rid, (SCREENING, date(2025, 2, 1)))
        data = svc.get_referral(s, rid, TODAY).data
        data.internal_reference = "DOS-78"
        data.leefloon = False
        svc.update_referral(s, rid, data, today=TODAY)
    with ctx.reading() as s:
        rows = audit.list_audit(s, AuditFilter(code=code), newest_first=False)
    assert [(r.action, r.field) for r in rows] == [
        ("aangemaakt", "status"), ("status", "status"), ("gewijzigd", "leefloon"), ("gewijzigd", "interne referentie")]
    assert rows[1].old_value == "Doorverwezen" and rows[1].new_value == "In screening (01/02/2025)"
    assert rows[2].old_value == "onbekend" and rows[2].new_value == "nee"
    assert all("DOS-7" not in r.old_value + r.new_value and "gesprek" not in r.new_value for r in rows)


def test_audit_rows_cannot_be_updated_or_deleted(ctx):
    with ctx.transaction() as s:
        new_referral(s)
    for statement in ("UPDATE referral_audit SET action = 'x'", "DELETE FROM referral_audit"):
        with pytest.raises(IntegrityError, match="append-only"), ctx.transaction() as s:
            s.execute(text(statement))
    conn = sqlite3.connect(ctx.db_path)  # and not behind the app's back either
    try:
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute("DELETE FROM referral_audit")
    finally:
        conn.close()
    with ctx.reading() as s:
        assert audit.count_audit(s) == 1


def test_audit_filters(ctx):
    with ctx.transaction() as s:
        a, code_a = new_referral(s)
        new_referral(s)
        move(s, a, (SCREENING, date(2025, 2, 1)))
    with ctx.reading() as s:
        assert audit.count_audit(s) == 3
        assert audit.count_audit(s, AuditFilter(action=audit.STEP)) == 1
        assert audit.count_audit(s, AuditFilter(code=code_a.lower())) == 2
        assert audit.count_audit(s, AuditFilter(date_from=date.today())) == 3
        assert audit.count_audit(s, AuditFilter(date_to=date(2020, 1, 1))) == 0
