"""The contact list: search, filter on municipality and organisation type, import and export."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QPushButton, QWidget

from regisseur_app.context import AppContext
from regisseur_app.formatting import counted
from regisseur_app.domain import contact_service, municipalities
from regisseur_app.domain.contact_service import ContactFilter
from regisseur_app.ui.contacts.contact_dialog import ContactDialog
from regisseur_app.ui.contacts.table_model import ContactTableModel
from regisseur_app.ui.export_action import ask_export_path, export_to_file
from regisseur_app.ui.list_page import ListPage


class ContactPage(ListPage):
    NOUN_SINGULAR = "contactpersoon"
    NOUN_PLURAL = "contactpersonen"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, ContactTableModel(), parent)
        self.search_edit.setPlaceholderText("Zoeken (naam, functie, e-mail, organisatie…)")
        self.municipality_combo = QComboBox(objectName="municipality_filter")
        self.municipality_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.add_filter_widget(self.municipality_combo)
        self.import_button = QPushButton("Importeren…", objectName="import")
        self.export_button = QPushButton("Exporteren…", objectName="export")
        self.import_button.clicked.connect(self.import_file)
        self.export_button.clicked.connect(self.export_list)
        self.extra_buttons.insertWidget(3, self.import_button)
        self.extra_buttons.insertWidget(4, self.export_button)
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

    def set_archived(self, session, ids: list[int], archived: bool) -> int:  # noqa: ANN001
        return contact_service.set_contacts_archived(session, ids, archived)

    def import_file(self) -> None:
        from regisseur_app.ui.import_dialog import ImportDialog

        if ImportDialog(self.ctx, "contacts", parent=self).exec():
            self.refresh()

    def export_list(self) -> None:
        from regisseur_app.exchange.export import contacts_frame  # pandas loads only when needed

        rows = self.visible_rows()
        target = ask_export_path(self, "contactpersonen")
        if target and export_to_file(self, contacts_frame(rows), target, "Contactpersonen"):
            self.status_message.emit(f"{counted(len(rows), 'contactpersoon', 'contactpersonen')} geëxporteerd naar {target}.")
