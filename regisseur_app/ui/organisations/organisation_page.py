"""The organisation list: search, filters on type, municipality and category, import and export."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from regisseur_app.context import AppContext
from regisseur_app.domain.core import codelists, municipalities, organisation_list
from regisseur_app.domain.core.organisation_list import OrganisationFilter
from regisseur_app.operations import core as core_ops
from regisseur_app.ui.export_action import ImportExportMixin
from regisseur_app.ui.list_page import ListPage
from regisseur_app.ui.organisations.organisation_dialog import OrganisationDialog
from regisseur_app.ui.organisations.table_model import OrganisationListModel
from regisseur_app.ui.page import Command


class OrganisationPage(ImportExportMixin, ListPage):
    COMMANDS = ListPage.COMMANDS | {Command.IMPORT, Command.EXPORT}
    IMPORT_KIND = "organisations"
    EXPORT_NAME = "Organisaties"
    NOUN_SINGULAR = "organisatie"
    NOUN_PLURAL = "organisaties"
    FIRST_STEP = ("Klik op ‘Nieuw…’ (Ctrl+N) om de eerste organisatie toe te voegen, of lees een lijst in met "
                  "‘Importeren…’ (Ctrl+I).")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, OrganisationListModel(), parent)
        self.type_combo = QComboBox(objectName="type_filter")
        self.municipality_combo = QComboBox(objectName="municipality_filter")
        self.category_combo = QComboBox(objectName="category_filter")
        for combo in (self.type_combo, self.municipality_combo, self.category_combo):
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
            self.add_filter_widget(combo)
        self.add_import_export_buttons()
        self._fill_choices()  # the list is read when the page is shown (the window's refresh)

    def reload_choices(self) -> None:
        self._fill_choices()
        self.refresh()

    def _fill_choices(self) -> None:
        """(Re)fill the filter combos from the code lists and the participating municipalities."""
        with self.ctx.reading() as session:
            types = codelists.list_items(session, codelists.ORGANISATION_TYPE, include_inactive=True)
            categories = codelists.list_items(session, codelists.SERVICE_CATEGORY, include_inactive=True)
            participating = municipalities.list_municipalities(session, participating_only=True)
        for combo, everything, items in (
            (self.type_combo, "Alle types", [(t.id, t.label) for t in types]),
            (self.municipality_combo, "Alle gemeenten", [(m.nis_code, m.name) for m in participating]),
            (self.category_combo, "Alle diensten", [(c.id, c.label) for c in categories]),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, None)
            for value, label in items:
                combo.addItem(label, value)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)

    def make_filter(self, text: str, archived: bool) -> OrganisationFilter:
        return OrganisationFilter(text=text, type_id=self.type_combo.currentData(),
                                  nis_code=self.municipality_combo.currentData(),
                                  category_id=self.category_combo.currentData(), archived=archived)

    def filters_active(self) -> bool:
        return any(combo.currentData() is not None
                   for combo in (self.type_combo, self.municipality_combo, self.category_combo))

    def fetch_ids(self, session, filt: OrganisationFilter, sort: str, descending: bool) -> list[int]:  # noqa: ANN001
        return organisation_list.organisation_ids(session, filt, sort, descending)

    def fetch_rows(self, session, ids: list[int]) -> list:  # noqa: ANN001
        return organisation_list.organisation_rows(session, ids)

    def open_editor(self, item_id: int | None) -> None:
        dialog = OrganisationDialog(self.ctx, item_id, parent=self)
        if dialog.exec():
            self.status_message.emit(f"Organisatie '{dialog.collect().name.strip()}' opgeslagen.")
            self.refresh()

    def set_archived(self, ids: list[int], archived: bool) -> int:
        return core_ops.archive_organisations(self.ctx, ids, archived)

    def export_frame(self, rows: list):  # noqa: ANN201
        from regisseur_app.exchange.export import organisations_frame  # pandas loads only when needed

        return organisations_frame(rows)
