"""The referral list: filters on municipality, type, status, period and "vastgelopen", a lazy table
(pages from SQL as you scroll), and the actions on a selection."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
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
from regisseur_app.domain.core import codelists, municipalities
from regisseur_app.domain.referrals import service as svc
from regisseur_app.domain.referrals.models import STATUS_LABELS, STATUSES
from regisseur_app.domain.referrals.settings import expected_days
from regisseur_app.formatting import format_number
from regisseur_app.ui.referrals.date_field import PeriodChooser
from regisseur_app.ui.referrals.referral_table_model import REFERRAL_DATE, ReferralTableModel
from regisseur_app.ui.table_base import ID_ROLE
from regisseur_app.ui.widgets import empty_hint

SEARCH_DELAY_MS = 200


class ReferralListView(QWidget):
    status_message = Signal(str)
    changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.model = ReferralTableModel(self)
        self.code_edit = QLineEdit(objectName="code_search", placeholderText="Code zoeken (bv. BEK-2025)")
        self.code_edit.setClearButtonEnabled(True)
        self.code_edit.setMinimumWidth(180)
        self.municipality_combo = QComboBox(objectName="municipality_filter")
        self.type_combo = QComboBox(objectName="type_filter")
        self.status_combo = QComboBox(objectName="status_filter")
        self.type_combo.setMaximumWidth(300)
        self.status_combo.setMaximumWidth(240)
        with ctx.reading() as session:
            years = svc.referral_years(session)
        self.period = PeriodChooser(years)
        self.stale_check = QCheckBox("Alleen vastgelopen", objectName="stale_only")
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.apply_filters)
        self.code_edit.textChanged.connect(lambda _t: self._timer.start())
        for combo in (self.municipality_combo, self.type_combo, self.status_combo):
            combo.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.period.changed.connect(self.apply_filters)
        self.stale_check.toggled.connect(lambda _c: self.apply_filters())
        self._expected: dict[str, int] = {}
        self._stale_total = 0
        for combo in (self.municipality_combo, self.type_combo, self.status_combo):
            # long labels must not force a wide window: the popup still shows them in full
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(14)
        first_row, second_row = QHBoxLayout(), QHBoxLayout()
        for widget in (self.code_edit, self.municipality_combo, self.type_combo, self.status_combo):
            first_row.addWidget(widget)
        first_row.addStretch()
        for widget in (self.period, self.stale_check):
            second_row.addWidget(widget)
        second_row.addStretch()
        filters = QVBoxLayout()
        filters.addLayout(first_row)
        filters.addLayout(second_row)
        self.table = QTableView(objectName="referral_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # the long 'Soort' takes the extra width of a wide window, not the short 'Dagen in status'
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSortIndicator(REFERRAL_DATE, Qt.SortOrder.DescendingOrder)
        self.table.horizontalHeader().setSortIndicatorShown(True)
        self.table.horizontalHeader().sortIndicatorChanged.connect(self._sort_changed)
        self.table.doubleClicked.connect(lambda _i: self.open_selected())
        for column, width in enumerate((120, 120, 120, 300, 260, 100, 110)):
            self.table.setColumnWidth(column, width)
        self.new_button = QPushButton("Nieuwe doorverwijzing…", objectName="new_referral")
        self.open_button = QPushButton("Openen…", objectName="open_referral")
        self.bulk_button = QPushButton("Status wijzigen…", objectName="bulk_status")
        self.import_button = QPushButton("Importeren…", objectName="import_referrals")
        self.new_button.setToolTip("Nieuwe doorverwijzing (Ctrl+N)")
        self.bulk_button.setToolTip("Dezelfde volgende stap voor alle geselecteerde doorverwijzingen")
        self.new_button.clicked.connect(lambda: self.open_editor(None))
        self.open_button.clicked.connect(self.open_selected)
        self.bulk_button.clicked.connect(self.bulk_status)
        self.import_button.clicked.connect(self.import_file)
        self.count_label = QLabel(objectName="referral_count")
        buttons = QHBoxLayout()
        for button in (self.new_button, self.open_button, self.bulk_button, self.import_button):
            buttons.addWidget(button)
        buttons.addStretch()
        buttons.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        self.empty_hint = empty_hint()
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        QShortcut(QKeySequence.StandardKey.New, self, activated=lambda: self.open_editor(None))  # the tooltip says so
        QShortcut(QKeySequence(Qt.Key.Key_Return), self.table, activated=self.open_selected)
        QShortcut(QKeySequence(Qt.Key.Key_Enter), self.table, activated=self.open_selected)
        self.model.sort_key, self.model.descending = "referral_date", True
        self._fill_choices()  # the list is read when the page is shown (the window's refresh)

    def reload_choices(self) -> None:
        self._fill_choices()
        self.refresh()

    def _fill_choices(self) -> None:
        with self.ctx.reading() as session:
            types = codelists.list_items(session, codelists.REFERRAL_TYPE, include_inactive=True)
            participating = municipalities.list_municipalities(session, participating_only=True)
        for combo, everything, items in (
            (self.municipality_combo, "Alle gemeenten", [(m.nis_code, m.name) for m in participating]),
            (self.type_combo, "Alle soorten", [(t.id, t.label) for t in types]),
            (self.status_combo, "Alle statussen", [(s, STATUS_LABELS[s]) for s in STATUSES]),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, None)
            for value, label in items:
                combo.addItem(label, value)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)

    def current_filter(self) -> svc.ReferralFilter:
        date_from, date_to = self.period.period()
        return svc.ReferralFilter(nis_code=self.municipality_combo.currentData(), type_id=self.type_combo.currentData(),
                                  status=self.status_combo.currentData(), date_from=date_from, date_to=date_to,
                                  stale_only=self.stale_check.isChecked(), code=self.code_edit.text())

    def refresh(self) -> None:
        """Re-read everything (the data may have changed): the stale total too."""
        with self.ctx.reading() as session:
            self._expected = expected_days(session)
            self._stale_total = svc.count_referrals(session, svc.ReferralFilter(stale_only=True,
                                                                                expected_days=self._expected))
        self.apply_filters()

    def apply_filters(self) -> None:
        """A filter changed: one COUNT and the first page; nothing else is read."""
        filt = self.current_filter()
        filt.expected_days = self._expected
        with self.ctx.reading() as session:
            total = svc.count_referrals(session, filt)
        stale = self._stale_total

        def fetch(offset: int, limit: int, sort: str | None, descending: bool, after) -> list:  # noqa: ANN001
            with self.ctx.reading() as session:
                return svc.list_referrals(session, filt, offset, limit, sort or "referral_date", descending, after)

        selected = set(self.selected_ids())
        self.model.set_source(fetch, total)
        noun = "doorverwijzing" if total == 1 else "doorverwijzingen"
        self.count_label.setText(f"{format_number(total)} {noun} — {format_number(stale)} vastgelopen in totaal")
        with self.ctx.reading() as session:
            anything = total or svc.count_referrals(session, svc.ReferralFilter())
        self.empty_hint.setText(
            "Geen doorverwijzingen die aan de filters voldoen." if anything else
            "Nog geen doorverwijzingen. Registreer de eerste met ‘Nieuw…’ (Ctrl+N) of lees een lijst in met "
            "‘Importeren…’.")
        self.empty_hint.setVisible(total == 0)
        if selected:
            for row in range(self.model.rowCount()):
                if self.model.row_at(row).id in selected:
                    self.table.selectRow(row)

    def _sort_changed(self, column: int, order: Qt.SortOrder) -> None:
        self.model.sort(column, order)

    def show_stale(self) -> None:
        self.stale_check.setChecked(True)

    def selected_ids(self) -> list[int]:
        model = self.table.selectionModel()
        return [index.data(ID_ROLE) for index in model.selectedRows()] if model else []

    def focus_search(self) -> None:
        self.code_edit.setFocus()
        self.code_edit.selectAll()

    def open_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            self.status_message.emit("Selecteer eerst een doorverwijzing.")
            return
        from regisseur_app.ui.referrals.detail_dialog import ReferralDetailDialog

        ReferralDetailDialog(self.ctx, ids[0], parent=self).exec()
        self.refresh()
        self.changed.emit()

    def open_editor(self, referral_id: int | None = None) -> None:
        from regisseur_app.ui.referrals.referral_dialog import ReferralDialog

        dialog = ReferralDialog(self.ctx, referral_id, parent=self)
        if dialog.exec():
            self.status_message.emit(f"Doorverwijzing {dialog.saved_code} opgeslagen.")
            self.refresh()
            self.changed.emit()

    def bulk_status(self) -> None:
        ids = self.selected_ids()
        if not ids:
            QMessageBox.information(self, "Status wijzigen", "Selecteer eerst een of meer doorverwijzingen "
                                    "(Ctrl of Shift + klik).")
            return
        from regisseur_app.ui.referrals.step_dialog import StepDialog

        dialog = StepDialog(self.ctx, ids, parent=self)
        if dialog.exec():
            self.status_message.emit(f"{dialog.changed_count} doorverwijzing(en) bijgewerkt.")
            self.refresh()
            self.changed.emit()

    def import_file(self) -> None:
        from regisseur_app.ui.referrals.import_kind import open_import

        if open_import(self.ctx, self):
            self.refresh()
            self.changed.emit()
