"""Start the GUI: Qt in Dutch, logging, crash dialog, single instance, open database, first run."""

from __future__ import annotations

import importlib
import logging
import sys

from PySide6.QtCore import QLibraryInfo, QLocale, QThreadPool, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from regisseur_app import APP_NAME, __version__, start_gc
from regisseur_app.context import AppContext, AppPaths
from regisseur_app.logs import setup_logging
from regisseur_app.paths import resources_dir
from regisseur_app.startup import DatabaseDamagedError, backup_on_close, open_after_file_restore, open_context
from regisseur_app.storage.backup import BackupError
from regisseur_app.storage.errors import StorageError
from regisseur_app.storage.migrations import MigrationError, NewerDatabaseError
from regisseur_app.ui.error_dialog import install_exception_hook
from regisseur_app.ui.instance_lock import InstanceLock
from regisseur_app.ui.lock_wait import acquire_waiting

log = logging.getLogger(__name__)


def make_application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName("Regisseur")
    install_dutch(app)
    return app


def install_dutch(app: QApplication) -> None:
    """Dutch number/date locale and Qt's own Dutch translations for its dialogs and buttons."""
    QLocale.setDefault(QLocale(QLocale.Language.Dutch, QLocale.Country.Belgium))
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    translator = QTranslator(app)
    if translator.load("qtbase_nl", folder):
        app.installTranslator(translator)
    else:
        log.warning("Qt's Dutch translation qtbase_nl not found in %s", folder)
    extra = QTranslator(app)  # the file dialog's "Look in" and "Files of type", which qtbase_nl lacks
    if extra.load("qt_extra_nl", str(resources_dir() / "translations")):
        app.installTranslator(extra)


def run_gui(paths: AppPaths, demo: bool = False) -> int:
    log_path = setup_logging(paths.log_dir)
    app = make_application()
    install_exception_hook(log_path)
    log.info("Regisseur %s start op %s", __version__, paths.db_path)
    lock = InstanceLock(paths.db_path)
    if not acquire_waiting(lock):  # a window that is still closing is waited for
        QMessageBox.warning(None, *lock.message())
        return 3
    try:
        ctx = _open(paths, demo)
        if ctx is None:
            return 2
        try:
            if not _ensure_setup(ctx):
                return 0
            from regisseur_app.ui.recovery.background_check import start_background_check
            from regisseur_app.ui.warmup import start_warmup

            window = show_main_window(ctx)
            start_background_check(window)
            start_warmup(window)  # the pages' modules imported while the user looks at the Overzicht
            code = app.exec()
            _keep_start_screen(window)  # the window is gone: the next start the same day need not compute it
            backup_on_close(ctx)  # nor back up first
            return code
        finally:
            # work still running on the thread pool (the Rapporten page's preparation reads through ctx) ends
            # before the database is closed; bounded, so a long integrity check does not hold the lock long
            QThreadPool.globalInstance().waitForDone(5000)
            ctx.close()
    finally:
        lock.release()


def show_main_window(ctx: AppContext):  # noqa: ANN201  (a MainWindow; imported here, after the database opened)
    """Build and show the main window (its first page, the Overzicht, filled), then end the start's pause of
    the garbage collector (start_gc)."""
    from regisseur_app.ui.main_window import MainWindow

    window = MainWindow(ctx)
    window.show()
    start_gc.resume()
    return window


def _keep_start_screen(window) -> None:  # noqa: ANN001  (the closed MainWindow)
    """A cache, never an error for the user: a failure is logged and the next start computes the Overzicht."""
    try:
        window.keep_start_screen()
    except Exception as exc:  # noqa: BLE001
        log.warning("start screen not kept at close: %s", exc)


# The window's own modules (Qt widgets, no database): what every start imports to show the main window and the
# Overzicht, computed or not (the sections compute with modules they import in `load`, not these).
WINDOW_MODULES = ("regisseur_app.ui.main_window", "regisseur_app.ui.home_page")


def _import_window_while_checking(db_path) -> None:  # noqa: ANN001  (a Path)
    """While the database check the command line began is still running (a large file: quick_check of the
    126 MB large region ≈ 0,3 s on its own thread), import the window's modules, one at a time, instead of
    waiting idle for its verdict; the start needs them right after. Stops as soon as the check is done (a
    small file's check usually is by now, then this imports nothing). Nothing here reads the database."""
    from regisseur_app import features
    from regisseur_app.storage import start_check

    sections = [spec.factory.partition(":")[0] for spec in features.home_sections()]
    for name in (*WINDOW_MODULES, *sections):
        if not start_check.running(db_path):
            return
        importlib.import_module(name)


def _open(paths: AppPaths, demo: bool) -> AppContext | None:
    """Open the database; a damaged one goes through the recovery window (restore or repair) first."""
    _import_window_while_checking(paths.db_path)
    safety = None
    while True:
        try:
            ctx = open_context(paths, demo=demo) if safety is None else open_after_file_restore(paths, safety, demo)
            break
        except DatabaseDamagedError as exc:
            log.error("database beschadigd: %s", exc)
            from regisseur_app.ui.recovery.recovery_window import RecoveryWindow

            start_gc.resume()  # a window the user works in: the start's pause of the collector ends here
            window = RecoveryWindow(paths)
            if not window.exec():
                return None
            safety = window.safety_copy
        except (NewerDatabaseError, BackupError, MigrationError, StorageError) as exc:
            log.error("database niet geopend: %s", exc)
            QMessageBox.critical(None, "Database kan niet geopend worden", str(exc))
            return None
    if demo:
        from regisseur_app import demo as demo_data
        from regisseur_app.domain.core.base import ValidationError

        start_gc.resume()  # filling the demo makes garbage worth collecting
        try:
            demo_data.fill_demo(ctx)  # idempotent; also adds data of newer modules
        except ValidationError as exc:
            ctx.close()
            QMessageBox.critical(None, "Geen demogegevens", " ".join(exc.errors.values()))
            return None
    return ctx


def _ensure_setup(ctx: AppContext) -> bool:
    from regisseur_app.domain.core.setup import is_setup_done

    with ctx.reading() as session:
        if is_setup_done(session):
            return True
    from regisseur_app.ui.admin.setup_wizard import SetupWizard

    start_gc.resume()  # a dialog the user works in: the start's pause of the collector ends here
    return bool(SetupWizard(ctx).exec())
