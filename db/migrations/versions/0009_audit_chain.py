"""referral audit log: a hash chain (row_hash = sha256 over the row and the previous row's hash)

Revision ID: 0009_audit_chain
Revises: 0004_referrals
Create Date: 2026-11-30

Existing rows are chained in id order. The append-only triggers are dropped for the fill and created
again (same text as in 0004_referrals).
"""
import hashlib
import json
from datetime import datetime

import sqlalchemy as sa
from alembic import op

revision = '0009_audit_chain'
down_revision = '0004_referrals'
branch_labels = None
depends_on = None

TRIGGERS = (
    """CREATE TRIGGER IF NOT EXISTS referral_audit_no_update BEFORE UPDATE ON referral_audit
       BEGIN SELECT RAISE(ABORT, 'referral_audit is append-only: rows cannot be changed'); END""",
    """CREATE TRIGGER IF NOT EXISTS referral_audit_no_delete BEFORE DELETE ON referral_audit
       BEGIN SELECT RAISE(ABORT, 'referral_audit is append-only: rows cannot be deleted'); END""",
)


def _row_hash(row, previous: str) -> str:
    # the same canonical form as regisseur_app.domain.referrals.audit.row_hash (frozen here on purpose)
    at = row.at if isinstance(row.at, datetime) else datetime.fromisoformat(str(row.at))
    content = json.dumps([row.id, at.isoformat(sep=" ", timespec="microseconds"), row.action, row.code,
                          row.field, row.old_value, row.new_value, previous], ensure_ascii=False)
    return hashlib.sha256(content.encode("utf-8")).hexdigest()


def upgrade() -> None:
    with op.batch_alter_table('referral_audit', schema=None) as batch_op:
        batch_op.add_column(sa.Column('row_hash', sa.String(length=64), nullable=False, server_default=''))
    op.execute("DROP TRIGGER IF EXISTS referral_audit_no_update")
    bind = op.get_bind()
    previous = ""
    rows = bind.execute(sa.text(
        "SELECT id, at, action, code, field, old_value, new_value FROM referral_audit ORDER BY id")).fetchall()
    for row in rows:
        previous = _row_hash(row, previous)
        bind.execute(sa.text("UPDATE referral_audit SET row_hash = :h WHERE id = :i"), {"h": previous, "i": row.id})
    for statement in TRIGGERS:
        op.execute(statement)


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS referral_audit_no_update")
    op.execute("DROP TRIGGER IF EXISTS referral_audit_no_delete")
    with op.batch_alter_table('referral_audit', schema=None) as batch_op:
        batch_op.drop_column('row_hash')
    for statement in TRIGGERS:
        op.execute(statement)
