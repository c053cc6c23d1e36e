"""omgevingsanalyse: key indicators and values, social-economy types, SWOT items

Revision ID: 0002_analysis
Revises: 0001
Create Date: 2026-11-22
"""
import sqlalchemy as sa
from alembic import op

revision = '0002_analysis'
down_revision = '0001'
branch_labels = None
depends_on = None

# shipped indicators: code, label, unit, source, is_count, decimals, computed, sort_order
DEFAULT_INDICATORS = [
    ("inwoners", "Inwoners", "inwoners", "Statbel, bevolking op 1 januari", True, 0, "", 10),
    ("nwwz", "Niet-werkende werkzoekenden", "personen", "VDAB, jaargemiddelde", True, 0, "", 20),
    ("leefloon", "Leefloongerechtigden", "personen", "POD Maatschappelijke Integratie, jaargemiddelde", True, 0,
     "", 30),
    ("art60", "Art. 60§7-tewerkstellingen", "tewerkstellingen", "OCMW / POD Maatschappelijke Integratie", True, 0,
     "", 40),
    ("dgw_maatwerk", "Doelgroepwerknemers in maatwerk", "personen", "Departement Werk en Sociale Economie", True,
     0, "", 50),
    ("dgw_lde", "Doelgroepwerknemers in LDE", "personen", "Departement Werk en Sociale Economie", True, 0, "", 60),
    ("se_organisaties", "Aantal SE-organisaties", "organisaties", "Inventaris van Regisseur", True, 0,
     "se_organisations", 70),
    ("werkzaamheidsgraad", "Werkzaamheidsgraad 20-64 jaar", "%", "Steunpunt Werk", False, 1, "", 80),
]
DEFAULT_SE_TYPES = ["maatwerkbedrijf", "maatwerkafdeling", "lde", "arbeidszorg", "kringwinkel"]


def upgrade() -> None:
    indicator = op.create_table('key_indicator',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=50), nullable=False),
    sa.Column('label', sa.String(length=120), nullable=False),
    sa.Column('unit', sa.String(length=40), nullable=False),
    sa.Column('source', sa.String(length=200), nullable=False),
    sa.Column('is_count', sa.Boolean(), nullable=False),
    sa.Column('decimals', sa.Integer(), nullable=False),
    sa.Column('computed', sa.String(length=40), nullable=False),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_key_indicator')),
    sa.UniqueConstraint('code', name=op.f('uq_key_indicator_code'))
    )
    se_type = op.create_table('social_economy_type',
    sa.Column('type_code', sa.String(length=50), nullable=False),
    sa.PrimaryKeyConstraint('type_code', name=op.f('pk_social_economy_type'))
    )
    op.create_table('key_figure_value',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('indicator_id', sa.Integer(), nullable=False),
    sa.Column('nis_code', sa.String(length=5), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('value', sa.Float(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.ForeignKeyConstraint(['indicator_id'], ['key_indicator.id'], name=op.f('fk_key_figure_value_indicator_id_key_indicator'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['nis_code'], ['municipality.nis_code'], name=op.f('fk_key_figure_value_nis_code_municipality'), onupdate='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_key_figure_value')),
    sa.UniqueConstraint('indicator_id', 'nis_code', 'year', name=op.f('uq_key_figure_value_indicator_id'))
    )
    with op.batch_alter_table('key_figure_value', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_key_figure_value_indicator_id'), ['indicator_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_key_figure_value_nis_code'), ['nis_code'], unique=False)

    op.create_table('swot_item',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('nis_code', sa.String(length=5), nullable=True),
    sa.Column('quadrant', sa.String(length=1), nullable=False),
    sa.Column('text', sa.String(length=300), nullable=False),
    sa.Column('source_kind', sa.String(length=20), nullable=False),
    sa.Column('indicator_id', sa.Integer(), nullable=True),
    sa.Column('source_text', sa.String(length=200), nullable=False),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.ForeignKeyConstraint(['indicator_id'], ['key_indicator.id'], name=op.f('fk_swot_item_indicator_id_key_indicator'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['nis_code'], ['municipality.nis_code'], name=op.f('fk_swot_item_nis_code_municipality'), onupdate='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_swot_item'))
    )
    with op.batch_alter_table('swot_item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_swot_item_nis_code'), ['nis_code'], unique=False)

    op.bulk_insert(indicator, [
        {"code": code, "label": label, "unit": unit, "source": source, "is_count": is_count, "decimals": decimals,
         "computed": computed, "sort_order": order, "active": True}
        for code, label, unit, source, is_count, decimals, computed, order in DEFAULT_INDICATORS])
    op.bulk_insert(se_type, [{"type_code": code} for code in DEFAULT_SE_TYPES])


def downgrade() -> None:
    with op.batch_alter_table('swot_item', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_swot_item_nis_code'))
    op.drop_table('swot_item')
    with op.batch_alter_table('key_figure_value', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_key_figure_value_nis_code'))
        batch_op.drop_index(batch_op.f('ix_key_figure_value_indicator_id'))
    op.drop_table('key_figure_value')
    op.drop_table('social_economy_type')
    op.drop_table('key_indicator')
