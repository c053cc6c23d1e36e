"""0012_kbo_candidates: the free-text candidate rules of code_item become structured rules, an unreadable one
stays (inactive) in code_item, and the candidate set of a register imported before is computed at once."""

from alembic import command
from sqlalchemy import text

from regisseur_app.context import AppContext
from regisseur_app.domain.kbo import candidates, rules
from regisseur_app.storage import migrations
from tests.conftest import paths_in


def test_old_rules_are_migrated_and_the_candidates_computed(tmp_path):
    ctx = AppContext(paths_in(tmp_path))
    cfg = migrations.alembic_config()
    with ctx.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0008_kbo")
        conn.execute(text(
            "INSERT INTO code_item (id, list_name, code, label, sort_order, active) VALUES"
            " (1, 'service_category', 'hergebruik', 'Hergebruik/kringwinkel', 10, 1),"
            " (2, 'kbo_candidate_rule', 'nace_47_79', 'NACE 47.79 tweedehands → Hergebruik/kringwinkel', 10, 1),"
            " (3, 'kbo_candidate_rule', 'nace_81', 'NACE 81 diensten voor gebouwen', 20, 0),"
            " (4, 'kbo_candidate_rule', 'vorm', 'Rechtsvorm: sociaal oogmerk', 30, 1),"
            " (5, 'kbo_candidate_rule', 'groen', 'Alles wat groen is', 40, 1)"))
        conn.execute(text(
            "INSERT INTO kbo_code (category, code, description) VALUES"
            " ('JuridicalForm', '706', 'CV met sociaal oogmerk'), ('JuridicalForm', '014', 'NV')"))
        for number, form in (("0410000192", "610"), ("0410000291", "706"), ("0410000390", "014")):
            conn.execute(text(
                "INSERT INTO kbo_enterprise (enterprise_number, name, search_text, status, juridical_situation,"
                " juridical_form, street, house_number, box, postcode, city, main_nace_version, main_nace_code,"
                " main_section, website, email, phone, in_region) VALUES"
                " (:n, 'X', '', 'AC', '000', :f, '', '', '', '', '', '', '', '', '', '', '', 1)"), {"n": number, "f": form})
        conn.execute(text(
            "INSERT INTO kbo_activity (enterprise_number, nace_version, nace_code, classification) VALUES"
            " ('0410000192', '2008', '47790', 'MAIN'), ('0410000192', '2025', '47790', 'SECO'),"
            " ('0410000390', '2025', '81300', 'MAIN'), ('0410000390', '2008', '47790', 'ANCI')"))
    try:
        migrations.upgrade_to_head(ctx.engine)
        with ctx.reading() as s:
            found = {(r.code, r.kind, r.value, r.label, r.category_code, r.active)
                     for r in rules.list_rules(s, include_inactive=True)}
            assert found == {("nace_47_79", "nace", "4779", "tweedehands", "hergebruik", True),
                             ("nace_81", "nace", "81", "diensten voor gebouwen", "", False),
                             ("vorm", "form_text", "sociaal oogmerk", "", "", True)}
            assert candidates.stored_candidates(s) == candidates.computed_candidates(s)
            assert {n for n, _r, _c in candidates.stored_candidates(s)} == {"0410000192", "0410000291"}
            left = s.execute(text("SELECT code, active FROM code_item WHERE list_name = 'kbo_candidate_rule'")).all()
        assert left == [("groen", 0)]            # unreadable: kept, but no longer used
    finally:
        ctx.close()


def test_a_new_database_gets_the_shipped_rules(tmp_path):
    ctx = AppContext(paths_in(tmp_path))
    try:
        migrations.upgrade_to_head(ctx.engine)
        with ctx.reading() as s:
            shipped = rules.list_rules(s)
        assert len(shipped) >= 8 and {r.kind for r in shipped} == {"nace", "form_text"}
        assert all(rules.nace_value(r.value) for r in shipped if r.kind == "nace")
    finally:
        ctx.close()
