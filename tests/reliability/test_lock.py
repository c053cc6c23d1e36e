"""The instance lock: the same file under another name is the same database; a lock that cannot be
written is not reported as 'already open'."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from regisseur_app.ui.instance_lock import HELD, UNWRITABLE, InstanceLock

CODE = ("import sys; from pathlib import Path; from regisseur_app.ui.instance_lock import InstanceLock; "
        "lock = InstanceLock(Path(sys.argv[1])); ok = lock.acquire(); print(lock.failure); sys.exit(0 if ok else 7)")


def test_hard_link_to_an_open_database_is_the_same_database(tmp_path):
    db = tmp_path / "regisseur.sqlite"
    first = InstanceLock(db)
    assert first.acquire()
    try:
        (tmp_path / "other").mkdir()
        link = tmp_path / "other" / "kopie.sqlite"
        os.link(db, link)
        result = subprocess.run([sys.executable, "-c", CODE, str(link)], capture_output=True, text=True, timeout=60)
        assert result.returncode == 7
        assert result.stdout.strip() == HELD
    finally:
        first.release()


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root may write anywhere")
def test_unwritable_folder_is_not_reported_as_already_open(tmp_path):
    folder = tmp_path / "alleen-lezen"
    folder.mkdir()
    (folder / "regisseur.sqlite").write_bytes(b"")
    folder.chmod(0o500)
    try:
        lock = InstanceLock(folder / "regisseur.sqlite")
        assert not lock.acquire()
        assert lock.failure == UNWRITABLE
        assert "al open" not in lock.message()[0]
    finally:
        folder.chmod(0o700)


def test_lock_file_that_cannot_be_written_is_told_apart(tmp_path):
    db = tmp_path / "regisseur.sqlite"
    (tmp_path / "regisseur.sqlite.lock").mkdir()  # in the way of the lock file, for root as well
    lock = InstanceLock(db)
    assert not lock.acquire()
    assert lock.failure == UNWRITABLE
    title, text = lock.message()
    assert "al open" not in title and "slotbestand" in text
