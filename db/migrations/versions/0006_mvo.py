"""MVO-rapportering: materials with emission factors, indicators, values per organisation and year

Revision ID: 0006_mvo
Revises: 0001
Create Date: 2026-11-30

The shipped materials and indicators are reference data (resources/reference/mvo_*.csv), added on every
open when missing (domain.mvo.reference.ensure_defaults), like the code lists.
"""
import sqlalchemy as sa
from alembic import op

revision = '0006_mvo'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('mvo_material',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=50), nullable=False),
    sa.Column('label', sa.String(length=120), nullable=False),
    sa.Column('emission_factor', sa.Float(), nullable=True),
    sa.Column('factor_source', sa.String(length=400), nullable=False),
    sa.Column('factor_year', sa.Integer(), nullable=True),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mvo_material')),
    sa.UniqueConstraint('code', name=op.f('uq_mvo_material_code'))
    )
    op.create_table('mvo_indicator',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=50), nullable=False),
    sa.Column('label', sa.String(length=120), nullable=False),
    sa.Column('pillar_id', sa.Integer(), nullable=False),
    sa.Column('unit', sa.String(length=40), nullable=False),
    sa.Column('value_type', sa.String(length=20), nullable=False),
    sa.Column('decimals', sa.Integer(), nullable=False),
    sa.Column('min_value', sa.Float(), nullable=True),
    sa.Column('max_value', sa.Float(), nullable=True),
    sa.Column('definition', sa.Text(), nullable=False),
    sa.Column('gri_code', sa.String(length=20), nullable=False),
    sa.Column('vsme_ref', sa.String(length=20), nullable=False),
    sa.Column('formula', sa.String(length=40), nullable=False),
    sa.Column('material_id', sa.Integer(), nullable=True),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['material_id'], ['mvo_material.id'], name=op.f('fk_mvo_indicator_material_id_mvo_material'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['pillar_id'], ['code_item.id'], name=op.f('fk_mvo_indicator_pillar_id_code_item')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mvo_indicator')),
    sa.UniqueConstraint('code', name=op.f('uq_mvo_indicator_code'))
    )
    with op.batch_alter_table('mvo_indicator', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_mvo_indicator_pillar_id'), ['pillar_id'], unique=False)

    op.create_table('mvo_value',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('indicator_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('number', sa.Float(), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('note', sa.String(length=500), nullable=False),
    sa.Column('source', sa.String(length=300), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.ForeignKeyConstraint(['indicator_id'], ['mvo_indicator.id'], name=op.f('fk_mvo_value_indicator_id_mvo_indicator'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], name=op.f('fk_mvo_value_organisation_id_organisation'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mvo_value')),
    sa.UniqueConstraint('organisation_id', 'indicator_id', 'year', name=op.f('uq_mvo_value_organisation_id'))
    )
    with op.batch_alter_table('mvo_value', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_mvo_value_indicator_id'), ['indicator_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_mvo_value_organisation_id'), ['organisation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_mvo_value_year'), ['year'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('mvo_value', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_mvo_value_year'))
        batch_op.drop_index(batch_op.f('ix_mvo_value_organisation_id'))
        batch_op.drop_index(batch_op.f('ix_mvo_value_indicator_id'))
    op.drop_table('mvo_value')
    with op.batch_alter_table('mvo_indicator', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_mvo_indicator_pillar_id'))
    op.drop_table('mvo_indicator')
    op.drop_table('mvo_material')
