"""Apply the Alembic migrations in db/migrations; refuse a database made by a newer Regisseur."""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from regisseur_app.paths import migrations_dir


class NewerDatabaseError(RuntimeError):
    """The database carries a schema revision this version of Regisseur does not know."""


class MigrationError(RuntimeError):
    pass


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    return cfg


def head_revision() -> str:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def check_not_newer(engine: Engine) -> None:
    current = current_revision(engine)
    if current is None:
        return
    script = ScriptDirectory.from_config(alembic_config())
    known = {rev.revision for rev in script.walk_revisions()}
    if current not in known:
        raise NewerDatabaseError(
            f"Deze database is gemaakt met een nieuwere versie van Regisseur (schema {current}). "
            "Installeer de nieuwste versie van Regisseur om ze te openen; de database is niet gewijzigd."
        )


def needs_upgrade(engine: Engine) -> bool:
    check_not_newer(engine)
    return current_revision(engine) != head_revision()


def upgrade_to_head(engine: Engine) -> None:
    """Migrate to the newest schema. Foreign keys are off during the batch table rebuilds and checked after."""
    check_not_newer(engine)
    cfg = alembic_config()
    with engine.connect() as conn:
        # PRAGMA foreign_keys is ignored inside a transaction: set it on the raw connection first.
        raw = conn.connection.driver_connection
        raw.execute("PRAGMA foreign_keys = OFF")
        try:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
            if conn.in_transaction():
                conn.commit()
            problems = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            conn.rollback()
            if problems:
                raise MigrationError(f"Na de migratie kloppen {len(problems)} verwijzingen niet.")
        finally:
            raw.execute("PRAGMA foreign_keys = ON")


def revision_in_file(path) -> str | None:  # noqa: ANN001
    """The schema revision stored in a database file (e.g. a backup), without opening it for writing."""
    import sqlite3

    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError:
        return None
    finally:
        conn.close()
    return row[0] if row else None


def check_file_not_newer(path) -> None:  # noqa: ANN001
    revision = revision_in_file(path)
    known = {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}
    if revision is not None and revision not in known:
        raise NewerDatabaseError(
            f"Dit bestand is gemaakt met een nieuwere versie van Regisseur (schema {revision}) "
            "en kan met deze versie niet gebruikt worden."
        )
