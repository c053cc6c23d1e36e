"""Verified backups, rotation, restore, and the 'data changed since the last backup' logic."""

import sqlite3
from datetime import datetime, timedelta

import pytest

from regisseur_app import features
from regisseur_app.domain.core import codelists, organisation_service
from regisseur_app.domain.core.organisation_service import OrganisationInput
from regisseur_app.operations import maintenance
from regisseur_app.startup import open_context, restore_backup
from regisseur_app.storage import backup
from tests.conftest import paths_in


def _add(ctx, name):
    with ctx.transaction() as s:
        type_id = codelists.list_items(s, codelists.ORGANISATION_TYPE)[0].id
        return organisation_service.save_organisation(s, OrganisationInput(name, type_id))


def _names(ctx):
    with ctx.reading() as s:
        return [r.name for r in organisation_service.list_organisations(s)]


def test_backup_is_a_verified_copy_with_counts(app_ctx):
    _add(app_ctx, "Een")
    path = backup.make_backup(app_ctx.db_path, app_ctx.paths.backup_dir)
    assert backup.integrity_errors(path) == []
    [info] = maintenance.list_backups(app_ctx)  # counts named by the registry (features.backup_counts)
    assert info.path == path and info.size > 0
    assert set(info.counts) == {count.label for count in features.backup_counts()}
    assert info.counts["organisaties"] == 1 and info.counts["contactpersonen"] == 0
    assert sum(info.counts.values()) == 1  # every other registered count: nothing yet
    assert not list(app_ctx.paths.backup_dir.glob(".*.tmp"))


def test_restore_brings_back_old_state_and_keeps_a_backup_of_the_current(app_ctx):
    _add(app_ctx, "Voor")
    first = backup.make_backup(app_ctx.db_path, app_ctx.paths.backup_dir)
    _add(app_ctx, "Na")
    assert _names(app_ctx) == ["Na", "Voor"]
    restore_backup(app_ctx, first)
    assert _names(app_ctx) == ["Voor"]
    newest = maintenance.list_backups(app_ctx)[0]
    assert newest.counts["organisaties"] == 2  # the state just before the restore was saved
    _add(app_ctx, "Daarna")  # the database is usable after the restore
    assert _names(app_ctx) == ["Daarna", "Voor"]


def test_damaged_backup_is_refused_and_data_kept(app_ctx):
    _add(app_ctx, "Blijft")
    bad = app_ctx.paths.backup_dir / "regisseur-20250101-120000-000000.sqlite"
    bad.parent.mkdir(parents=True, exist_ok=True)
    bad.write_bytes(b"dit is geen database" * 100)
    with pytest.raises(backup.BackupError):
        restore_backup(app_ctx, bad)
    assert _names(app_ctx) == ["Blijft"]


def test_backup_on_start_only_when_data_changed(tmp_path):
    paths = paths_in(tmp_path)
    ctx = open_context(paths)
    _add(ctx, "A")
    ctx.close()
    ctx = open_context(paths)  # data changed since there was no backup: one is made
    ctx.close()
    assert len(backup.list_backups(paths.backup_dir)) == 1
    ctx = open_context(paths)  # nothing changed: no new backup
    ctx.close()
    assert len(backup.list_backups(paths.backup_dir)) == 1
    ctx = open_context(paths)
    _add(ctx, "B")
    ctx.close()
    ctx = open_context(paths)
    ctx.close()
    assert len(backup.list_backups(paths.backup_dir)) == 2


def test_rotation_scheme():
    now = datetime(2026, 11, 22, 12, 0)
    # one backup every 6 hours for 400 days
    stamps = [now - timedelta(hours=6 * i) for i in range(400 * 4)]
    keep = backup.backups_to_keep(stamps, now)
    recent = [s for s in stamps if now - s <= timedelta(days=2)]
    assert set(recent) <= keep
    older = sorted((s for s in keep if s not in recent), reverse=True)
    days = {s.date() for s in older}
    assert len(older) == len(days)  # never two of the same older day
    assert len(older) == 12 + 10 + 9
    assert len(keep) == len(recent) + 31
    # the oldest kept is months back, not days
    assert now - min(keep) > timedelta(days=150)


