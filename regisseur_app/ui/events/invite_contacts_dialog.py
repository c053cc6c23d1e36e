"""Invite contacts one by one: search by name, organisation or e-mail, tick, invite."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLineEdit, QWidget

from regisseur_app.context import AppContext
from regisseur_app.domain.events.invite_filter import InviteFilter
from regisseur_app.ui.events.invite_filter_dialog import InviteFilterDialog


class InviteContactsDialog(InviteFilterDialog):
    """The same list as the bulk dialog, but driven by a name search; nothing is ticked in advance and
    ticks stay when the search changes."""

    AUTO_CHECK = False

    def __init__(self, ctx: AppContext, event_id: int, parent: QWidget | None = None):
        self.search_edit = QLineEdit(objectName="contact_search",
                                     placeholderText="Zoek een contactpersoon (naam, organisatie, e-mail)…")
        super().__init__(ctx, event_id, parent)
        self.setWindowTitle("Contactpersonen uitnodigen")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(lambda _t: self._timer.start())
        self.layout().insertWidget(0, self.search_edit)
        self.layout().itemAt(1).widget().setText(
            "Zoek en vink de contactpersonen aan die u wilt uitnodigen. Gearchiveerde contactpersonen worden "
            "niet getoond.")
        QTimer.singleShot(0, self.search_edit.setFocus)

    def current_filter(self) -> InviteFilter:
        filt = super().current_filter()
        filt.text = self.search_edit.text()
        return filt
