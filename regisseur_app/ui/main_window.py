"""The main window: navigation between the modules that work, menus, status bar."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (QApplication, QLabel, QListWidget, QMainWindow, QMessageBox, QSplitter,
                               QStackedWidget, QWidget)

from regisseur_app import __version__
from regisseur_app.context import AppContext
from regisseur_app.domain.core.settings import DEMO_DATABASE, get_setting
from regisseur_app.domain.core.setup import association_name
from regisseur_app.ui.admin import maintenance
from regisseur_app.ui.pages import build_pages

# menu actions that call a method of the current page, enabled only where the page has it
PAGE_ACTIONS = ("import_file", "export_list", "open_editor", "undo", "focus_search", "refresh")


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.settings = QSettings(str(ctx.paths.config_dir / "regisseur.ini"), QSettings.Format.IniFormat)
        self.pages = build_pages(ctx)
        self.page_actions: dict[str, QAction] = {}
        self.nav = QListWidget(objectName="navigation")
        self.stack = QStackedWidget()
        for title, page in self.pages:
            self.nav.addItem(title)
            self.stack.addWidget(page)
            if hasattr(page, "status_message"):
                page.status_message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.nav.currentRowChanged.connect(self._show_page)
        self.nav.setMaximumWidth(220)
        self.nav.setStyleSheet("QListWidget { font-size: 11pt; } QListWidget::item { padding: 8px 10px; }")
        splitter = QSplitter()
        splitter.addWidget(self.nav)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([170, 1100])
        self.setCentralWidget(splitter)
        self.db_label = QLabel(f"Database: {ctx.db_path}", objectName="db_label")
        self.db_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.demo_label = QLabel(" DEMO — fictieve gegevens ", objectName="demo_label")
        self.demo_label.setStyleSheet("background: #ffd54f; color: #3e2700; font-weight: bold; padding: 1px 6px;")
        self.statusBar().addPermanentWidget(self.demo_label)
        self.statusBar().addPermanentWidget(self.db_label)
        self._build_menus()
        self.update_title()
        self.nav.setCurrentRow(0)
        self._restore_geometry()

    # ---- helpers ---------------------------------------------------------------------------------
    def current_page(self) -> QWidget:
        return self.pages[self.stack.currentIndex()][1]

    def page(self, title: str) -> QWidget:
        return next(page for page_title, page in self.pages if page_title == title)

    def show_page(self, title: str) -> QWidget:
        row = [t for t, _p in self.pages].index(title)
        if row == self.nav.currentRow():
            self._show_page(row)  # already there: refresh it all the same
        else:
            self.nav.setCurrentRow(row)
        return self.current_page()

    def _show_page(self, row: int) -> None:
        self.stack.setCurrentIndex(row)
        page = self.current_page()
        for method, action in self.page_actions.items():
            action.setEnabled(hasattr(page, method))
        if hasattr(page, "refresh"):
            page.refresh()

    def _call_page(self, method: str, *args) -> None:  # noqa: ANN002
        page = self.current_page()
        if hasattr(page, method):
            getattr(page, method)(*args)

    def update_title(self) -> None:
        with self.ctx.reading() as session:
            name = association_name(session)
            demo = get_setting(session, DEMO_DATABASE) == "1"
        title = f"Regisseur — {name}" if name else "Regisseur"
        if demo or self.ctx.demo:
            title += " — DEMO: fictieve gegevens"
        self.demo_label.setVisible(demo or self.ctx.demo)
        self.setWindowTitle(title)

    def reload_all(self) -> None:
        """After a restore or a change in the reference data: reload every page."""
        for _title, page in self.pages:
            if hasattr(page, "reload_choices"):
                page.reload_choices()
        self.update_title()

    def _action(self, menu, text: str, slot, shortcut=None, name: str = "") -> QAction:  # noqa: ANN001
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if name:
            action.setObjectName(name)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    # ---- menus ------------------------------------------------------------------------------------
    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&Bestand")
        self._page_action(file_menu, "&Importeren…", "import_file", "Ctrl+I")
        self._page_action(file_menu, "&Exporteren…", "export_list", "Ctrl+E")
        file_menu.addSeparator()
        self._action(file_menu, "&Back-up maken", lambda: maintenance.make_backup_now(self), "Ctrl+Shift+B",
                     "backup")
        self._action(file_menu, "Back-up &terugzetten…", lambda: maintenance.restore_from_backup(self), None,
                     "restore")
        self._action(file_menu, "Database &controleren", lambda: maintenance.check_database_now(self), None,
                     "check")
        file_menu.addSeparator()
        self._action(file_menu, "&Afsluiten", self.close, QKeySequence.StandardKey.Quit, "quit")

        edit_menu = bar.addMenu("B&ewerken")
        self.page_actions["undo"] = self._action(edit_menu, "&Ongedaan maken", self._undo,
                                                 QKeySequence.StandardKey.Undo, "undo")
        self._page_action(edit_menu, "&Nieuw…", "open_editor", None, None)
        self._page_action(edit_menu, "&Zoeken", "focus_search", None)

        view_menu = bar.addMenu("Be&eld")
        for number, (title, _page) in enumerate(self.pages, start=1):
            self._action(view_menu, title, lambda _c=False, n=number - 1: self.nav.setCurrentRow(n),
                         f"Ctrl+{number}")
        self._page_action(view_menu, "&Vernieuwen", "refresh", QKeySequence.StandardKey.Refresh)

        admin_menu = bar.addMenu("Be&heer")
        self._action(admin_menu, "&Vereniging en deelnemende gemeenten…", self._edit_setup, None, "setup")
        self._action(admin_menu, "&Gemeenten…", self._edit_municipalities, None, "municipalities")
        self._action(admin_menu, "&Codelijsten…", self._edit_code_lists, None, "codelists")
        for _title, page in self.pages:
            if hasattr(page, "admin_actions"):
                for action in page.admin_actions(self):
                    admin_menu.addAction(action)

        help_menu = bar.addMenu("&Help")
        self._action(help_menu, "&Over Regisseur", self._about, None, "about")
        self._action(help_menu, "Over &Qt", QApplication.aboutQt)

    def _page_action(self, menu, text: str, method: str, shortcut, *args) -> QAction:  # noqa: ANN001, ANN002
        action = self._action(menu, text, lambda: self._call_page(method, *args), shortcut, method)
        self.page_actions[method] = action
        return action

    def _undo(self) -> None:
        page = self.current_page()
        if not (hasattr(page, "undo") and page.undo()):
            self.statusBar().showMessage("Er is niets om ongedaan te maken.", 5000)

    def _edit_setup(self) -> None:
        from regisseur_app.ui.admin.setup_wizard import SetupWizard

        if SetupWizard(self.ctx, self).exec():
            self.reload_all()

    def _edit_municipalities(self) -> None:
        from regisseur_app.ui.admin.municipality_dialog import MunicipalityListDialog

        MunicipalityListDialog(self.ctx, self).exec()
        self.reload_all()

    def _edit_code_lists(self) -> None:
        from regisseur_app.ui.admin.codelist_dialog import CodeListDialog

        CodeListDialog(self.ctx, self).exec()
        self.reload_all()

    def _about(self) -> None:
        QMessageBox.about(
            self, "Over Regisseur",
            f"<h3>Regisseur {__version__}</h3>"
            "<p>Voor de regisseur lokale sociale economie van een intergemeentelijke vereniging: "
            "organisaties en contacten van de sociale economie in de deelnemende gemeenten.</p>"
            f"<p>Database: {self.ctx.db_path}<br>Back-ups: {self.ctx.paths.backup_dir}<br>"
            f"Logbestanden: {self.ctx.paths.log_dir}</p>")

    # ---- geometry ---------------------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        geometry = self.settings.value("main_window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        state = self.settings.value("main_window/state")
        if state is not None:
            self.restoreState(state)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.settings.setValue("main_window/geometry", self.saveGeometry())
        self.settings.setValue("main_window/state", self.saveState())
        self.settings.sync()
        super().closeEvent(event)
