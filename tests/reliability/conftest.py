"""The reliability tests use the unit tests' `ctx` fixture (a real, migrated SQLite file)."""

from tests.unit.conftest import ctx  # noqa: F401
