"""Check-in on the day itself: type a few letters of a name or organisation, Enter marks the highlighted
person present. Up/Down move through the matches; Ctrl+Z (with an empty search field) takes the last
check-in back."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QSortFilterProxyModel, Qt
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from regisseur_app.context import AppContext
from regisseur_app.domain.core.base import ValidationError
from regisseur_app.domain.events import participants
from regisseur_app.domain.events import service as event_service
from regisseur_app.domain.events.models import DECLINED, PRESENT
from regisseur_app.formatting import format_date
from regisseur_app.operations import events as event_ops
from regisseur_app.ui.events.participant_table_model import ParticipantTableModel
from regisseur_app.ui.table_base import ID_ROLE, SORT_ROLE


class _MatchProxy(QSortFilterProxyModel):
    """Rows whose name or organisation contain every typed word (case-insensitive)."""

    def __init__(self, parent=None):  # noqa: ANN001
        super().__init__(parent)
        self.words: list[str] = []

    def set_text(self, text: str) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt >= 6.10
            self.beginFilterChange()
            self.words = text.casefold().split()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.words = text.casefold().split()
            self.invalidateFilter()

    def filterAcceptsRow(self, row: int, parent) -> bool:  # noqa: ANN001, N802
        item = self.sourceModel().row_at(row)
        haystack = f"{item.name} {item.organisation}".casefold()
        return all(word in haystack for word in self.words)


class CheckInDialog(QDialog):
    def __init__(self, ctx: AppContext, event_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.event_id = ctx, event_id
        self._last: tuple[int, str, str] | None = None  # participant id, name, status before
        with ctx.reading() as session:
            data = event_service.get_event(session, event_id)
        self.setWindowTitle(f"Check-in: {data.title}")
        self.resize(900, 640)
        heading = QLabel(f"{data.title} — {format_date(data.starts_at)} {data.starts_at:%H:%M}", objectName="heading")
        heading.setStyleSheet("font-size: 14pt; font-weight: bold; color: #1f4e79;")
        self.counter = QLabel(objectName="checkin_counter")
        self.counter.setStyleSheet("font-size: 12pt;")
        self.search = QLineEdit(objectName="checkin_search",
                                placeholderText="Typ een deel van de naam of de organisatie — Enter = aanwezig")
        font = QFont(self.search.font())
        font.setPointSize(font.pointSize() + 5)
        self.search.setFont(font)
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.search.installEventFilter(self)
        self.feedback = QLabel(objectName="checkin_feedback", wordWrap=True)
        self.feedback.setStyleSheet("font-size: 12pt; color: #1b7a3a;")
        self.model = ParticipantTableModel(self)
        self.proxy = _MatchProxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView(objectName="checkin_table")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _i: self.check_in_current())
        self.present_button = QPushButton("Aanwezig (Enter)", objectName="mark_present")
        self.present_button.clicked.connect(self.check_in_current)
        self.undo_button = QPushButton("Laatste check-in ongedaan maken (Ctrl+Z)", objectName="undo_checkin")
        self.undo_button.clicked.connect(self.undo_last)
        close = QPushButton("Sluiten")
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.present_button)
        buttons.addWidget(self.undo_button)
        buttons.addStretch()
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        self.early = participants.early_check_in_warning(data.starts_at)
        self._early_confirmed = False
        if self.early:
            warning = QLabel(f"⚠ {self.early}", objectName="early_warning", wordWrap=True)
            warning.setStyleSheet("font-size: 11pt; color: #a15c00; font-weight: bold;")
            layout.addWidget(warning)
        layout.addWidget(self.counter)
        layout.addWidget(self.search)
        layout.addWidget(self.feedback)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        QShortcut(QKeySequence.StandardKey.Undo, self, activated=self.undo_last)
        QShortcut(QKeySequence(Qt.Key.Key_Space), self.table, activated=self.check_in_current)
        self.reload()
        self.search.setFocus()

    def reload(self) -> None:
        with self.ctx.reading() as session:
            rows = participants.list_participants(session, self.event_id)
            summary = participants.capacity_summary(session, self.event_id)
        self.model.set_rows(rows)
        expected = sum(1 for r in rows if r.status not in (DECLINED, PRESENT))
        self.counter.setText(f"Aanwezig: {summary.present} — nog niet aangemeld: {expected} "
                             f"(van wie {summary.seated - summary.present} ingeschreven)")
        self.table.resizeColumnsToContents()
        self._select_first()

    def _filter(self, text: str) -> None:
        self.proxy.set_text(text)
        self._select_first()

    def _select_first(self) -> None:
        if self.proxy.rowCount():
            self._select(0)

    def _select(self, row: int) -> None:
        index = self.proxy.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)

    def eventFilter(self, watched, event) -> bool:  # noqa: ANN001, N802
        """In the search field: Enter checks in, Up/Down move the highlighted match."""
        if watched is self.search and event.type() == event.Type.KeyPress:
            key = event.key()
            if event.matches(QKeySequence.StandardKey.Undo) and not self.search.text():
                self.undo_last()  # an empty search field has nothing to undo itself
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.check_in_current()
                return True
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.proxy.rowCount():
                current = self.table.currentIndex().row()
                step = 1 if key == Qt.Key.Key_Down else -1
                self._select(max(0, min(self.proxy.rowCount() - 1, current + step)))
                return True
        return super().eventFilter(watched, event)

    def check_in_current(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            self.feedback.setStyleSheet("font-size: 12pt; color: #b00020;")
            self.feedback.setText("Niemand gevonden met deze letters. Controleer de spelling.")
            return
        row = self.model.row_at(self.proxy.mapToSource(index).row())
        if row.status == PRESENT:
            self.feedback.setStyleSheet("font-size: 12pt; color: #a15c00;")
            self.feedback.setText(f"{row.name} is al aangemeld.")
            self.search.selectAll()
            return
        if self.early and not self._early_confirmed:
            answer = QMessageBox.question(
                self, "Check-in vóór het evenement", f"{self.early}\n\nToch {row.name} als aanwezig aanmelden?",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return
            self._early_confirmed = True
        try:
            event_ops.check_in(self.ctx, index.data(ID_ROLE))
        except ValidationError as exc:
            self.feedback.setText("\n".join(exc.errors.values()))
            return
        self._last = (row.id, row.name, row.status)
        note = "" if row.status in ("ingeschreven", "niet_opgedaagd") else f" (was: {row.status_label.lower()})"
        self.feedback.setStyleSheet("font-size: 12pt; color: #1b7a3a;")
        self.feedback.setText(f"✓ {row.name} is aanwezig{note}.")
        self.search.clear()
        self.reload()
        self.search.setFocus()

    def undo_last(self) -> None:
        if self._last is None:
            self.feedback.setText("Er is geen check-in om ongedaan te maken.")
            return
        participant_id, name, previous = self._last
        self._last = None
        try:
            event_ops.undo_check_in(self.ctx, participant_id, previous)
        except ValidationError as exc:
            self.feedback.setText("\n".join(exc.errors.values()))
            return
        self.feedback.setStyleSheet("font-size: 12pt; color: #a15c00;")
        self.feedback.setText(f"Check-in van {name} ongedaan gemaakt.")
        self.reload()
        self.search.setFocus()
