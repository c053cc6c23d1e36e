"""Table model of one question's statistics: a row per option (or per measure for scales and numbers),
a column per group (Totaal, then the municipalities or the cross-tab groups). Groups with fewer than 5
answers are greyed and marked "te klein om te interpreteren"."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from regisseur_app.domain.survey.stats import SMALL_LABEL, QuestionTable, Summary
from regisseur_app.formatting import format_number

SMALL_BACKGROUND = QColor("#eeeeee")
MEASURES = (("Aantal antwoorden (n)", "n", 0), ("Som", "total", 2), ("Gemiddelde", "mean", 2),
            ("Mediaan", "median", 2), ("Minimum", "minimum", 2), ("Maximum", "maximum", 2))


def _number(value: float | None, decimals: int) -> str:
    if value is None:
        return "—"
    return format_number(value, 0 if float(value).is_integer() else decimals)


class StatsModel(QAbstractTableModel):
    def __init__(self, parent=None):  # noqa: ANN001
        super().__init__(parent)
        self.table: QuestionTable | None = None
        self.cells: list[tuple[str, list[str]]] = []

    def set_table(self, table: QuestionTable | None) -> None:
        self.beginResetModel()
        self.table = table
        self.cells = []
        if table is not None:
            groups = table.groups
            for row in table.rows:
                self.cells.append((row.label, [
                    f"{format_number(c)} ({format_number(p, 1)} %)" if p is not None else format_number(c)
                    for c, p in zip(row.counts, row.percents, strict=True)]))
            if table.summaries:
                measures = MEASURES if table.kind == "number" else (MEASURES[0], MEASURES[2], MEASURES[3])
                for label, attribute, decimals in measures:
                    self.cells.append((label, [_number(getattr(s, attribute), decimals) for s in table.summaries]))
            self.cells.append(("Beantwoord door (n)", [format_number(g.n) for g in groups]))
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.cells)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() or self.table is None else len(self.table.groups) + 1

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or self.table is None:
            return None
        if section == 0:
            return "Antwoord" if role == Qt.ItemDataRole.DisplayRole else None
        group = self.table.groups[section - 1]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{group.label}\nn={group.n}" + (" (te klein)" if group.small else "")
        if role == Qt.ItemDataRole.ToolTipRole and group.small:
            return f"{group.label}: {group.n} antwoorden, {SMALL_LABEL}"
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self.table is None:
            return None
        label, values = self.cells[index.row()]
        column = index.column()
        small = column > 0 and self.table.groups[column - 1].small
        if role == Qt.ItemDataRole.DisplayRole:
            return label if column == 0 else values[column - 1]
        if role == Qt.ItemDataRole.TextAlignmentRole and column:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and small:
            return SMALL_BACKGROUND
        if role == Qt.ItemDataRole.ForegroundRole and small:
            return QColor("#888888")
        if role == Qt.ItemDataRole.FontRole and small:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and small:
            return SMALL_LABEL
        return None

    def summary(self, group: int = 0) -> Summary | None:
        return self.table.summaries[group] if self.table and self.table.summaries else None
