"""A KBO list with its filters, paged from SQL: the whole register, the SE candidates (with the rule that
matched) or the regular companies for matchmaking. Actions: add to the inventory, export, invite."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from regisseur_app.context import AppContext
from regisseur_app.domain.core import codelists
from regisseur_app.domain.core.base import ValidationError
from regisseur_app.domain.kbo import candidates, matchmaking, queries, rules
from regisseur_app.domain.kbo.inventory_link import default_type_id
from regisseur_app.formatting import counted
from regisseur_app.operations import kbo as ops
from regisseur_app.ui.kbo.enterprise_model import NAME, CandidateTableModel, EnterpriseTableModel, RegularTableModel
from regisseur_app.ui.kbo.filter_bar import KboFilterBar
from regisseur_app.ui.table_base import ID_ROLE

REGISTER, CANDIDATES, REGULAR = "register", "candidates", "regular"
INTROS = {
    CANDIDATES: "Ondernemingen die misschien tot de sociale of circulaire economie behoren, met de regel die ze op "
                "de lijst zette (NACE-codes, rechtsvormen met sociaal oogmerk). De regels zijn een lijst die u "
                "aanpast met 'Regels bewerken…'. Groen gemarkeerd: al in de inventaris.",
    REGULAR: "Reguliere ondernemingen (geen SE-kandidaat en niet als SE-organisatie in de inventaris) per sector en "
             "gemeente: exporteer de lijst of nodig ze uit voor een evenement op hun openbaar e-mailadres.",
}
EMPTY_REGISTER = ("Er is nog geen KBO-register. Importeer het KBO Open Data-extract (zip zoals gedownload of de "
                  "uitgepakte map) met 'KBO-extract importeren…' of Bestand › Importeren (Ctrl+I).")


class EnterpriseListView(QWidget):
    status_message = Signal(str)
    inventory_changed = Signal()

    def __init__(self, ctx: AppContext, mode: str = REGISTER, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.mode = mode
        self.filters = KboFilterBar(ctx)
        self.filters.changed.connect(self.apply_filters)
        self.model = {CANDIDATES: CandidateTableModel, REGULAR: RegularTableModel}.get(mode, EnterpriseTableModel)(self)
        self.table = QTableView(objectName=f"kbo_table_{mode}")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setSortIndicator(NAME, Qt.SortOrder.AscendingOrder)
        header.setSortIndicatorShown(True)
        header.sortIndicatorChanged.connect(lambda column, order: self.model.sort(column, order))
        widths = {CANDIDATES: (100, 230, 280, 150, 250, 150, 80, 70),
                  REGULAR: (100, 230, 150, 250, 200, 180, 80, 70)}.get(mode, (100, 240, 110, 150, 160, 250, 80))
        for column, width in enumerate(widths):
            self.table.setColumnWidth(column, width)
        self.hint = QLabel(objectName=f"kbo_hint_{mode}", wordWrap=True)
        self.hint.setStyleSheet("color: #555; padding: 6px;")
        self.count_label = QLabel(objectName=f"kbo_count_{mode}")
        self.type_combo = QComboBox(objectName=f"kbo_add_type_{mode}")
        self.type_combo.setToolTip("Het type organisatie waarmee de onderneming in de inventaris komt")
        self.add_button = QPushButton("Aan inventaris toevoegen", objectName=f"kbo_add_{mode}")
        self.add_button.setToolTip("Voegt de geselecteerde onderneming toe met KBO-nummer, naam, adres, zetel, "
                                   "gemeenten en (volgens de regel) dienstencategorieën (Ctrl+Enter)")
        self.add_button.clicked.connect(self.add_selected)
        self.export_button = QPushButton("Exporteren naar Excel…", objectName=f"kbo_export_{mode}")
        self.export_button.clicked.connect(self.export_list)
        self.email_check = QCheckBox("Alleen met openbaar e-mailadres", objectName="kbo_with_email")
        self.email_check.toggled.connect(lambda _c: self.apply_filters())
        self.invite_button = QPushButton("Uitnodigen voor evenement…", objectName="kbo_invite")
        self.invite_button.clicked.connect(self.invite_selected)
        self.rules_button = QPushButton("Regels bewerken…", objectName="kbo_edit_rules")
        self.rules_button.clicked.connect(self.edit_rules)
        buttons = QHBoxLayout()
        if mode == REGULAR:
            for widget in (self.email_check, self.export_button, self.invite_button):
                buttons.addWidget(widget)
        else:
            for widget in (QLabel("Als type:"), self.type_combo, self.add_button, self.export_button):
                buttons.addWidget(widget)
            if mode == CANDIDATES:
                buttons.addWidget(self.rules_button)
        buttons.addStretch()
        buttons.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        intro = INTROS.get(mode)
        if intro:
            layout.addWidget(QLabel(intro, wordWrap=True))
        layout.addWidget(self.filters)
        layout.addWidget(self.hint)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        QShortcut(QKeySequence("Ctrl+Return"), self.table, activated=self.add_selected)
        QShortcut(QKeySequence(Qt.Key.Key_Return), self.table, activated=self.open_selected)
        self.table.doubleClicked.connect(lambda _i: self.open_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        self._numbers: set[str] | None = None
        self._load_choices()  # the rows are read when the view is shown (KboPage.refresh)

    # ---- data -------------------------------------------------------------------------------------
    def reload_choices(self) -> None:
        self._load_choices()
        self.refresh()

    def _load_choices(self) -> None:
        self.filters.reload_choices()
        with self.ctx.reading() as session:
            types = codelists.list_items(session, codelists.ORGANISATION_TYPE)
            default = default_type_id(session)
        current = self.type_combo.currentData() or default
        self.type_combo.clear()
        for item in types:
            self.type_combo.addItem(item.label, item.id)
        self.type_combo.setCurrentIndex(max(0, self.type_combo.findData(current)))

    def refresh(self) -> None:
        self.apply_filters()

    def current_filter(self) -> queries.EnterpriseFilter:
        filt = self.filters.current_filter()
        with self.ctx.reading() as session:
            if self.mode == CANDIDATES:
                filt.numbers = candidates.candidate_query(session)
            elif self.mode == REGULAR:
                filt.with_email = self.email_check.isChecked()
                filt = matchmaking.regular_filter(session, filt)
        return filt

    def apply_filters(self) -> None:
        filt = self.current_filter()
        with self.ctx.reading() as session:
            total = queries.count_enterprises(session, filt)
            empty = queries.register_is_empty(session)
            no_rules = self.mode == CANDIDATES and not rules.list_rules(session)
        with_rules = self.mode == CANDIDATES

        def fetch(offset: int, limit: int, sort: str | None, descending: bool, after) -> list:  # noqa: ANN001
            with self.ctx.reading() as session:
                rows = queries.list_enterprises(session, filt, offset, limit, sort or "name", descending, after,
                                                total=total)
                if with_rules and rows:
                    matched = candidates.matched_rules(session, [r.id for r in rows])
                    rows = [replace(r, rules=tuple(matched.get(r.id, []))) for r in rows]
                return rows

        self.model.set_source(fetch, total)
        self.count_label.setText(counted(total, "onderneming", "ondernemingen"))
        hint = ""
        if empty:
            hint = EMPTY_REGISTER
        elif total == 0:
            hint = ("Er is geen enkele regel in gebruik, dus ook geen SE-kandidaat: voeg een regel toe of zet er een "
                    "weer aan met 'Regels bewerken…'." if no_rules else "Geen ondernemingen die aan deze filters voldoen.")
        self.hint.setText(hint)
        self.hint.setVisible(bool(hint))
        self._update_buttons()

    def selected_numbers(self) -> list[str]:
        model = self.table.selectionModel()
        return [index.data(ID_ROLE) for index in model.selectedRows()] if model else []

    def selected_rows(self) -> list:
        model = self.table.selectionModel()
        return [self.model.row_at(index.row()) for index in model.selectedRows()] if model else []

    def _update_buttons(self) -> None:
        rows = self.selected_rows()
        self.add_button.setEnabled(len(rows) == 1 and not rows[0].organisation_id)
        self.invite_button.setEnabled(bool(rows))
        self.export_button.setEnabled(self.model.total > 0)

    def focus_search(self) -> None:
        self.filters.search_edit.setFocus()
        self.filters.search_edit.selectAll()

    # ---- actions ----------------------------------------------------------------------------------
    def open_selected(self) -> None:
        from regisseur_app.ui.kbo.detail_dialog import EnterpriseDetailDialog

        numbers = self.selected_numbers()
        if len(numbers) == 1:
            EnterpriseDetailDialog(self.ctx, numbers[0], self).exec()

    def add_selected(self) -> None:
        rows = self.selected_rows()
        if len(rows) != 1 or rows[0].organisation_id:
            return
        row = rows[0]
        try:
            ops.add_to_inventory(self.ctx, row.id, self.type_combo.currentData())
        except ValidationError as exc:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(self, "Niet toegevoegd", "\n".join(exc.errors.values()))
            return
        self.status_message.emit(f"{row.name} staat nu in de inventaris (als {self.type_combo.currentText()}); "
                                 "ongedaan maken met Ctrl+Z.")
        self.inventory_changed.emit()
        self.apply_filters()

    def export_list(self) -> None:
        from regisseur_app.ui.kbo.outputs import export_enterprise_list

        export_enterprise_list(self, self.ctx, self.current_filter(), self.mode)

    def invite_selected(self) -> None:
        from regisseur_app.ui.kbo.invite_dialog import invite_companies

        if invite_companies(self, self.ctx, self.selected_numbers()):
            self.inventory_changed.emit()
            self.apply_filters()

    def edit_rules(self) -> None:
        from regisseur_app.ui.kbo.rules_dialog import RulesDialog

        RulesDialog(self.ctx, self).exec()
        self.apply_filters()
