"""Export tables to .xlsx or .csv for Flemish Excel, safely (formula injection) and atomically."""

from __future__ import annotations

import csv
import math
import os
import re
import tempfile
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from regisseur_app.domain.core.contact_service import ContactRow
from regisseur_app.domain.core.organisation_service import OrganisationRow
from regisseur_app.domain.core.validation import format_kbo
from regisseur_app.exchange.core.contact_import import CONTACT_FIELDS
from regisseur_app.exchange.core.org_import import ORGANISATION_FIELDS
from regisseur_app.formatting import format_date, format_datetime, format_number

if TYPE_CHECKING:  # pandas (~0,25 s to import) loads only where a frame is made or written
    import pandas as pd

_DANGEROUS_START = ("=", "+", "-", "@", "\t", "\r")
_PANDAS_MISSING = frozenset({"NAType", "NaTType"})  # the types of pd.NA and pd.NaT (without importing pandas)
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")
CONTACT_COUNT_LABEL = "Aantal contactpersonen"
ARCHIVED_LABEL = "Gearchiveerd"


class ExportError(Exception):
    """The export file could not be written. The message is Dutch and names the file."""


def xlsx_safe(value):
    """A control character (stored before imports refused them) would make openpyxl refuse the whole
    workbook: it becomes U+FFFD, visible, and the export goes on."""
    if isinstance(value, str):
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

        return ILLEGAL_CHARACTERS_RE.sub("\ufffd", value)
    return value


def neutralise(value):
    """Prefix "'" to text that a spreadsheet would run as a formula (OWASP CSV injection advice); control
    characters become U+FFFD (see xlsx_safe)."""
    value = xlsx_safe(value)
    if isinstance(value, str) and value.startswith(_DANGEROUS_START):
        return "'" + value
    return value


def organisations_frame(rows: list[OrganisationRow]) -> pd.DataFrame:
    import pandas as pd

    f = ORGANISATION_FIELDS
    records = [{
        f["name"]: r.name, f["kbo_number"]: _kbo(r.kbo_number), f["type"]: r.type_label, f["street"]: r.street,
        f["postcode"]: r.postcode, f["city"]: r.city, f["seat"]: r.seat_name, f["municipalities"]: r.municipalities,
        f["categories"]: r.categories, f["target_group_employees"]: r.target_group_employees,
        f["website"]: r.website, f["notes"]: r.notes, CONTACT_COUNT_LABEL: r.contact_count,
        ARCHIVED_LABEL: "ja" if r.archived else "nee",
    } for r in rows]
    columns = [f["name"], f["kbo_number"], f["type"], f["street"], f["postcode"], f["city"], f["seat"],
               f["municipalities"], f["categories"], f["target_group_employees"], f["website"], f["notes"],
               CONTACT_COUNT_LABEL, ARCHIVED_LABEL]
    frame = pd.DataFrame.from_records(records, columns=columns)
    frame[f["target_group_employees"]] = frame[f["target_group_employees"]].astype("Int64")
    frame[CONTACT_COUNT_LABEL] = frame[CONTACT_COUNT_LABEL].astype("Int64")
    return frame


def contacts_frame(rows: list[ContactRow]) -> pd.DataFrame:
    import pandas as pd

    f = CONTACT_FIELDS
    columns = [f["name"], f["function"], f["organisation"], f["email"], f["phone"], f["municipalities"],
               ARCHIVED_LABEL]
    records = [{
        f["name"]: r.name, f["function"]: r.function, f["organisation"]: r.organisation_name, f["email"]: r.email,
        f["phone"]: r.phone, f["municipalities"]: r.municipalities, ARCHIVED_LABEL: "ja" if r.archived else "nee",
    } for r in rows]
    return pd.DataFrame.from_records(records, columns=columns)


def export_frame(frame: pd.DataFrame, path: Path, sheet_title: str) -> None:
    """Write `frame` to `path` (.xlsx or .csv by suffix) via a temp file and an atomic rename."""
    export_frames(path, [(sheet_title, frame)])


