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


def _script() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def head_revisions() -> set[str]:
    """The newest revision of every branch (features may add their tables on a branch of their own)."""
    return set(_script().get_heads())


def current_revisions(engine: Engine) -> set[str]:
    with engine.connect() as conn:
        return set(MigrationContext.configure(conn).get_current_heads())


def _known_revisions() -> set[str]:
    return {rev.revision for rev in _script().walk_revisions()}


def _newer_message(unknown: set[str]) -> str:
    return (f"Deze database is gemaakt met een nieuwere versie van Regisseur (schema {', '.join(sorted(unknown))}). "
            "Installeer de nieuwste versie van Regisseur om ze te openen; de database is niet gewijzigd.")


def check_not_newer(engine: Engine) -> None:
    unknown = current_revisions(engine) - _known_revisions()
    if unknown:
        raise NewerDatabaseError(_newer_message(unknown))


def needs_upgrade(engine: Engine) -> bool:
    check_not_newer(engine)
    return current_revisions(engine) != head_revisions()


def upgrade_to_head(engine: Engine) -> None:
    """Migrate to the newest schema. Foreign keys are off during the batch table rebuilds and checked after."""
    check_not_newer(engine)
    cfg = alembic_config()
    with engine.connect() as conn:
        # PRAGMA foreign_keys is ignored inside a transaction: set it on the raw connection first.
        raw = conn.connection.driver_connection
        raw.execute("PRAGMA foreign_keys = OFF")
        try:
            with conn.begin():  # one transaction: committed only when the references still hold
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "heads")
                problems = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if problems:
                    raise MigrationError(f"Na de migratie kloppen {len(problems)} verwijzingen niet; "
                                         "de database is niet gewijzigd.")
        finally:
            raw.execute("PRAGMA foreign_keys = ON")


def check_file_not_newer(path) -> None:  # noqa: ANN001
    import sqlite3

    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        revisions = {row[0] for row in conn.execute("SELECT version_num FROM alembic_version")}
    except sqlite3.DatabaseError:
        revisions = set()
    finally:
        conn.close()
    unknown = revisions - _known_revisions()
    if unknown:
        raise NewerDatabaseError(_newer_message(unknown).replace("Deze database", "Dit bestand"))
