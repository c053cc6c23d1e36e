"""KBO: structured SE candidate rules (kbo_candidate_rule, was free text in code_item) and the materialised
candidate set (kbo_candidate); browse indexes (a juridical form's slice, activities and places by enterprise)

The rules of the code list 'kbo_candidate_rule' ('NACE 38.3 … → Hergebruik/kringwinkel', 'Rechtsvorm: sociaal
oogmerk') become rows with a kind, a NACE version and a value; a label that cannot be read as a rule stays in
code_item, inactive, so nothing the user typed is lost. A new database gets the shipped default rules. The
candidate set of an existing register is computed here once; from then on every import and every rule change
rebuilds it in its own transaction.

Revision ID: 0012_kbo_candidates
Revises: 0008_kbo
Create Date: 2026-11-30
"""
import re
import unicodedata

import sqlalchemy as sa
from alembic import op

revision = '0012_kbo_candidates'
down_revision = '0008_kbo'
branch_labels = None
depends_on = None

# (code, kind, value, label, service category code)
DEFAULT_RULES = (
    ("nace_38_1", "nace", "381", "inzameling van afval", ""),
    ("nace_38_3", "nace", "383", "terugwinning van materialen", "hergebruik"),
    ("nace_47_79", "nace", "4779", "detailhandel in tweedehandsgoederen", "hergebruik"),
    ("nace_95", "nace", "95", "herstelling van computers en consumentenartikelen", ""),
    ("nace_81_3", "nace", "813", "landschapsverzorging", "groenonderhoud"),
    ("nace_81_2", "nace", "812", "reiniging van gebouwen", "schoonmaak"),
    ("nace_88", "nace", "88", "maatschappelijke dienstverlening zonder huisvesting", ""),
    ("nace_96_01", "nace", "9601", "wassen en reinigen van textiel", "textiel"),
    ("rechtsvorm_sociaal_oogmerk", "form_text", "sociaal oogmerk", "", ""),
    ("rechtsvorm_sociale_onderneming", "form_text", "sociale onderneming", "", ""),
)
_NACE = re.compile(r"^\s*NACE\s+(\d{2})(?:\.(\d{1,3}))?\b\s*(.*)$", re.IGNORECASE)
_FORM = re.compile(r"^\s*Rechtsvorm\s*:\s*(.+)$", re.IGNORECASE)
_CATEGORY = re.compile(r"\s*(?:→|->)\s*")


def _fold(text):  # noqa: ANN001, ANN202
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold().strip()


def _parse(label, categories):  # noqa: ANN001, ANN202
    """(kind, value, label, category code) of an old free-text rule, or None."""
    parts = _CATEGORY.split(label, maxsplit=1)
    text, category = parts[0], (parts[1].strip() if len(parts) > 1 else "")
    category_code = categories.get(_fold(category), "") if category else ""
    match = _NACE.match(text)
    if match:
        return "nace", match.group(1) + (match.group(2) or ""), match.group(3).strip()[:120], category_code
    match = _FORM.match(text)
    if match and len(_fold(match.group(1))) >= 3:
        return "form_text", " ".join(match.group(1).split())[:60], "", category_code
    return None


