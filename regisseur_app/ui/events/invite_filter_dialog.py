"""Invite in bulk by filter: organisation types, municipalities, function text; preview, then invite."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
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
from regisseur_app.domain.core.base import ValidationError
from regisseur_app.domain.events.invite_filter import InviteFilter, find_candidates
from regisseur_app.domain.events.models import ROLES
from regisseur_app.operations import events as event_ops
from regisseur_app.ui.events.candidate_table_model import CandidateTableModel
from regisseur_app.ui.table_base import sorting_proxy
from regisseur_app.ui.widgets import CheckList


class InviteFilterDialog(QDialog):
    AUTO_CHECK = True

    def __init__(self, ctx: AppContext, event_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.event_id = event_id
        self.result_message = ""
        self.setWindowTitle("Uitnodigen op filter")
        self.resize(980, 700)
        with ctx.reading() as session:
            types = codelists.list_items(session, codelists.ORGANISATION_TYPE)
            places = municipalities.list_municipalities(session, participating_only=True)
        self.type_list = CheckList([(t.id, t.label) for t in types])
        self.municipality_list = CheckList([(m.nis_code, m.name) for m in places])
        for widget in (self.type_list, self.municipality_list):
            widget.list.setMaximumHeight(130)
            widget.list.itemChanged.connect(lambda _i: self._timer.start())
        self.function_edit = QLineEdit(objectName="function_filter", placeholderText="bv. schepen, jobcoach")
        self.email_check = QCheckBox("Alleen met e-mailadres (voor een uitnodiging per mail)", objectName="only_email")
        self.role_combo = QComboBox(objectName="role")
        for code, label in ROLES.items():
            self.role_combo.addItem(label, code)
        self._timer = QTimer(self, singleShot=True, interval=150)
        self._timer.timeout.connect(self.refresh)
        self.function_edit.textChanged.connect(lambda _t: self._timer.start())
        self.email_check.toggled.connect(lambda _b: self.refresh())
        self.model = CandidateTableModel(self, auto_check=self.AUTO_CHECK)
        self.model.dataChanged.connect(lambda *_a: self._update_count())
        self.table = QTableView(objectName="candidates")
        self.table.setModel(sorting_proxy(self.model))
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.count_label = QLabel(objectName="candidate_count")
        all_button = QPushButton("Alles aanvinken")
        all_button.clicked.connect(lambda: self.model.set_all(True))
        none_button = QPushButton("Niets aanvinken")
        none_button.clicked.connect(lambda: self.model.set_all(False))
        criteria = QHBoxLayout()
        left, right = QFormLayout(), QFormLayout()
        left.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        left.addRow("Type organisatie", self.type_list)
        right.addRow("Actief in gemeente", self.municipality_list)
        right.addRow("Functie bevat", self.function_edit)
        right.addRow("", self.email_check)
        right.addRow("Rol", self.role_combo)
        criteria.addLayout(left, 1)
        criteria.addLayout(right, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Aangevinkte uitnodigen")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuleren")
        self.buttons.accepted.connect(self.invite)
        self.buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(all_button)
        row.addWidget(none_button)
        row.addStretch()
        row.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Kies de criteria: elk ingevuld criterium moet kloppen. Niets gekozen = iedereen. "
                                "Gearchiveerde contactpersonen worden niet getoond.", wordWrap=True))
        layout.addLayout(criteria)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.buttons)
        self.refresh()

    def current_filter(self) -> InviteFilter:
        return InviteFilter(organisation_type_ids=self.type_list.checked_values(),
                            nis_codes=self.municipality_list.checked_values(),
                            function_text=self.function_edit.text(), only_with_email=self.email_check.isChecked())

    def refresh(self) -> None:
        with self.ctx.reading() as session:
            rows = find_candidates(session, self.event_id, self.current_filter())
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        for column in range(self.model.columnCount()):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 240))
        self._update_count()

    def _update_count(self) -> None:
        total = self.model.rowCount()
        self.count_label.setText(f"{len(self.model.checked_ids())} aangevinkt van {total} gevonden")

    def invite(self) -> None:
        ids = self.model.checked_ids()
        if not ids:
            QMessageBox.information(self, "Uitnodigen", "Er is niemand aangevinkt.")
            return
        try:
            result = event_ops.invite_contacts(self.ctx, self.event_id, ids, self.role_combo.currentData())
        except ValidationError as exc:
            QMessageBox.warning(self, "Uitnodigen", "\n".join(exc.errors.values()))
            return
        self.result_message = result.message()
        if result.duplicates or result.refused:
            QMessageBox.information(self, "Uitnodigen", self.result_message)
        self.accept()
