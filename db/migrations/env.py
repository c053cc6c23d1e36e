"""Alembic environment. Batch mode for SQLite; the connection is handed in by
regisseur_app.storage.migrations (config.attributes["connection"]), or made from the URL."""

from alembic import context
from sqlalchemy import create_engine

from regisseur_app import features

config = context.config
target_metadata = features.metadata()  # every registered feature's models (Feature.models)


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = create_engine(config.get_main_option("sqlalchemy.url"))
    with engine.begin() as conn:
        _run(conn)


def _run(connection) -> None:  # noqa: ANN001
    context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True,
                      compare_type=True)
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    context.configure(url=config.get_main_option("sqlalchemy.url"), target_metadata=target_metadata,
                      render_as_batch=True, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()
else:
    run_migrations_online()