def test_rotate_deletes_files_not_kept(tmp_path):
    folder = tmp_path / "b"
    folder.mkdir()
    now = datetime(2026, 11, 22, 12, 0)
    for i in range(40):
        stamp = now - timedelta(days=i)
        db = folder / f"regisseur-{stamp.strftime(backup.STAMP_FORMAT)}.sqlite"
        sqlite3.connect(db).close()
    removed = backup.rotate(folder, now)
    left = backup.list_backups(folder, with_counts=False)
    assert len(left) + len(removed) == 40
    assert len(left) == len(backup.backups_to_keep([b.created for b in left], now))
    assert removed  # 40 daily backups do not all survive
    assert all(not p.exists() for p in removed)


def test_check_database_reports_ok_and_counts(app_ctx):
    _add(app_ctx, "A")
    report = maintenance.check(app_ctx.db_path)
    assert report.ok
    assert report.counts["organisaties"] == 1
    assert "in orde" in report.as_text()


def test_check_database_reports_damage(tmp_path):
    broken = tmp_path / "kapot.sqlite"
    broken.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    report = maintenance.check(broken)
    assert not report.ok
    assert "problemen" in report.as_text()


def test_writes_after_a_restore_land_in_the_database_file(app_ctx):
    """The restore copies into the live database; pooled connections keep working on the same file."""
    _add(app_ctx, "Voor")
    first = backup.make_backup(app_ctx.db_path, app_ctx.paths.backup_dir)
    with app_ctx.reading() as s:  # a pooled connection that was open before the restore
        organisation_service.list_organisations(s)
    restore_backup(app_ctx, first)
    _add(app_ctx, "Na terugzetten")
    with sqlite3.connect(app_ctx.db_path) as raw:
        names = sorted(r[0] for r in raw.execute("SELECT name FROM organisation"))
    assert names == ["Na terugzetten", "Voor"]


def test_restored_data_count_as_changed_for_the_next_start_backup(app_ctx):
    _add(app_ctx, "A")
    old = backup.make_backup(app_ctx.db_path, app_ctx.paths.backup_dir)
    _add(app_ctx, "B")
    restore_backup(app_ctx, old)  # the safety backup holds A+B
    _add(app_ctx, "C")  # now A+C: different from every backup
    assert backup.needs_backup(app_ctx.db_path, app_ctx.paths.backup_dir)


def test_restore_of_an_old_backup_does_not_rotate_it_away_first(app_ctx):
    _add(app_ctx, "Oud")
    folder = app_ctx.paths.backup_dir
    # an old backup that rotation would remove (it is one of two on the same day, three weeks ago)
    three_weeks = datetime.now() - timedelta(days=21)
    older = backup.make_backup(app_ctx.db_path, folder, now=three_weeks, rotate_after=False)
    backup.make_backup(app_ctx.db_path, folder, now=three_weeks + timedelta(minutes=5), rotate_after=False)
    _add(app_ctx, "Nieuw")
    restore_backup(app_ctx, older)
    assert _names(app_ctx) == ["Oud"]
    assert not older.exists()  # rotation ran only after the restore succeeded


def test_restore_of_a_vanished_backup_says_so(app_ctx):
    gone = app_ctx.paths.backup_dir / "regisseur-20250101-120000-000000.sqlite"
    with pytest.raises(backup.BackupError) as info:
        restore_backup(app_ctx, gone)
    assert "bestaat niet meer" in str(info.value)


def test_storage_counts_only_what_the_caller_names(app_ctx):
    """storage/ knows no table of ours: without counts a backup lists none; a missing table counts 0."""
    from regisseur_app.features.spec import CountSpec

    _add(app_ctx, "Een")
    path = backup.make_backup(app_ctx.db_path, app_ctx.paths.backup_dir)
    assert backup.list_backups(app_ctx.paths.backup_dir)[0].counts == {}
    assert backup.read_counts(path, [CountSpec("organisaties", "organisation"), CountSpec("x", "no_such")]) == {
        "organisaties": 1, "x": 0}
    assert sorted(backup.read_rows(path, "organisation", ["name"])) == [("Een",)]
    assert list(backup.read_rows(path, "no_such_table", ["code"])) == []
    with pytest.raises(ValueError):
        list(backup.read_rows(path, "organisation; DROP TABLE x", ["name"]))
