"""The audit log: every create, change, step, erasure and export, newest first, filterable, paged."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from regisseur_app.context import AppContext
from regisseur_app.domain.referrals import audit
from regisseur_app.formatting import format_number
from regisseur_app.ui.referrals.audit_table_model import AuditTableModel
from regisseur_app.ui.referrals.date_field import PeriodChooser


class AuditView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.model = AuditTableModel(self)
        self.code_edit = QLineEdit(objectName="audit_code", placeholderText="Code (bv. BEK-2025-0007)")
        self.code_edit.setClearButtonEnabled(True)
        self.action_combo = QComboBox(objectName="audit_action")
        self.action_combo.addItem("Alle handelingen", None)
        for action in audit.ACTIONS:
            self.action_combo.addItem(action, action)
        from datetime import date

        self.period = PeriodChooser(list(range(2020, date.today().year + 1)), "Altijd")
        self._timer = QTimer(self, singleShot=True, interval=200)
        self._timer.timeout.connect(self.refresh)
        self.code_edit.textChanged.connect(lambda _t: self._timer.start())
        self.action_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.period.changed.connect(self.refresh)
        self.count_label = QLabel(objectName="audit_count")
        filters = QHBoxLayout()
        for widget in (self.code_edit, self.action_combo, self.period):
            filters.addWidget(widget)
        filters.addStretch()
        filters.addWidget(self.count_label)
        self.table = QTableView(objectName="audit_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((130, 190, 120, 140, 220)):
            self.table.setColumnWidth(column, width)
        note = QLabel("Het auditlog kan niet gewijzigd of gewist worden (ook niet buiten Regisseur om: de database "
                      "weigert het). Notities en interne referenties staan er niet in, alleen dat ze gewijzigd zijn.",
                      wordWrap=True)
        note.setStyleSheet("color: #555;")
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table)
        layout.addWidget(note)

    def refresh(self) -> None:
        date_from, date_to = self.period.period()
        filt = audit.AuditFilter(code=self.code_edit.text(), action=self.action_combo.currentData(),
                                 date_from=date_from, date_to=date_to)
        with self.ctx.reading() as session:
            total = audit.count_audit(session, filt)

        def fetch(offset: int, limit: int, _sort: str | None, descending: bool, after) -> list:  # noqa: ANN001
            with self.ctx.reading() as session:
                return audit.list_audit(session, filt, offset, limit, newest_first=descending,
                                        after_id=after.id if after is not None else None)

        self.model.set_source(fetch, total)
        self.count_label.setText(f"{format_number(total)} regels")
