"""municipality.successor (the mergers of 1 January 2025: an old NIS code points to the new one);
contact.no_invitations (left out of bulk invitations) and contact.erased (a deleted contact person: the
personal data are gone, the row stays so past event participations are still counted)

Revision ID: 0011_municipality_successor
Revises: 0001
Create Date: 2026-11-30
"""
import sqlalchemy as sa
from alembic import op

revision = '0011_municipality_successor'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('municipality') as batch:
        batch.add_column(sa.Column('successor', sa.String(length=5), nullable=True))
    with op.batch_alter_table('contact') as batch:
        batch.add_column(sa.Column('no_invitations', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch.add_column(sa.Column('erased', sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table('contact') as batch:
        batch.drop_column('erased')
        batch.drop_column('no_invitations')
    with op.batch_alter_table('municipality') as batch:
        batch.drop_column('successor')
