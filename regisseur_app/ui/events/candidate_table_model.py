"""Table model of contacts that can be invited (with a check box per row)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from regisseur_app.domain.events.invite_filter import Candidate
from regisseur_app.ui.table_base import Column, RowTableModel

NAME, FUNCTION, ORGANISATION, TYPE, MUNICIPALITIES, EMAIL = range(6)


class CandidateTableModel(RowTableModel):
    COLUMNS = (
        Column("Naam", lambda r: r.name + (" (al uitgenodigd)" if r.already_invited else "")),
        Column("Functie", lambda r: r.function),
        Column("Organisatie", lambda r: r.organisation),
        Column("Type", lambda r: r.organisation_type),
        Column("Gemeenten", lambda r: r.municipalities),
        Column("E-mailadres", lambda r: r.email or "— geen —"),
    )

    def __init__(self, parent=None, auto_check: bool = True):  # noqa: ANN001
        super().__init__(parent)
        self.checked: set[int] = set()
        self.auto_check = auto_check  # True: every new result is ticked; False: ticks persist across searches

    def set_rows(self, rows: list[Candidate]) -> None:
        if self.auto_check:
            self.checked = {r.id for r in rows if not r.already_invited}
        super().set_rows(rows)

    def checked_ids(self) -> list[int]:
        if not self.auto_check:
            return sorted(self.checked)
        return [r.id for r in self._rows if r.id in self.checked]

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == NAME and not self._rows[index.row()].already_invited:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: ANN001, N802
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == NAME:
            row = self._rows[index.row()]
            if Qt.CheckState(value) == Qt.CheckState.Checked:
                self.checked.add(row.id)
            else:
                self.checked.discard(row.id)
            self.dataChanged.emit(index, index, [role])
            return True
        return False

    def set_all(self, checked: bool) -> None:
        visible = {r.id for r in self._rows if not r.already_invited}
        if self.auto_check:
            self.checked = visible if checked else set()
        else:
            self.checked = (self.checked | visible) if checked else (self.checked - visible)
        if self._rows:
            self.dataChanged.emit(self.index(0, NAME), self.index(len(self._rows) - 1, NAME))

    def extra_data(self, row: Candidate, role: int):  # noqa: ANN201
        if role == Qt.ItemDataRole.CheckStateRole:
            return None  # handled in data() below
        if role == Qt.ItemDataRole.ForegroundRole and (row.already_invited or not row.email):
            return QColor("#777777")
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):  # noqa: ANN001, ANN201
        if role == Qt.ItemDataRole.CheckStateRole and index.isValid() and index.column() == NAME:
            row = self._rows[index.row()]
            if row.already_invited:
                return None
            return Qt.CheckState.Checked if row.id in self.checked else Qt.CheckState.Unchecked
        return super().data(index, role)
