"""The database check at start may begin on a thread before the imports (storage/start_check.py); its
verdict is used only for the file as it was checked, so the start still refuses a damaged file."""

from __future__ import annotations

import pytest

from regisseur_app.startup import DatabaseDamagedError, open_context
from regisseur_app.storage import start_check
from tests.reliability.helpers import damage_page_of, set_up_db


@pytest.fixture
def db(tmp_path):
    paths = set_up_db(tmp_path)
    return paths


def test_a_begun_check_serves_the_start(db, monkeypatch):
    start_check.begin(db.db_path)
    start_check._begun[db.db_path][0].join()  # done (it created an empty WAL: that is no change)

    def checked_again(_path):
        raise AssertionError("the begun verdict should have been used")

    monkeypatch.setattr(start_check, "check_now", checked_again)
    open_context(db).close()
    assert db.db_path not in start_check._begun, "the verdict is taken once"


def test_damage_before_the_check_begins_is_refused(db):
    damage_page_of(db.db_path, "organisation")
    start_check.begin(db.db_path)
    with pytest.raises(DatabaseDamagedError):
        open_context(db)


def test_a_file_changed_after_the_check_began_is_checked_again(db):
    start_check.begin(db.db_path)
    start_check._begun[db.db_path][0].join()  # the sound file's verdict is in
    damage_page_of(db.db_path, "organisation")  # then the file changes before the start uses it
    with pytest.raises(DatabaseDamagedError):
        open_context(db)


def test_a_missing_or_empty_file_begins_nothing(tmp_path):
    start_check.begin(tmp_path / "none.sqlite")
    (tmp_path / "empty.sqlite").write_bytes(b"")
    start_check.begin(tmp_path / "empty.sqlite")
    assert not [p for p in start_check._begun if p.parent == tmp_path.resolve()]


def _held(path):
    """A plain SQLite file (rollback journal) with an exclusive lock held: a check begun on it waits for the
    lock (sqlite3's busy timeout), i.e. it keeps running until the lock is released."""
    import sqlite3

    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("CREATE TABLE t (x)")
    conn.execute("BEGIN EXCLUSIVE")
    conn.execute("INSERT INTO t VALUES (1)")
    return conn


def test_running_while_the_verdict_is_not_known(tmp_path):
    path = tmp_path / "held.sqlite"
    holder = _held(path)
    start_check.begin(path)
    try:
        assert start_check.running(path)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert start_check.result(path) is True
    assert not start_check.running(path)
    assert not start_check.running(tmp_path / "never-begun.sqlite")


_WINDOW_CHILD = """
import json, sys
from pathlib import Path
from regisseur_app.cli import begin_gui_start
path = Path(sys.argv[1])
if path.exists():
    begin_gui_start(path)
from regisseur_app.ui.app import WINDOW_MODULES, _import_window_while_checking
before = [m for m in WINDOW_MODULES if m in sys.modules]
_import_window_while_checking(path)
print(json.dumps([before, [m for m in WINDOW_MODULES if m in sys.modules]]))
"""


def _window_modules_child(path):
    import json
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    done = subprocess.run([sys.executable, "-c", _WINDOW_CHILD, str(path)], cwd=root, capture_output=True, text=True,
                          env=dict(os.environ, QT_QPA_PLATFORM="offscreen"), timeout=60)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_wait_for_the_check_imports_the_window(tmp_path):
    """ui.app._open first imports the window's modules while the begun check still runs, instead of waiting
    idle; without a running check it imports nothing (the window imports them when it is built)."""
    from regisseur_app.ui.app import WINDOW_MODULES

    path = tmp_path / "held.sqlite"
    holder = _held(path)
    try:
        before, after = _window_modules_child(path)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert before == [] and after == list(WINDOW_MODULES)
    assert _window_modules_child(tmp_path / "none.sqlite") == [[], []]
