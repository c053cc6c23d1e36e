"""Indexes on the referrals tables' foreign keys whose parent rows can be deleted (ON DELETE CASCADE or SET NULL):
without one, SQLite scans the whole child table for every parent row deleted. On the large region deleting a
survey of 4.674 respondents took 29 s (a scan of 50.000 responses per respondent), 300 respondents 2 s.
tests/migrations/test_fk_indexes.py keeps every such foreign key indexed.

Revision ID: 0013_referrals_fk_indexes
Revises: 0012_referral_indexes
Create Date: 2026-12-01
"""
from alembic import op

revision = '0013_referrals_fk_indexes'
down_revision = '0012_referral_indexes'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_referral_organisation_id', 'referral', ['organisation_id'])
    op.create_index('ix_referral_step_organisation_id', 'referral_step', ['organisation_id'])


def downgrade() -> None:
    op.drop_index('ix_referral_step_organisation_id', table_name='referral_step')
    op.drop_index('ix_referral_organisation_id', table_name='referral')
