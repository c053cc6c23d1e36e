"""Detail/edit dialog of one organisation, with its contacts."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QIntValidator, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from regisseur_app.context import AppContext
from regisseur_app.domain.core import codelists, contact_service, municipalities, organisation_service
from regisseur_app.domain.core.base import ValidationError
from regisseur_app.domain.core.organisation_service import OrganisationInput
from regisseur_app.formatting import parse_whole_number
from regisseur_app.operations import core as core_ops
from regisseur_app.ui.contacts import table_model as contact_columns
from regisseur_app.ui.contacts.contact_dialog import ContactDialog
from regisseur_app.ui.contacts.table_model import ContactTableModel
from regisseur_app.ui.table_base import ID_ROLE, sorting_proxy
from regisseur_app.ui.widgets import CheckList, FieldErrors, save_cancel_buttons


class OrganisationDialog(QDialog):
    def __init__(self, ctx: AppContext, org_id: int | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.org_id = org_id
        self.saved_id: int | None = None
        self.setWindowTitle("Nieuwe organisatie" if org_id is None else "Organisatie bewerken")
        self.resize(720, 680)
        with ctx.reading() as session:
            self._types = codelists.list_items(session, codelists.ORGANISATION_TYPE)
            self._categories = codelists.list_items(session, codelists.SERVICE_CATEGORY)
            self._all_municipalities = municipalities.list_municipalities(session)
            existing = organisation_service.get_organisation(session, org_id) if org_id else None
        self._build(existing)
        if existing:
            self._load(existing)
            self._refresh_contacts()

    # ---- layout -------------------------------------------------------------------------------
    def _build(self, existing: OrganisationInput | None) -> None:
        self.tabs = QTabWidget()
        form_page = QWidget()
        form = QFormLayout(form_page)
        self.errors = FieldErrors(form)
        self.name_edit = QLineEdit(objectName="name")
        self.kbo_edit = QLineEdit(objectName="kbo_number", placeholderText="0xxx.xxx.xxx of 1xxx.xxx.xxx")
        self.type_combo = QComboBox(objectName="type")
        self.type_combo.addItem("— kies een type —", None)
        for item in self._types:
            self.type_combo.addItem(item.label, item.id)
        if existing and existing.type_id not in [t.id for t in self._types]:
            self._add_inactive_item(self.type_combo, existing.type_id)
        self.street_edit = QLineEdit(objectName="street")
        self.postcode_edit = QLineEdit(objectName="postcode", maxLength=4)
        self.postcode_edit.setValidator(QIntValidator(1000, 9999, self))
        self.postcode_edit.editingFinished.connect(self._suggest_seat)
        self.city_edit = QLineEdit(objectName="city")
        self.seat_combo = QComboBox(objectName="seat")
        self.seat_combo.addItem("— onbekend —", None)
        names = {m.nis_code: m.name for m in self._all_municipalities}
        for m in self._all_municipalities:  # a merged municipality says what it is part of now
            label = f"{m.name} (nu {names.get(m.successor, m.successor)})" if m.successor else m.name
            self.seat_combo.addItem(label, m.nis_code)
        self.seat_combo.setEditable(True)
        self.seat_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        participating = [m for m in self._all_municipalities if m.participating]
        self.municipality_list = CheckList([(m.nis_code, m.name) for m in participating])
        self.category_list = CheckList([(c.id, c.label) for c in self._categories])
        self.target_edit = QLineEdit(objectName="target_group_employees", placeholderText="onbekend")
        self.target_edit.setValidator(QIntValidator(0, 100_000, self))
        self.website_edit = QLineEdit(objectName="website", placeholderText="www.voorbeeld.be")
        self.notes_edit = QPlainTextEdit(objectName="notes")
        self.notes_edit.setMaximumHeight(80)
        self.archived_check = QCheckBox("Gearchiveerd (niet meer actief)", objectName="archived")
        rows = [
            ("name", "Naam *", self.name_edit), ("kbo_number", "KBO-nummer", self.kbo_edit),
            ("type_id", "Type *", self.type_combo), ("street", "Straat en nummer", self.street_edit),
            ("postcode", "Postcode", self.postcode_edit), ("city", "Plaats", self.city_edit),
            ("seat_nis_code", "Zetelgemeente", self.seat_combo),
            ("municipality_codes", "Actief in", self.municipality_list),
            ("category_ids", "Dienstencategorieën", self.category_list),
            ("target_group_employees", "Doelgroepwerknemers", self.target_edit),
            ("website", "Website", self.website_edit), ("notes", "Opmerkingen", self.notes_edit),
        ]
        for key, label, widget in rows:
            self.errors.add_row(key, label, widget)
        if existing is not None:
            form.addRow("", self.archived_check)
        self.tabs.addTab(form_page, "Gegevens")
        if self.org_id is not None:
            self.tabs.addTab(self._build_contacts_tab(), "Contactpersonen")
        buttons = save_cancel_buttons(self.save, self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.name_edit.setFocus()

    def _build_contacts_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.contact_model = ContactTableModel(self)
        self.contact_view = QTableView(objectName="contacts")
        self.contact_view.setModel(sorting_proxy(self.contact_model))
        self.contact_view.setSortingEnabled(True)
        self.contact_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.contact_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.contact_view.horizontalHeader().setStretchLastSection(True)
        self.contact_view.setWordWrap(False)
        self.contact_view.verticalHeader().hide()
        self.contact_view.setColumnHidden(contact_columns.ORGANISATION, True)  # it is this organisation
        self.contact_view.doubleClicked.connect(self._edit_contact)
        buttons = QHBoxLayout()
        add = QPushButton("Nieuwe contactpersoon…")
        add.clicked.connect(lambda: self._open_contact(None))
        edit = QPushButton("Bewerken…")
        edit.clicked.connect(lambda: self._edit_contact(self.contact_view.currentIndex()))
        buttons.addWidget(add)
        buttons.addWidget(edit)
        buttons.addStretch()
        layout.addWidget(self.contact_view)
        layout.addLayout(buttons)
        QShortcut(QKeySequence("Ctrl+Shift+N"), page, activated=lambda: self._open_contact(None))
        return page

    # ---- data ---------------------------------------------------------------------------------
    def _load(self, data: OrganisationInput) -> None:
        self.name_edit.setText(data.name)
        self.kbo_edit.setText(data.kbo_number)
        self.type_combo.setCurrentIndex(max(0, self.type_combo.findData(data.type_id)))
        self.street_edit.setText(data.street)
        self.postcode_edit.setText(data.postcode)
        self.city_edit.setText(data.city)
        self.seat_combo.setCurrentIndex(max(0, self.seat_combo.findData(data.seat_nis_code)))
        known = {self.municipality_list.list.item(i).data(Qt.ItemDataRole.UserRole)
                 for i in range(self.municipality_list.list.count())}
        extra = [(m.nis_code, m.name) for m in self._all_municipalities
                 if m.nis_code in data.municipality_codes and m.nis_code not in known]
        if extra:
            self.municipality_list.set_items(
                [(m.nis_code, m.name) for m in self._all_municipalities if m.participating] + extra)
        self.municipality_list.set_checked(data.municipality_codes)
        self.category_list.set_checked(data.category_ids)
        self.target_edit.setText("" if data.target_group_employees is None else str(data.target_group_employees))
        self.website_edit.setText(data.website)
        self.notes_edit.setPlainText(data.notes)
        self.archived_check.setChecked(data.archived)

    def collect(self) -> OrganisationInput:
        """The input as typed; raises ValidationError for a number that cannot be read."""
        try:
            target = parse_whole_number(self.target_edit.text())
        except ValueError as exc:
            raise ValidationError({"target_group_employees": f"{exc}."}) from exc
        return OrganisationInput(
            name=self.name_edit.text(), type_id=self.type_combo.currentData(), kbo_number=self.kbo_edit.text(),
            street=self.street_edit.text(), postcode=self.postcode_edit.text(), city=self.city_edit.text(),
            seat_nis_code=self._seat_code(), municipality_codes=self.municipality_list.checked_values(),
            category_ids=self.category_list.checked_values(),
            target_group_employees=target,
            website=self.website_edit.text(), notes=self.notes_edit.toPlainText(),
            archived=self.archived_check.isChecked(),
        )

    def _seat_code(self) -> str | None:
        index = self.seat_combo.findText(self.seat_combo.currentText().strip(), Qt.MatchFlag.MatchFixedString)
        return self.seat_combo.itemData(index) if index >= 0 else None

    def save(self) -> None:
        try:
            data = self.collect()
        except ValidationError as exc:
            self.errors.show(exc.errors)
            self.tabs.setCurrentIndex(0)
            return
        typed_seat = self.seat_combo.currentText().strip()
        if data.seat_nis_code is None and typed_seat and self.seat_combo.findText(
                typed_seat, Qt.MatchFlag.MatchFixedString) < 0:
            self.errors.show({"seat_nis_code": f"'{typed_seat}' is geen gekende gemeente. Kies uit de lijst."})
            self.tabs.setCurrentIndex(0)
            return
        if self.org_id is None and not self._confirm_duplicate_name(data.name):
            return
        try:
            self.saved_id = core_ops.save_organisation(self.ctx, data, self.org_id)
        except ValidationError as exc:
            self.errors.show(exc.errors)
            self.tabs.setCurrentIndex(0)
            return
        self.accept()

    def _confirm_duplicate_name(self, name: str) -> bool:
        with self.ctx.reading() as session:
            clash = organisation_service.find_by_name(session, name)
        if clash is None:
            return True
        answer = QMessageBox.question(
            self, "Naam bestaat al",
            f"Er bestaat al een organisatie met de naam '{name.strip()}'. Toch een nieuwe aanmaken?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _suggest_seat(self) -> None:
        if self.seat_combo.currentData() is not None:
            return
        with self.ctx.reading() as session:
            nis = municipalities.municipality_for_postcode(session, self.postcode_edit.text())
        if nis:
            self.seat_combo.setCurrentIndex(self.seat_combo.findData(nis))

    def _add_inactive_item(self, combo: QComboBox, item_id: int) -> None:
        with self.ctx.reading() as session:
            items = codelists.list_items(session, codelists.ORGANISATION_TYPE, include_inactive=True)
        label = next((i.label for i in items if i.id == item_id), "?")
        combo.addItem(f"{label} (niet meer in gebruik)", item_id)

    # ---- contacts -----------------------------------------------------------------------------
    def _refresh_contacts(self) -> None:
        with self.ctx.reading() as session:
            rows = contact_service.list_contacts(
                session, contact_service.ContactFilter(organisation_id=self.org_id))
        self.contact_model.set_rows(rows)
        self.contact_view.resizeColumnsToContents()
        self.tabs.setTabText(1, f"Contactpersonen ({len(rows)})")

    def _edit_contact(self, index) -> None:  # noqa: ANN001
        if index.isValid():
            self._open_contact(index.data(ID_ROLE))

    def _open_contact(self, contact_id: int | None) -> None:
        dialog = ContactDialog(self.ctx, contact_id, default_organisation_id=self.org_id, parent=self)
        if dialog.exec():
            self._refresh_contacts()
