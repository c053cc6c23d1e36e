"""Small tables whose columns are as wide as their contents, measured once each time their rows change.

Qt's ResizeToContents mode measures every cell of a column (a `data()` call through Python for each of eight
roles) again at each layout pass of the view: about 2,5 times when a tab is first shown. The three tables of
Evenementen › Statistieken on the large region (≈ 80 rows) took ≈ 10.000 `data()` calls and ≈ 25 ms that way.
Here the columns are measured when the rows change (the model reset, rows added, removed or changed) and at no
other time; the widths are the same (the widest cell, at least the header). The user may drag a column to another
width: a column of that title keeps the width while the rows change (another year, another scope), until the
user double-clicks the column's edge, which fits it to its contents again.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHeaderView, QTableView


class _Fitter(QObject):
    def __init__(self, view: QTableView, stretch: int | None) -> None:
        super().__init__(view)
        self.setObjectName("fit_to_contents")
        self.view, self.stretch, self.model = view, stretch, view.model()
        for signal in self._model_signals():
            signal.connect(self.fit)
        self.model.headerDataChanged.connect(self._header_changed)
        header = view.horizontalHeader()
        # the widths the user gave columns by dragging their edge, by the column's title: kept instead of fitted (by
        # title, so that a table whose columns change, e.g. the survey analysis split by another grouping, keeps
        # each where it belongs)
        self.dragged: dict[str, int] = {}
        self._pressed = self._fitting = False
        header.viewport().installEventFilter(self)  # a drag is a resize between a press and a release
        header.sectionResized.connect(self._resized)
        # after the view's own slot (connected when the view was made), which fits the column to its contents
        header.sectionHandleDoubleClicked.connect(self._follow_again)

    def _model_signals(self) -> tuple:
        model = self.model
        return (model.modelReset, model.rowsInserted, model.rowsRemoved, model.dataChanged, model.columnsInserted,
                model.columnsRemoved)

    def detach(self) -> None:
        """Stop following the view's former model (the view was given another one) and go."""
        header = self.view.horizontalHeader()
        header.viewport().removeEventFilter(self)
        header.sectionResized.disconnect(self._resized)
        header.sectionHandleDoubleClicked.disconnect(self._follow_again)
        try:
            for signal in self._model_signals():
                signal.disconnect(self.fit)
            self.model.headerDataChanged.disconnect(self._header_changed)
        except RuntimeError:  # that model is already gone, and its signals with it
            pass
        self.setParent(None)
        self.deleteLater()

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.MouseButtonPress:
            self._pressed = True
        elif event.type() == QEvent.Type.MouseButtonRelease:
            self._pressed = False
        return False

    def _title(self, column: int) -> str:
        return str(self.model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole))

    def _resized(self, column: int, _old: int, new: int) -> None:
        # the button is checked too: a release the header never saw (a popup took the mouse) ends the drag as well
        if (self._pressed and not self._fitting
                and QGuiApplication.mouseButtons() & Qt.MouseButton.LeftButton):
            self.dragged[self._title(column)] = new

    def _follow_again(self, column: int) -> None:
        self.dragged.pop(self._title(column), None)

    def _header_changed(self, orientation: Qt.Orientation, _first: int, _last: int) -> None:
        if orientation == Qt.Orientation.Horizontal:  # a column's title: its width may change
            self.fit()

    def fit(self, *_args: object) -> None:
        header = self.view.horizontalHeader()
        last = header.count() - 1
        self._fitting = True
        try:
            for column in range(header.count()):
                if column == self.stretch or (column == last and header.stretchLastSection()):
                    continue  # its width is what the others leave
                width = self.dragged.get(self._title(column)) if self.dragged else None
                if width is None:
                    self.view.resizeColumnToContents(column)
                else:
                    header.resizeSection(column, width)
        finally:
            self._fitting = False


def fit_to_contents(view: QTableView, stretch: int | None = None) -> None:
    """Fit the columns of `view` to their contents now and whenever its rows change; the `stretch` column, if any,
    takes the width left over. Call it after the view's model is set: it follows that model (a view given another
    model calls it again). A change of rows refits every column once, so it suits tables refilled as a whole or
    changed a row at a time, not a grid edited cell by cell. A column the user dragged keeps its width (by its
    title) until the user double-clicks its edge."""
    former = view.findChild(_Fitter, "fit_to_contents")
    if former is not None:  # the view had another model: one fitter, following this one, with the dragged widths
        former.detach()
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    fitter = _Fitter(view, stretch)
    if former is not None:
        fitter.dragged.update(former.dragged)
    fitter.fit()
