"""The 'Plan' tab: objectives and actions as a tree with the status per municipality; add, edit, delete,
set the status of the selected actions, load the default plan into an empty plan, set the plan period."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from regisseur_app.context import AppContext
from regisseur_app.domain.core import municipalities
from regisseur_app.domain.plan import service
from regisseur_app.domain.plan.models import STATUS_LABELS
from regisseur_app.domain.plan.settings import plan_period
from regisseur_app.operations import plan as ops
from regisseur_app.ui.plan.action_dialog import ActionDialog
from regisseur_app.ui.plan.common import confirm, run_op
from regisseur_app.ui.plan.objective_dialog import ObjectiveDialog
from regisseur_app.ui.plan.plan_tree_model import ACTION, ID_ROLE, KIND_ROLE, OBJECTIVE, PlanTreeModel


class PlanTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.search_edit = QLineEdit(objectName="plan_search", placeholderText="Zoeken op nummer, titel of WSE-LR…")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(lambda _t: self.refresh())
        self.period_label = QLabel(objectName="plan_period")
        period_button = QPushButton("Planperiode…", objectName="plan_period_button")
        period_button.clicked.connect(self.edit_period)
        top = QHBoxLayout()
        top.addWidget(self.search_edit, 1)
        top.addWidget(self.period_label)
        top.addWidget(period_button)
        self.model = PlanTreeModel(self)
        self.tree = QTreeView(objectName="plan_tree")
        self.tree.setModel(self.model)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setAlternatingRowColors(True)
        self.tree.doubleClicked.connect(lambda _i: self.edit())
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self.empty = QWidget(objectName="plan_empty")
        hint = QLabel("<b>Nog geen actieplan.</b> Laad het standaardplan met de zes doelstellingen van de nota "
                      "(beleidsvisie, samenwerking gemeenten–SE, verbetering van de werking, nieuwe initiatieven, "
                      "netwerk, MVO) en pas het daarna aan, of begin met een eigen doelstelling.", wordWrap=True)
        self.default_button = QPushButton("Standaardplan laden…", objectName="load_default_plan")
        self.default_button.clicked.connect(self.load_default)
        empty_layout = QVBoxLayout(self.empty)
        empty_layout.addWidget(hint)
        empty_layout.addWidget(self.default_button, alignment=Qt.AlignmentFlag.AlignLeft)
        self.new_objective_button = QPushButton("Nieuwe doelstelling…", objectName="new_objective")
        self.new_objective_button.clicked.connect(lambda: self.edit_objective(None))
        self.new_action_button = QPushButton("Nieuwe actie…", objectName="new_action")
        self.new_action_button.clicked.connect(lambda: self.open_editor(None))
        self.edit_button = QPushButton("Bewerken…", objectName="edit_plan_item")
        self.edit_button.clicked.connect(self.edit)
        self.status_button = QPushButton("Status wijzigen…", objectName="plan_status")
        self.status_button.setToolTip("De status van de gekozen acties in alle deelnemende gemeenten")
        self.status_button.clicked.connect(self.choose_status)
        self.delete_button = QPushButton("Verwijderen", objectName="delete_plan_item")
        self.delete_button.clicked.connect(self.delete)
        QShortcut(QKeySequence.StandardKey.Delete, self.tree, self.delete)
        buttons = QHBoxLayout()
        for button in (self.new_objective_button, self.new_action_button, self.edit_button, self.status_button,
                       self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.empty)
        layout.addWidget(self.tree)
        layout.addLayout(buttons)

    def refresh(self) -> None:
        with self.ctx.reading() as session:
            plan = service.list_plan(session)
            towns = municipalities.list_municipalities(session, participating_only=True)
            period = plan_period(session)
        expanded = {self.model.item(r).data(ID_ROLE) for r in range(self.model.rowCount())
                    if self.tree.isExpanded(self.model.index(r, 0))}
        first = not self.model.rowCount()
        self.model.set_plan(plan, towns, self.search_edit.text())
        for r in range(self.model.rowCount()):
            self.tree.setFirstColumnSpanned(r, QModelIndex(), True)  # the objective's title across the row
            if first or self.search_edit.text() or self.model.item(r).data(ID_ROLE) in expanded:
                self.tree.expand(self.model.index(r, 0))
        self._fit_columns()
        self.empty.setVisible(not plan)
        self.tree.setVisible(bool(plan))
        self.period_label.setText(f"Planperiode: {period.label}" if period else "Planperiode: nog niet gekozen")
        for button in (self.new_action_button, self.edit_button, self.status_button, self.delete_button):
            button.setEnabled(bool(plan))

    def _selected(self) -> list[tuple[str, int]]:
        seen, result = set(), []
        for index in self.tree.selectionModel().selectedRows():
            key = (index.data(KIND_ROLE), index.data(ID_ROLE))
            if key not in seen:
                seen.add(key)
                result.append(key)
        return result

    def select_action(self, action_id: int) -> None:
        self.search_edit.clear()
        for r in range(self.model.rowCount()):
            parent = self.model.item(r)
            for c in range(parent.rowCount()):
                if parent.child(c).data(ID_ROLE) == action_id:
                    self.tree.expand(parent.index())
                    self.tree.setCurrentIndex(parent.child(c).index())
                    return

    def load_default(self) -> None:
        year, ok = QInputDialog.getInt(self, "Standaardplan laden", "Eerste jaar van het plan (het plan loopt zes jaar):",
                                       date.today().year, 2000, 2100)
        if ok and run_op(self, ops.load_default_plan, self.ctx, year)[0]:
            self.refresh()

    def edit_period(self) -> None:
        from regisseur_app.ui.plan.period_dialog import PeriodDialog

        if PeriodDialog(self.ctx, self).exec():
            self.refresh()

    def edit_objective(self, objective_id: int | None) -> None:
        if ObjectiveDialog(self.ctx, objective_id, self).exec():
            self.refresh()

    def open_editor(self, action_id: int | None) -> None:
        objective_id = next((i for kind, i in self._selected() if kind == OBJECTIVE), None)
        dialog = ActionDialog(self.ctx, action_id, objective_id, self)
        dialog.exec()
        self.refresh()
        if dialog.action_id is not None:
            self.select_action(dialog.action_id)

    def edit(self) -> None:
        selected = self._selected()
        if not selected:
            return
        kind, row_id = selected[0]
        if kind == OBJECTIVE:
            self.edit_objective(row_id)
        else:
            self.open_editor(row_id)

    def choose_status(self) -> None:
        ids = [i for kind, i in self._selected() if kind == ACTION]
        if not ids:
            QMessageBox.information(self, "Status wijzigen", "Kies eerst een of meer acties (niet een doelstelling).")
            return
        labels = list(STATUS_LABELS.values())
        label, ok = QInputDialog.getItem(self, "Status wijzigen", "Nieuwe status van de gekozen acties in alle "
                                         "deelnemende gemeenten:", labels, 1, False)
        if ok:
            self.set_status(next(code for code, text in STATUS_LABELS.items() if text == label), ids)

    def set_status(self, status: str, action_ids: list[int] | None = None) -> None:
        ids = action_ids if action_ids is not None else [i for kind, i in self._selected() if kind == ACTION]
        executions = [e.id for i in ids if (a := self.model.action(i)) for e in a.executions]
        if executions and run_op(self, ops.set_action_status, self.ctx, executions, status)[0]:
            self.refresh()
            for action_id in ids[:1]:
                self.select_action(action_id)

    def delete(self) -> None:
        selected = self._selected()
        if not selected:
            return
        kind, row_id = selected[0]
        if kind == OBJECTIVE:
            text = "Deze doelstelling verwijderen, met al haar acties en KPI's?"
            fn = ops.delete_objective
        else:
            text = "Deze actie verwijderen, met haar status per gemeente en haar koppelingen?"
            fn = ops.delete_action
        if confirm(self, "Verwijderen", text) and run_op(self, fn, self.ctx, row_id)[0]:
            self.refresh()

    def _context_menu(self, pos) -> None:  # noqa: ANN001
        menu = QMenu(self)
        menu.addAction("Bewerken…", self.edit)
        status = menu.addMenu("Status in alle gemeenten")
        for code, label in STATUS_LABELS.items():
            status.addAction(label, lambda code=code: self.set_status(code))
        menu.addAction("Verwijderen", self.delete)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.tree.viewport().mapToGlobal(pos))  # not exec(): the window's event loop keeps running

    def _fit_columns(self) -> None:
        """Every municipality's status column fits at 1280 px: the action title takes what is left (elided,
        full text in its tooltip) and the number, WSE-LR and status columns are as wide as their text."""
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(60)
        for column in range(header.count()):
            mode = QHeaderView.ResizeMode.Stretch if column == 1 else QHeaderView.ResizeMode.ResizeToContents
            header.setSectionResizeMode(column, mode)

