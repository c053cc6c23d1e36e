"""Migrations from empty to head, and refusal of a database made by a newer version."""

import sqlite3

import pytest
from sqlalchemy import inspect

from regisseur_app import features
from regisseur_app.context import AppContext
from regisseur_app.startup import open_context
from regisseur_app.storage import migrations
from tests.conftest import paths_in


def test_empty_to_head_matches_the_models(tmp_path):
    ctx = AppContext(paths_in(tmp_path))
    try:
        assert migrations.current_revisions(ctx.engine) == set()
        migrations.upgrade_to_head(ctx.engine)
        assert migrations.current_revisions(ctx.engine) == migrations.head_revisions()
        tables = set(inspect(ctx.engine).get_table_names())
        assert set(features.metadata().tables) <= tables
        for name, table in features.metadata().tables.items():
            db_columns = {c["name"] for c in inspect(ctx.engine).get_columns(name)}
            assert db_columns == {c.name for c in table.columns}, name
        assert not migrations.needs_upgrade(ctx.engine)
    finally:
        ctx.close()


def test_no_pending_model_changes(tmp_path):
    """The models and the migrations agree: autogenerate finds nothing to do."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    ctx = AppContext(paths_in(tmp_path))
    try:
        migrations.upgrade_to_head(ctx.engine)
        with ctx.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), features.metadata())
        assert diff == []
    finally:
        ctx.close()


def test_newer_database_is_refused_and_left_unchanged(tmp_path):
    paths = paths_in(tmp_path)
    open_context(paths).close()
    with sqlite3.connect(paths.db_path) as conn:
        conn.execute("DELETE FROM alembic_version")  # one row per branch head: replace them all
        conn.execute("INSERT INTO alembic_version (version_num) VALUES ('9999_future')")
    before = paths.db_path.read_bytes()
    with pytest.raises(migrations.NewerDatabaseError) as info:
        open_context(paths)
    assert "nieuwere versie" in str(info.value)
    with sqlite3.connect(paths.db_path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "9999_future"
    assert paths.db_path.read_bytes() == before


def test_pragmas_on_every_connection(app_ctx):
    with app_ctx.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000


def test_revision_graph_read_from_the_scripts_equals_alembics():
    """Starts skip importing Alembic by reading the scripts themselves; this must agree with Alembic."""
    script = migrations._script()
    assert set(migrations.revision_graph()) == {rev.revision for rev in script.walk_revisions()}
    assert migrations.head_revisions() == set(script.get_heads())
    for rev in script.walk_revisions():
        down = rev.down_revision
        expected = tuple(down) if isinstance(down, (tuple, list)) else ((down,) if down else ())
        assert migrations.revision_graph()[rev.revision] == expected


def test_an_open_at_head_does_not_import_alembic(tmp_path):
    import subprocess
    import sys

    from tests.conftest import paths_in

    db = paths_in(tmp_path).db_path
    open_context(paths_in(tmp_path)).close()  # created and migrated (imports Alembic)
    code = ("import sys; from regisseur_app.context import AppPaths; from regisseur_app.startup import open_context;"
            f"p = AppPaths.for_db(__import__('pathlib').Path({str(db)!r}), log_dir=__import__('pathlib').Path"
            f"({str(tmp_path / 'l')!r}), config_dir=__import__('pathlib').Path({str(tmp_path / 'c')!r}));"
            "open_context(p).close(); print('alembic' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "False"
