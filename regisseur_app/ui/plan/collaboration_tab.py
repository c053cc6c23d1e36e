"""The 'Samenwerkingen' tab: the log of concrete results, filtered by year, municipality and search text."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from regisseur_app.context import AppContext
from regisseur_app.domain.core import municipalities
from regisseur_app.domain.plan import collaborations
from regisseur_app.formatting import counted, format_money, format_number
from regisseur_app.operations import plan as ops
from regisseur_app.storage.engine import fold
from regisseur_app.ui.plan.collaboration_dialog import CollaborationDialog
from regisseur_app.ui.plan.collaboration_table_model import CollaborationTableModel
from regisseur_app.ui.plan.common import confirm, run_op
from regisseur_app.ui.table_base import fit_columns, read_only_table, sorting_proxy


class CollaborationTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.year_combo = QComboBox(objectName="collab_year")
        self.town_combo = QComboBox(objectName="collab_town")
        self.search_edit = QLineEdit(objectName="collab_search", placeholderText="Zoeken op titel, soort of partij…")
        self.search_edit.setClearButtonEnabled(True)
        for signal in (self.year_combo.currentIndexChanged, self.town_combo.currentIndexChanged,
                       self.search_edit.textChanged):
            signal.connect(lambda *_a: self._load())
        top = QHBoxLayout()
        for widget in (QLabel("Jaar:"), self.year_combo, QLabel("Gemeente:"), self.town_combo):
            top.addWidget(widget)
        top.addWidget(self.search_edit, 1)
        self.model = CollaborationTableModel(self)
        self.table = read_only_table(sorting_proxy(self.model), "collaboration_table")
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        QShortcut(QKeySequence.StandardKey.Delete, self.table, self.delete)
        self.hint = QLabel("Nog geen samenwerkingen. Registreer elk concreet resultaat: een opdracht aan een SE-bedrijf, "
                           "een sociale clausule, een nieuwe dienst, een enclave, een doorstroomafspraak, een circulair "
                           "initiatief.", wordWrap=True, objectName="collab_hint")
        self.hint.setStyleSheet("color: #666;")
        self.totals = QLabel(objectName="collab_totals")
        buttons = QHBoxLayout()
        for text, name, slot in (("Nieuwe samenwerking…", "new_collab", lambda: self.open_editor(None)),
                                 ("Bewerken…", "edit_collab", self.edit_selected),
                                 ("Verwijderen", "delete_collab", self.delete)):
            button = QPushButton(text, objectName=name)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch()
        buttons.addWidget(self.totals)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.hint)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def refresh(self) -> None:
        with self.ctx.reading() as session:
            towns = municipalities.list_municipalities(session, participating_only=True)
            years = sorted({r.on_date.year for r in collaborations.list_collaborations(session)}, reverse=True)
        year, town = self.year_combo.currentData(), self.town_combo.currentData()
        for combo in (self.year_combo, self.town_combo):
            combo.blockSignals(True)
            combo.clear()
        self.year_combo.addItem("Alle jaren", None)
        for y in years:
            self.year_combo.addItem(str(y), y)
        self.town_combo.addItem("Alle gemeenten", None)
        for t in towns:
            self.town_combo.addItem(t.name, t.nis_code)
        self.year_combo.setCurrentIndex(max(0, self.year_combo.findData(year)))
        self.town_combo.setCurrentIndex(max(0, self.town_combo.findData(town)))
        for combo in (self.year_combo, self.town_combo):
            combo.blockSignals(False)
        self._load()

    def _load(self) -> None:
        with self.ctx.reading() as session:
            rows = collaborations.list_collaborations(session, self.year_combo.currentData(),
                                                      self.town_combo.currentData())
        wanted = fold(self.search_edit.text())
        if wanted:
            rows = [r for r in rows if wanted in fold(f"{r.title} {r.type_label} {r.parties} {r.origin}")]
        self.model.set_rows(rows)
        fit_columns(self.table)
        self.hint.setVisible(not rows and not wanted)
        self.totals.setText(f"{counted(len(rows), 'samenwerking', 'samenwerkingen')} · "
                            f"{format_money(sum(r.estimated_value or 0 for r in rows))} · "
                            f"{format_number(sum(r.jobs or 0 for r in rows))} jobs")

    def focus_search(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(self.table.model().mapToSource(rows[0]).row()).id if rows else None

    def open_editor(self, collaboration_id: int | None) -> None:
        if CollaborationDialog(self.ctx, collaboration_id, self).exec():
            self.refresh()

    def edit_selected(self) -> None:
        row_id = self.selected_id()
        if row_id is not None:
            self.open_editor(row_id)

    def delete(self) -> None:
        row_id = self.selected_id()
        if row_id is not None and confirm(self, "Samenwerking verwijderen",
                                          "Deze samenwerking verwijderen? (Ongedaan maken kan met Ctrl+Z.)"):
            run_op(self, ops.delete_collaboration, self.ctx, row_id)
            self.refresh()