def upgrade() -> None:
    op.create_table('kbo_candidate_rule',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=50), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('nace_version', sa.String(length=4), nullable=False),
    sa.Column('value', sa.String(length=60), nullable=False),
    sa.Column('label', sa.String(length=120), nullable=False),
    sa.Column('category_code', sa.String(length=50), nullable=False),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_kbo_candidate_rule')),
    sa.UniqueConstraint('code', name=op.f('uq_kbo_candidate_rule_code'))
    )
    op.create_table('kbo_candidate',
    sa.Column('enterprise_number', sa.String(length=10), nullable=False),
    sa.Column('rule_id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=5), nullable=False),
    sa.ForeignKeyConstraint(['enterprise_number'], ['kbo_enterprise.enterprise_number'], name=op.f('fk_kbo_candidate_enterprise_number_kbo_enterprise'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['rule_id'], ['kbo_candidate_rule.id'], name=op.f('fk_kbo_candidate_rule_id_kbo_candidate_rule'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('enterprise_number', 'rule_id', 'code', name=op.f('pk_kbo_candidate'))
    )
    with op.batch_alter_table('kbo_candidate', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_kbo_candidate_rule_id'), ['rule_id'], unique=False)
    # a form filter walks its own slice of the browse order (replaces the index on juridical_form alone)
    with op.batch_alter_table('kbo_enterprise', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_kbo_enterprise_juridical_form'))
        batch_op.create_index('ix_kbo_enterprise_form_browse',
                              ['juridical_form', 'in_region', 'status', 'name', 'enterprise_number'], unique=False)
    # covering indexes by enterprise: a page of a common NACE or municipality filter probes per enterprise
    with op.batch_alter_table('kbo_activity', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_kbo_activity_enterprise_number'))
        batch_op.create_index('ix_kbo_activity_number_code',
                              ['enterprise_number', 'nace_code', 'classification', 'nace_version'], unique=False)
    with op.batch_alter_table('kbo_place', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_kbo_place_enterprise_number'))
        batch_op.create_index('ix_kbo_place_number_nis_code', ['enterprise_number', 'nis_code'], unique=False)
    _move_rules(op.get_bind())


def _move_rules(conn) -> None:  # noqa: ANN001
    rule = sa.table('kbo_candidate_rule', *(sa.column(c) for c in (
        'id', 'code', 'kind', 'nace_version', 'value', 'label', 'category_code', 'sort_order', 'active')))
    old = conn.execute(sa.text("SELECT id, code, label, sort_order, active FROM code_item "
                               "WHERE list_name = 'kbo_candidate_rule' ORDER BY sort_order, id")).all()
    categories = {}
    for code, label in conn.execute(sa.text("SELECT code, label FROM code_item WHERE list_name = 'service_category'")):
        categories.setdefault(_fold(label), code)
        categories.setdefault(_fold(code), code)
    rows, moved, seen = [], [], set()
    if not old:
        rows = [{"code": code, "kind": kind, "nace_version": "", "value": value, "label": label,
                 "category_code": category, "sort_order": (n + 1) * 10, "active": True}
                for n, (code, kind, value, label, category) in enumerate(DEFAULT_RULES)]
    for item_id, code, label, sort_order, active in old:
        parsed = _parse(label, categories)
        if parsed is None or (parsed[0], parsed[1].lower()) in seen:
            conn.execute(sa.text("UPDATE code_item SET active = 0 WHERE id = :id"), {"id": item_id})
            continue
        seen.add((parsed[0], parsed[1].lower()))
        kind, value, text, category = parsed
        rows.append({"code": code[:50], "kind": kind, "nace_version": "", "value": value, "label": text,
                     "category_code": category, "sort_order": sort_order, "active": bool(active)})
        moved.append(item_id)
    if rows:
        conn.execute(rule.insert(), rows)
    for item_id in moved:
        conn.execute(sa.text("DELETE FROM code_item WHERE id = :id"), {"id": item_id})
    # the candidate set of the register already imported
    for rule_id, kind, value in conn.execute(sa.text(
            "SELECT id, kind, value FROM kbo_candidate_rule WHERE active = 1")).all():
        if kind == "nace":
            conn.execute(sa.text(
                "INSERT INTO kbo_candidate (enterprise_number, rule_id, code) "
                "SELECT DISTINCT enterprise_number, :rule, nace_code FROM kbo_activity "
                "WHERE nace_code >= :low AND nace_code < :high AND classification IN ('MAIN', 'SECO')"),
                {"rule": rule_id, "low": value, "high": value + "\uffff"})
        else:
            wanted = _fold(value)
            codes = [c for c, d in conn.execute(sa.text(
                "SELECT code, description FROM kbo_code WHERE category = 'JuridicalForm'")) if wanted in _fold(d)]
            for form in codes:
                conn.execute(sa.text(
                    "INSERT INTO kbo_candidate (enterprise_number, rule_id, code) "
                    "SELECT enterprise_number, :rule, juridical_form FROM kbo_enterprise WHERE juridical_form = :form"),
                    {"rule": rule_id, "form": form})


def downgrade() -> None:
    with op.batch_alter_table('kbo_place', schema=None) as batch_op:
        batch_op.drop_index('ix_kbo_place_number_nis_code')
        batch_op.create_index(batch_op.f('ix_kbo_place_enterprise_number'), ['enterprise_number'], unique=False)
    with op.batch_alter_table('kbo_activity', schema=None) as batch_op:
        batch_op.drop_index('ix_kbo_activity_number_code')
        batch_op.create_index(batch_op.f('ix_kbo_activity_enterprise_number'), ['enterprise_number'], unique=False)
    with op.batch_alter_table('kbo_enterprise', schema=None) as batch_op:
        batch_op.drop_index('ix_kbo_enterprise_form_browse')
        batch_op.create_index(batch_op.f('ix_kbo_enterprise_juridical_form'), ['juridical_form'], unique=False)
    conn = op.get_bind()
    categories = dict(conn.execute(sa.text(
        "SELECT code, label FROM code_item WHERE list_name = 'service_category'")).all())
    for code, kind, value, label, category, sort_order, active in conn.execute(sa.text(
            "SELECT code, kind, value, label, category_code, sort_order, active FROM kbo_candidate_rule")).all():
        dotted = value if len(value) <= 2 else f"{value[:2]}.{value[2:]}"
        text = (f"NACE {dotted} {label}".strip() if kind == "nace" else f"Rechtsvorm: {value}")
        if category:
            text += f" → {categories.get(category, category)}"
        if conn.execute(sa.text("SELECT 1 FROM code_item WHERE list_name = 'kbo_candidate_rule' AND code = :c"),
                        {"c": code}).first() is None:
            conn.execute(sa.text("INSERT INTO code_item (list_name, code, label, sort_order, active) "
                                 "VALUES ('kbo_candidate_rule', :c, :l, :s, :a)"),
                         {"c": code, "l": text[:120], "s": sort_order, "a": active})
    with op.batch_alter_table('kbo_candidate', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_kbo_candidate_rule_id'))

    op.drop_table('kbo_candidate')
    op.drop_table('kbo_candidate_rule')
