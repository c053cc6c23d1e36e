"""referrals to VDAB: referral, referral_step, referral_audit (append-only by trigger)

Revision ID: 0004_referrals
Revises: 0001
Create Date: 2026-11-22
"""
import sqlalchemy as sa
from alembic import op

revision = '0004_referrals'
down_revision = '0001'
branch_labels = None
depends_on = None

AUDIT_TRIGGERS = (
    """CREATE TRIGGER IF NOT EXISTS referral_audit_no_update BEFORE UPDATE ON referral_audit
       BEGIN SELECT RAISE(ABORT, 'referral_audit is append-only: rows cannot be changed'); END""",
    """CREATE TRIGGER IF NOT EXISTS referral_audit_no_delete BEFORE DELETE ON referral_audit
       BEGIN SELECT RAISE(ABORT, 'referral_audit is append-only: rows cannot be deleted'); END""",
)
# the same rule for a server database (PostgreSQL), beside the SQLite spelling (docs/architecture.md)
POSTGRESQL_AUDIT_TRIGGERS = (
    """CREATE OR REPLACE FUNCTION referral_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN RAISE EXCEPTION 'referral_audit is append-only: rows cannot be %', lower(TG_OP); END $$""",
    """CREATE TRIGGER referral_audit_no_update BEFORE UPDATE OR DELETE ON referral_audit
       FOR EACH ROW EXECUTE FUNCTION referral_audit_append_only()""",
)


def upgrade() -> None:
    op.create_table('referral',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=20), nullable=False),
    sa.Column('nis_code', sa.String(length=5), nullable=False),
    sa.Column('internal_reference', sa.String(length=30), nullable=False),
    sa.Column('referral_date', sa.Date(), nullable=False),
    sa.Column('type_id', sa.Integer(), nullable=False),
    sa.Column('work_form_id', sa.Integer(), nullable=True),
    sa.Column('age_group_id', sa.Integer(), nullable=True),
    sa.Column('leefloon', sa.Boolean(), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('status_date', sa.Date(), nullable=False),
    sa.Column('screening_date', sa.Date(), nullable=True),
    sa.Column('decision', sa.String(length=20), nullable=True),
    sa.Column('decision_date', sa.Date(), nullable=True),
    sa.Column('start_date', sa.Date(), nullable=True),
    sa.Column('organisation_id', sa.Integer(), nullable=True),
    sa.Column('exit', sa.String(length=20), nullable=True),
    sa.Column('exit_date', sa.Date(), nullable=True),
    sa.Column('closed_date', sa.Date(), nullable=True),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.ForeignKeyConstraint(['age_group_id'], ['code_item.id'], name=op.f('fk_referral_age_group_id_code_item')),
    sa.ForeignKeyConstraint(['nis_code'], ['municipality.nis_code'], name=op.f('fk_referral_nis_code_municipality'), onupdate='CASCADE'),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], name=op.f('fk_referral_organisation_id_organisation'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['type_id'], ['code_item.id'], name=op.f('fk_referral_type_id_code_item')),
    sa.ForeignKeyConstraint(['work_form_id'], ['code_item.id'], name=op.f('fk_referral_work_form_id_code_item')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_referral')),
    sa.UniqueConstraint('code', name=op.f('uq_referral_code'))
    )
    with op.batch_alter_table('referral', schema=None) as batch_op:
        batch_op.create_index('ix_referral_nis_code_referral_date', ['nis_code', 'referral_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_referral_referral_date'), ['referral_date'], unique=False)
        batch_op.create_index('ix_referral_status_status_date', ['status', 'status_date'], unique=False)
        batch_op.create_index('ix_referral_status_date', ['status_date'], unique=False)
        batch_op.create_index('ix_referral_type_id_referral_date', ['type_id', 'referral_date'], unique=False)

    op.create_table('referral_step',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('referral_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('step_date', sa.Date(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], name=op.f('fk_referral_step_organisation_id_organisation'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['referral_id'], ['referral.id'], name=op.f('fk_referral_step_referral_id_referral'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_referral_step'))
    )
    with op.batch_alter_table('referral_step', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_referral_step_referral_id'), ['referral_id'], unique=False)

    op.create_table('referral_audit',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('action', sa.String(length=40), nullable=False),
    sa.Column('code', sa.String(length=20), nullable=False),
    sa.Column('field', sa.String(length=60), nullable=False),
    sa.Column('old_value', sa.String(length=200), nullable=False),
    sa.Column('new_value', sa.String(length=200), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_referral_audit'))
    )
    with op.batch_alter_table('referral_audit', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_referral_audit_action'), ['action'], unique=False)
        batch_op.create_index(batch_op.f('ix_referral_audit_at'), ['at'], unique=False)
        batch_op.create_index(batch_op.f('ix_referral_audit_code'), ['code'], unique=False)

    sqlite = op.get_bind().dialect.name == "sqlite"
    for statement in AUDIT_TRIGGERS if sqlite else POSTGRESQL_AUDIT_TRIGGERS:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS referral_audit_no_update")
        op.execute("DROP TRIGGER IF EXISTS referral_audit_no_delete")
    else:
        op.execute("DROP TRIGGER IF EXISTS referral_audit_no_update ON referral_audit")
        op.execute("DROP FUNCTION IF EXISTS referral_audit_append_only()")
    with op.batch_alter_table('referral_audit', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_referral_audit_code'))
        batch_op.drop_index(batch_op.f('ix_referral_audit_at'))
        batch_op.drop_index(batch_op.f('ix_referral_audit_action'))
    op.drop_table('referral_audit')
    with op.batch_alter_table('referral_step', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_referral_step_referral_id'))
    op.drop_table('referral_step')
    with op.batch_alter_table('referral', schema=None) as batch_op:
        batch_op.drop_index('ix_referral_type_id_referral_date')
        batch_op.drop_index('ix_referral_status_status_date')
        batch_op.drop_index('ix_referral_status_date')
        batch_op.drop_index(batch_op.f('ix_referral_referral_date'))
        batch_op.drop_index('ix_referral_nis_code_referral_date')
    op.drop_table('referral')
