"""Excel/CSV tables of the omgevingsanalyse: comparison, offer map, organisations by type, target-group
jobs, gaps and SWOT; and a workbook with several sheets (written safely and atomically)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from sqlalchemy.orm import Session

from regisseur_app.domain.analysis.comparison import Comparison
from regisseur_app.domain.analysis.gaps import Gap
from regisseur_app.domain.analysis.key_figures import ValueRow
from regisseur_app.domain.analysis.models import QUADRANTS
from regisseur_app.domain.analysis.offer_map import ALLOCATIONS, JobsTable, Matrix, cell_organisations
from regisseur_app.domain.analysis.swot import SwotRow
from regisseur_app.exchange.export import export_frames


def comparison_frame(comparison: Comparison) -> pd.DataFrame:
    year = comparison.year
    decimals = comparison.indicator.decimals  # the values with the indicator's decimals, no float noise
    records = []
    for r in comparison.rows:
        record = {"Gemeente": r.name, str(year): _round(r.value, decimals), str(year - 1): _round(r.previous, decimals),
                  "Verschil": _round(r.change, decimals),
                  "Verschil %": None if r.change_pct is None else round(r.change_pct, 1)}
        if comparison.shows_per_1000:
            record.update({
                f"Per 1.000 inwoners {year}": _round(r.per_1000, 2),
                f"Per 1.000 inwoners {year - 1}": _round(r.previous_per_1000, 2),
                f"Inwoners {year}": r.inhabitants,
                "Inwoners uit gemeentetabel (2020)": "ja" if r.inhabitants_fallback else "nee",
            })
        records.append(record)
    return pd.DataFrame.from_records(records)


def values_frame(rows: list[ValueRow]) -> pd.DataFrame:
    """All key figures in long form: the same columns the importer reads (so it imports back)."""
    records = [{"Gemeente": r.municipality, "NIS-code": r.nis_code, "Indicator": r.indicator, "Jaar": r.year,
                "Waarde": r.value} for r in rows]
    frame = pd.DataFrame.from_records(records, columns=["Gemeente", "NIS-code", "Indicator", "Jaar", "Waarde"])
    frame["Jaar"] = frame["Jaar"].astype("Int64")
    return frame


def matrix_frame(matrix: Matrix, row_header: str) -> pd.DataFrame:
    records = []
    for row_id, label in matrix.rows:
        record = {row_header: label}
        for nis, name in matrix.columns:
            record[name] = matrix.count(row_id, nis)
        record["Regio (verschillende organisaties)"] = matrix.row_totals.get(row_id, 0)
        records.append(record)
    frame = pd.DataFrame.from_records(records, columns=[row_header, *(n for _c, n in matrix.columns),
                                                        "Regio (verschillende organisaties)"])
    for column in frame.columns[1:]:
        frame[column] = frame[column].astype("Int64")
    return frame


def cell_list_frame(session: Session, matrix: Matrix, se_only: bool) -> pd.DataFrame:
    """Every organisation behind every non-empty cell of the offer map, one line each."""
    records = [{"Dienstencategorie": label, "Gemeente": name, "Organisatie": org.name, "Type": org.type_label}
               for category_id, label in matrix.rows for nis, name in matrix.columns
               if matrix.count(category_id, nis)
               for org in cell_organisations(session, category_id, nis, se_only)]
    return pd.DataFrame.from_records(records, columns=["Dienstencategorie", "Gemeente", "Organisatie", "Type"])


def jobs_frame(table: JobsTable) -> pd.DataFrame:
    records = [{
        "Gemeente": r.name, "Doelgroepwerknemers": _round(r.jobs, 1), "Organisaties met een aantal": r.organisations,
        "SE-organisaties zonder aantal": r.unknown, "Inwoners": r.inhabitants.value,
        "Bron inwoners": r.inhabitants.description, "Per 1.000 inwoners": _round(r.per_1000, 2),
    } for r in [*table.rows, table.total]]
    frame = pd.DataFrame.from_records(records)
    frame["Toerekening"] = ALLOCATIONS[table.allocation]
    return frame


def gaps_frame(gaps: list[Gap]) -> pd.DataFrame:
    records = [{
        "Rang": g.rank, "Dienstencategorie": g.label, "Oordeel": g.verdict, "Organisaties in de gemeente": g.offer,
        "Aanbod in buurgemeenten": ", ".join(g.neighbours), "Organisaties in de regio": g.region_offer,
        "Gemeten nood (%)": None if g.need is None else round(g.need.score * 100),
        "Bron nood": "" if g.need is None else g.need.source,
    } for g in gaps]
    return pd.DataFrame.from_records(records, columns=[
        "Rang", "Dienstencategorie", "Oordeel", "Organisaties in de gemeente", "Aanbod in buurgemeenten",
        "Organisaties in de regio", "Gemeten nood (%)", "Bron nood"])


def swot_frame(items: dict[str, list[SwotRow]]) -> pd.DataFrame:
    records = [{"Kwadrant": QUADRANTS[q], "Volgorde": n, "Omschrijving": item.text, "Bron": item.source_label}
               for q in QUADRANTS for n, item in enumerate(items.get(q, []), start=1)]
    return pd.DataFrame.from_records(records, columns=["Kwadrant", "Volgorde", "Omschrijving", "Bron"])


def export_sheets(path: Path, sheets: list[tuple[str, pd.DataFrame]]) -> None:
    """Several tables in one .xlsx (one sheet each). A .csv gets only the first table."""
    export_frames(path, sheets)


def _round(value: float | None, decimals: int) -> float | None:
    return None if value is None else round(value, decimals)
