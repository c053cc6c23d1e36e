"""The layout of a key-figure file: long form (gemeente, indicator, jaar, waarde), wide per indicator
(one column per indicator) or wide per year (one column per year); guessed from the headers, checked
before the preview."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from regisseur_app.domain.analysis.indicators import IndicatorData, find_indicator, list_indicators, squash
from regisseur_app.exchange.importing import FieldSet, MappingError, guess_mapping
from regisseur_app.exchange.tabular import RawTable

LONG, WIDE_INDICATOR, WIDE_YEAR = "long", "wide_indicator", "wide_year"
FORMS = {
    LONG: "lang: een rij per gemeente, indicator, jaar en waarde",
    WIDE_INDICATOR: "breed: een kolom per indicator",
    WIDE_YEAR: "breed: een kolom per jaar",
}
KEY_FIGURE_FIELDS = FieldSet(
    {"municipality": "Gemeente", "indicator": "Indicator", "year": "Jaar", "value": "Waarde"},
    required=("municipality",),
    synonyms={
        # codes before names: a national file has both, and the code is unambiguous
        "municipality": ("cd_refnis", "refnis", "nis", "nis-code", "niscode", "nis code", "nis5", "cd_munty_refnis",
                         "gemeente (nis)", "gemeentecode", "gemeentenaam", "naam gemeente", "tx_descr_nl",
                         "tx_munty_descr_nl", "municipality", "gemeente (nl)", "naam"),
        "indicator": ("kerncijfer", "variabele", "omschrijving"),
        "year": ("jaartal", "periode", "year", "cd_year", "refyear", "referentiejaar"),
        "value": ("aantal", "waarde (aantal)", "cijfer", "value"),
    },
)
# other names of the shipped indicators, by code
INDICATOR_SYNONYMS = {
    "inwoners": ("bevolking", "aantal inwoners", "inwonersaantal", "bevolkingsaantal", "inhabitants", "population",
                 "ms_population", "ms_pop", "population totale", "totale bevolking", "inwoners"),
    "nwwz": ("niet werkende werkzoekenden", "werkzoekenden", "nwwz"),
    "leefloon": ("leefloners", "leefloon", "leefloongerechtigden"),
    "art60": ("art 60", "artikel 60", "art 60 7", "art. 60§7"),
    "dgw_maatwerk": ("doelgroepwerknemers maatwerk", "maatwerk"),
    "dgw_lde": ("doelgroepwerknemers lde", "lde"),
    "werkzaamheidsgraad": ("werkzaamheidsgraad", "werkzaamheid"),
}
_YEAR_HEADER = re.compile(r"^\s*(?:jaar\s*)?((?:19|20)\d\d)\s*$", re.IGNORECASE)


@dataclass
class KeyFigureLayout:
    form: str
    columns: dict[str, int | None]                               # field -> column index
    value_columns: dict[int, int] = field(default_factory=dict)  # wide: column -> indicator id or year
    fixed_indicator_id: int | None = None                        # wide per year without an indicator column
    fixed_year: int | None = None                                # wide per indicator without a year column
    participating_only: bool = True


def year_of_header(header: str) -> int | None:
    match = _YEAR_HEADER.match(header or "")
    return int(match.group(1)) if match else None


def indicator_of_header(header: str, indicators: list[IndicatorData]) -> IndicatorData | None:
    found = find_indicator(indicators, header)
    if found is not None:
        return found
    wanted = squash(header)
    for indicator in indicators:
        if wanted and wanted in {squash(s) for s in INDICATOR_SYNONYMS.get(indicator.code, ())}:
            return indicator
    return None


def detect_layout(session: Session, table: RawTable) -> KeyFigureLayout:
    """Guess the form and the columns from the headers (the user can change everything in the dialog)."""
    indicators = list_indicators(session, include_inactive=True)
    columns = guess_mapping(table.headers, KEY_FIGURE_FIELDS)
    base = {i for i in columns.values() if i is not None}
    years = {i: year_of_header(h) for i, h in enumerate(table.headers) if i not in base and year_of_header(h)}
    if years:
        columns["year"] = columns["value"] = None
        return KeyFigureLayout(WIDE_YEAR, columns, years)
    by_indicator = {}
    for index, header in enumerate(table.headers):
        if index in (columns["municipality"], columns["year"]):
            continue
        found = indicator_of_header(header, indicators)
        if found is not None and found.id not in by_indicator.values():
            by_indicator[index] = found.id
    if by_indicator and (columns["indicator"] is None or columns["value"] is None):
        columns["indicator"] = columns["value"] = None
        return KeyFigureLayout(WIDE_INDICATOR, columns, by_indicator)
    return KeyFigureLayout(LONG, columns)


def check_layout(table: RawTable, layout: KeyFigureLayout, by_id: dict[int, IndicatorData]) -> None:
    width = len(table.headers)
    for key, index in layout.columns.items():
        if index is not None and not 0 <= index < width:
            raise MappingError(f"{KEY_FIGURE_FIELDS.get(key, key)}: kolom {index + 1} bestaat niet in "
                               f"'{table.source}'.")
    if layout.columns.get("municipality") is None:
        raise MappingError(f"Kies in '{table.source}' welke kolom de gemeente bevat (naam of NIS-code).")
    if layout.form == LONG:
        missing = [KEY_FIGURE_FIELDS[k] for k in ("indicator", "year", "value") if layout.columns.get(k) is None]
        if missing:
            raise MappingError(f"Kies in '{table.source}' welke kolom {' en '.join(repr(m) for m in missing)} "
                               "bevat (lange vorm: gemeente, indicator, jaar, waarde).")
        return
    if layout.form not in (WIDE_INDICATOR, WIDE_YEAR):
        raise MappingError(f"Onbekende vorm '{layout.form}'.")
    if not layout.value_columns:
        what = "indicator" if layout.form == WIDE_INDICATOR else "jaar"
        raise MappingError(f"Duid in '{table.source}' minstens één kolom aan met de waarden van een {what}.")
    for index, target in layout.value_columns.items():
        if not 0 <= index < width:
            raise MappingError(f"Kolom {index + 1} bestaat niet in '{table.source}'.")
        if layout.form == WIDE_INDICATOR and target not in by_id:
            raise MappingError(f"Kolom '{table.headers[index]}': deze indicator bestaat niet meer.")
    if layout.form == WIDE_INDICATOR and layout.columns.get("year") is None and layout.fixed_year is None:
        raise MappingError(f"'{table.source}' heeft geen kolom met het jaar: kies het jaar van deze cijfers.")
    if layout.form == WIDE_YEAR and layout.columns.get("indicator") is None and layout.fixed_indicator_id is None:
        raise MappingError(f"'{table.source}' heeft geen kolom met de indicator: kies welke indicator dit is.")
    targets = list(layout.value_columns.values())
    doubles = sorted({t for t in targets if targets.count(t) > 1})
    if doubles:
        names = [by_id[t].label if layout.form == WIDE_INDICATOR else str(t) for t in doubles]
        raise MappingError(f"Meer dan één kolom is gekoppeld aan {', '.join(names)}: koppel elke kolom aan "
                           "iets anders.")
