"""Import key figures from a RawTable, in long form (gemeente, indicator, jaar, waarde) or wide form
(one column per indicator, or one column per year): detect the layout, preview every value
(nieuw/bijwerken/overslaan/fout), and write all or nothing.

Municipalities are matched on NIS code or name (case, accents, spaces and dashes ignored); names that do
not match are reported with a suggestion. Numbers are read the Belgian way (`1.234,5`).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from regisseur_app.domain.analysis.indicators import IndicatorData, list_indicators, squash
from regisseur_app.domain.analysis.key_figures import check_value, check_year
from regisseur_app.domain.analysis.models import KeyFigureValue
from regisseur_app.domain.core.municipalities import Municipality
from regisseur_app.exchange.analysis.key_figure_layout import (
    FORMS,
    KEY_FIGURE_FIELDS,
    LONG,
    WIDE_INDICATOR,
    WIDE_YEAR,
    KeyFigureLayout,
    check_layout,
    detect_layout,
    indicator_of_header,
    year_of_header,
)
from regisseur_app.exchange.importing import (
    ERROR,
    NEW,
    SKIP,
    UPDATE,
    ImportPreview,
    ImportResult,
    PreviewRow,
    ProgressCallback,
    report,
    row_values,
    two_phases,
    write_rows,
)
from regisseur_app.exchange.tabular import RawTable
from regisseur_app.formatting import format_number, parse_number

KEEP, REPLACE = "keep", "replace"

__all__ = ["FORMS", "KEEP", "KEY_FIGURE_FIELDS", "LONG", "PREVIEW_FIELDS", "REPLACE", "WIDE_INDICATOR", "WIDE_YEAR",
           "KeyFigureLayout", "KeyFigurePreview", "detect_layout", "import_key_figures", "preview_key_figures",
           "year_of_header"]

# what the preview table shows per value
PREVIEW_FIELDS = {"column": "Kolom", "municipality": "Gemeente", "indicator": "Indicator", "year": "Jaar",
                  "value": "Waarde"}


@dataclass
class KeyFigurePreview(ImportPreview):
    unmatched: dict[str, list[int]] = field(default_factory=dict)   # municipality text -> lines
    suggestions: dict[str, str] = field(default_factory=dict)       # municipality text -> a close name
    conflicts: int = 0          # values already present with another value (keep or replace)
    values: list = field(default_factory=list)                      # (indicator_id, nis, year, value) per row

    def unmatched_report(self) -> str:
        if not self.unmatched:
            return ""
        parts = []
        for text, lines in self.unmatched.items():
            where = ", ".join(str(n) for n in lines[:5]) + (" …" if len(lines) > 5 else "")
            hint = f" (bedoel je {self.suggestions[text]}?)" if text in self.suggestions else ""
            parts.append(f"'{text}'{hint} op rij {where}")
        return "Niet gevonden gemeenten: " + "; ".join(parts) + "."


class _Municipalities:
    """Municipalities by NIS code, folded name and squashed name (dashes/spaces ignored)."""

    def __init__(self, session: Session):
        self.rows = session.execute(select(Municipality.nis_code, Municipality.name, Municipality.participating,
                                           Municipality.successor)).all()
        self.names = {nis: name for nis, name, _p, _s in self.rows}
        joined = {nis for nis, _n, p, _s in self.rows if p}
        # a merged municipality (old NIS code) counts for its successor: a 2024 file has Galmaarden
        self.participating = joined | {nis for nis, _n, _p, successor in self.rows if successor in joined}
        self.by_name = {squash(name): nis for nis, name, _p, _s in self.rows}
        self.participating_names = {squash(self.names[nis]): nis for nis in self.participating}

    def find(self, text: str) -> str | None:
        value = (text or "").strip()
        digits = value[:-2] if value.endswith(".0") else value
        if re.fullmatch(r"\d{5}", digits):
            return digits if digits in self.names else None
        return self.by_name.get(squash(value))

    def suggestion(self, text: str) -> str | None:
        close = difflib.get_close_matches(squash(text), list(self.by_name), n=1, cutoff=0.75)
        return self.names[self.by_name[close[0]]] if close else None

    def outside(self, text: str) -> str | None:
        """Why an unknown municipality is not one of ours (so its row is skipped, not an error), or None when
        it may be a typo of a participating municipality."""
        value = (text or "").strip()
        digits = value[:-2] if value.endswith(".0") else value
        if re.fullmatch(r"\d{5}", digits):
            return f"NIS-code {digits} is geen gemeente van het Vlaams Gewest"
        if value and not difflib.get_close_matches(squash(value), list(self.participating_names), n=1, cutoff=0.75):
            return f"'{value}' is geen deelnemende gemeente"
        return None


def preview_key_figures(session: Session, table: RawTable, layout: KeyFigureLayout, on_existing: str = KEEP,
                        progress: ProgressCallback | None = None) -> KeyFigurePreview:
    """Check every value without writing. Raises MappingError when the layout is incomplete."""
    if on_existing not in (KEEP, REPLACE):
        raise ValueError(f"on_existing must be {KEEP!r} or {REPLACE!r}")
    indicators = list_indicators(session, include_inactive=True)
    by_id = {i.id: i for i in indicators}
    check_layout(table, layout, by_id)
    places = _Municipalities(session)
    usable = {k: v for k, v in layout.columns.items() if v is not None}
    preview = KeyFigurePreview(rows=[], source=table.source)
    seen: dict[tuple[int, str, int], int] = {}
    cells = []  # (line, values, errors, key, value text)
    total = len(table.rows)
    for done, (line, raw) in enumerate(zip(table.line_numbers, table.rows, strict=True), start=1):
        values = row_values(table, raw, usable)
        municipality_text = values.get("municipality", "")
        nis = places.find(municipality_text)
        shown_name = places.names.get(nis, municipality_text)
        if nis is None and layout.participating_only and (why := places.outside(municipality_text)):
            preview.rows.append(PreviewRow(line, {"municipality": municipality_text}, SKIP, [f"{why} (niet ingelezen)"]))
            preview.values.append(None)
            continue
        if nis is None:
            message = _unknown_municipality(municipality_text, places, table, layout)
            if municipality_text:
                preview.unmatched.setdefault(municipality_text, []).append(line)
                suggestion = places.suggestion(municipality_text)
                if suggestion:
                    preview.suggestions[municipality_text] = suggestion
            preview.rows.append(PreviewRow(line, {"municipality": municipality_text}, ERROR, [message]))
            preview.values.append(None)
            continue
        if layout.participating_only and nis not in places.participating:
            preview.rows.append(PreviewRow(line, {"municipality": shown_name}, SKIP,
                                           [f"{shown_name} is geen deelnemende gemeente (niet ingelezen)"]))
            preview.values.append(None)
            continue
        for column, indicator_text, year_text, value_text in _cells(table, raw, layout, by_id):
            errors = []
            indicator = _indicator(indicator_text, indicators, by_id, errors, table, layout)
            year = _year(year_text, errors, table, layout)
            value = _value(value_text, indicator, errors, column, table, layout)
            shown = {"column": table.headers[column] if column is not None else "",
                     "municipality": shown_name, "indicator": indicator.label if indicator else indicator_text,
                     "year": str(year) if year is not None else year_text, "value": value_text}
            key = (indicator.id, nis, year) if indicator and year is not None else None
            if key is not None:
                if key in seen:
                    errors.append(f"dubbel in het bestand: {shown_name}, {indicator.label}, {year} staat ook op "
                                  f"rij {seen[key]}")
                else:
                    seen[key] = line
            cells.append((line, shown, errors, key, value))
        report(progress, done, total)
    existing = _existing(session, [c[3] for c in cells if c[3] is not None])
    for line, shown, errors, key, value in cells:
        if errors:
            preview.rows.append(PreviewRow(line, shown, ERROR, errors))
            preview.values.append(None)
            continue
        indicator = by_id[key[0]]
        found = existing.get(key)
        if found is None:
            preview.rows.append(PreviewRow(line, shown, NEW))
        else:
            target_id, old = found
            old_text = format_number(old, indicator.decimals)
            if abs(old - value) < 1e-9:
                preview.rows.append(PreviewRow(line, shown, SKIP, ["bestaat al met dezelfde waarde"], target_id))
            elif on_existing == REPLACE:
                preview.conflicts += 1
                preview.rows.append(PreviewRow(line, shown, UPDATE,
                                               [f"bestaat al met waarde {old_text}: wordt vervangen"], target_id))
            else:
                preview.conflicts += 1
                preview.rows.append(PreviewRow(line, shown, SKIP,
                                               [f"bestaat al met waarde {old_text}: wordt behouden"], target_id))
        preview.values.append((key[0], key[1], key[2], value))
    ordered = sorted(zip(preview.rows, preview.values, strict=True), key=lambda pair: pair[0].line)
    preview.rows = [r for r, _v in ordered]
    preview.values = [v for _r, v in ordered]
    return preview


def import_key_figures(session: Session, table: RawTable, layout: KeyFigureLayout, on_existing: str = KEEP,
                       progress: ProgressCallback | None = None) -> ImportResult:
    """Write every value in `session`, or raise ImportRejected (nothing written) when one has an error."""
    checking, writing = two_phases(progress)
    preview = preview_key_figures(session, table, layout, on_existing, checking)

    def write(data, target_id: int | None) -> None:  # noqa: ANN001
        indicator_id, nis, year, value = data
        if target_id is None:
            session.add(KeyFigureValue(indicator_id=indicator_id, nis_code=nis, year=year, value=value))
        else:
            session.get(KeyFigureValue, target_id).value = value

    return write_rows(session, preview, preview.values, write, writing)


# ---- helpers ---------------------------------------------------------------------------------------

def _cells(table: RawTable, raw: list[str], layout: KeyFigureLayout, by_id: dict[int, IndicatorData]):
    """(value column or None, indicator text, year text, value text) for every value in a row."""
    col = layout.columns
    if layout.form == LONG:
        yield None, raw[col["indicator"]], raw[col["year"]], raw[col["value"]]
        return
    for index, target in sorted(layout.value_columns.items()):
        text = raw[index].strip()
        if not text:
            continue  # an empty cell in a wide table: no value
        if layout.form == WIDE_INDICATOR:
            year_text = raw[col["year"]] if col.get("year") is not None else str(layout.fixed_year)
            yield index, by_id[target].label, year_text, text
        else:
            indicator_text = (raw[col["indicator"]] if col.get("indicator") is not None
                              else by_id[layout.fixed_indicator_id].label if layout.fixed_indicator_id in by_id
                              else "")
            yield index, indicator_text, str(target), text


def _label(key: str, table: RawTable, layout: KeyFigureLayout) -> str:
    index = layout.columns.get(key)
    label = KEY_FIGURE_FIELDS[key]
    if index is None:
        return label
    header = table.headers[index]
    return label if squash(header) == squash(label) else f"{label} (kolom '{header}')"


def _unknown_municipality(text: str, places: _Municipalities, table: RawTable, layout: KeyFigureLayout) -> str:
    label = _label("municipality", table, layout)
    if not text.strip():
        return f"{label}: leeg"
    hint = places.suggestion(text)
    kind = "NIS-code" if re.fullmatch(r"\d+", text.strip()) else "gemeente"
    return f"{label}: '{text}' is geen gekende {kind}" + (f" (bedoel je {hint}?)" if hint else "")


def _indicator(text: str, indicators: list[IndicatorData], by_id: dict[int, IndicatorData], errors: list[str],
               table: RawTable, layout: KeyFigureLayout) -> IndicatorData | None:
    found = indicator_of_header(text, indicators)
    label = _label("indicator", table, layout) if layout.form == LONG else "Indicator"
    if found is None:
        known = ", ".join(i.label for i in indicators if i.active and not i.is_computed)
        errors.append(f"{label}: '{text}' is geen gekende indicator" if text.strip() else f"{label}: leeg")
        if text.strip():
            errors[-1] += f" (gekend: {known})"
        return None
    if found.is_computed:
        errors.append(f"{label}: '{found.label}' wordt {found.computed_label} en kan niet ingelezen worden")
        return None
    if not found.active:
        errors.append(f"{label}: '{found.label}' is niet meer actief (zet ze terug aan via Beheer › Indicatoren)")
        return None
    return found


def _year(text: str, errors: list[str], table: RawTable, layout: KeyFigureLayout) -> int | None:
    label = _label("year", table, layout) if layout.columns.get("year") is not None else "Jaar"
    cleaned = (text or "").strip()
    if cleaned.endswith(",0") or cleaned.endswith(".0"):
        cleaned = cleaned[:-2]
    if not re.fullmatch(r"\d{4}", cleaned):
        errors.append(f"{label}: '{text}' is geen jaartal (verwacht bv. 2024)" if cleaned else f"{label}: leeg")
        return None
    year = int(cleaned)
    problem = check_year(year)
    if problem:
        errors.append(f"{label}: {problem}")
        return None
    return year


def _value(text: str, indicator: IndicatorData | None, errors: list[str], column: int | None, table: RawTable,
           layout: KeyFigureLayout) -> float | None:
    label = _label("value", table, layout) if layout.form == LONG else f"kolom '{table.headers[column]}'"
    if not (text or "").strip():
        errors.append(f"{label}: leeg (vul een getal in of laat de rij weg)")
        return None
    try:
        value = float(parse_number(text))
    except ValueError as exc:
        errors.append(f"{label}: {exc}")
        return None
    if indicator is not None:
        problem = check_value(indicator, value)
        if problem:
            errors.append(f"{label}: {problem}")
            return None
    return value


def _existing(session: Session, keys: list[tuple[int, str, int]]) -> dict[tuple[int, str, int], tuple[int, float]]:
    if not keys:
        return {}
    indicator_ids = sorted({k[0] for k in keys})
    wanted = set(keys)
    found = {}
    for row_id, indicator_id, nis, year, value in session.execute(
            select(KeyFigureValue.id, KeyFigureValue.indicator_id, KeyFigureValue.nis_code, KeyFigureValue.year,
                   KeyFigureValue.value).where(KeyFigureValue.indicator_id.in_(indicator_ids))):
        if (indicator_id, nis, year) in wanted:
            found[(indicator_id, nis, year)] = (row_id, value)
    return found
