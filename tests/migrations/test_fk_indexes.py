"""Every foreign key whose parent rows can be deleted (ON DELETE CASCADE or SET NULL) has an index that starts
with its column: SQLite does not make one, and without it deleting a parent row scans the whole child table
(deleting a survey with 4.674 respondents took 29 s on the large region). Checked on the models and on a
database migrated to head, so a new feature's table cannot forget it."""

from __future__ import annotations

import sqlite3

from regisseur_app import features


def _unindexed_in_models() -> list[str]:
    missing = []
    for table in features.metadata().sorted_tables:
        firsts = {next(iter(index.columns)).name for index in table.indexes}
        primary = list(table.primary_key.columns)
        if primary:
            firsts.add(primary[0].name)
        missing += [f"{table.name}.{fk.parent.name}" for fk in table.foreign_keys
                    if fk.ondelete in ("CASCADE", "SET NULL") and fk.parent.name not in firsts]
    return sorted(missing)


def test_models_index_every_deletable_foreign_key():
    assert _unindexed_in_models() == []


def test_migrated_database_indexes_every_deletable_foreign_key(app_ctx):
    """A database as the app opens it (app_ctx), read with sqlite's own pragmas."""
    db = sqlite3.connect(app_ctx.db_path)
    try:
        missing = []
        tables = [name for (name,) in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
        for table in tables:
            firsts = {db.execute(f'PRAGMA index_info("{index[1]}")').fetchone()[2]
                      for index in db.execute(f'PRAGMA index_list("{table}")')}
            firsts |= {column[1] for column in db.execute(f'PRAGMA table_info("{table}")') if column[5] == 1}
            missing += [f"{table}.{fk[3]}" for fk in db.execute(f'PRAGMA foreign_key_list("{table}")')
                        if fk[6] in ("CASCADE", "SET NULL") and fk[3] not in firsts]
        assert sorted(missing) == []
    finally:
        db.close()
