"""The main window: navigation between the modules that work, menus, status bar."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QFont, QFontMetrics, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from regisseur_app import __version__, features
from regisseur_app.context import AppContext
from regisseur_app.domain.core.base import ValidationError
from regisseur_app.domain.core.settings import DEMO_DATABASE, get_setting
from regisseur_app.domain.core.setup import association_name
from regisseur_app.features.spec import PageSpec, resolve
from regisseur_app.ui.admin import maintenance
from regisseur_app.ui.page import Command, Page, ReadMarks


class MainWindow(QMainWindow):
    # an operation changed data (topics); emitted from any thread, handled on the GUI thread
    data_changed = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.settings = QSettings(str(ctx.paths.settings_file), QSettings.Format.IniFormat)
        # one undo stack for the window: operations record their undo steps here (ctx.undo_sink)
        self.undo_stack = QUndoStack(self)
        ctx.undo_sink = self._push_undo
        self._undo_error: Exception | None = None
        # after any operation (a dialog, a page, a background import): refresh the page on screen, once
        self._changed_topics: set[str] = set()
        self.data_changed.connect(self._data_changed)
        self._listener = self.data_changed.emit
        ctx.on_change(self._listener)
        self.specs: list[PageSpec] = features.pages()
        self._built: dict[str, Page] = {}
        self._read = ReadMarks(ctx)  # per page title, what its last refresh on showing read
        self.page_actions: dict[str, QAction] = {}
        self.nav = QListWidget(objectName="navigation")
        self.stack = QStackedWidget()
        for spec in self.specs:
            self.nav.addItem(spec.title)
            self.stack.addWidget(QWidget())  # placeholder until the page is first shown (fast start)
        self.nav.currentRowChanged.connect(self._show_page)
        self.nav.setMaximumWidth(220)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # titles fit; never a bar
        font = QFont(self.nav.font())
        font.setPointSize(11)
        nav_width = max(QFontMetrics(font).horizontalAdvance(spec.title) for spec in self.specs) + 2 * 10 + 16
        self.nav.setMinimumWidth(min(nav_width, 220))
        self.nav.setStyleSheet("QListWidget { font-size: 11pt; } QListWidget::item { padding: 8px 10px; }")
        splitter = QSplitter()
        splitter.addWidget(self.nav)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([min(nav_width, 220), 1100])
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
    @property
    def pages(self) -> list[tuple[str, Page | None]]:
        """(title, page) in navigation order; None for a page not built yet."""
        return [(spec.title, self._built.get(spec.title)) for spec in self.specs]

    def built_pages(self) -> list[Page]:
        return list(self._built.values())

    def page(self, title: str) -> Page:
        """The page with this title, built now if it was not shown before."""
        if title not in self._built:
            row = [spec.title for spec in self.specs].index(title)
            page = resolve(self.specs[row].factory)(self.ctx)
            page.status_message.connect(lambda text: self.statusBar().showMessage(text, 8000))
            placeholder = self.stack.widget(row)
            self.stack.insertWidget(row, page)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self._built[title] = page
        return self._built[title]

    def current_page(self) -> Page:
        return self.page(self.specs[self.stack.currentIndex()].title)

    def show_page(self, title: str) -> Page:
        row = [spec.title for spec in self.specs].index(title)
        if row == self.nav.currentRow():
            self._show_page(row)  # already there: refresh it all the same
        else:
            self.nav.setCurrentRow(row)
        return self.current_page()

    def _show_page(self, row: int) -> None:
        title = self.specs[row].title
        page = self.page(title)
        again = self.stack.currentIndex() == row
        self.stack.setCurrentIndex(row)
        for command, action in self.page_actions.items():
            action.setEnabled(command in page.COMMANDS)
        # a page shown again while the data and the day did not change, and no moment it shows passed (an event
        # that ended: Page.changes_at), is not read again (ui.page.ReadMarks; the MVO page took 0,7 s on the large
        # region); Vernieuwen and choosing the page on screen still read it
        if again or self._read.stale(title):
            page.refresh()
            self._read.mark(title, until=page.changes_at())

    def _run_command(self, command: Command) -> None:
        page = self.current_page()
        if command in page.COMMANDS:
            page.run_command(command)

    def _push_undo(self, record) -> None:  # noqa: ANN001  (operations.UndoRecord)
        from regisseur_app.ui.undo import push_undo

        push_undo(self.undo_stack, self.ctx, record, after=self._after_undo, on_error=self._undo_failed)

    def _after_undo(self) -> None:
        self.current_page().refresh()

    def _undo_failed(self, exc: Exception) -> None:
        self._undo_error = exc

    def _data_changed(self, topics: set[str]) -> None:
        if not self._changed_topics:  # several operations in one go: one refresh afterwards
            QTimer.singleShot(0, self._refresh_after_change)
        self._changed_topics |= set(topics)

    def _refresh_after_change(self) -> None:
        topics, self._changed_topics = self._changed_topics, set()
        if self._built and topics:
            page = self.current_page()
            page.data_changed(topics)
            self._read.forget()  # the other pages read again when shown; this one just did
            self._read.mark(self.specs[self.stack.currentIndex()].title, until=page.changes_at())

    def keep_start_screen(self) -> None:
        """After the window closed: the pages that keep what they show for the next start (the Overzicht's
        snapshot, ui/home_page.py) bring it up to date."""
        for page in self.built_pages():
            keep = getattr(page, "keep_current", None)
            if keep is not None:
                keep()

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
        self._read.forget()
        for page in self.built_pages():
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
        self._page_action(file_menu, "&Importeren…", Command.IMPORT, "Ctrl+I")
        self._page_action(file_menu, "&Exporteren…", Command.EXPORT, "Ctrl+E")
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
        self._action(edit_menu, "&Ongedaan maken", self._undo, QKeySequence.StandardKey.Undo, "undo")
        redo = self._action(edit_menu, "Opnieuw &uitvoeren", self._redo, QKeySequence.StandardKey.Redo, "redo")
        keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
        redo.setShortcuts(keys + [QKeySequence("Ctrl+Y")] * (QKeySequence("Ctrl+Y") not in keys))
        self._page_action(edit_menu, "&Nieuw…", Command.NEW, None)
        self._page_action(edit_menu, "&Zoeken", Command.SEARCH, None)

        view_menu = bar.addMenu("Be&eld")
        for number, spec in enumerate(self.specs, start=1):
            self._action(view_menu, spec.title, lambda _c=False, n=number - 1: self.nav.setCurrentRow(n),
                         f"Ctrl+{number}" if number <= 9 else None)
        self._action(view_menu, "&Vernieuwen", lambda: self.current_page().refresh(),
                     QKeySequence.StandardKey.Refresh, "refresh")

        admin_menu = bar.addMenu("Be&heer")
        self._action(admin_menu, "&Vereniging en deelnemende gemeenten…", self._edit_setup, None, "setup")
        self._action(admin_menu, "&Gemeenten…", self._edit_municipalities, None, "municipalities")
        self._action(admin_menu, "&Codelijsten…", self._edit_code_lists, None, "codelists")
        for factory in features.admin_action_factories():
            for action in factory(self):
                admin_menu.addAction(action)

        help_menu = bar.addMenu("&Help")
        self._action(help_menu, "&Over Regisseur", self._about, None, "about")
        self._action(help_menu, "Over &Qt", self._about_qt, None, "about_qt")

    def _page_action(self, menu, text: str, command: Command, shortcut) -> QAction:  # noqa: ANN001
        action = self._action(menu, text, lambda: self._run_command(command), shortcut, command.value)
        self.page_actions[command] = action
        return action

    def _undo(self) -> None:
        if not self.undo_stack.canUndo():
            self.statusBar().showMessage("Er is niets om ongedaan te maken.", 5000)
            return
        text = self.undo_stack.undoText()
        self.undo_stack.undo()
        if not self._report_undo_error("Ongedaan maken mislukt", text):
            self.statusBar().showMessage(f"Ongedaan gemaakt: {text}.", 5000)

    def _redo(self) -> None:
        if not self.undo_stack.canRedo():
            self.statusBar().showMessage("Er is niets om opnieuw uit te voeren.", 5000)
            return
        text = self.undo_stack.redoText()
        self.undo_stack.redo()
        if not self._report_undo_error("Opnieuw uitvoeren mislukt", text):
            self.statusBar().showMessage(f"Opnieuw uitgevoerd: {text}.", 5000)

    def _report_undo_error(self, title: str, text: str) -> bool:
        """A failed undo/redo changed nothing and left the stack: say so in Dutch. True if it failed."""
        exc, self._undo_error = self._undo_error, None
        if exc is None:
            return False
        reason = " ".join(exc.errors.values()) if isinstance(exc, ValidationError) else str(exc)
        self.statusBar().showMessage(f"{title}: {text}.", 8000)
        QMessageBox.warning(self, title, f"'{text[:1].upper()}{text[1:]}' kon niet uitgevoerd worden: {reason}\n\n"
                            "Er is niets gewijzigd. Deze stap is van de lijst 'ongedaan maken' gehaald.")
        return True

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

    def _about_qt(self) -> None:
        """Qt's own box is English licence text only; this says the same in Dutch."""
        import PySide6
        from PySide6.QtCore import qVersion

        QMessageBox.about(
            self, "Over Qt",
            f"<h3>Qt {qVersion()}</h3>"
            f"<p>Regisseur is gebouwd met Qt {qVersion()} en PySide6 {PySide6.__version__} (Qt for Python), "
            "een toolkit voor programma's op Windows, macOS en Linux.</p>"
            "<p>Qt en PySide6 worden gebruikt onder de licentie GNU LGPL versie 3. Meer over de licenties van "
            "Qt: <a href=\"https://www.qt.io/licensing/\">qt.io/licensing</a>.</p>")

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
        self.ctx.remove_listener(self._listener)
        if self.ctx.undo_sink == self._push_undo:
            self.ctx.undo_sink = None
        self.settings.setValue("main_window/geometry", self.saveGeometry())
        self.settings.setValue("main_window/state", self.saveState())
        self.settings.sync()
        super().closeEvent(event)
