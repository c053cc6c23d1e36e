"""The recovery window, driven like a user: a damaged database, the backups listed, restore or repair."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from regisseur_app.startup import open_after_file_restore, open_context
from regisseur_app.storage import backup, recovery
from tests.reliability.helpers import count, damage_page_of, set_up_db
from tests.ui.conftest import dispose, when_modal


@pytest.fixture
def damaged(tmp_path):
    paths = set_up_db(tmp_path)
    made = backup.make_backup(paths.db_path, paths.backup_dir)
    return paths, made


def _press_yes() -> None:
    box = QApplication.activeModalWidget()
    assert isinstance(box, QMessageBox), box
    assert "apart bewaard" in box.text()
    box.button(QMessageBox.StandardButton.Yes).click()


def test_restore_from_the_recovery_window(qtbot, damaged):
    from regisseur_app.ui.recovery.recovery_window import RecoveryWindow

    paths, made = damaged
    damage_page_of(paths.db_path, "organisation")
    window = RecoveryWindow(paths)
    window.show()
    try:
        assert "beschadigd" in window.title.text()
        assert not window.repair_button.isVisible()
        qtbot.waitUntil(lambda: window.table is not None and window.restore_button.isEnabled(), timeout=15000)
        assert window.table.rowCount() == 1
        assert window.table.item(0, window.table.columnCount() - 1).text() == "in orde"
        when_modal(_press_yes)
        window.restore_button.click()
        qtbot.waitUntil(lambda: window.open_button.isVisible(), timeout=15000)
        assert "teruggezet" in window.result.text()
        assert window.safety_copy is not None and window.safety_copy.exists()
    finally:
        dispose(window)
    open_after_file_restore(paths, window.safety_copy).close()
    assert recovery.diagnose(paths.db_path).ok
    assert count(paths.db_path, "organisation") == count(made, "organisation")


def test_index_damage_is_repaired_from_the_recovery_window(qtbot, damaged):
    from regisseur_app.ui.recovery.recovery_window import RecoveryWindow

    paths, _made = damaged
    damage_page_of(paths.db_path, "ix_organisation_name")
    window = RecoveryWindow(paths)
    window.show()
    try:
        assert window.repair_button.isVisible()
        window.repair_button.click()
        qtbot.waitUntil(lambda: window.open_button.isVisible(), timeout=15000)
        assert "indexen zijn opnieuw opgebouwd" in window.result.text()
        assert window.safety_copy is None  # nothing was restored: the start opens it as it is
    finally:
        dispose(window)
    open_context(paths).close()


def test_command_line_lists_and_restores(damaged, capsys):
    from regisseur_app.cli import main

    paths, made = damaged
    damage_page_of(paths.db_path, "organisation")
    assert main(["check", "--db", str(paths.db_path)]) == 1
    assert main(["restore", "--db", str(paths.db_path)]) == 0
    listing = capsys.readouterr().out
    assert "1 " in listing and "in orde" in listing
    assert main(["restore", "1", "--ja", "--db", str(paths.db_path)]) == 0
    assert "beschadigde database is bewaard" in capsys.readouterr().out
    assert recovery.diagnose(paths.db_path).ok
    assert main(["check", "--db", str(paths.db_path)]) == 0