def export_frames(path: Path, sheets: list[tuple[str, pd.DataFrame]]) -> None:
    """Write one or more tables: an .xlsx gets a sheet per table, a .csv only the first table. Every sheet
    is written the same way (one path for one and for several sheets)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise ExportError(f"Kies een bestandsnaam die eindigt op .xlsx of .csv (niet '{path.name}').")

    def write(temp: Path) -> None:
        if suffix == ".xlsx":
            _write_xlsx(sheets, temp)
        else:
            # CSV: prefix a quote (a spreadsheet would run the text)
            _write_csv(sheets[0][1].rename(columns=lambda c: neutralise(str(c))).map(neutralise), temp)

    write_atomically(path, write)


def save_workbook(book, path: Path) -> Path:  # noqa: ANN001  (an openpyxl Workbook)
    """Save an openpyxl workbook to `path` atomically, with the Dutch messages of write_atomically."""
    path = Path(path)
    write_atomically(path, lambda temp: book.save(temp))
    return path


def write_atomically(path: Path, write) -> None:  # noqa: ANN001  (write(temp_path))
    """Let `write` fill a temp file next to `path`, then rename it into place: the old file stays whole
    until the new one is complete. File-system errors become an ExportError in Dutch."""
    temp_name = None
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=path.suffix.lower(), dir=path.parent)
        os.close(handle)
        write(Path(temp_name))
        os.replace(temp_name, path)
        temp_name = None
    except PermissionError as exc:
        raise ExportError(f"'{path.name}' kan niet bewaard worden: het bestand is open in een ander programma "
                          f"(bv. Excel) of je mag niet schrijven in de map '{path.parent}'. Sluit het bestand en "
                          "probeer opnieuw.") from exc
    except FileNotFoundError as exc:
        raise ExportError(f"'{path.name}' kan niet bewaard worden: de map '{path.parent}' bestaat niet.") from exc
    except OSError as exc:
        raise ExportError(f"'{path.name}' kan niet bewaard worden: {exc.strerror or exc}.") from exc
    finally:
        if temp_name is not None and os.path.exists(temp_name):
            os.unlink(temp_name)


def sheet_name(title: str) -> str:
    return _BAD_SHEET_CHARS.sub("-", title or "").strip("' ")[:31] or "Blad1"


def _write_xlsx(sheets: list[tuple[str, pd.DataFrame]], target: Path) -> None:
    import pandas as pd

    used: set[str] = set()
    with pd.ExcelWriter(target, engine="openpyxl", date_format="DD/MM/YYYY",
                        datetime_format="DD/MM/YYYY HH:MM") as writer:
        for title, frame in sheets:
            name = _unique_sheet(sheet_name(title), used)
            # a stored control character would make openpyxl refuse the whole workbook: U+FFFD instead
            _write_sheet(writer, frame.rename(columns=lambda c: neutralise(str(c))).map(xlsx_safe), name)


def _write_sheet(writer: pd.ExcelWriter, frame: pd.DataFrame, name: str) -> None:
    """Cells that a spreadsheet would run as a formula are typed as text with Excel's own quote-prefix flag
    (the value stays unchanged, no visible apostrophe); numbers get a format with a thousands separator and
    their decimals, dates the Belgian order."""
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    frame.to_excel(writer, sheet_name=name, index=False, freeze_panes=(1, 0))
    sheet = writer.sheets[name]
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    guard_cells(sheet)  # openpyxl turns "=…" into a formula; data never is one
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if cell.is_date:
                cell.number_format = _date_format(cell.value)
    if len(frame.columns):
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(frame.columns))}{max(len(frame) + 1, 1)}"
    for index, column in enumerate(frame.columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = _width(frame[column], str(column))
        number_format = _number_format(frame[column])
        if number_format:
            for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                if isinstance(cell.value, (int, float)) and not isinstance(cell.value, bool):
                    cell.number_format = number_format


def guard_cells(sheet) -> None:  # noqa: ANN001 - an openpyxl worksheet
    """Text that a spreadsheet would run as a formula stays text: typed as a string with Excel's quote-prefix
    flag (the same guard for every workbook, so no export shows a visible apostrophe)."""
    for row in sheet.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and cell.value.startswith(_DANGEROUS_START):
                cell.data_type = "s"
                cell.quotePrefix = True


def _number_format(series: pd.Series) -> str | None:
    """'#,##0' for whole numbers, '#,##0.0' (…) with the decimals the column has (at most 3), else None."""
    import pandas as pd

    if pd.api.types.is_bool_dtype(series.dtype):
        return None
    numbers = [v for v in series if isinstance(v, (int, float)) and not isinstance(v, bool)
               and not (isinstance(v, float) and math.isnan(v))]
    if not numbers:
        return None
    decimals = 0
    for value in numbers:
        text = f"{round(float(value), 3):.3f}".rstrip("0")
        decimals = max(decimals, len(text.partition(".")[2]))
    return "#,##0" + ("." + "0" * decimals if decimals else "")


def _unique_sheet(name: str, used: set[str]) -> str:
    candidate, n = name, 2
    while candidate.lower() in used:
        suffix = f" ({n})"
        candidate = name[:31 - len(suffix)] + suffix
        n += 1
    used.add(candidate.lower())
    return candidate


def _date_format(value) -> str:
    has_time = isinstance(value, datetime) and (value.hour, value.minute, value.second) != (0, 0, 0)
    return "DD/MM/YYYY HH:MM" if has_time else "DD/MM/YYYY"


def _width(series: pd.Series, header: str) -> float:
    sample = [len(_csv_text(v)) for v in series.head(2000)]
    longest = max([len(header), *sample]) if sample else len(header)
    return float(min(max(longest + 2, 8), 60))


def _write_csv(frame: pd.DataFrame, target: Path) -> None:
    with target.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow([str(c) for c in frame.columns])
        for row in frame.itertuples(index=False, name=None):
            writer.writerow([_csv_text(v) for v in row])


def _csv_text(value) -> str:
    """A cell as nl-BE text: integers without separators (so they re-import), decimals with a comma."""
    if value is None or type(value).__name__ in _PANDAS_MISSING:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        if value.is_integer():
            return str(int(value))
        text = format(abs(value), ".10g")
        return format_number(value, 6 if "e" in text else min(len(text.partition(".")[2]), 6))
    if isinstance(value, datetime):
        return format_date(value) if (value.hour, value.minute, value.second) == (0, 0, 0) else format_datetime(value)
    if isinstance(value, date):
        return format_date(value)
    if hasattr(value, "item") and not isinstance(value, str):  # numpy scalars
        return _csv_text(value.item())
    return str(value)


def _kbo(text: str) -> str:
    digits = re.sub(r"\D", "", text or "")
    return format_kbo(digits) if len(digits) == 10 else (text or "")
