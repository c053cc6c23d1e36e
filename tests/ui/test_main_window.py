"""Main window behaviour: geometry remembered, crash dialog with the log path, navigation, about."""

import logging
import sys

from PySide6.QtWidgets import QApplication, QMessageBox

from regisseur_app.logs import setup_logging
from regisseur_app.ui.error_dialog import install_exception_hook
from regisseur_app.ui.main_window import MainWindow
from regisseur_app.ui.page import Command
from tests.ui.conftest import dispose, when_modal


def test_geometry_is_remembered(qtbot, app_ctx):
    first = MainWindow(app_ctx)
    first.show()
    first.resize(first.minimumSizeHint().width() + 37, first.minimumSizeHint().height() + 23)
    wanted = (first.width(), first.height())
    assert wanted != (1280, 800)  # not the default size of a first start
    dispose(first)  # closing saves the geometry
    second = MainWindow(app_ctx)
    second.show()
    size = (second.width(), second.height())
    dispose(second)
    assert size == wanted


def test_unexpected_error_shows_dutch_dialog_with_log_path(qtbot, app_ctx, tmp_path):
    log_path = setup_logging(tmp_path / "logs")
    old_hook = sys.excepthook
    install_exception_hook(log_path)
    seen = {}

    def read_and_close():
        box = QApplication.activeModalWidget()
        seen["title"] = box.windowTitle()
        seen["info"] = box.informativeText()
        box.done(QMessageBox.StandardButton.Ok)

    try:
        when_modal(read_and_close)
        try:
            raise RuntimeError("kapot in een knop")
        except RuntimeError:
            sys.excepthook(*sys.exc_info())
    finally:
        sys.excepthook = old_hook
        for handler in logging.getLogger().handlers:
            handler.flush()
    assert seen["title"] == "Onverwachte fout"
    assert str(log_path) in seen["info"]
    assert "kapot in een knop" in log_path.read_text(encoding="utf-8")


def test_navigation_enables_only_what_a_page_offers(qtbot, main_window):
    main_window.show_page("Overzicht")
    assert not main_window.page_actions[Command.IMPORT].isEnabled()
    main_window.show_page("Organisaties")
    assert main_window.page_actions[Command.IMPORT].isEnabled()
    assert [t for t, _p in main_window.pages][:3] == ["Overzicht", "Organisaties", "Contactpersonen"]


def test_home_page_counts(qtbot, main_window, app_ctx):
    from regisseur_app.domain.core import codelists, organisation_service
    from regisseur_app.domain.core.organisation_service import OrganisationInput

    with app_ctx.transaction() as s:
        type_id = codelists.list_items(s, codelists.ORGANISATION_TYPE)[0].id
        organisation_service.save_organisation(s, OrganisationInput("A", type_id, target_group_employees=12))
        organisation_service.save_organisation(s, OrganisationInput("B", type_id, target_group_employees=30))
        organisation_service.save_organisation(s, OrganisationInput("C", type_id))  # unknown: left out
        organisation_service.save_organisation(s, OrganisationInput("D", type_id, target_group_employees=7,
                                                                    archived=True))  # archived: not counted
    home = main_window.show_page("Overzicht")
    assert home.tiles["organisations"].value.text() == "3"
    assert home.tiles["target_group"].value.text() == "42"
    assert "Bekkevoort" in home.municipalities.text()


def test_an_empty_list_says_what_the_first_step_is(qtbot, main_window):
    from PySide6.QtWidgets import QLabel

    for title in ("Organisaties", "Contactpersonen", "Evenementen", "Doorverwijzingen"):
        page = main_window.show_page(title)
        hints = [w for w in page.findChildren(QLabel, "empty_hint") if w.isVisible()]
        assert len(hints) == 1, title
        assert hints[0].text().startswith("Nog geen") and "Nieuw…" in hints[0].text(), hints[0].text()
    page = main_window.show_page("Organisaties")
    page.search_edit.setText("zzz")
    qtbot.waitUntil(lambda: "Geen organisaties gevonden" in page.empty_hint.text())


