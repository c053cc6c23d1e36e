"""MVO tables for Excel/CSV (written by `exchange.export.export_frame`, formula injection neutralised):
all values (long format, typed-in and computed), the regional overview, per municipality and trends."""

from __future__ import annotations

import pandas as pd
from sqlalchemy.orm import Session

from regisseur_app.domain.mvo.indicators import list_indicators
from regisseur_app.domain.mvo.models import TEXT, YES_NO
from regisseur_app.domain.mvo.orgs import reporting_organisations
from regisseur_app.domain.mvo.overview import MunicipalityRow, OverviewRow
from regisseur_app.domain.mvo.values import year_sheet

VALUE_COLUMNS = ["Organisatie", "Jaar", "Pijler", "Indicator", "Waarde", "Eenheid", "Berekend", "Opmerking", "Bron",
                 "GRI", "VSME"]


def values_frame(session: Session, years: list[int], nis_code: str | None = None) -> pd.DataFrame:
    """Every filled value of the organisations (of one municipality) in these years; numbers stay numbers."""
    records = []
    for year in years:
        for org in reporting_organisations(session, year, nis_code=nis_code):
            if year not in org.years:
                continue
            for row in year_sheet(session, org.id, year):
                indicator = row.indicator
                if indicator.value_type == TEXT:
                    value = row.text or None
                elif indicator.value_type == YES_NO:
                    value = row.shown or None
                else:
                    value = None if row.number is None else round(row.number, 6)
                if value is None:
                    continue
                records.append([org.name, year, indicator.pillar, indicator.label, value, indicator.unit,
                                "ja" if indicator.is_computed else "nee", row.note, row.source, indicator.gri_code,
                                indicator.vsme_ref])
    return pd.DataFrame.from_records(records, columns=VALUE_COLUMNS)


def overview_frame(rows: list[OverviewRow]) -> pd.DataFrame:
    records = [[r.indicator.pillar, r.indicator.label, r.indicator.unit, r.reporting, r.total, r.average, r.yes]
               for r in rows]
    frame = pd.DataFrame.from_records(records, columns=["Pijler", "Indicator", "Eenheid", "Organisaties", "Totaal",
                                                        "Gemiddelde", "Aantal 'ja'"])
    frame["Aantal 'ja'"] = frame["Aantal 'ja'"].astype("Int64")
    return frame


def municipality_frame(session: Session, rows: list[MunicipalityRow]) -> pd.DataFrame:
    labels = {i.code: f"{i.label} ({i.unit})" if i.unit else i.label
              for i in list_indicators(session, include_inactive=True)}
    codes = list(rows[0].totals) if rows else []
    records = [[r.name, r.organisations, r.complete, *[r.totals[c] for c in codes]] for r in rows]
    return pd.DataFrame.from_records(records, columns=["Gemeente", "Organisaties met cijfers", "Volledige rapporten",
                                                       *[labels.get(c, c) for c in codes]])


def trend_frame(session: Session, years: list[int], series: dict[str, list[float | None]]) -> pd.DataFrame:
    labels = {i.code: i.label for i in list_indicators(session, include_inactive=True)}
    records = [[labels.get(code, code), *values] for code, values in series.items()]
    return pd.DataFrame.from_records(records, columns=["Indicator", *[str(y) for y in years]])
