"""Click everything: on every page of the registry, every button, menu action, toolbar action and
context-menu action is triggered like a user would (file dialogs answered, message boxes and modal
dialogs closed). Fails on any uncaught exception and on English text in a message box or the status
bar, so a wiring bug (a `clicked(bool)` reaching a path argument) cannot land again. New pages are
covered automatically: the pages come from `features.pages()`."""

from __future__ import annotations

import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QThreadPool, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QCalendarWidget,
    QDialog,
    QFileDialog,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QTabWidget,
    QToolButton,
    QWidget,
)
from shiboken6 import isValid

from regisseur_app import features
from regisseur_app.ui.app import install_dutch
from tests.ui.conftest import dispose, open_demo_copy

# words of English error messages (Python exceptions, OS errors) that are not Dutch words
ENGLISH = re.compile(
    r"\b(expected|not|error|errno|traceback|nonetype|attribute|argument|arguments|the|cannot|invalid|"
    r"unsupported|object|exception|such|file|directory|permission|denied|has no|must be|got)\b",
    re.IGNORECASE)
SKIP_ACTIONS = {"quit"}  # closes the window under test


@dataclass
class Seen:
    messages: list[tuple[str, str]] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    exceptions: list[str] = field(default_factory=list)
    explored: set[str] = field(default_factory=set)   # the kinds of dialog whose buttons were clicked too
    where: str = ""

    def english(self) -> list[tuple[str, str]]:
        return [(where, text) for where, text in self.messages if ENGLISH.search(text)]


def _closer(seen: Seen) -> QTimer:
    """Every 15 ms: read and close the active modal dialog (not a progress dialog). The first dialog of each
    kind is explored first: every button in it is clicked too (one level deep), then it is closed."""
    exploring: list[QDialog] = []
    explored = seen.explored

    def explore(dialog: QDialog) -> None:
        where = seen.where
        for button in [b for b in dialog.findChildren(QAbstractButton)
                       if isinstance(b, (QPushButton, QToolButton))]:
            if not (isValid(dialog) and dialog.isVisible() and isValid(button)):
                break
            if button.isVisible() and button.isEnabled():
                seen.where = f"{where} › {type(dialog).__name__} › knop '{button.text() or button.objectName()}'"
                button.click()
                QApplication.processEvents()
        seen.where = where
        exploring.remove(dialog)
        if isValid(dialog) and dialog.isVisible():
            dialog.reject()

    def check() -> None:
        widget = QApplication.activeModalWidget()
        if widget is None or isinstance(widget, QProgressDialog) or widget in exploring:
            return
        if isinstance(widget, QMessageBox):
            text = " ".join(t for t in (widget.windowTitle(), widget.text(), widget.informativeText(),
                                        widget.detailedText()) if t)
            seen.messages.append((seen.where, text))
        else:
            seen.dialogs.append(f"{seen.where}: {type(widget).__name__}")
            kind = type(widget).__name__
            if (isinstance(widget, QDialog) and not isinstance(widget, QFileDialog) and kind not in explored
                    and not exploring):
                explored.add(kind)
                exploring.append(widget)
                QTimer.singleShot(0, lambda w=widget: explore(w))  # not inside this timer: nested dialogs
                return
        if isinstance(widget, QDialog):
            widget.reject()
        else:
            widget.close()

    timer = QTimer()
    timer.setInterval(15)
    timer.timeout.connect(check)
    timer.start()
    return timer


def _settle(window: QWidget) -> None:
    """Let background jobs finish and their results (message boxes) be shown and closed."""
    deadline = time.monotonic() + 20
    pool = QThreadPool.globalInstance()
    while time.monotonic() < deadline:
        QApplication.processEvents()
        busy = pool.activeThreadCount() > 0 or any(
            isinstance(w, QProgressDialog) and w.isVisible() for w in QApplication.topLevelWidgets())
        if not busy and QApplication.activeModalWidget() is None:
            break
        time.sleep(0.005)
    QApplication.processEvents()
    for widget in QApplication.topLevelWidgets():  # non-modal windows a control opened
        if widget is not window and widget.isVisible() and not isinstance(widget, QMenu):
            widget.close()