def test_qt_file_dialog_speaks_dutch(qtbot):
    """Qt 6's file dialog labels "&Look in:" and "Files of &type:" are missing from qtbase_nl."""
    from PySide6.QtWidgets import QFileDialog, QLabel

    from regisseur_app.ui.app import install_dutch

    install_dutch(QApplication.instance())
    dialog = QFileDialog(None, "Bestand kiezen", "", "CSV (*.csv)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    qtbot.addWidget(dialog)
    labels = [label.text().replace("&", "") for label in dialog.findChildren(QLabel) if label.text()]
    assert labels == ["Zoeken in:", "Bestandsnaam:", "Bestandstype:"]
    from PySide6.QtCore import QCoreApplication

    assert QCoreApplication.translate("QAbstractFileIconProvider", "Folder") == "Map"  # the Type column


def test_a_bad_file_is_not_logged_as_an_error_with_a_traceback(qtbot, caplog):
    """Expected user errors (a bad file, a wrong value) are one INFO line; a bug stays an ERROR with its trace."""
    from regisseur_app.domain.core.base import ValidationError
    from regisseur_app.exchange.tabular import TableReadError
    from regisseur_app.ui.workers import Worker

    def fail(exc):
        def fn(_job):
            raise exc
        return fn

    caplog.set_level(logging.INFO, logger="regisseur_app.ui.workers")
    for expected in (TableReadError("'x.csv' is geen CSV-bestand."), ValidationError({"naam": "Vul de naam in."})):
        Worker(fail(expected)).run()
    assert [r.levelno for r in caplog.records] == [logging.INFO, logging.INFO]
    assert "Traceback" not in caplog.text
    Worker(fail(RuntimeError("kapot"))).run()
    assert caplog.records[-1].levelno == logging.ERROR and "Traceback" in caplog.records[-1].getMessage()


def test_navigation_shows_every_title_whole_without_a_scrollbar(qtbot, main_window):
    from PySide6.QtCore import Qt as QtCore_Qt

    nav = main_window.nav
    assert nav.horizontalScrollBarPolicy() == QtCore_Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    metrics = nav.fontMetrics()
    for row in range(nav.count()):
        rect = nav.visualItemRect(nav.item(row))
        assert metrics.horizontalAdvance(nav.item(row).text()) <= rect.width(), nav.item(row).text()


def test_database_check_says_its_counts_include_archived_records(qtbot, main_window):
    seen = []

    def read():
        box = QApplication.activeModalWidget()
        seen.append(box.text())
        box.done(QMessageBox.StandardButton.Ok)

    when_modal(read)
    main_window.findChild(type(main_window.page_actions[Command.NEW]), "check").trigger()
    qtbot.waitUntil(lambda: bool(seen), timeout=15000)
    assert "ook gearchiveerde organisaties en contactpersonen" in seen[0]


def test_municipality_list_says_which_municipality_a_merged_one_is_part_of(qtbot, app_ctx):
    from regisseur_app.ui.admin.municipality_dialog import MunicipalityListDialog

    dialog = MunicipalityListDialog(app_ctx)
    qtbot.addWidget(dialog)
    rows = {dialog.model.index(r, 0).data(): dialog.model.index(r, dialog.model.columnCount() - 1).data()
            for r in range(dialog.model.rowCount())}
    assert rows["23023"] == "Pajottegem (1/1/2025)" and rows["23106"] == "" and rows["24008"] == ""


def test_a_page_shown_again_is_read_again_only_after_a_change(qtbot, main_window, app_ctx):
    """Switching back to a page whose data did not change shows what it showed (no second read); a change made
    meanwhile (any transaction counts up the data generation) or choosing the page on screen reads it again."""
    from regisseur_app.domain.core import codelists, organisation_service
    from regisseur_app.domain.core.organisation_service import OrganisationInput

    page = main_window.show_page("Organisaties")
    reads = []
    original = page.refresh
    page.refresh = lambda: (reads.append(1), original())[1]
    main_window.show_page("Overzicht")
    main_window.show_page("Organisaties")
    assert reads == []  # nothing changed: not read again
    main_window.show_page("Organisaties")  # chosen while on screen: read again
    assert reads == [1]
    main_window.show_page("Overzicht")
    with app_ctx.transaction() as s:
        type_id = codelists.list_items(s, codelists.ORGANISATION_TYPE)[0].id
        organisation_service.save_organisation(s, OrganisationInput("Nieuw Atelier", type_id))
    main_window.show_page("Organisaties")
    assert reads == [1, 1]
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.model.index(0, 0).data() == "Nieuw Atelier"
