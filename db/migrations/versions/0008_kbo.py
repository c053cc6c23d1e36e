"""KBO Open Data register: enterprises, places, activities, code descriptions, counts of natural persons,
imports and their changes

Revision ID: 0008_kbo
Revises: 0001
Create Date: 2026-11-30
"""
import sqlalchemy as sa
from alembic import op

revision = '0008_kbo'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('kbo_code',
    sa.Column('category', sa.String(length=30), nullable=False),
    sa.Column('code', sa.String(length=10), nullable=False),
    sa.Column('description', sa.String(length=300), nullable=False),
    sa.PrimaryKeyConstraint('category', 'code', name=op.f('pk_kbo_code'))
    )
    op.create_table('kbo_enterprise',
    sa.Column('enterprise_number', sa.String(length=10), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('search_text', sa.String(length=400), nullable=False),
    sa.Column('status', sa.String(length=2), nullable=False),
    sa.Column('juridical_situation', sa.String(length=3), nullable=False),
    sa.Column('juridical_form', sa.String(length=3), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=True),
    sa.Column('start_year', sa.Integer(), nullable=True),
    sa.Column('street', sa.String(length=200), nullable=False),
    sa.Column('house_number', sa.String(length=30), nullable=False),
    sa.Column('box', sa.String(length=30), nullable=False),
    sa.Column('postcode', sa.String(length=10), nullable=False),
    sa.Column('city', sa.String(length=100), nullable=False),
    sa.Column('seat_nis_code', sa.String(length=5), nullable=True),
    sa.Column('main_nace_version', sa.String(length=4), nullable=False),
    sa.Column('main_nace_code', sa.String(length=5), nullable=False),
    sa.Column('main_section', sa.String(length=1), nullable=False),
    sa.Column('website', sa.String(length=300), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('phone', sa.String(length=50), nullable=False),
    sa.Column('in_region', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('enterprise_number', name=op.f('pk_kbo_enterprise'))
    )
    with op.batch_alter_table('kbo_enterprise', schema=None) as batch_op:
        batch_op.create_index('ix_kbo_enterprise_browse', ['in_region', 'status', 'name', 'enterprise_number'], unique=False)
        batch_op.create_index(batch_op.f('ix_kbo_enterprise_juridical_form'), ['juridical_form'], unique=False)
        batch_op.create_index(batch_op.f('ix_kbo_enterprise_main_nace_code'), ['main_nace_code'], unique=False)
        batch_op.create_index(batch_op.f('ix_kbo_enterprise_start_year'), ['start_year'], unique=False)

    op.create_table('kbo_import',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('imported_at', sa.DateTime(), nullable=False),
    sa.Column('source_name', sa.String(length=300), nullable=False),
    sa.Column('extract_number', sa.String(length=20), nullable=False),
    sa.Column('extract_type', sa.String(length=20), nullable=False),
    sa.Column('snapshot_date', sa.Date(), nullable=True),
    sa.Column('enterprises', sa.Integer(), nullable=False),
    sa.Column('persons', sa.Integer(), nullable=False),
    sa.Column('first', sa.Boolean(), nullable=False),
    sa.Column('new_count', sa.Integer(), nullable=False),
    sa.Column('stopped_count', sa.Integer(), nullable=False),
    sa.Column('moved_count', sa.Integer(), nullable=False),
    sa.Column('left_count', sa.Integer(), nullable=False),
    sa.Column('seconds', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_kbo_import'))
    )
    op.create_table('kbo_person_count',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('nis_code', sa.String(length=5), nullable=False),
    sa.Column('nace_version', sa.String(length=4), nullable=False),
    sa.Column('nace_code', sa.String(length=5), nullable=False),
    sa.Column('section', sa.String(length=1), nullable=False),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_kbo_person_count')),
    sa.UniqueConstraint('nis_code', 'nace_version', 'nace_code', name=op.f('uq_kbo_person_count_nis_code'))
    )
    op.create_table('kbo_activity',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('enterprise_number', sa.String(length=10), nullable=False),
    sa.Column('nace_version', sa.String(length=4), nullable=False),
    sa.Column('nace_code', sa.String(length=5), nullable=False),
    sa.Column('classification', sa.String(length=4), nullable=False),
    sa.ForeignKeyConstraint(['enterprise_number'], ['kbo_enterprise.enterprise_number'], name=op.f('fk_kbo_activity_enterprise_number_kbo_enterprise'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_kbo_activity'))
    )
    with op.batch_alter_table('kbo_activity', schema=None) as batch_op:
        batch_op.create_index('ix_kbo_activity_code', ['nace_code', 'nace_version', 'classification', 'enterprise_number'], unique=False)
        batch_op.create_index(batch_op.f('ix_kbo_activity_enterprise_number'), ['enterprise_number'], unique=False)

    op.create_table('kbo_change',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('import_id', sa.Integer(), nullable=False),
    sa.Column('enterprise_number', sa.String(length=10), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('detail', sa.String(length=300), nullable=False),
    sa.ForeignKeyConstraint(['import_id'], ['kbo_import.id'], name=op.f('fk_kbo_change_import_id_kbo_import'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_kbo_change'))
    )
    with op.batch_alter_table('kbo_change', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_kbo_change_import_id'), ['import_id'], unique=False)

    op.create_table('kbo_place',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('enterprise_number', sa.String(length=10), nullable=False),
    sa.Column('nis_code', sa.String(length=5), nullable=False),
    sa.Column('kind', sa.String(length=4), nullable=False),
    sa.Column('establishment_number', sa.String(length=12), nullable=False),
    sa.Column('street', sa.String(length=200), nullable=False),
    sa.Column('house_number', sa.String(length=30), nullable=False),
    sa.Column('postcode', sa.String(length=10), nullable=False),
    sa.Column('city', sa.String(length=100), nullable=False),
    sa.ForeignKeyConstraint(['enterprise_number'], ['kbo_enterprise.enterprise_number'], name=op.f('fk_kbo_place_enterprise_number_kbo_enterprise'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_kbo_place'))
    )
    with op.batch_alter_table('kbo_place', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_kbo_place_enterprise_number'), ['enterprise_number'], unique=False)
        batch_op.create_index('ix_kbo_place_nis_code_number', ['nis_code', 'enterprise_number'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('kbo_place', schema=None) as batch_op:
        batch_op.drop_index('ix_kbo_place_nis_code_number')
        batch_op.drop_index(batch_op.f('ix_kbo_place_enterprise_number'))

    op.drop_table('kbo_place')
    with op.batch_alter_table('kbo_change', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_kbo_change_import_id'))

    op.drop_table('kbo_change')
    with op.batch_alter_table('kbo_activity', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_kbo_activity_enterprise_number'))
        batch_op.drop_index('ix_kbo_activity_code')

    op.drop_table('kbo_activity')
    op.drop_table('kbo_person_count')
    op.drop_table('kbo_import')
    with op.batch_alter_table('kbo_enterprise', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_kbo_enterprise_start_year'))
        batch_op.drop_index(batch_op.f('ix_kbo_enterprise_main_nace_code'))
        batch_op.drop_index(batch_op.f('ix_kbo_enterprise_juridical_form'))
        batch_op.drop_index('ix_kbo_enterprise_browse')

    op.drop_table('kbo_enterprise')
    op.drop_table('kbo_code')
