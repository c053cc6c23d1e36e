"""Table models of the invited respondents and of the response rate per municipality."""

from __future__ import annotations

from regisseur_app.formatting import format_date, format_number
from regisseur_app.ui.table_base import Column, RowTableModel


class RespondentModel(RowTableModel):
    COLUMNS = (
        Column("Gemeente", lambda r: r.municipality),
        Column("Organisatie", lambda r: r.organisation or "—"),
        Column("Contactpersoon", lambda r: r.contact or "—"),
        Column("E-mail", lambda r: r.email),
        Column("Uitgenodigd op", lambda r: format_date(r.invited_on), lambda r: r.invited_on.isoformat() if r.invited_on else ""),
        Column("Herinnerd op", lambda r: format_date(r.reminded_on),
               lambda r: r.reminded_on.isoformat() if r.reminded_on else ""),
        Column("Geantwoord", lambda r: "ja" if r.responded else "nee"),
    )


def _rate(row) -> str:  # noqa: ANN001
    return "—" if row.rate is None else f"{format_number(row.rate * 100, 1)} %"


class RateModel(RowTableModel):
    COLUMNS = (
        # the total stays below the municipalities when sorted ascending
        Column("Gemeente", lambda r: r.municipality, lambda r: ("\uffff" if r.nis_code == "" else "") + r.municipality),
        Column("Uitgenodigd", lambda r: format_number(r.invited), lambda r: r.invited, True),
        Column("Geantwoord", lambda r: format_number(r.responded), lambda r: r.responded, True),
        Column("Responsgraad", _rate, lambda r: r.rate if r.rate is not None else -1, True),
        Column("Alle antwoorden", lambda r: format_number(r.responses), lambda r: r.responses, True),
    )
