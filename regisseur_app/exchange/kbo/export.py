"""Excel export of a list of KBO enterprises (matchmaking, candidates): the shared export machinery
(formula injection neutralised, nl-BE dates)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from regisseur_app.domain.core.validation import format_kbo
from regisseur_app.domain.kbo.queries import EnterpriseRow
from regisseur_app.exchange.export import export_frame

COLUMNS = ["KBO-nummer", "Naam", "Rechtsvorm", "NACE-code", "Hoofdactiviteit", "Adres", "Postcode", "Gemeente",
           "Aanwezig in", "E-mail", "Website", "Telefoon", "Startdatum", "In de inventaris"]


def enterprises_frame(rows: list[EnterpriseRow], rules: dict[str, list[str]] | None = None) -> pd.DataFrame:
    records = [[format_kbo(r.id), r.name, r.form, r.nace_code, r.nace_label, r.street, r.postcode, r.city,
                r.municipalities, r.email, r.website, r.phone, r.start_date, "ja" if r.organisation_id else "nee"]
               for r in rows]
    frame = pd.DataFrame(records, columns=COLUMNS)
    if rules is not None:
        frame["Regel"] = ["; ".join(rules.get(r.id, [])) for r in rows]
    return frame


def export_enterprises(rows: list[EnterpriseRow], path: Path, title: str,
                       rules: dict[str, list[str]] | None = None) -> None:
    export_frame(enterprises_frame(rows, rules), path, title)
