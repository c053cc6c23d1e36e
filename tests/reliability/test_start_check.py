"""The database check at start may begin on a thread before the imports (storage/start_check.py); its
verdict is used only for the file as it was checked, so the start still refuses a damaged file."""

from __future__ import annotations

import pytest

from regisseur_app.domain.core.setup import complete_setup
from regisseur_app.startup import DatabaseDamagedError, open_context
from regisseur_app.storage import start_check
from tests.reliability.helpers import damage_page_of, paths_in


@pytest.fixture
def db(tmp_path):
    paths = paths_in(tmp_path)
    ctx = open_context(paths)
    with ctx.transaction() as session:
        complete_setup(session, "IGO test", ["24008", "24028"])
    ctx.close()
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
