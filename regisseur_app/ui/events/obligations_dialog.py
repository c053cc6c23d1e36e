"""Beheer › Jaarlijkse verplichtingen evenementen: which event types count for each yearly obligation."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QVBoxLayout, QWidget

from regisseur_app.context import AppContext
from regisseur_app.domain.core import codelists
from regisseur_app.domain.core.base import ValidationError
from regisseur_app.domain.events import obligations
from regisseur_app.operations import events as event_ops
from regisseur_app.ui.widgets import CheckList, FieldErrors, save_cancel_buttons


class ObligationsDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle("Jaarlijkse verplichtingen evenementen")
        self.resize(560, 520)
        with ctx.reading() as session:
            types = codelists.list_items(session, codelists.EVENT_TYPE, include_inactive=True)
            current = {o.key: obligations.counting_type_codes(session, o) for o in obligations.OBLIGATIONS}
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.errors = FieldErrors(form)
        self.lists: dict[str, CheckList] = {}
        for obligation in obligations.OBLIGATIONS:
            check_list = CheckList([(t.code, t.label) for t in types])
            check_list.set_checked(current[obligation.key])
            check_list.setObjectName(f"obligation_{obligation.key}")
            self.lists[obligation.key] = check_list
            self.errors.add_row(obligation.key, obligation.title, check_list)
        buttons = save_cancel_buttons(self.save, self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Per jaar moet er minstens één evenement van elk van deze verplichtingen zijn "
                                "(regierolnota 2.1 en 6.1). Kies welke soorten evenementen meetellen. Een evenement "
                                "telt als 'gehaald' wanneer het de status 'Afgelopen' heeft.", wordWrap=True))
        layout.addLayout(form)
        layout.addWidget(buttons)

    def save(self) -> None:
        try:
            event_ops.set_counting_types(self.ctx, {key: check_list.checked_values()
                                                    for key, check_list in self.lists.items()})
        except ValidationError as exc:
            self.errors.show(exc.errors)
            return
        self.accept()
