"""Table models of contacts: the contact list (ids and pages read from SQL, sorted there) and the short list
of one organisation's contacts in its dialog (all rows in memory, sorted by Qt)."""

from __future__ import annotations

from regisseur_app.domain.core.contact_service import surname_key
from regisseur_app.ui.sql_list_model import SqlListModel
from regisseur_app.ui.table_base import Column, RowTableModel

NAME, FUNCTION, ORGANISATION, EMAIL, PHONE, MUNICIPALITIES = range(6)

COLUMNS = (
    Column("Naam", lambda r: r.name, sort_key=lambda r: surname_key(r.name)),  # sorted on the last name
    Column("Functie", lambda r: r.function),
    Column("Organisatie", lambda r: r.organisation_name),
    Column("E-mail", lambda r: r.email),
    Column("Telefoon", lambda r: r.phone),
    Column("Gemeenten", lambda r: r.municipalities),
)


class ContactListModel(SqlListModel):
    COLUMNS = COLUMNS
    SORT_KEYS = ("name", "function", "organisation", "email", "phone", "municipalities")


class ContactTableModel(RowTableModel):
    COLUMNS = COLUMNS
