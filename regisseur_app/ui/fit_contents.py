"""Small tables whose columns are as wide as their contents, measured once each time their rows change.

Qt's ResizeToContents mode measures every cell of a column (a `data()` call through Python for each of eight
roles) again at each layout pass of the view: about 2,5 times when a tab is first shown. The three tables of
Evenementen › Statistieken on the large region (≈ 80 rows) took ≈ 10.000 `data()` calls and ≈ 25 ms that way.
Here the columns are measured when the rows change (the model reset, rows added, removed or changed) and at no
other time; the widths are the same (the widest cell, at least the header). The user may drag a column to another
width: it keeps that width while the rows change (another year, another scope), until the columns themselves
change or the user double-clicks the column's edge, which fits it to its contents again.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QHeaderView, QTableView


class _Fitter(QObject):
    def __init__(self, view: QTableView, stretch: int | None) -> None:
        super().__init__(view)
        self.setObjectName("fit_to_contents")
        self.view, self.stretch = view, stretch
        model = view.model()
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved, model.dataChanged,
                       model.columnsInserted, model.columnsRemoved):
            signal.connect(self.fit)
        model.headerDataChanged.connect(self._header_changed)
        header = view.horizontalHeader()
        self.dragged: set[int] = set()  # columns the user gave a width by dragging their edge: not refitted
        self._columns = model.columnCount()
        self._pressed = self._fitting = False
        header.viewport().installEventFilter(self)  # a drag is a resize between a press and a release
        header.sectionResized.connect(self._resized)
        # after the view's own slot, which fits the column to its contents: it follows them again
        header.sectionHandleDoubleClicked.connect(self.dragged.discard)

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.MouseButtonPress:
            self._pressed = True
        elif event.type() == QEvent.Type.MouseButtonRelease:
            self._pressed = False
        return False

    def _resized(self, column: int, _old: int, _new: int) -> None:
        if self._pressed and not self._fitting:
            self.dragged.add(column)

    def _header_changed(self, orientation: Qt.Orientation, _first: int, _last: int) -> None:
        if orientation == Qt.Orientation.Horizontal:  # a column's title: its width may change
            self.fit()

    def fit(self, *_args: object) -> None:
        header = self.view.horizontalHeader()
        if header.count() != self._columns:  # other columns: what the user dragged was about the former ones
            self._columns = header.count()
            self.dragged.clear()
        last = header.count() - 1
        self._fitting = True
        try:
            for column in range(header.count()):
                if column == self.stretch or (column == last and header.stretchLastSection()):
                    continue  # its width is what the others leave
                if column not in self.dragged:
                    self.view.resizeColumnToContents(column)
        finally:
            self._fitting = False


def fit_to_contents(view: QTableView, stretch: int | None = None) -> None:
    """Fit the columns of `view` to their contents now and whenever its rows change; the `stretch` column, if any,
    takes the width left over. Call it after the view's model is set: it follows that model (a view given another
    model calls it again). A change of rows refits every column once, so it suits tables refilled as a whole or
    changed a row at a time, not a grid edited cell by cell. A column the user dragged keeps its width until the
    columns change or the user double-clicks its edge."""
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    _Fitter(view, stretch).fit()
