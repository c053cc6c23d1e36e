"""Add or edit one action: number, title, description, objective, WSE-LR priorities and the municipalities
that take part; for an existing action also its status per municipality and its links."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from regisseur_app.context import AppContext
from regisseur_app.domain.core import codelists, municipalities
from regisseur_app.domain.core.base import ValidationError
from regisseur_app.domain.plan import service
from regisseur_app.operations import plan as ops
from regisseur_app.ui.plan.executions_panel import ExecutionsPanel
from regisseur_app.ui.plan.links_panel import LinksPanel
from regisseur_app.ui.widgets import CheckList, FieldErrors

DETAILS, PER_MUNICIPALITY, LINKS = 0, 1, 2


class ActionDialog(QDialog):
    def __init__(self, ctx: AppContext, action_id: int | None = None, objective_id: int | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.action_id = ctx, action_id
        self.setWindowTitle("Nieuwe actie" if action_id is None else "Actie bewerken")
        self.resize(820, 620)
        with ctx.reading() as session:
            plan = service.list_plan(session)
            priorities = codelists.list_items(session, service.PRIORITY_LIST)
            towns = municipalities.list_municipalities(session, participating_only=True)
            existing = service.get_action(session, action_id) if action_id else None
        self.objective_combo = QComboBox(objectName="action_objective")
        for o in plan:
            self.objective_combo.addItem(f"{o.number}. {o.title}", o.id)
        self.number_edit = QLineEdit(objectName="action_number")
        self.title_edit = QLineEdit(objectName="action_title")
        self.description_edit = QPlainTextEdit(objectName="action_description")
        self.description_edit.setFixedHeight(90)
        self.priority_list = CheckList([(p.id, p.label) for p in priorities])
        self.town_list = CheckList([(t.nis_code, t.name) for t in towns])
        form = QFormLayout()
        self.errors = FieldErrors(form)
        for key, label, widget in (("objective", "Doelstelling *", self.objective_combo),
                                   ("number", "Nummer *", self.number_edit), ("title", "Titel *", self.title_edit),
                                   ("description", "Beschrijving", self.description_edit),
                                   ("priorities", "WSE-LR-prioriteiten", self.priority_list),
                                   ("municipalities", "Deelnemende gemeenten", self.town_list)):
            self.errors.add_row(key, label, widget)
        details = QWidget()
        details.setLayout(form)
        self.tabs = QTabWidget(objectName="action_tabs")
        self.tabs.addTab(details, "Actie")
        if existing is not None:
            self.objective_combo.setCurrentIndex(self.objective_combo.findData(existing.objective_id))
            self.number_edit.setText(existing.number)
            self.title_edit.setText(existing.title)
            self.description_edit.setPlainText(existing.description)
            self.priority_list.set_checked(existing.priority_ids)
            self.town_list.set_checked(existing.nis_codes)
            self.executions = ExecutionsPanel(ctx, action_id, existing.title, self)
            self.links = LinksPanel(ctx, action_id, self)
            self.tabs.addTab(self.executions, "Per gemeente")
            self.tabs.addTab(self.links, "Koppelingen")
        else:
            if objective_id is not None:
                self.objective_combo.setCurrentIndex(self.objective_combo.findData(objective_id))
            self.town_list.set_checked([t.nis_code for t in towns])
            objective = next((o for o in plan if o.id == self.objective_combo.currentData()), None)
            if objective is not None:
                self.number_edit.setText(f"{objective.number}.{len(objective.actions) + 1}")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText("Opslaan")
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("Sluiten")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)

    def data(self) -> service.ActionInput:
        return service.ActionInput(self.objective_combo.currentData() or 0, self.number_edit.text(),
                                   self.title_edit.text(), self.description_edit.toPlainText(),
                                   self.priority_list.checked_values(), self.town_list.checked_values())

    def save(self) -> None:
        try:
            self.action_id = ops.save_action(self.ctx, self.data(), self.action_id)
        except ValidationError as error:
            self.tabs.setCurrentIndex(DETAILS)
            self.errors.show(error.errors)
            return
        self.accept()
