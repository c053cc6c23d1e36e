"""Kill -9 during an import, a damaged page found and repaired or restored, disk full, second opens."""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import time

import pytest

from regisseur_app.operations.maintenance import check as check_database
from regisseur_app.startup import DatabaseDamagedError, open_after_file_restore, open_context
from regisseur_app.storage import backup, recovery
from regisseur_app.storage.errors import StorageError
from regisseur_app.storage.migrations import NewerDatabaseError
from tests.reliability.helpers import IMPORT_CHILD, child, count, damage_page_of, set_up_db

ROWS = 1500


@pytest.fixture
def db(tmp_path):
    paths = set_up_db(tmp_path)
    return paths


def test_kill_9_during_import_leaves_all_or_nothing(db):
    rng = random.Random(10)
    expected = count(db.db_path, "organisation")
    for run in range(10):
        proc = child(IMPORT_CHILD, str(db.db_path), str(ROWS), str(run))
        first = proc.stdout.readline()  # "begin": the backup and the import start now
        time.sleep(rng.uniform(0.0, 1.2))  # somewhere in the backup, the rows, the commit, or after
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
        out, err = proc.communicate(timeout=60)
        out = first + out
        found = count(db.db_path, "organisation")
        assert found in (expected, expected + ROWS), (run, found, err[-500:])  # all or nothing
        if "klaar" in out:
            assert found == expected + ROWS
        expected = found
        assert check_database(db.db_path).problems == []
    backup.remove_stale_temp_files(db.backup_dir, older_than=backup.timedelta(0))
    assert not [p for p in db.backup_dir.glob("*") if p.name.endswith(".tmp")]


def test_index_damage_is_found_and_repaired_without_losing_a_row(db):
    before = count(db.db_path, "organisation")
    damage_page_of(db.db_path, "ix_organisation_name")
    with pytest.raises(DatabaseDamagedError):
        open_context(db)  # the start refuses; the UI shows the recovery window
    diagnosis = recovery.diagnose(db.db_path)
    assert diagnosis.kind == recovery.INDEX_ONLY
    assert recovery.repair_indexes(db.db_path, db.backup_dir).ok
    assert count(db.db_path, "organisation") == before
    assert list(recovery.damaged_folder(db.backup_dir).glob("*.sqlite"))  # the damaged file kept aside
    open_context(db).close()


def test_data_damage_is_restored_from_a_backup_through_the_recovery_path(db):
    made = backup.make_backup(db.db_path, db.backup_dir)
    damage_page_of(db.db_path, "organisation")
    damaged_bytes = db.db_path.read_bytes()
    with pytest.raises(DatabaseDamagedError):
        open_context(db)
    assert recovery.diagnose(db.db_path).kind in (recovery.DATA, recovery.UNREADABLE)
    safety = recovery.restore_file(db.db_path, made, db.backup_dir)
    assert safety.read_bytes() == damaged_bytes  # the damaged file, byte for byte, kept aside
    ctx = open_after_file_restore(db, safety)
    ctx.close()
    assert recovery.diagnose(db.db_path).ok
    assert count(db.db_path, "organisation") == count(made, "organisation")


def test_disk_full_during_a_write_says_so_in_dutch_and_keeps_the_data(db):
    ctx = open_context(db)
    try:
        before = count(db.db_path, "code_item")
        with ctx.engine.connect() as conn:
            pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
        # every connection of the pool gets the cap: the file cannot grow any more ("disk full")
        from sqlalchemy import event, text

        event.listen(ctx.engine, "connect", lambda c, _r: c.execute(f"PRAGMA max_page_count = {pages + 1}"))
        ctx.engine.dispose()
        with pytest.raises(StorageError) as caught, ctx.transaction() as session:
            for i in range(3000):
                session.execute(text("INSERT INTO code_item (list_name, code, label, sort_order, active) "
                                     "VALUES ('x', :c, :l, 0, 1)"), {"c": f"c{i}", "l": "x" * 500})
        assert "de schijf is vol" in str(caught.value)
        assert "sqlalche.me" not in str(caught.value)
    finally:
        ctx.close()
    assert count(db.db_path, "code_item") == before
    assert check_database(db.db_path).problems == []


def test_backup_on_a_full_disk_leaves_no_temp_file(db, monkeypatch):
    real_connect = sqlite3.connect

    def capped(path, *args, **kwargs):  # noqa: ANN001, ANN202
        conn = real_connect(path, *args, **kwargs)
        if str(path).endswith(".tmp"):
            conn.execute("PRAGMA max_page_count = 3")
        return conn

    monkeypatch.setattr(backup.sqlite3, "connect", capped)
    with pytest.raises(StorageError, match="de schijf is vol"):
        backup.make_backup(db.db_path, db.backup_dir)
    assert [p.name for p in db.backup_dir.iterdir() if p.name.endswith(".tmp")] == []


def test_stale_temp_backup_of_a_killed_process_is_removed(db):
    db.backup_dir.mkdir(parents=True, exist_ok=True)
    stale = db.backup_dir / ".regisseur-20260101-000000-000000.sqlite.tmp"
    stale.write_bytes(b"persoonsgegevens")
    old = time.time() - 3600
    os.utime(stale, (old, old))
    open_context(db).close()
    assert not stale.exists()


@pytest.mark.parametrize("journal", ["DELETE", "WAL"])
def test_newer_schema_is_refused_and_the_file_stays_byte_identical(db, journal):
    conn = sqlite3.connect(db.db_path)
    conn.execute(f"PRAGMA journal_mode = {journal}")
    conn.execute("DELETE FROM alembic_version")
    conn.execute("INSERT INTO alembic_version VALUES ('9999_future')")
    conn.commit()
    conn.close()
    before = db.db_path.read_bytes()
    with pytest.raises(NewerDatabaseError):
        open_context(db)
    assert db.db_path.read_bytes() == before


def test_a_backup_copied_over_the_database_opens(db, tmp_path):
    made = backup.make_backup(db.db_path, db.backup_dir)
    shutil.copyfile(made, db.db_path)
    open_context(db).close()
    assert recovery.diagnose(db.db_path).ok
