"""mvo_value: the year index widened to every column the regional figures read (year, organisation, indicator,
number, text), so a year's values, the trend's indicators of several years and the distinct (organisation, year)
pairs of the reporters are read from the index alone (issue 16: MVO › Regio on the large region, ~120.000 values:
the trend's four earlier years 25 -> 17 ms, the reporters' years 13 -> 3 ms in SQLite). It replaces
ix_mvo_value_year, its first column.

Revision ID: 0014_mvo_value_year_values
Revises: 0013_mvo_fk_indexes
Create Date: 2026-12-01
"""
from alembic import op

revision = '0014_mvo_value_year_values'
down_revision = '0013_mvo_fk_indexes'
branch_labels = None
depends_on = None

COLUMNS = ['year', 'organisation_id', 'indicator_id', 'number', 'text']


def upgrade() -> None:
    op.create_index('ix_mvo_value_year_values', 'mvo_value', COLUMNS)
    op.drop_index('ix_mvo_value_year', table_name='mvo_value')


def downgrade() -> None:
    op.create_index('ix_mvo_value_year', 'mvo_value', ['year'])
    op.drop_index('ix_mvo_value_year_values', table_name='mvo_value')
