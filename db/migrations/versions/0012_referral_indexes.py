"""referral indexes for the statistics and the KPIs (issue 16): a covering index for the cohort of a period
(referral date first, then every column the statistics group or measure on), and work started / doorstroom
in a year per municipality

Revision ID: 0012_referral_indexes
Revises: 0009_audit_chain
Create Date: 2026-11-30
"""
from alembic import op

revision = '0012_referral_indexes'
down_revision = '0009_audit_chain'
branch_labels = None
depends_on = None

COHORT = ['referral_date', 'nis_code', 'type_id', 'status', 'decision', 'exit', 'screening_date', 'decision_date',
          'start_date']


def upgrade() -> None:
    with op.batch_alter_table('referral', schema=None) as batch_op:
        batch_op.create_index('ix_referral_cohort', COHORT, unique=False)
        batch_op.create_index('ix_referral_start_date_nis_code', ['start_date', 'nis_code'], unique=False)
        batch_op.create_index('ix_referral_exit_exit_date_nis_code', ['exit', 'exit_date', 'nis_code'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('referral', schema=None) as batch_op:
        batch_op.drop_index('ix_referral_exit_exit_date_nis_code')
        batch_op.drop_index('ix_referral_start_date_nis_code')
        batch_op.drop_index('ix_referral_cohort')