def _file_answers(monkeypatch, folder: Path) -> None:
    """QFileDialog's static functions answer with a path in `folder` (an existing small CSV to open)."""
    counter = iter(range(10_000))
    sample = folder / "invoer.csv"
    sample.write_text("Naam;Gemeente\nVoorbeeld vzw;Geel\n", encoding="utf-8")

    def suffix(directory: str, filters: str) -> str:
        if directory and Path(directory).suffix:
            return Path(directory).suffix
        found = re.search(r"\*(\.[A-Za-z0-9]+)", filters or "")
        return found.group(1) if found else ".txt"

    def save(parent=None, caption="", directory="", filters="", *args, **kwargs):  # noqa: ANN001, ANN002, ANN003
        return str(folder / f"bewaard{next(counter)}{suffix(directory, filters)}"), filters

    def open_one(*args, **kwargs):  # noqa: ANN002, ANN003
        return str(sample), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(open_one))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: ([str(sample)], "")))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(folder)))


class ContextMenus:
    """Context menus built on request: QMenu.exec/popup answer with a chosen action (or record them)."""

    def __init__(self, monkeypatch):
        self.choose: int | None = None
        self.offered: list[str] = []

        def run(menu: QMenu, *args, **kwargs):  # noqa: ANN002, ANN003
            actions = [a for a in menu.actions() if not a.isSeparator() and a.menu() is None]
            self.offered = [a.text() for a in actions]
            if self.choose is None or self.choose >= len(actions):
                return None
            action = actions[self.choose]
            if not action.isEnabled():
                return None
            action.trigger()
            return action

        monkeypatch.setattr(QMenu, "exec", run)
        monkeypatch.setattr(QMenu, "popup", run)


def _reachable(widget: QWidget, page: QWidget) -> bool:
    """On screen in the page's window (not in a closed dialog that is still a child of the page)."""
    return widget.isVisible() and widget.window() is page.window()


def _action_reachable(action: QAction, page: QWidget) -> bool:
    owner = action.parent()
    while owner is not None and not isinstance(owner, QWidget):
        owner = owner.parent()
    while isinstance(owner, QMenu):  # a menu of a button or of another menu
        owner = owner.parentWidget()
    return owner is not None and _reachable(owner, page)


def _select_first_rows(page: QWidget) -> None:
    for view in page.findChildren(QAbstractItemView):
        if isinstance(view.parentWidget(), QCalendarWidget) or view.objectName() == "qt_calendar_calendarview":
            continue  # a calendar's own grid: its first cell is a header
        model = view.model()
        if view.isVisible() and model is not None and model.rowCount() > 0 and model.index(0, 0).isValid():
            view.setCurrentIndex(model.index(0, 0))


def _tab_states(page: QWidget):
    """Yield once per tab of every tab widget of the page (and once for a page without tabs)."""
    tabs = [t for t in page.findChildren(QTabWidget)]
    yield "start"
    for tab_widget in tabs:
        for index in range(tab_widget.count()):
            if tab_widget.isVisible():
                tab_widget.setCurrentIndex(index)
                yield tab_widget.tabText(index)


def _controls(page: QWidget) -> list[tuple[str, object]]:
    found: list[tuple[str, object]] = []
    for button in page.findChildren(QAbstractButton):
        if isinstance(button, (QPushButton, QToolButton)) and _reachable(button, page):
            found.append((f"knop '{button.text() or button.toolTip() or button.objectName()}'", button))
            menu = button.menu()
            if menu is not None:
                found += [(f"menu '{a.text()}'", a) for a in menu.actions() if not a.isSeparator()]
    for action in page.findChildren(QAction):
        if not action.isSeparator() and action.menu() is None and _action_reachable(action, page):
            found.append((f"actie '{action.text()}'", action))
    return found


