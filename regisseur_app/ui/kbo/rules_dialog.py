"""The rules of the SE candidate list: an editable code list of structured rules (kind, NACE version, value),
each checked when saved. Every change is one operation (undo with Ctrl+Z) that also rebuilds the candidates."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from regisseur_app.context import AppContext
from regisseur_app.domain.core import codelists
from regisseur_app.domain.core.base import ValidationError
from regisseur_app.domain.kbo import nace, rules
from regisseur_app.operations import kbo as ops
from regisseur_app.ui.fit_contents import fit_to_contents
from regisseur_app.ui.kbo.rules_model import RuleRow, RuleTableModel
from regisseur_app.ui.widgets import FieldErrors, close_button

INTRO = ("Een onderneming komt op de lijst met SE-kandidaten als een hoofd- of nevenactiviteit begint met de "
         "NACE-code van een regel, of als haar rechtsvorm past. De dienstencategorie wordt ingevuld wanneer u de "
         "kandidaat aan de inventaris toevoegt.")
HINTS = {rules.NACE: "bv. 38.3, 47.79 of 88", rules.FORM: "bv. 706", rules.FORM_TEXT: "bv. sociaal oogmerk"}


class RulesDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.changed = False
        self.setWindowTitle("Regels voor SE-kandidaten (KBO)")
        self.resize(1000, 600)
        self.model = RuleTableModel(self)
        self.table = QTableView(objectName="kbo_rules")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        fit_to_contents(self.table, stretch=1)  # the description takes the rest
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._load_selected())
        self.kind_combo = QComboBox(objectName="rule_kind")
        for kind, label in rules.KIND_LABELS.items():
            self.kind_combo.addItem(label, kind)
        self.kind_combo.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self.version_combo = QComboBox(objectName="rule_version")
        for version, label in rules.VERSION_CHOICES.items():
            self.version_combo.addItem(label, version)
        self.value_edit = QLineEdit(objectName="rule_value")
        self.label_edit = QLineEdit(objectName="rule_label", maxLength=120)
        self.label_edit.setPlaceholderText("bv. terugwinning van materialen")
        self.category_combo = QComboBox(objectName="rule_category")
        self.active_check = QCheckBox("Regel gebruiken", objectName="rule_active", checked=True)
        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.errors.add_row("kind", "Soort regel", self.kind_combo)
        self.errors.add_row("nace_version", "NACE-versie", self.version_combo)
        self.errors.add_row("value", "Waarde", self.value_edit)
        self.errors.add_row("label", "Omschrijving", self.label_edit)
        self.errors.add_row("category_code", "Dienstencategorie", self.category_combo)
        form.addRow("", self.active_check)
        self.new_button = QPushButton("Nieuwe regel", objectName="rule_new")
        self.new_button.clicked.connect(self.new_rule)
        self.save_button = QPushButton("Opslaan", objectName="rule_save")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.delete_button = QPushButton("Verwijderen…", objectName="rule_delete")
        self.delete_button.clicked.connect(self.delete)
        self.status = QLabel(objectName="rule_status", wordWrap=True)
        close = close_button(self.reject)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.save_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(INTRO, wordWrap=True))
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(close)
        self._editing: int | None = None
        self.refresh()
        self.new_rule()

    # ---- data -------------------------------------------------------------------------------------
    def refresh(self, select_id: int | None = None) -> None:
        with self.ctx.reading() as session:
            found = rules.list_rules(session, include_inactive=True)
            rows = [RuleRow(r.id, r, rules.category_label(session, r.category_code)) for r in found]
            categories = [(item.code, item.label) for item in codelists.list_items(session, codelists.SERVICE_CATEGORY)]
        current = self.category_combo.currentData()
        self.category_combo.clear()
        self.category_combo.addItem("(geen)", "")
        for code, label in categories:
            self.category_combo.addItem(label, code)
        self.category_combo.setCurrentIndex(max(0, self.category_combo.findData(current or "")))
        self.model.set_rows(rows)
        if select_id is not None:
            for row in range(self.model.rowCount()):
                if self.model.row_at(row).id == select_id:
                    self.table.selectRow(row)
        self.delete_button.setEnabled(self._editing is not None)

    def _kind_changed(self) -> None:
        kind = self.kind_combo.currentData()
        self.version_combo.setEnabled(kind == rules.NACE)
        self.value_edit.setPlaceholderText(HINTS.get(kind, ""))

    def _load_selected(self) -> None:
        indexes = self.table.selectionModel().selectedRows()
        if not indexes:
            return
        rule = self.model.row_at(indexes[0].row()).rule
        self._editing = rule.id
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(rule.kind)))
        self.version_combo.setCurrentIndex(max(0, self.version_combo.findData(rule.nace_version)))
        self.value_edit.setText(nace.dotted(rule.value) if rule.kind == rules.NACE else rule.value)
        self.label_edit.setText(rule.label)
        index = self.category_combo.findData(rule.category_code)
        if index < 0 and rule.category_code:     # a category no longer in use: shown, so saving keeps it
            self.category_combo.addItem(rule.category_code, rule.category_code)
            index = self.category_combo.count() - 1
        self.category_combo.setCurrentIndex(max(0, index))
        self.active_check.setChecked(rule.active)
        self.errors.show({})
        self.delete_button.setEnabled(True)

    def current_input(self) -> rules.RuleInput:
        return rules.RuleInput(self.kind_combo.currentData(), self.value_edit.text(), self.version_combo.currentData(),
                               self.label_edit.text(), self.category_combo.currentData() or "",
                               self.active_check.isChecked())

    # ---- actions ----------------------------------------------------------------------------------
    def new_rule(self) -> None:
        self._editing = None
        self.table.clearSelection()
        self.kind_combo.setCurrentIndex(0)
        self.version_combo.setCurrentIndex(0)
        self.value_edit.clear()
        self.label_edit.clear()
        self.category_combo.setCurrentIndex(0)
        self.active_check.setChecked(True)
        self._kind_changed()
        self.errors.show({})
        self.delete_button.setEnabled(False)
        self.value_edit.setFocus()

    def save(self) -> None:
        data = self.current_input()
        try:
            if self._editing is None:
                rule_id = ops.add_candidate_rule(self.ctx, data)
                text = "Regel toegevoegd"
            else:
                rule_id = self._editing
                ops.change_candidate_rule(self.ctx, rule_id, data)
                text = "Regel bewaard"
        except ValidationError as exc:
            self.errors.show(exc.errors)
            return
        self.errors.show({})
        self.changed = True
        self._editing = rule_id
        self.refresh(select_id=rule_id)
        self.status.setText(f"{text}; de lijst met SE-kandidaten is bijgewerkt (ongedaan maken met Ctrl+Z).")

    def delete(self) -> None:
        if self._editing is None:
            return
        with self.ctx.reading() as session:
            rule = rules.get_rule(session, self._editing)
        if rule is None:
            return
        answer = QMessageBox.question(self, "Regel verwijderen",
                                      f"De regel '{rule.display}' verwijderen? De ondernemingen die alleen door "
                                      "deze regel op de lijst stonden, verdwijnen van de lijst met SE-kandidaten.")
        if answer != QMessageBox.StandardButton.Yes:
            return
        ops.delete_candidate_rule(self.ctx, rule.id)
        self.changed = True
        self.new_rule()
        self.refresh()
        self.status.setText("Regel verwijderd (ongedaan maken met Ctrl+Z).")

    def keyPressEvent(self, event) -> None:  # noqa: ANN001, N802
        if event.key() == Qt.Key.Key_Delete and self.table.hasFocus():
            self.delete()
            return
        super().keyPressEvent(event)
