"""The contact list: search, filter on municipality and organisation type, import and export."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from regisseur_app.context import AppContext
from regisseur_app.domain.core import contact_service, municipalities
from regisseur_app.domain.core.contact_service import ContactFilter
from regisseur_app.operations import core as core_ops
from regisseur_app.ui.contacts.contact_dialog import ContactDialog
from regisseur_app.ui.contacts.table_model import ContactTableModel
from regisseur_app.ui.export_action import ImportExportMixin
from regisseur_app.ui.list_page import ListPage
from regisseur_app.ui.page import Command


class ContactPage(ImportExportMixin, ListPage):
    COMMANDS = ListPage.COMMANDS | {Command.IMPORT, Command.EXPORT}
    IMPORT_KIND = "contacts"
    EXPORT_NAME = "Contactpersonen"
    NOUN_SINGULAR = "contactpersoon"
    NOUN_PLURAL = "contactpersonen"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, ContactTableModel(), parent)
        self.search_edit.setPlaceholderText("Zoeken (naam, functie, e-mail, organisatie…)")
        self.municipality_combo = QComboBox(objectName="municipality_filter")
        self.municipality_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.add_filter_widget(self.municipality_combo)
        self.add_import_export_buttons()
        self.reload_choices()

    def reload_choices(self) -> None:
        with self.ctx.reading() as session:
            participating = municipalities.list_municipalities(session, participating_only=True)
        current = self.municipality_combo.currentData()
        self.municipality_combo.blockSignals(True)
        self.municipality_combo.clear()
        self.municipality_combo.addItem("Alle gemeenten", None)
        for m in participating:
            self.municipality_combo.addItem(m.name, m.nis_code)
        self.municipality_combo.setCurrentIndex(max(0, self.municipality_combo.findData(current)))
        self.municipality_combo.blockSignals(False)
        self.refresh()

    def fetch(self, session, text: str, archived: bool) -> list:  # noqa: ANN001
        nis = self.municipality_combo.currentData()
        return contact_service.list_contacts(session, ContactFilter(text=text, nis_code=nis, archived=archived))

    def open_editor(self, item_id: int | None) -> None:
        dialog = ContactDialog(self.ctx, item_id, parent=self)
        if dialog.exec():
            self.status_message.emit(f"Contactpersoon '{dialog.collect().name.strip()}' opgeslagen.")
            self.refresh()

    def set_archived(self, ids: list[int], archived: bool) -> int:
        return core_ops.archive_contacts(self.ctx, ids, archived)

    def export_frame(self, rows: list):  # noqa: ANN201
        from regisseur_app.exchange.export import contacts_frame  # pandas loads only when needed

        return contacts_frame(rows)