def _trigger(control: object) -> bool:
    if isinstance(control, QAbstractButton):
        if not (control.isEnabled() and control.isVisible()):
            return False
        if isinstance(control, QToolButton) and control.defaultAction() is not None:
            control.defaultAction().trigger()
        else:
            control.click()
        return True
    if isinstance(control, QAction) and control.isEnabled():
        control.trigger()
        return True
    return False


def _menu_actions(menu: QMenu) -> list[QAction]:
    actions = []
    for action in menu.actions():
        if action.isSeparator():
            continue
        if action.menu() is not None:
            actions += _menu_actions(action.menu())
        else:
            actions.append(action)
    return actions


@pytest.mark.timeout(180)
@pytest.mark.parametrize("database", ["leeg", "demo"])
def test_click_everything_on_every_page(qtbot, monkeypatch, tmp_path, app_ctx, request, database):
    from regisseur_app.ui.main_window import MainWindow

    ctx = app_ctx
    if database == "demo":
        app_ctx.close()
        ctx = open_demo_copy(tmp_path, request.getfixturevalue("demo_file"))  # made once, only for this case
    seen = Seen()
    out = tmp_path / "uit"
    out.mkdir()
    _file_answers(monkeypatch, out)
    menus = ContextMenus(monkeypatch)
    old_hook = sys.excepthook

    def hook(kind, value, tb):  # noqa: ANN001
        seen.exceptions.append(f"{seen.where}: {kind.__name__}: {value}")

    sys.excepthook = hook
    install_dutch(QApplication.instance())
    window = MainWindow(ctx)
    window.show()
    window.statusBar().messageChanged.connect(lambda text: seen.messages.append((seen.where, text)))
    closer = _closer(seen)
    triggered = 0
    try:
        for spec in features.pages():
            page = window.show_page(spec.title)
            _settle(window)
            for state in _tab_states(page):
                _select_first_rows(page)
                for label, control in _controls(page):
                    seen.where = f"{spec.title} › {state} › {label}"
                    if getattr(control, "objectName", lambda: "")() in SKIP_ACTIONS:
                        continue
                    _select_first_rows(page)
                    triggered += _trigger(control)
                    _settle(window)
                _select_first_rows(page)
                for view in [v for v in page.findChildren(QWidget)
                             if v.isVisible() and v.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu]:
                    menus.choose = None
                    view.customContextMenuRequested.emit(QPoint(5, 5))
                    for index, text in enumerate(list(menus.offered)):
                        seen.where = f"{spec.title} › {state} › contextmenu '{text}'"
                        menus.choose = index
                        _select_first_rows(page)
                        view.customContextMenuRequested.emit(QPoint(5, 5))
                        triggered += 1
                        _settle(window)
                for view in page.findChildren(QAbstractItemView):  # a double-click opens the first row
                    model = view.model()
                    if view.isVisible() and model is not None and model.rowCount() > 0:
                        seen.where = f"{spec.title} › {state} › dubbelklik"
                        view.doubleClicked.emit(model.index(0, 0))
                        _settle(window)
            for command, action in window.page_actions.items():  # Bestand/Bewerken commands of this page
                window.show_page(spec.title)
                seen.where = f"{spec.title} › menu {command.name}"
                triggered += _trigger(action)
                _settle(window)
        for menu_action in window.menuBar().actions():  # the window's own menus, once
            for action in _menu_actions(menu_action.menu()):
                if action.objectName() in SKIP_ACTIONS or action in window.page_actions.values():
                    continue
                seen.where = f"menu '{menu_action.text()} › {action.text()}'"
                triggered += _trigger(action)
                _settle(window)
    finally:
        closer.stop()
        sys.excepthook = old_hook
        dispose(window)
        if ctx is not app_ctx:
            ctx.close()
    assert triggered > 40, triggered
    assert len(seen.explored) >= 8, seen.explored
    problems = seen.exceptions + [f"Engelse tekst: {where}: {text}" for where, text in seen.english()]
    assert not problems, "\n".join(problems)
