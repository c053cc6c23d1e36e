"""The contact list: search, filter on municipality and organisation type, import and export."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QMessageBox, QPushButton, QWidget

from regisseur_app.context import AppContext
from regisseur_app.domain.core import contact_list, municipalities
from regisseur_app.domain.core.contact_list import ContactFilter
from regisseur_app.formatting import counted
from regisseur_app.operations import core as core_ops
from regisseur_app.ui.contacts.contact_dialog import ContactDialog
from regisseur_app.ui.contacts.table_model import ContactListModel
from regisseur_app.ui.export_action import ImportExportMixin
from regisseur_app.ui.list_page import ListPage
from regisseur_app.ui.page import Command


class ContactPage(ImportExportMixin, ListPage):
    COMMANDS = ListPage.COMMANDS | {Command.IMPORT, Command.EXPORT}
    IMPORT_KIND = "contacts"
    EXPORT_NAME = "Contactpersonen"
    NOUN_SINGULAR = "contactpersoon"
    NOUN_PLURAL = "contactpersonen"
    FIRST_STEP = ("Klik op ‘Nieuw…’ (Ctrl+N) om de eerste contactpersoon toe te voegen, of lees een lijst in met "
                  "‘Importeren…’ (Ctrl+I).")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, ContactListModel(), parent)
        self.search_edit.setPlaceholderText("Zoeken (naam, functie, e-mail, organisatie…)")
        self.municipality_combo = QComboBox(objectName="municipality_filter")
        self.municipality_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.add_filter_widget(self.municipality_combo)
        self.add_import_export_buttons()
        self.delete_button = QPushButton("Verwijderen…", objectName="delete")
        self.delete_button.setToolTip("Een contactpersoon definitief verwijderen (op eigen vraag)")
        self.delete_button.clicked.connect(self.delete_selected)
        self.extra_buttons.insertWidget(3, self.delete_button)
        self._fill_choices()  # the list is read when the page is shown (the window's refresh)

    def reload_choices(self) -> None:
        self._fill_choices()
        self.refresh()

    def _fill_choices(self) -> None:
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

    def make_filter(self, text: str, archived: bool) -> ContactFilter:
        return ContactFilter(text=text, nis_code=self.municipality_combo.currentData(), archived=archived)

    def filters_active(self) -> bool:
        return self.municipality_combo.currentData() is not None

    def fetch_ids(self, session, filt: ContactFilter, sort: str, descending: bool) -> list[int]:  # noqa: ANN001
        return contact_list.contact_ids(session, filt, sort, descending)

    def fetch_rows(self, session, ids: list[int]) -> list:  # noqa: ANN001
        return contact_list.contact_rows(session, ids)

    def open_editor(self, item_id: int | None) -> None:
        dialog = ContactDialog(self.ctx, item_id, parent=self)
        if dialog.exec():
            self.status_message.emit(f"Contactpersoon '{dialog.collect().name.strip()}' opgeslagen.")
            self.refresh()

    def set_archived(self, ids: list[int], archived: bool) -> int:
        return core_ops.archive_contacts(self.ctx, ids, archived)

    def delete_selected(self) -> None:
        """Erase contact persons who asked for it, after a confirmation that says what happens."""
        ids = self.selected_ids()
        if not ids:
            self.status_message.emit("Selecteer eerst een of meer contactpersonen.")
            return
        names = [r.name for r in self.model.loaded_rows() if r.id in ids]  # a selection is of loaded rows
        who = names[0] if len(names) == 1 else f"{len(names)} contactpersonen"
        answer = QMessageBox.warning(
            self, "Contactpersoon verwijderen",
            f"{who} definitief verwijderen?\n\nNaam, functie, e-mail, telefoon, gemeenten en opmerkingen worden "
            "gewist en kunnen niet teruggehaald worden (ook niet met Ongedaan maken). De deelnames aan "
            "evenementen blijven anoniem bewaard ('Verwijderde contactpersoon'), zodat de aantallen in de "
            "statistieken en de jaarlijkse verplichtingen kloppen.\n\nWie alleen geen uitnodigingen meer wil, "
            "kunt u beter 'Geen uitnodigingen' aanvinken.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        erased = core_ops.delete_contacts(self.ctx, ids)
        self.status_message.emit(f"{counted(len(erased), 'contactpersoon', 'contactpersonen')} verwijderd.")
        self.refresh()

    def export_frame(self, rows: list):  # noqa: ANN201
        from regisseur_app.exchange.export import contacts_frame  # pandas loads only when needed

        return contacts_frame(rows)
