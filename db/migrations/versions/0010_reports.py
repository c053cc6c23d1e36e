"""college reports: comments per section, municipality and period; the log of reports made

Revision ID: 0010_reports
Revises: 0001
Create Date: 2026-11-30
"""
import sqlalchemy as sa
from alembic import op

revision = '0010_reports'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('report_comment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('scope_key', sa.String(length=10), nullable=False),
    sa.Column('period_start', sa.Date(), nullable=False),
    sa.Column('period_end', sa.Date(), nullable=False),
    sa.Column('section_key', sa.String(length=50), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_report_comment')),
    sa.UniqueConstraint('scope_key', 'period_start', 'period_end', 'section_key',
                        name=op.f('uq_report_comment_scope_key'))
    )
    op.create_table('report_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('made_at', sa.DateTime(), nullable=False),
    sa.Column('scope_key', sa.String(length=10), nullable=False),
    sa.Column('scope_name', sa.String(length=150), nullable=False),
    sa.Column('period_start', sa.Date(), nullable=False),
    sa.Column('period_end', sa.Date(), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('path', sa.Text(), nullable=False),
    sa.Column('sections', sa.Text(), nullable=False),
    sa.Column('batch', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_report_log'))
    )
    with op.batch_alter_table('report_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_report_log_made_at'), ['made_at'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('report_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_report_log_made_at'))
    op.drop_table('report_log')
    op.drop_table('report_comment')
