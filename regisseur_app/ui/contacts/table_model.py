"""Table model of the contact list (also used for the contacts shown on an organisation)."""

from __future__ import annotations

from regisseur_app.domain.core.contact_service import surname_key
from regisseur_app.ui.table_base import Column, RowTableModel

NAME, FUNCTION, ORGANISATION, EMAIL, PHONE, MUNICIPALITIES = range(6)


class ContactTableModel(RowTableModel):
    COLUMNS = (
        Column("Naam", lambda r: r.name, sort_key=lambda r: surname_key(r.name)),  # sorted on the last name
        Column("Functie", lambda r: r.function),
        Column("Organisatie", lambda r: r.organisation_name),
        Column("E-mail", lambda r: r.email),
        Column("Telefoon", lambda r: r.phone),
        Column("Gemeenten", lambda r: r.municipalities),
    )
