"""Storage: SQLite engine, migrations, backups, integrity checks (no Qt here)."""
