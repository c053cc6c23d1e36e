"""Indexes for the organisation and contact lists' filters: the link tables looked up by municipality
(organisation and contact 'actief in') and by service category, which their primary keys (organisation
or contact first) cannot serve; without them every filter scans the whole link table.

Revision ID: 0012_core_list_indexes
Revises: 0011_municipality_successor
Create Date: 2026-11-30
"""
from alembic import op

revision = '0012_core_list_indexes'
down_revision = '0011_municipality_successor'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_organisation_municipality_nis_code', 'organisation_municipality', ['nis_code'])
    op.create_index('ix_organisation_category_category_id', 'organisation_category', ['category_id'])
    op.create_index('ix_contact_municipality_nis_code', 'contact_municipality', ['nis_code'])


def downgrade() -> None:
    op.drop_index('ix_contact_municipality_nis_code', table_name='contact_municipality')
    op.drop_index('ix_organisation_category_category_id', table_name='organisation_category')
    op.drop_index('ix_organisation_municipality_nis_code', table_name='organisation_municipality')
